import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { captureToTrace } from '../../server/src/capture';
import { callFlow } from '../../server/src/service/features/callFlow';
import { runCli as run, runCliAsync } from '../support/cli';
import { busyCall } from '../support/flowTraces';
import { corpusFiles, sharedRoot } from '../support/corpus';
import { assertNothingExecutable, parseHtml, parseSvg } from '../support/markup';
import { modelOf } from '../support/traces';


const dir = mkdtempSync(join(tmpdir(), 'sipsense-flow-'));
const trace = join(dir, 'two-calls.txt');
writeFileSync(trace, busyCall('a@h', 10) + busyCall('b@h', 20).replace(/10\.0\.0\.2:5060/g, '10.0.0.3:5060'));
const rfc3665 = join(sharedRoot, 'corpus', 'sip-traces', 'rfc3665.txt');

/** Hostile text wherever a trace can put it: Call-ID, From, reason phrase, method, addresses stay as they are. */
const hostile = join(dir, 'hostile.sip');
writeFileSync(hostile, busyCall('<script>alert(1)</script>@h')
  .replace(/Busy Here/g, 'Busy <img src=x onerror=alert(2)> javascript:alert(3) ]]> \u001b[2J')
  .replace(/From: .*\r/g, 'From: sip:"\'&x=alert(4)@atlanta.example.com;tag=9fxced76sl\r'));

test('flow --format json: participants and one message per SIP message, lines 0-based in FILE', () => {
  const result = run('flow', '--format', 'json', trace);
  assert.equal(result.code, 0, result.err);
  const flow = JSON.parse(result.out);
  assert.deepEqual(flow.participants, [
    { address: '10.0.0.1:5060', inferred: false }, { address: '10.0.0.2:5060', inferred: false }, { address: '10.0.0.3:5060', inferred: false },
  ]);
  assert.equal(flow.messages.length, 10);
  assert.deepEqual(Object.keys(flow.messages[2]).sort(), ['callId', 'endLine', 'from', 'label', 'line', 'method', 'status', 'time', 'to']);
  assert.deepEqual([flow.messages[2].label, flow.messages[2].status, flow.messages[2].from, flow.messages[2].to], ['486 Busy Here', 486, 1, 0]);
  const one = JSON.parse(run('flow', '--format=json', '--call', 'b@h', trace).out);
  assert.equal(one.messages.length, 5);
  assert.deepEqual(one.participants.map((p: { address: string }) => p.address), ['10.0.0.1:5060', '10.0.0.3:5060']);
});

test('flow (text) on RFC 3665: a legend for long host names, arrows, line notes', () => {
  const result = run('flow', rfc3665);
  assert.equal(result.code, 0);
  assert.match(result.out, /^A {2}client\.biloxi\.example\.com \(\?\)$/m);
  assert.match(result.out, /^\(\?\) a host read from the message headers/m);
  assert.match(result.out, /\|-+>\| .* line 264 {2}Call-ID /);
  assert.ok(result.out.split('\n').every((line) => line.length < 400));
});

test('flow --format svg and html: well-formed, nothing executable, hostile text shown as text', () => {
  for (const file of [trace, rfc3665, hostile]) {
    const svg = run('flow', '--format', 'svg', file);
    assert.equal(svg.code, 0);
    const parsedSvg = parseSvg(svg.out);
    assertNothingExecutable(parsedSvg.elements);
    const html = run('flow', '--format', 'html', file);
    assert.equal(html.code, 0);
    const parsedHtml = parseHtml(html.out);
    assert.deepEqual(parsedHtml.errors, [], file);
    assertNothingExecutable(parsedHtml.elements);
    if (file === hostile) {
      for (const text of [parsedSvg.text, parsedHtml.text]) {
        assert.ok(text.includes('486 Busy <img src=x onerror=alert(2)> javascript:alert(3) ]]>'), 'the phrase, as text');
        assert.ok(!text.includes('\u001b'));
      }
      assert.ok(parsedHtml.text.includes('<script>alert(1)</script>@h'), 'the Call-ID, as text');
      assert.ok(parsedHtml.text.includes('"\'&x=alert(4)'), 'the user in From, as text');
    }
  }
});

test('flow fails clearly on a missing file, an unknown call, and bad usage', () => {
  const missing = run('flow', join(dir, 'missing.sip'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*missing\.sip: ENOENT/);
  const unknown = run('flow', '--call', 'nope', trace);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no call with Call-ID nope/);
  for (const args of [['flow'], ['flow', trace, trace], ['flow', '--format', 'png', trace], ['flow', '--call']]) {
    assert.equal(run(...args).code, 2, args.join(' '));
  }
});

test('flow on every corpus capture: the ladder of its decoded trace, read as it streams', async () => {
  let drawn = 0;
  for (const capture of corpusFiles('pcap')) {
    const { text, result } = captureToTrace(readFileSync(capture.path));
    const json = await runCliAsync('flow', '--format', 'json', capture.path);
    assert.equal(json.code, result.error ? 1 : 0, `${capture.name}: ${json.err}`);
    assert.deepEqual(JSON.parse(json.out), callFlow(modelOf(text)), capture.name);
    if (result.error) assert.match(json.err, new RegExp(`${capture.name}: `));
    if (JSON.parse(json.out).messages.length > 0) drawn++;
  }
  assert.ok(drawn >= 15, `${drawn} captures with SIP messages`);
  const svg = await runCliAsync('flow', '--format', 'svg', join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap'));
  assertNothingExecutable(parseSvg(svg.out).elements);
});
