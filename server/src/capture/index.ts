import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { CaptureDecoder, type DecodeResult } from './decoder';
import { recordText } from './trace';
import type { SipRecord, TransportDecoder } from './types';

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

/** Writes records as trace text; the time resolution is the capture's, fixed at the first record. */
class TraceWriter {
  private nanos: boolean | undefined;
  constructor(private readonly decoder: CaptureDecoder, private readonly write: (text: string) => void) {}
  record(record: SipRecord): void {
    this.nanos ??= this.decoder.nanosecondTimes;
    this.write(recordText(record, this.nanos));
  }
}

export interface TraceOptions {
  transports?: TransportDecoder[];
  /** Each record, as it goes into the trace. */
  onRecord?: (record: SipRecord) => void;
  /** After each chunk: bytes of the (decompressed) capture decoded, and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Text past this length is measured (textLength) but not kept. */
  maxText?: number;
}

/** A capture held in memory (pcap, pcapng or their gzip) as trace text. */
export function captureToTrace(bytes: Uint8Array, options: TraceOptions = {}): { text: string; textLength: number; result: DecodeResult } {
  const parts: string[] = [];
  const maxText = options.maxText ?? Infinity;
  let textLength = 0;
  let writer: TraceWriter | undefined;
  const decoder = new CaptureDecoder({
    transports: options.transports,
    onRecord: (record) => {
      options.onRecord?.(record);
      writer!.record(record);
    },
  });
  writer = new TraceWriter(decoder, (text) => {
    textLength += text.length;
    if (textLength <= maxText) parts.push(text);
  });
  let input = bytes;
  if (isGzip(bytes)) {
    try {
      input = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIP_BYTES });
    } catch (error) {
      const result = decoder.end();
      return { text: '', textLength: 0, result: { ...result, error: `damaged gzip file: ${(error as Error).message}` } };
    }
  }
  for (let at = 0; at < input.length && !decoder.failed; at += READ_CHUNK) {
    decoder.push(input.subarray(at, at + READ_CHUNK));
    options.onProgress?.(Math.min(input.length, at + READ_CHUNK), input.length);
  }
  const result = decoder.end();
  return { text: textLength <= maxText ? parts.join('') : '', textLength, result };
}

/** A capture file streamed through the decoder (gzip recognised by content), trace text to `write`. */
export async function decodeCaptureFile(path: string, write: (text: string) => void, options: TraceOptions = {}): Promise<DecodeResult> {
  let writer: TraceWriter | undefined;
  const decoder = new CaptureDecoder({ transports: options.transports, onRecord: (record) => writer!.record(record) });
  writer = new TraceWriter(decoder, write);
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  let gzipError: string | undefined;
  try {
    let source: AsyncIterable<Buffer> = file;
    const iterator = file[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (!first.done) {
      const head = first.value as Buffer;
      const rest = (async function* () {
        yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
      })();
      if (isGzip(head)) {
        const gunzip = createGunzip();
        (async () => {
          try {
            for await (const chunk of rest) if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once('drain', resolve));
            gunzip.end();
          } catch (error) {
            gunzip.destroy(error as Error);
          }
        })();
        source = gunzip;
      } else {
        source = rest;
      }
      for await (const chunk of source) {
        decoder.push(chunk);
        if (decoder.failed) break;
      }
    }
  } catch (error) {
    gzipError = (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? `damaged gzip file: ${(error as Error).message}` : `cannot read ${path}: ${(error as Error).message}`;
  } finally {
    file.destroy();
  }
  const result = decoder.end();
  return gzipError && !result.error ? { ...result, error: gzipError } : result;
}
