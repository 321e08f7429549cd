import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCaptureFile, looksLikeCapture, type DecodeResult } from '../capture';
import { makeCaptureFolder, removeCaptureFolder } from './tempFolders';
import { ReadCancelled, streamTraceFile, type ReadOptions } from './traceFile';
import type { TextStream } from './traceStream';

/** A text trace or a capture, streamed from disk. */
export interface StreamedFile {
  lines: number;
  bytes: number;
  /** For a capture: what the decoder read and skipped, and why it stopped early, if it did. */
  decode?: DecodeResult;
  /** The text the messages' offsets point into: the file itself, or a capture's decoded text (with `keepText`). */
  textPath?: string;
  /** Removes what reading left on disk (a capture's decoded text). */
  dispose(): void;
}

export type FileReadOptions = ReadOptions & { keepText?: boolean };

/**
 * Whether the file at `path` goes to the capture decoder: it starts like a capture (pcap, pcapng or
 * gzip), or it is binary (a NUL byte in its first 8 KB; no text trace has one), and the decoder
 * says what it is.
 */
export function isCaptureFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8192);
    const read = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    return looksLikeCapture(read) || read.includes(0);
  } finally {
    closeSync(fd);
  }
}

/** What decodes a capture file into trace text (the decoder here, or in a worker thread: threadedRead.ts). */
export type CaptureFileDecoder = (path: string, write: (chunk: Buffer) => void) => Promise<DecodeResult>;

/** A text trace or a capture (told apart by content, the capture decoded by `decode`), streamed through `stream`, which it ends. */
export async function streamFile(path: string, stream: TextStream, options: FileReadOptions = {}, decode: CaptureFileDecoder = decodeCaptureFile): Promise<StreamedFile> {
  if (isCaptureFile(path)) return streamCaptureFile(path, stream, options, decode);
  return { ...(await streamTraceFile(path, stream, options)), textPath: path, dispose: () => undefined };
}

/**
 * A capture read as a trace, streaming: the decoder's text goes through the trace reader as it
 * comes, and, with `keepText`, into a text file of its own, so that messages can later be read
 * back at their offsets as those of a text trace are. Nothing of the text stays in memory.
 */
async function streamCaptureFile(path: string, stream: TextStream, options: FileReadOptions, decodeFile: CaptureFileDecoder): Promise<StreamedFile> {
  const folder = options.keepText ? makeCaptureFolder() : undefined;
  const textPath = folder === undefined ? undefined : join(folder, 'decoded.txt');
  const fd = textPath === undefined ? undefined : openSync(textPath, 'w');
  const dispose = () => {
    if (folder !== undefined) removeCaptureFolder(folder);
  };
  let decodedBytes = 0;
  let cancelled = false;
  try {
    const decode = await decodeFile(path, (bytes) => {
      if (cancelled || options.cancelled?.()) {
        cancelled = true;
        // The decoder stops at the first error its writer raises.
        throw new ReadCancelled();
      }
      if (fd !== undefined) writeSync(fd, bytes);
      stream.push(bytes);
      decodedBytes += bytes.length;
      // The decoder does not say how far into the capture it is: the decoded text's size, without a total.
      options.progress?.(decodedBytes);
    });
    if (cancelled) throw new ReadCancelled();
    return { ...stream.end(), decode, ...(textPath === undefined ? {} : { textPath }), dispose };
  } catch (error) {
    dispose();
    throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
