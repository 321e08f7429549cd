import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from '../../client/src/captureWorker';
import { callIdOf } from '../../server/src/capture/callId';
import { repoRoot, sharedRoot } from '../support/corpus';

/** The capture editor's worker, as built (dist/captureWorker.js): progress, then the trace and its summary. */

/** The worker's answer for a corpus capture, sent as bytes or (`path`) as the file's path, which the worker streams. */
function decodeInWorker(name: string, maxText = 50 * 1024 * 1024, path = false): Promise<{ progress: number; reply: Extract<WorkerReply, { kind: 'done' }> }> {
  const file = join(sharedRoot, 'corpus', 'pcap', name);
  const worker = new Worker(join(repoRoot, 'dist', 'captureWorker.js'));
  let progress = 0;
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') {
        assert.ok(reply.done > 0 && reply.done <= reply.total);
        progress++;
        return;
      }
      void worker.terminate();
      resolve({ progress, reply });
    });
    worker.on('error', reject);
    if (path) {
      worker.postMessage({ path: file, maxText } satisfies WorkerRequest);
      return;
    }
    const bytes = new Uint8Array(readFileSync(file));
    const request: WorkerRequest = { bytes, maxText };
    worker.postMessage(request, [bytes.buffer]);
  });
}

test('a capture file given by its path is streamed by the worker: the same trace and summary as from its bytes, with progress', async () => {
  for (const [name, maxText] of [['sipnab__sipp-branch-scenario.pcapng', undefined], ['heplify__sip_tcp_websocket.pcap', undefined], ['hep-wireshark__hep3_compressed.pcapng', undefined], ['heplify__sip_ipv4_tcp_retrans.pcap', 100], ['sipnab__c07-sip-r2.cap', undefined]] as const) {
    const fromBytes = await decodeInWorker(name, maxText);
    const fromPath = await decodeInWorker(name, maxText, true);
    assert.deepEqual(fromPath.reply, fromBytes.reply, name);
    assert.ok(fromPath.progress >= 1, name);
    if (name.startsWith('sipnab__sipp')) assert.ok(fromPath.progress >= 3, 'a 3.7 MB file read 1 MB at a time reports each');
  }
});

test('a capture with SIP over UDP and WebSocket: the trace, and frames, messages, calls in the summary', async () => {
  const { progress, reply } = await decodeInWorker('heplify__sip_tcp_websocket.pcap');
  assert.ok(progress >= 1);
  assert.equal(reply.summary.sipMessages, 39);
  assert.equal(reply.summary.frames, 61);
  assert.equal(reply.summary.calls, new Set(reply.text.match(/^Call-ID: .*$/gim)?.map((l) => l.slice(8).trim())).size);
  assert.equal(reply.summary.textLength, reply.text.length);
  assert.equal(reply.text.match(/^W \d{4}\/\d\d\/\d\d /gm)?.length, 11);
  assert.equal(reply.summary.error, undefined);
});

test('a path that cannot be read: the summary says so, the worker does not fail', async () => {
  const worker = new Worker(join(repoRoot, 'dist', 'captureWorker.js'));
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    worker.on('message', (message: WorkerReply) => message.kind === 'done' && resolve(message));
    worker.on('error', reject);
    worker.postMessage({ path: join(sharedRoot, 'corpus', 'pcap', 'no-such-capture.pcap'), maxText: 1024 } satisfies WorkerRequest);
  });
  void worker.terminate();
  assert.ok(reply.kind === 'done' && reply.summary.error !== undefined && reply.summary.sipMessages === 0);
});

test('TLS flows are counted; text over the limit is measured, not sent', async () => {
  const { reply } = await decodeInWorker('heplify__sip_ipv4_tcp_retrans.pcap', 100);
  assert.equal(reply.summary.tlsFlows, 3);
  assert.equal(reply.summary.sipMessages, 8);
  assert.ok(reply.summary.textLength > 100);
  assert.equal(reply.text, '');
});

test('a file that is no capture: the summary says what it is', async () => {
  const { reply } = await decodeInWorker('sipnab__c07-sip-r2.cap');
  assert.deepEqual(reply.summary.error, { key: 'notACapture', args: ['netmon'] });
  assert.equal(reply.summary.sipMessages, 0);
});

test('the Call-ID of a message: full or compact header, only in the headers', () => {
  const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  assert.equal(callIdOf(text('INVITE sip:a SIP/2.0\r\nCall-ID:  abc@h \r\nCSeq: 1 INVITE\r\n\r\n')), 'abc@h');
  assert.equal(callIdOf(text('SIP/2.0 200 OK\ni: xyz\n\n')), 'xyz');
  assert.equal(callIdOf(text('SIP/2.0 200 OK\r\nCSeq: 1 X\r\n\r\nCall-ID: body\r\n')), undefined);
  assert.equal(callIdOf(text('SIP/2.0 200 OK\r\nCall-ID:\r\n\r\n')), undefined);
});
