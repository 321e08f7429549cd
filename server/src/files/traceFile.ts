import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { readChunks } from '../capture/fileChunks';
import type { SipMessage } from '../service/trace/types';
import type { TextStream } from './traceStream';

/** Reading trace files from disk, whatever their size: the whole file streamed through a reader, or one message's lines. */

export interface ReadOptions {
  /** Called after each chunk with the bytes read so far and the file's size (none for a capture, whose decoded size is reported). */
  progress?: (bytes: number, total?: number) => void;
  /** Polled between chunks: reading stops, and the promise rejects with ReadCancelled, once it returns true. */
  cancelled?: () => boolean;
}

export class ReadCancelled extends Error {
  constructor() {
    super('reading the trace was cancelled');
  }
}

/** Streams a trace file through `trace`, in chunks, and ends it: how many lines and bytes the file has. */
export async function streamTraceFile(path: string, trace: TextStream, options: ReadOptions = {}): Promise<{ lines: number; bytes: number }> {
  const total = statSync(path).size;
  let cancelled = false;
  await readChunks(path, (chunk) => {
    if (options.cancelled?.()) {
      cancelled = true;
      return false;
    }
    trace.push(chunk);
    options.progress?.(trace.bytesRead, total);
    return true;
  });
  if (cancelled) throw new ReadCancelled();
  return trace.end();
}

/** At most this many bytes are read for one message's lines (a message longer than that is cut). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * The lines of messages (framing line to last line), read from disk at their offsets. The file must
 * be the one the messages were read from. With `maxChars`, the reading stops after the message that
 * brings the lines read past it (the first message is always read): fewer lines than messages.
 */
export async function readMessageLines(path: string, messages: readonly SipMessage[], maxChars = Infinity): Promise<string[][]> {
  const file = await open(path, 'r');
  try {
    const result: string[][] = [];
    let chars = 0;
    for (const message of messages) {
      if (chars > maxChars) break;
      const first = message.frameLine ?? message.startLine;
      const wanted = message.endLine - first + 1;
      if (message.offset === undefined) {
        result.push([]);
        continue;
      }
      let size = 16 * 1024;
      let lines: string[] = [];
      while (true) {
        const buffer = Buffer.alloc(size);
        const { bytesRead } = await file.read(buffer, 0, size, message.offset);
        const text = buffer.toString('utf8', 0, bytesRead);
        lines = text.split(/\r\n|\r|\n/, wanted + 1);
        const complete = lines.length > wanted || bytesRead < size;
        if (complete || size >= MAX_MESSAGE_BYTES) break;
        size *= 4;
      }
      const kept = lines.slice(0, wanted);
      for (const line of kept) chars += line.length + 1;
      result.push(kept);
    }
    return result;
  } finally {
    await file.close();
  }
}
