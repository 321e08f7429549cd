import { parentPort } from 'node:worker_threads';
import { captureFileToTrace, captureToTrace, type TraceOptions } from '../../server/src/capture';
import { callIdOf } from '../../server/src/capture/callId';
import type { Skip } from '../../common/capture';
import type { CaptureSummary } from './captureSummary';

/**
 * The worker thread that decodes a capture for the capture editor (captureEditor.ts): bytes or a path in,
 * trace text and a summary out, progress on the way. Its own bundle (dist/captureWorker.js): the
 * decoder is never part of the extension's main bundle, and the language service never part of this.
 */

export interface WorkerRequest {
  /** The capture's bytes, or the path of a file on this machine, read as it streams (a capture of gigabytes never in memory). */
  bytes?: Uint8Array;
  path?: string;
  /** Text longer than this is not sent back (VS Code would not hand it to extensions anyway). */
  maxText: number;
}

export type WorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; text: string; summary: CaptureSummary };

parentPort?.once('message', (request: WorkerRequest) => {
  void decodeRequest(request).then((reply) => parentPort!.postMessage(reply satisfies WorkerReply));
});

async function decodeRequest(request: WorkerRequest): Promise<WorkerReply> {
  const calls = new Set<string>();
  let truncated = 0;
  const options: TraceOptions = {
    maxText: request.maxText,
    onProgress: (done, total) => parentPort?.postMessage({ kind: 'progress', done, total } satisfies WorkerReply),
    onRecord: (record) => {
      const callId = callIdOf(record.bytes);
      if (callId) calls.add(callId);
      if (record.truncated) truncated++;
    },
  };
  const { text, textLength, result } = request.path === undefined
    ? captureToTrace(request.bytes ?? new Uint8Array(0), options)
    : await captureFileToTrace(request.path, options);
  const { stats } = result;
  const summary: CaptureSummary = {
    frames: stats.frames,
    sipMessages: stats.sipMessages,
    calls: calls.size,
    truncated,
    tlsFlows: stats.tlsFlows,
    skipped: Object.entries(stats.skipped) as [Skip, number][],
    notes: stats.notes,
    ...(result.error ? { error: result.error } : {}),
    textLength,
  };
  return { kind: 'done', text, summary };
}
