import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DecodeResult } from '../capture';
import { readChunks } from '../capture/fileChunks';
import { isCaptureFile, streamFile, type FileReadOptions, type StreamedFile } from './captureTrace';
import { FastTraceStream, isNgrepFramingLine } from './fastTraceStream';
import type { MessageColumns } from './messageColumns';
import type { ReadJob, ReadReply } from './readWorker';
import { ReadCancelled } from './traceFile';

/**
 * A file read for its calls on two cores. A capture is decoded in a worker thread while this
 * thread reads the decoded text (the same text, in the same order, as one thread reads); a text
 * trace in ngrep framing is cut at an ngrep framing line near its middle (where FastTraceStream
 * ends all it read before, so each part reads as the whole file's reader reads it), the second
 * part read in a worker thread into message columns of its own, appended to this thread's.
 * Smaller files, traces with no such line near their middle, and any file while no core is idle
 * are read by this thread alone.
 */

/** Files from this size are read on two cores (a thread costs some 30 ms to start). */
export const THREADED_FROM = 32 * 1024 * 1024;

/**
 * Whether a core is idle (the last minute's load average below the cores less one): only then does
 * a second thread shorten the read. On a busy machine it only adds CPU time (the worker compiles the
 * readers again, the threads contend): at load 8 on 2 cores, a 500 MB trace took 21.9 and 28.4 s
 * on two threads, 17.7 and 20.5 s on one (CPU 11.5 and 11.8 s against 9.7 and 10.6 s).
 */
function coreIdle(): boolean {
  return loadavg()[0] < availableParallelism() - 1;
}

/** How far from the middle of a trace a framing line is looked for. */
const SPLIT_WINDOW = 1024 * 1024;

/** The worker's script: beside this module, compiled (out/) and bundled (dist/) alike. */
const WORKER = join(__dirname, 'readWorker.js');

export type ThreadedReadOptions = FileReadOptions & {
  /** Whether a second thread reads (by default, for files of THREADED_FROM bytes or more while a core is idle). */
  threads?: boolean;
};

/** Reads the file at `path` (a trace or a capture) into `columns`, on two cores where it is worth it. */
export async function readColumns(path: string, columns: MessageColumns, options: ThreadedReadOptions = {}): Promise<StreamedFile> {
  const stream = new FastTraceStream((message, line, offset) => columns.push(message, line, offset));
  if (!(options.threads ?? (statSync(path).size >= THREADED_FROM && coreIdle()))) return streamFile(path, stream, options);
  if (isCaptureFile(path)) return streamFile(path, stream, options, decodeInWorker);
  const split = splitPoint(path);
  if (split === undefined) return streamFile(path, stream, options);
  return readInParts(path, split, stream, columns, options);
}

/** A worker on `job`, its replies to `onReply`; the promise settles when it stops (rejects when it failed). */
function startWorker(job: ReadJob, onReply: (reply: ReadReply) => void): { worker: Worker; stopped: Promise<void> } {
  const worker = new Worker(WORKER, { workerData: job });
  worker.on('message', onReply);
  const stopped = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the reading thread stopped with code ${code}`))));
  });
  return { worker, stopped };
}

/**
 * A capture decoded in a worker, its text to `write` chunk by chunk as it comes (the worker waits
 * while the chunks handed over and not yet written are too many: bounded memory). When `write`
 * throws (the read was cancelled), the worker is stopped and the promise rejects with that error.
 */
function decodeInWorker(path: string, write: (chunk: Buffer) => void): Promise<DecodeResult> {
  const consumed = new Int32Array(new SharedArrayBuffer(4));
  let decode: DecodeResult | undefined;
  let failure: unknown;
  const { worker, stopped } = startWorker({ kind: 'decode', path, consumed }, (reply) => {
    if (failure !== undefined) return;
    if (reply.kind === 'decoded') decode = reply.decode;
    if (reply.kind !== 'text') return;
    try {
      write(Buffer.from(reply.chunk.buffer, reply.chunk.byteOffset, reply.chunk.byteLength));
    } catch (error) {
      failure = error;
      void worker.terminate();
      return;
    }
    Atomics.add(consumed, 0, 1);
    Atomics.notify(consumed, 0);
  });
  return stopped.then(
    () => {
      if (failure !== undefined) throw failure;
      if (decode === undefined) throw new Error('the reading thread stopped before the end of the capture');
      return decode;
    },
    (error: unknown) => {
      throw failure ?? error;
    },
  );
}

/** An ngrep framing line near the middle of the trace at `path`: its offset, and its bytes (without its line break). */
export function splitPoint(path: string): { offset: number; line: Buffer } | undefined {
  const size = statSync(path).size;
  const start = Math.floor(size / 2);
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.allocUnsafe(SPLIT_WINDOW);
    const bytes = window.subarray(0, readSync(fd, window, 0, window.length, start));
    for (let lf = bytes.indexOf(0x0a); lf !== -1; lf = bytes.indexOf(0x0a, lf + 1)) {
      const from = lf + 1;
      const cr = bytes.indexOf(0x0d, from);
      const next = bytes.indexOf(0x0a, from);
      const eol = cr === -1 ? next : next === -1 ? cr : Math.min(cr, next);
      if (eol === -1) return undefined;
      if (isNgrepFramingLine(bytes, from, eol)) return { offset: start + from, line: Buffer.from(bytes.subarray(from, eol)) };
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The trace read in two parts: [0, split) by this thread (then the framing line at the split, which
 * ends the last part as the whole file's reader ends it), the rest by a worker, whose messages come
 * after this thread's, their lines counted on from this part's.
 */
function readInParts(path: string, split: { offset: number; line: Buffer }, stream: FastTraceStream, columns: MessageColumns, options: ThreadedReadOptions): Promise<StreamedFile> {
  const total = statSync(path).size;
  let workerBytes = 0;
  let part: Extract<ReadReply, { kind: 'part' }> | undefined;
  let settled = false;
  return new Promise<StreamedFile>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };
    const cancelled = (): boolean => {
      if (options.cancelled?.()) fail(new ReadCancelled());
      return settled;
    };
    const progress = () => options.progress?.(Math.min(total, stream.bytesRead + workerBytes), total);
    const { worker, stopped } = startWorker({ kind: 'part', path, from: split.offset }, (reply) => {
      if (cancelled()) return;
      if (reply.kind === 'progress') {
        workerBytes = reply.bytes;
        progress();
      } else if (reply.kind === 'part') {
        part = reply;
        finish();
      }
    });
    let lines: number | undefined;
    const finish = () => {
      if (settled || lines === undefined || part === undefined) return;
      settled = true;
      columns.append(part.columns, lines);
      resolve({ lines: lines + part.lines, bytes: part.bytes, textPath: path, dispose: () => undefined });
    };
    stopped.then(() => (part === undefined ? fail(new Error('the reading thread stopped before the end of the trace')) : finish()), fail);
    readChunks(path, (chunk) => {
      if (cancelled()) return false;
      stream.push(chunk);
      progress();
      return true;
    }, 0, split.offset).then(() => {
      if (settled) return;
      stream.push(split.line);
      // The split's framing line read as this part's last line: the lines before it are this part's.
      lines = stream.end().lines - 1;
      finish();
    }).catch(fail);
  });
}
