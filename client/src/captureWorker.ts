import { parentPort } from 'node:worker_threads';
import { captureToTrace } from '../../server/src/capture';
import { callIdOf } from '../../server/src/capture/callId';
import type { Skip } from '../../common/capture';
import type { CaptureSummary } from './captureSummary';

/**
 * The worker thread that decodes a capture for the capture editor (captureEditor.ts): bytes in,
 * trace text and a summary out, progress on the way. Its own bundle (dist/captureWorker.js): the
 * decoder is never part of the extension's main bundle, and the language service never part of this.
 */

export interface WorkerRequest {
  bytes: Uint8Array;
  /** Text longer than this is not sent back (VS Code would not hand it to extensions anyway). */
  maxText: number;
}

export type WorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; text: string; summary: CaptureSummary };

parentPort?.once('message', (request: WorkerRequest) => {
  const calls = new Set<string>();
  let truncated = 0;
  const { text, textLength, result } = captureToTrace(request.bytes, {
    maxText: request.maxText,
    onProgress: (done, total) => parentPort!.postMessage({ kind: 'progress', done, total } satisfies WorkerReply),
    onRecord: (record) => {
      const callId = callIdOf(record.bytes);
      if (callId) calls.add(callId);
      if (record.truncated) truncated++;
    },
  });
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
  parentPort!.postMessage({ kind: 'done', text, summary } satisfies WorkerReply);
});
