import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import type { FlowMessage } from '../../common/callFlow';
import { captureToTrace } from '../../server/src/capture';
import { main } from '../../server/src/cli';
import { readFileFlow } from '../../server/src/files/fileFlow';
import { callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import { runCliAsync as run } from '../support/cli';
import { busyCall } from '../support/flowTraces';
import { corpusFiles, sharedRoot } from '../support/corpus';
import { rendered } from '../support/ladders';
import { assertNothingExecutable, parseHtml, parseSvg } from '../support/markup';
import { modelOf, readFileTrace } from '../support/traces';


const dir = mkdtempSync(join(tmpdir(), 'sipsense-flow-'));
const trace = join(dir, 'two-calls.txt');
writeFileSync(trace, busyCall('a@h', 10) + busyCall('b@h', 20).replace(/10\.0\.0\.2:5060/g, '10.0.0.3:5060'));
const rfc3665 = join(sharedRoot, 'corpus', 'sip-traces', 'rfc3665.txt');

/** Hostile text wherever a trace can put it: Call-ID, From, reason phrase, method, addresses stay as they are. */
const hostile = join(dir, 'hostile.sip');
writeFileSync(hostile, busyCall('<script>alert(1)</script>@h')
  .replace(/Busy Here/g, 'Busy <img src=x onerror=alert(2)> javascript:alert(3) ]]> \u001b[2J')
  .replace(/From: .*\r/g, 'From: sip:"\'&x=alert(4)@atlanta.example.com;tag=9fxced76sl\r'));

test('flow --format json: participants and one message per SIP message, lines 0-based in FILE', async () => {
  const result = await run('flow', '--format', 'json', trace);
  assert.equal(result.code, 0, result.err);
  const flow = JSON.parse(result.out);
  assert.deepEqual(flow.participants, [
    { address: '10.0.0.1:5060', inferred: false }, { address: '10.0.0.2:5060', inferred: false }, { address: '10.0.0.3:5060', inferred: false },
  ]);
  assert.equal(flow.messages.length, 10);
  assert.deepEqual(Object.keys(flow.messages[2]).sort(), ['callId', 'endLine', 'from', 'label', 'line', 'method', 'status', 'time', 'to']);
  assert.deepEqual([flow.messages[2].label, flow.messages[2].status, flow.messages[2].from, flow.messages[2].to], ['486 Busy Here', 486, 1, 0]);
  const one = JSON.parse((await run('flow', '--format=json', '--call', 'b@h', trace)).out);
  assert.equal(one.messages.length, 5);
  assert.deepEqual(one.participants.map((p: { address: string }) => p.address), ['10.0.0.1:5060', '10.0.0.3:5060']);
});

test('flow (text) on RFC 3665: a legend for long host names, arrows, line notes', async () => {
  const result = await run('flow', rfc3665);
  assert.equal(result.code, 0);
  assert.match(result.out, /^A {2}client\.biloxi\.example\.com \(\?\)$/m);
  assert.match(result.out, /^\(\?\) a host read from the message headers/m);
  assert.match(result.out, /\|-+>\| .* line 264 {2}Call-ID /);
  assert.ok(result.out.split('\n').every((line) => line.length < 400));
});

test('flow --format svg and html: well-formed, nothing executable, hostile text shown as text', async () => {
  for (const file of [trace, rfc3665, hostile]) {
    const svg = await run('flow', '--format', 'svg', file);
    assert.equal(svg.code, 0);
    const parsedSvg = parseSvg(svg.out);
    assertNothingExecutable(parsedSvg.elements);
    const html = await run('flow', '--format', 'html', file);
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

test('flow fails clearly on a missing file, an unknown call, and bad usage', async () => {
  const missing = await run('flow', join(dir, 'missing.sip'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*missing\.sip: ENOENT/);
  const unknown = await run('flow', '--call', 'nope', trace);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no call with Call-ID nope/);
  for (const args of [['flow'], ['flow', trace, trace], ['flow', '--format', 'png', trace], ['flow', '--call']]) {
    assert.equal((await run(...args)).code, 2, args.join(' '));
  }
});

test('flow on every corpus capture: the ladder of its decoded trace, read as it streams', async () => {
  let drawn = 0;
  for (const capture of corpusFiles('pcap')) {
    const { text, result } = captureToTrace(readFileSync(capture.path));
    const json = await run('flow', '--format', 'json', capture.path);
    assert.equal(json.code, result.error ? 1 : 0, `${capture.name}: ${json.err}`);
    assert.deepEqual(JSON.parse(json.out), callFlow(modelOf(text)), capture.name);
    if (result.error) assert.match(json.err, new RegExp(`${capture.name}: `));
    if (JSON.parse(json.out).messages.length > 0) drawn++;
  }
  assert.ok(drawn >= 15, `${drawn} captures with SIP messages`);
  const svg = await run('flow', '--format', 'svg', join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap'));
  assertNothingExecutable(parseSvg(svg.out).elements);
});

/** Every file of the corpus (traces, logs, captures, configs), by folder and name. */
function everyCorpusFile(): { name: string; path: string }[] {
  return readdirSync(join(sharedRoot, 'corpus'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((folder) => corpusFiles(folder.name).map((file) => ({ name: `${folder.name}/${file.name}`, path: file.path })));
}

test('flow, written as it reads the file twice, is byte for byte the rendering of the whole model, for every corpus file, format and call', async () => {
  let calls = 0;
  for (const file of everyCorpusFile()) {
    // The oracle: the file's whole model, as the command built it before it streamed.
    const read = await readFileTrace(file.path);
    const code = read.decode?.error ? 1 : 0;
    const ids = [...new Set(read.model.calls.map((call) => call.callId))];
    const chosen = [...new Set([ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]])].filter((id) => id !== undefined);
    calls += chosen.length;
    for (const callId of [undefined, ...chosen]) {
      const flow = callFlow(read.model, callId === undefined ? undefined : [callId]);
      const summaries = callSummaries(read.model).filter((call) => callId === undefined || call.callId === callId);
      const title = `${basename(file.path)}${callId === undefined ? '' : ` · ${callId}`}`;
      for (const format of ['text', 'svg', 'html', 'json'] as const) {
        const drawn = await run('flow', '--format', format, ...(callId === undefined ? [] : ['--call', callId]), file.path);
        const where = `${file.name} ${format}${callId === undefined ? '' : ` --call ${callId}`}`;
        assert.equal(drawn.code, code, `${where}: ${drawn.err}`);
        const expected = format === 'json' ? JSON.stringify(flow, null, 2) : rendered(format, flow, summaries, title);
        assert.ok(drawn.out === expected, where);
      }
    }
  }
  assert.ok(calls > 100, `${calls} calls drawn alone`);
});

test('flow marks retransmissions as the model does when a transaction lies within the window, and says what it is beyond', async () => {
  // The 486 is sent twice: its second copy is a retransmission, two messages after the first.
  const file = join(dir, 'busy.txt');
  writeFileSync(file, busyCall('w@h'));
  const drawn = async (window: { part: number; overlap: number }) => {
    const arrows: FlowMessage[] = [];
    const read = await readFileFlow(file, () => undefined, { window });
    await read.arrows((arrow) => arrows.push(arrow));
    read.dispose();
    return { participants: read.participants, messages: arrows };
  };
  const whole = callFlow(modelOf(readFileSync(file, 'utf8')));
  assert.deepEqual(whole.messages.map((m) => m.retransmission ?? false), [false, false, false, true, false]);
  for (const part of [1, 2, 3, 7]) assert.deepEqual(await drawn({ part, overlap: 4 }), whole, `part ${part}: the transaction lies within the overlap`);
  // Without overlap, a part of one message has nothing before it: the copy is not seen as one.
  assert.deepEqual((await drawn({ part: 1, overlap: 0 })).messages.map((m) => m.retransmission ?? false), [false, false, false, false, false]);
});

test('flow writes the ladder as it reads it, in pieces, waiting for the output to drain', async () => {
  const file = join(dir, 'many.txt');
  writeFileSync(file, Array.from({ length: 4000 }, (_, i) => busyCall(`m${i}@h`, i % 50)).join(''));
  const pieces: string[] = [];
  let waits = 0;
  const code = await main(['flow', file], { out: (text) => pieces.push(text), err: (text) => assert.fail(text), drained: async () => { waits++; } });
  assert.equal(code, 0);
  assert.ok(pieces.length > 2 && pieces.every((piece) => piece.length < 2 * 1024 * 1024), `${pieces.length} pieces`);
  assert.ok(waits >= 1);
  assert.ok(pieces.join('\n') === rendered('text', callFlow(modelOf(readFileSync(file, 'utf8')))));
});

test('flow --format html writes its calls table a row at a time, before the first arrow, waiting for the output to drain', async () => {
  // 20,000 calls: a calls table of some 3 MB, written in pieces of about 1 MB.
  const file = join(dir, 'many-calls.txt');
  writeFileSync(file, Array.from({ length: 20_000 }, (_, i) => busyCall(`c${i}@h`, i % 50)).join(''));
  const pieces: string[] = [];
  const waitedAfter: number[] = [];
  const code = await main(['flow', '--format', 'html', file], { out: (text) => pieces.push(text), err: (text) => assert.fail(text), drained: async () => { waitedAfter.push(pieces.length); } });
  assert.equal(code, 0);
  const ladderAt = pieces.findIndex((piece) => piece.includes('<div class="ladder">'));
  assert.ok(ladderAt >= 2 && pieces.every((piece) => piece.length < 2 * 1024 * 1024), `the table in ${ladderAt} pieces, each under 2 MB`);
  assert.ok(waitedAfter.filter((n) => n <= ladderAt).length >= 2, 'the table waits for the output to drain');
  const model = modelOf(readFileSync(file, 'utf8'));
  assert.ok(pieces.join('\n') === rendered('html', callFlow(model), callSummaries(model), basename(file)));
});

test('flow on hostile files: a 40 MB line, binary junk, a capture damaged in its first packet', async () => {
  const longLine = join(dir, 'long-line.txt');
  writeFileSync(longLine, `${busyCall('x@h')}${'A'.repeat(40 * 1024 * 1024)}\n${busyCall('y@h', 30)}`);
  const long = await run('flow', '--format', 'json', longLine);
  assert.equal(long.code, 0, long.err);
  assert.deepEqual(JSON.parse(long.out), callFlow((await readFileTrace(longLine)).model));
  assert.equal(JSON.parse(long.out).messages.length, 10);
  const junk = join(dir, 'junk.bin');
  writeFileSync(junk, Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 7919 + (i >> 9)) & 0xff)));
  const binary = await run('flow', junk);
  assert.equal(binary.code, 1);
  assert.match(binary.err, /^sipsense: .*junk\.bin: /);
  assert.equal(binary.out, 'no SIP messages\n');
  const damaged = join(dir, 'damaged.pcap');
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const record = Buffer.alloc(16);
  record.writeUInt32LE(0xffffffff, 8);
  writeFileSync(damaged, Buffer.concat([header, record]));
  const cut = await run('flow', '--format', 'svg', damaged);
  assert.equal(cut.code, 1);
  assert.match(cut.err, /damaged pcap: record 1 claims 4294967295 bytes/);
  assert.ok(!/\n\s+at /.test(cut.err + binary.err + long.err), 'no stack trace');
  assertNothingExecutable(parseSvg(cut.out).elements);
});
