import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { CaptureDecoder, type DecodeResult } from './decoder';
import { readChunks } from './fileChunks';
import { TraceSink } from './trace';
import { problem, type CaptureProblem, type SipRecord, type TransportDecoder } from './types';

/** Entry points of the capture decoder: whole bytes to a trace, or a file streamed to a writer. */

export type { DecodeResult } from './decoder';
export { CaptureDecoder } from './decoder';
export * from './types';

/** Largest decompressed size accepted when a whole .gz is decoded in memory. */
const MAX_GUNZIP_BYTES = 1024 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Whether bytes start like a capture this decoder reads (pcap, pcapng or gzip). */
export function looksLikeCapture(head: Uint8Array): boolean {
  if (isGzip(head)) return true;
  if (head.length < 4) return false;
  const magic = (head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]) >>> 0;
  return [0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0xa1b2cd34, 0x34cdb2a1, 0x0a0d0d0a].includes(magic);
}

export interface TraceOptions {
  transports?: TransportDecoder[];
  /** Each record, as it goes into the trace. */
  onRecord?: (record: SipRecord) => void;
  /** After each chunk: bytes of the (decompressed) capture decoded, and in all; for a file streamed, bytes of the file read, and its size. */
  onProgress?: (done: number, total: number) => void;
  /** Text past this many UTF-8 bytes is measured (textLength) but not kept. */
  maxText?: number;
}

/** A decoder whose records go to a trace sink; the time resolution is the capture's, fixed at the first record. */
function tracingDecoder(output: (chunk: Buffer) => void, options: TraceOptions): { decoder: CaptureDecoder; sink: TraceSink } {
  const sink = new TraceSink(output);
  let nanos: boolean | undefined;
  const decoder: CaptureDecoder = new CaptureDecoder({
    transports: options.transports,
    onRecord: (record: SipRecord) => {
      options.onRecord?.(record);
      nanos ??= decoder.nanosecondTimes;
      sink.record(record, nanos);
    },
  });
  return { decoder, sink };
}

/** The trace text kept while a capture is decoded: all of it, or none once it is longer than `maxText` UTF-8 bytes (then only measured). */
class KeptText {
  private parts: Buffer[] = [];
  length = 0;

  constructor(private readonly maxText: number) {}

  readonly write = (chunk: Buffer): void => {
    this.length += chunk.length;
    if (this.length <= this.maxText) this.parts.push(chunk);
    else this.parts = [];
  };

  get text(): string {
    return this.length <= this.maxText ? Buffer.concat(this.parts).toString('utf8') : '';
  }
}

/** A capture held in memory (pcap, pcapng or their gzip) as trace text; textLength counts its UTF-8 bytes. */
export function captureToTrace(bytes: Uint8Array, options: TraceOptions = {}): { text: string; textLength: number; result: DecodeResult } {
  const kept = new KeptText(options.maxText ?? Infinity);
  const { decoder, sink } = tracingDecoder(kept.write, options);
  let input = bytes;
  if (isGzip(bytes)) {
    try {
      input = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIP_BYTES });
    } catch (error) {
      const result = decoder.end();
      return { text: '', textLength: 0, result: { ...result, error: problem('gzipDamaged', (error as Error).message) } };
    }
  }
  for (let at = 0; at < input.length && !decoder.failed; at += READ_CHUNK) {
    decoder.push(input.subarray(at, at + READ_CHUNK));
    options.onProgress?.(Math.min(input.length, at + READ_CHUNK), input.length);
  }
  const result = decoder.end();
  sink.flush();
  return { text: kept.text, textLength: kept.length, result };
}

/** A capture file as trace text, streamed from disk (the capture never whole in memory); as captureToTrace. */
export async function captureFileToTrace(path: string, options: TraceOptions = {}): Promise<{ text: string; textLength: number; result: DecodeResult }> {
  const kept = new KeptText(options.maxText ?? Infinity);
  const result = await decodeCaptureFile(path, kept.write, options);
  return { text: kept.text, textLength: kept.length, result };
}

/**
 * A capture file streamed through the decoder (gzip recognised by content), the trace's UTF-8 to
 * `write` in batches. A plain capture is read into one buffer (readChunks: the decoder copies what
 * it keeps of a chunk); a gzip one through a read stream, the chunks going on to gunzip.
 */
export async function decodeCaptureFile(path: string, write: (chunk: Buffer) => void, options: TraceOptions = {}): Promise<DecodeResult> {
  const { decoder, sink } = tracingDecoder(write, options);
  let gzipError: CaptureProblem | undefined;
  try {
    const head = await fileHead(path);
    const size = statSync(path).size;
    let read = 0;
    // Each chunk of the file as it is read (before any gunzip), with the progress through the file.
    const progress = (chunk: Uint8Array) => {
      read += chunk.length;
      options.onProgress?.(Math.min(read, size), size);
    };
    if (isGzip(head)) {
      await gunzipped(path, progress, decoder);
    } else {
      await readChunks(path, (chunk) => {
        progress(chunk);
        decoder.push(chunk);
        return !decoder.failed;
      }, 0, Infinity, READ_CHUNK);
    }
  } catch (error) {
    gzipError = (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? problem('gzipDamaged', (error as Error).message) : problem('cannotRead', path, (error as Error).message);
  }
  const result = decoder.end();
  sink.flush();
  return gzipError && !result.error ? { ...result, error: gzipError } : result;
}

/** The first two bytes of a file (fewer when it is shorter). */
async function fileHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return head.subarray(0, (await file.read(head, 0, 2, 0)).bytesRead);
  } finally {
    await file.close();
  }
}

/** A gzip capture file read through gunzip into the decoder. */
async function gunzipped(path: string, progress: (chunk: Uint8Array) => void, decoder: CaptureDecoder): Promise<void> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  const gunzip = createGunzip();
  try {
    (async () => {
      try {
        for await (const chunk of file) {
          progress(chunk as Buffer);
          if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once('drain', resolve));
        }
        gunzip.end();
      } catch (error) {
        gunzip.destroy(error as Error);
      }
    })();
    for await (const chunk of gunzip) {
      decoder.push(chunk as Buffer);
      if (decoder.failed) break;
    }
  } finally {
    file.destroy();
  }
}
