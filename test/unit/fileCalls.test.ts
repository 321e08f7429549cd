import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { captureToTrace } from '../../server/src/capture';
import { readFileCalls, type FileCalls } from '../../server/src/files/fileCalls';
import type { ReadJob, ReadReply } from '../../server/src/files/readWorker';
import { splitPoint } from '../../server/src/files/threadedRead';
import { ReadCancelled } from '../../server/src/files/traceFile';
import { callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import type { TraceModel } from '../../server/src/service/trace';
import { corpusFiles, repoRoot, sharedRoot } from '../support/corpus';
import { busyCall, keepAliveCall } from '../support/flowTraces';
import { readFileTrace, type FileTrace } from '../support/traces';

const dir = mkdtempSync(join(tmpdir(), 'sipsense-filecalls-'));

/** The calls list, every call's messages read again from disk, and ladders of the file: those of the whole model. */
async function assertSameAsWholeModel(calls: FileCalls, model: TraceModel, name: string): Promise<void> {
  assert.deepEqual(calls.calls, callSummaries(model), name);
  assert.equal(calls.messages, model.messages.length, name);
  for (const call of model.calls) {
    const messages = call.messages.map((i) => model.messages[i]);
    assert.deepEqual(await calls.callMessages(call.callId), messages, `${name}: ${call.callId}`);
    assert.deepEqual(calls.callStartLines(call.callId), messages.map((m) => m.startLine), `${name}: ${call.callId}`);
    const [from, to] = [Math.floor(messages.length / 3), Math.ceil((2 * messages.length) / 3)];
    assert.deepEqual(await calls.callMessages(call.callId, from, to), messages.slice(from, to), `${name}: ${call.callId} [${from}, ${to})`);
  }
  assert.equal(await calls.callMessages('no such call'), undefined);
  assert.equal(calls.callStartLines('no such call'), undefined);
  const total = model.messages.length;
  const windows = [{ limit: 10_000 }, { limit: 7, start: Math.floor(total / 2) }, { limit: 5, line: model.messages[Math.floor(total / 3)].startLine }];
  for (const window of windows) {
    assert.deepEqual(await calls.ladder(undefined, window), callFlow(model, undefined, window), `${name}: ${JSON.stringify(window)}`);
    const chosen = model.calls.slice(-2).map((call) => call.callId);
    assert.deepEqual(await calls.ladder(chosen, window), callFlow(model, chosen, window), `${name}: ${chosen.join(', ')}`);
  }
}

/** Each corpus file of `folders` with messages, read by readFileCalls with `options`: as in the whole model (`also`: more checks); how many. */
async function compareCorpus(folders: readonly string[], options: Parameters<typeof readFileCalls>[1], also?: (calls: FileCalls, whole: FileTrace, name: string) => void): Promise<number> {
  let compared = 0;
  for (const folder of folders) {
    for (const file of corpusFiles(folder)) {
      const whole = await readFileTrace(file.path, { keepText: true }).catch(() => undefined);
      if (!whole || whole.model.messages.length === 0) {
        whole?.dispose();
        continue;
      }
      const calls = await readFileCalls(file.path, { ...options, keepText: true });
      try {
        also?.(calls, whole, file.name);
        await assertSameAsWholeModel(calls, whole.model, file.name);
      } finally {
        calls.dispose();
        whole.dispose();
      }
      compared++;
    }
  }
  return compared;
}

test('every corpus trace and capture read from disk: its calls list, each call read again by offset, its ladders, as in the whole model', async () => {
  const compared = await compareCorpus(['sip-traces', 'sip-torture', 'logs', 'pcap'], {});
  assert.ok(compared > 80, `${compared} files`);
});

test('long calls summarised in parts (models of a part of the call at a time): as in the whole model', async () => {
  // Parts far shorter than the server's, so that the corpus's longer calls (proxy traces, logs) go through them too;
  // the overlap holds the corpus's furthest transactions (RFC 3665 reuses one Call-ID and branch across its examples).
  const longCalls = { messages: 12, part: 8, overlap: 500 };
  let partedCalls = 0;
  const compared = await compareCorpus(['sip-traces', 'logs', 'pcap'], { longCalls }, (_, whole) => {
    partedCalls += whole.model.calls.filter((call) => call.messages.length > longCalls.messages).length;
  });
  assert.ok(compared > 40 && partedCalls > 15, `${compared} files, ${partedCalls} calls in parts`);
  // A keep-alive, a call answered then talked in (re-INVITEs, INFO), ended by BYE long after, one cancelled, one refused after a challenge.
  const talk = busyCall('talk@h', 0).replace(/486 Busy Here/g, '200 OK');
  const inDialog = Array.from({ length: 60 }, (_, i) => busyCall('talk@h', 5 + (i % 50)).replace(/486 Busy Here/g, '200 OK')
    .replace(/z9hG4bK74bf9-talk@h/g, `z9hG4bKre${i}`).replace(/CSeq: 1 /g, `CSeq: ${i + 2} `).replace(/^To: <sip:2002@biloxi\.example\.com>\r$/gm, 'To: <sip:2002@biloxi.example.com>;tag=314159\r')).join('');
  const bye = busyCall('talk@h', 58).replace(/INVITE/g, 'BYE').replace(/486 Busy Here/g, '200 OK').replace(/z9hG4bK74bf9-talk@h/g, 'z9hG4bKbye');
  const path = join(dir, 'long-calls.txt');
  // Keep-alives, then many requests of another method: the transaction that decides the call lies in a middle part.
  /** The last keep-alive of a call answered `final` instead of 200 (what decides the call's state). */
  const lastAnswered = (trace: string, final: string) => trace.slice(0, trace.lastIndexOf('SIP/2.0 200 OK')) + final + trace.slice(trace.lastIndexOf('SIP/2.0 200 OK') + 'SIP/2.0 200 OK'.length);
  const pings = lastAnswered(keepAliveCall('mid@h', 20), 'SIP/2.0 503 Service Unavailable') + Array.from({ length: 60 }, (_, i) => busyCall('mid@h', i % 60).replace(/INVITE/g, 'INFO').replace(/z9hG4bK74bf9-mid@h/g, `z9hG4bKinfo${i}`)).join('');
  writeFileSync(path, lastAnswered(keepAliveCall('ka@h', 150), 'SIP/2.0 408 Request Timeout') + talk + inDialog + bye + pings + busyCall('busy@h', 59));
  const whole = await readFileTrace(path);
  const states = Object.fromEntries(callSummaries(whole.model).map((call) => [call.callId, [call.state, call.status, call.messages]]));
  assert.deepEqual(states, { 'ka@h': ['rejected', 408, 300], 'talk@h': ['completed', 200, 310], 'mid@h': ['rejected', 503, 340], 'busy@h': ['busy', 486, 5] });
  for (const parts of [{ messages: 40, part: 32, overlap: 8 }, { messages: 10, part: 7, overlap: 6 }]) {
    await assertSameAsWholeModel(await readFileCalls(path, { longCalls: parts }), whole.model, `long calls ${JSON.stringify(parts)}`);
  }
});

test('a packet of two messages (one framing line) and messages without a Call-ID are read again as the whole file read them', async () => {
  const twoInOne = busyCall('two@h', 10).replace(/\n\nU 2024\/05\/06 10:00:10\.[0-9]+ 10\.0\.0\.2:5060 -> 10\.0\.0\.1:5060\n/, '\n\n');
  const noCallId = busyCall('gone@h', 30).replace(/^Call-ID: gone@h\r\n/gm, '');
  const path = join(dir, 'packets.txt');
  writeFileSync(path, twoInOne + noCallId + busyCall('last@h', 40));
  const whole = await readFileTrace(path);
  assert.ok(whole.model.messages.some((m) => m.sharesFrame), 'a message read under the framing line of another');
  assert.ok(whole.model.messages.some((m) => m.callId === undefined), 'messages without a Call-ID');
  await assertSameAsWholeModel(await readFileCalls(path), whole.model, 'packets');
});

/** The decoded text of corpus captures (ngrep framing) and busy calls, with packets the byte reader hands to the line reader. */
function ngrepTrace(): string {
  const decoded = ['pkts__cancel.pcap', 'sipnab__sip-488-codec-reject.pcapng', 'heplify__sip_tcp_websocket.pcap']
    .map((name) => captureToTrace(readFileSync(join(sharedRoot, 'corpus', 'pcap', name))).text).join('');
  const folded = busyCall('folded@h', 20).replace('CSeq: 1 INVITE\n', 'CSeq: 1 INVITE\nSubject: first\n second\n');
  const hashes = busyCall('hashes@h', 25).replace(/\n\nU 2024/, '\n####\nU 2024');
  return [decoded, folded, busyCall('a@h', 10), hashes, decoded.replace(/\r\n/g, '\n'), busyCall('b@h', 30)].join('');
}

test('a trace read on two cores (cut at an ngrep framing line near its middle, wherever that falls): as in the whole model', async () => {
  const text = ngrepTrace();
  let split = 0;
  for (let shift = 0; shift < 40; shift++) {
    // Text before the first framing line moves the middle from packet to packet.
    const path = join(dir, `parts-${shift}.txt`);
    writeFileSync(path, `${'a line before the framing\n'.repeat(shift * 37)}${text}`);
    const cut = splitPoint(path);
    assert.ok(cut !== undefined, `shift ${shift}: a framing line near the middle`);
    assert.ok(readFileSync(path).subarray(cut.offset).toString('latin1').startsWith(cut.line.toString('latin1')));
    split++;
    const whole = await readFileTrace(path);
    await assertSameAsWholeModel(await readFileCalls(path, { threads: true }), whole.model, `shift ${shift}`);
  }
  assert.equal(split, 40);
  const unframed = join(dir, 'unframed.txt');
  writeFileSync(unframed, text.replace(/^[A-Z] \d{4}\/\S* \S+ \S+ -> \S+\n/gm, ''));
  assert.equal(splitPoint(unframed), undefined, 'no ngrep framing line: read by one thread');
  await assertSameAsWholeModel(await readFileCalls(unframed, { threads: true }), (await readFileTrace(unframed)).model, 'unframed');
});

test('every corpus capture decoded in a worker thread while its text is read: as in the whole model', async () => {
  const compared = await compareCorpus(['pcap'], { threads: true }, (calls, whole, name) => assert.deepEqual(calls.decode, whole.decode, name));
  assert.ok(compared > 20, `${compared} captures`);
});

test('read on two cores: progress up to the whole file, cancellation stops both threads', async () => {
  const path = join(dir, 'big-parts.txt');
  writeFileSync(path, Array.from({ length: 4000 }, (_, i) => busyCall(`call-${i}@h`, 10)).join(''));
  const seen: number[] = [];
  const calls = await readFileCalls(path, { threads: true, progress: (read, total) => seen.push(read / (total ?? Number.NaN)) });
  assert.equal(calls.calls.length, 4000);
  assert.ok(seen.length > 1 && seen.every((v, i) => i === 0 || v >= seen[i - 1]), 'progress only grows');
  assert.equal(seen.at(-1), 1);
  let polls = 0;
  await assert.rejects(readFileCalls(path, { threads: true, cancelled: () => ++polls > 1 }), ReadCancelled);
  const capture = join(sharedRoot, 'corpus', 'pcap', 'sipnab__sipp-branch-scenario.pcapng');
  polls = 0;
  await assert.rejects(readFileCalls(capture, { threads: true, keepText: true, cancelled: () => ++polls > 1 }), ReadCancelled);
});

test('the bundled worker (dist/readWorker.js, beside dist/server.js) reads a part of a trace as the compiled one does', async () => {
  const path = join(dir, 'bundled.txt');
  writeFileSync(path, ngrepTrace());
  const cut = splitPoint(path);
  assert.ok(cut);
  const part = (script: string) => new Promise<ReadReply>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { kind: 'part', path, from: cut.offset } satisfies ReadJob });
    worker.on('message', (reply: ReadReply) => reply.kind === 'part' && resolve(reply));
    worker.on('error', reject);
  });
  const bundled = await part(join(repoRoot, 'dist', 'readWorker.js'));
  assert.ok(bundled.kind === 'part' && bundled.columns.count > 10);
  assert.deepEqual(bundled, await part(join(repoRoot, 'out', 'server', 'src', 'files', 'readWorker.js')));
});
