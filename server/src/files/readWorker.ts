import { parentPort, workerData } from 'node:worker_threads';
import { decodeCaptureFile, type DecodeResult } from '../capture';
import { readChunks } from '../capture/fileChunks';
import { FastTraceStream } from './fastTraceStream';
import { MessageColumns, type ColumnsData } from './messageColumns';

/**
 * The worker thread that reads for the server's second core (threadedRead.ts): a capture decoded
 * into trace text (handed over chunk by chunk, never more than AHEAD chunks ahead of the reader
 * of that text), or the part of a text trace from an ngrep framing line to the end of the file
 * read into message columns. Its own bundle (dist/readWorker.js).
 */

export type ReadJob =
  /** `consumed[0]`: how many text chunks the reader has read (it wakes this thread as it reads). */
  | { kind: 'decode'; path: string; consumed: Int32Array }
  | { kind: 'part'; path: string; from: number };

export type ReadReply =
  | { kind: 'text'; chunk: Uint8Array }
  | { kind: 'decoded'; decode: DecodeResult }
  | { kind: 'progress'; bytes: number }
  | { kind: 'part'; columns: ColumnsData; lines: number; bytes: number };

/** How many chunks of decoded text (about 1 MB each) may wait for the reader. */
const AHEAD = 8;

const port = parentPort;
if (port) void run(workerData as ReadJob);

async function run(job: ReadJob): Promise<void> {
  const post = (reply: ReadReply, transfer: ArrayBuffer[] = []) => port?.postMessage(reply, transfer);
  if (job.kind === 'decode') {
    let posted = 0;
    const decode = await decodeCaptureFile(job.path, (bytes) => {
      const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
      post({ kind: 'text', chunk: own }, [own.buffer as ArrayBuffer]);
      posted++;
      for (let read = Atomics.load(job.consumed, 0); posted - read > AHEAD; read = Atomics.load(job.consumed, 0)) Atomics.wait(job.consumed, 0, read, 100);
    });
    post({ kind: 'decoded', decode });
    return;
  }
  const columns = new MessageColumns();
  const stream = new FastTraceStream((message, line, offset) => columns.push(message, line, offset), { line: 0, offset: job.from });
  await readChunks(job.path, (chunk) => {
    stream.push(chunk);
    post({ kind: 'progress', bytes: stream.bytesRead - job.from });
    return true;
  }, job.from);
  const { lines, bytes } = stream.end();
  const data = columns.data();
  post({ kind: 'part', columns: data, lines, bytes }, [...data.numbers, ...data.strings].map((array) => array.buffer as ArrayBuffer));
}
