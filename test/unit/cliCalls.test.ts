import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { captureToTrace } from '../../server/src/capture';
import { callSummaries } from '../../server/src/service/features/callFlow';
import { runCliAsync } from '../support/cli';
import { corpusFiles, sharedRoot } from '../support/corpus';
import { modelOf } from '../support/traces';

const cancelCapture = join(sharedRoot, 'corpus', 'pcap', 'pkts__cancel.pcap');
const dir = mkdtempSync(join(tmpdir(), 'sipsense-calls-'));

test('calls lists a capture\'s calls; checked against tshark: 7 messages from 1362867909.703901 to .815200 four seconds later, ended by a 487', async () => {
  const result = await runCliAsync('calls', '--format', 'json', cancelCapture);
  assert.equal(result.code, 0);
  assert.deepEqual(JSON.parse(result.out), [{
    file: cancelCapture, callId: '1-6261@127.0.1.1', method: 'INVITE', from: 'sipp', to: 'receiver', start: '2013-03-09 22:25:09.703901',
    duration: 4.111299, messages: 7, status: 487, phrase: 'Request Terminated', state: 'cancelled',
  }]);
  assert.equal((await runCliAsync('calls', cancelCapture)).out,
    '1-6261@127.0.1.1  INVITE  sipp → receiver  2013-03-09 22:25:09.703901  4.111299 s  7 msgs  487 Request Terminated  cancelled');
  // In Persian, the words of the table are Persian, its count in Persian digits; what comes from the capture keeps its digits.
  assert.equal((await runCliAsync('calls', '--lang', 'fa', cancelCapture)).out,
    '1-6261@127.0.1.1  INVITE  sipp → receiver  2013-03-09 22:25:09.703901  4.111299 s  ۷ پیام  487 Request Terminated  لغوشده');
  assert.equal((await runCliAsync('calls', '--lang', 'both', cancelCapture)).out, (await runCliAsync('calls', cancelCapture)).out, 'a row is one line: English');
});

test('calls as CSV: a header row, fields quoted when they hold commas or quotes, control characters escaped', async () => {
  const trace = join(dir, 'quoted.sip');
  writeFileSync(trace, [
    'INVITE sip:2002@b SIP/2.0', 'Via: SIP/2.0/UDP a;branch=z9hG4bK1', 'From: "Smith, \\"J\\"" <sip:b@a>;tag=1', 'To: <sip:2002@b>',
    'Call-ID: weird"id"\u001b[31m', 'CSeq: 1 INVITE', 'Content-Length: 0', '',
    'SIP/2.0 486 Busy, "really"', 'Via: SIP/2.0/UDP a;branch=z9hG4bK1', 'From: "Smith, \\"J\\"" <sip:b@a>;tag=1', 'To: <sip:2002@b>;tag=2',
    'Call-ID: weird"id"\u001b[31m', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '',
  ].join('\r\n'));
  const lines = (await runCliAsync('calls', '--format=csv', trace)).out.split('\n');
  assert.deepEqual(lines, [
    'file,callId,method,from,to,start,duration,messages,status,phrase,state',
    `${trace},"weird""id""\\x1b[31m",INVITE,b,2002,,,2,486,"Busy, ""really""",busy`,
  ]);
});

test('calls: a file that cannot be read exits 1; no file is a usage error', async () => {
  const missing = await runCliAsync('calls', join(dir, 'missing.sip'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*missing\.sip: ENOENT/);
  assert.equal((await runCliAsync('calls')).code, 2);
  assert.equal((await runCliAsync('calls', '--format', 'xml', cancelCapture)).code, 2);
});

test('calls on every corpus capture, decoded as it streams: the calls of its whole decoded trace; damage said, what came before listed', async () => {
  let listed = 0;
  for (const capture of corpusFiles('pcap')) {
    const { text, result } = captureToTrace(readFileSync(capture.path));
    const answer = await runCliAsync('calls', '--format', 'json', capture.path);
    assert.equal(answer.code, 0, `${capture.name}: ${answer.err}`);
    const expected = callSummaries(modelOf(text));
    type Row = { callId: string; method: string; from: string; to: string; messages: number; status: number | null; phrase: string | null; state: string; duration: number | null };
    assert.deepEqual((JSON.parse(answer.out) as Row[]).map((c) => [c.callId, c.method, c.from, c.to, c.messages, c.status, c.phrase, c.state, c.duration]),
      expected.map((c) => [c.callId, c.method, c.from, c.to, c.messages, c.status ?? null, c.phrase ?? null, c.state, c.duration ?? null]), capture.name);
    if (result.error) assert.match(answer.err, new RegExp(`${capture.name}: `));
    if (expected.length > 0) listed++;
  }
  assert.ok(listed >= 15, `${listed} captures with calls`);
});
