import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileTrace } from '../../server/src/files/captureTrace';
import { readFileCalls, type FileCalls } from '../../server/src/files/fileCalls';
import { callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import type { TraceModel } from '../../server/src/service/trace';
import { corpusFiles } from '../support/corpus';
import { busyCall } from '../support/flowTraces';

const dir = mkdtempSync(join(tmpdir(), 'sipsense-filecalls-'));

/** The calls list, every call's messages read again from disk, and ladders of the file: those of the whole model. */
async function assertSameAsWholeModel(calls: FileCalls, model: TraceModel, name: string): Promise<void> {
  assert.deepEqual(calls.calls, callSummaries(model), name);
  assert.equal(calls.messages, model.messages.length, name);
  for (const call of model.calls) {
    assert.deepEqual(await calls.callMessages(call.callId), call.messages.map((i) => model.messages[i]), `${name}: ${call.callId}`);
  }
  assert.equal(await calls.callMessages('no such call'), undefined);
  const total = model.messages.length;
  const windows = [{ limit: 10_000 }, { limit: 7, start: Math.floor(total / 2) }, { limit: 5, line: model.messages[Math.floor(total / 3)].startLine }];
  for (const window of windows) {
    assert.deepEqual(await calls.ladder(undefined, window), callFlow(model, undefined, window), `${name}: ${JSON.stringify(window)}`);
    const chosen = model.calls.slice(-2).map((call) => call.callId);
    assert.deepEqual(await calls.ladder(chosen, window), callFlow(model, chosen, window), `${name}: ${chosen.join(', ')}`);
  }
}

test('every corpus trace and capture read from disk: its calls list, each call read again by offset, its ladders, as in the whole model', async () => {
  let compared = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs', 'pcap']) {
    for (const file of corpusFiles(folder)) {
      const whole = await readFileTrace(file.path, { keepText: true }).catch(() => undefined);
      if (!whole || whole.model.messages.length === 0) {
        whole?.dispose();
        continue;
      }
      const calls = await readFileCalls(file.path, { keepText: true });
      try {
        await assertSameAsWholeModel(calls, whole.model, file.name);
      } finally {
        calls.dispose();
        whole.dispose();
      }
      compared++;
    }
  }
  assert.ok(compared > 80, `${compared} files`);
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
