import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { CallDocumentRequest, CallFlowRequest, CallsRequest, type CallDocument, type CallFlow, type CallsResult } from '../../common/callFlow';
import { SHOW_CALL_FLOW_COMMAND } from '../../common/commands';
import { captureToTrace } from '../../server/src/capture';
import { CALL_DOCUMENT_PART_MESSAGES, callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import { sharedRoot } from '../support/corpus';
import { busyCall, keepAliveCall } from '../support/flowTraces';
import { InProcessServer, VS_CODE_CAPABILITIES } from '../support/lspClient';
import { modelOf, readFileTrace } from '../support/traces';

/** The call-flow requests and CodeLens, against open documents and against files read from disk. */

const TRACE = busyCall('a@h', 10) + busyCall('b@h', 20).replace(/10\.0\.0\.2:5060/g, '10.0.0.3:5060');
const DOC_URI = 'file:///traces/open.txt';
const dir = mkdtempSync(join(tmpdir(), 'sipsense-callflow-'));
const onDisk = join(dir, 'big.txt');
writeFileSync(onDisk, TRACE);
const FILE_URI = pathToFileURL(onDisk).toString();

async function server(capabilities: unknown = VS_CODE_CAPABILITIES): Promise<InProcessServer> {
  const s = new InProcessServer();
  await s.initialize({ capabilities });
  return s;
}

test('an open document: its calls, its ladder, a call as a document, a CodeLens on each call', async () => {
  const s = await server();
  await s.open(DOC_URI, 'plaintext', TRACE);
  const calls = await s.connection.sendRequest(CallsRequest, { uri: DOC_URI });
  assert.equal(calls.source, 'document');
  assert.equal(calls.complete, true);
  assert.equal(calls.messages, 10);
  assert.deepEqual(calls.calls.map((c) => [c.callId, c.state, c.status, c.phrase, c.messages, c.line]), [['a@h', 'busy', 486, 'Busy Here', 5, 1], ['b@h', 'busy', 486, 'Busy Here', 5, calls.calls[1].line]]);
  const flow = await s.connection.sendRequest(CallFlowRequest, { uri: DOC_URI, callIds: ['b@h'] });
  assert.deepEqual(flow.participants.map((p) => p.address), ['10.0.0.1:5060', '10.0.0.3:5060']);
  assert.equal(flow.messages.length, 5);
  assert.equal((await s.connection.sendRequest(CallFlowRequest, { uri: DOC_URI })).messages.length, 10);

  const lenses = await s.request('textDocument/codeLens', { textDocument: { uri: DOC_URI } });
  assert.deepEqual(lenses.map((l: any) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]), [
    [1, '▶ Call flow · INVITE 1001 → 2002 · 486 Busy Here', SHOW_CALL_FLOW_COMMAND, [{ uri: DOC_URI, callId: 'a@h' }]],
    [calls.calls[1].line, '▶ Call flow · INVITE 1001 → 2002 · 486 Busy Here', SHOW_CALL_FLOW_COMMAND, [{ uri: DOC_URI, callId: 'b@h' }]],
  ]);

  const document = await s.connection.sendRequest(CallDocumentRequest, { uri: DOC_URI, callId: 'b@h' });
  assert.ok(document);
  await checkCallDocument(s, document, calls.calls[1].line);
  assert.equal(await s.connection.sendRequest(CallDocumentRequest, { uri: DOC_URI, callId: 'nope' }), null);
  await s.stop();
});

/** A call document holds the call's messages with their framing; opened, it is a trace of its own with a working hover. */
async function checkCallDocument(s: InProcessServer, document: CallDocument, firstTraceLine: number): Promise<void> {
  const lines = document.text.split('\n');
  assert.equal(document.lines.length, 5);
  assert.equal(document.lines[0].trace, firstTraceLine);
  assert.match(lines[0], /^U 2024\/05\/06 10:00:20\.000000 10\.0\.0\.1:5060 -> 10\.0\.0\.3:5060$/);
  for (const { document: line } of document.lines) assert.match(lines[line], /^(INVITE|ACK) sip:|^SIP\/2\.0 /);
  assert.ok(!document.text.includes('a@h'), 'nothing of the other call');
  const uri = 'sipsense-call:/big.txt%20b@h.sip';
  await s.open(uri, 'sip', document.text);
  const own = await s.connection.sendRequest(CallsRequest, { uri });
  assert.deepEqual(own.calls.map((c) => [c.callId, c.messages, c.status]), [['b@h', 5, 486]]);
  const busyLine = document.lines[2].document;
  const hover = await s.hover(uri, { line: busyLine, character: 9 });
  assert.match(hover.contents.value, /486 Busy Here/);
}

test('a file no client opened is read from disk, with the client\'s progress, and gives the same answers', async () => {
  const s = await server();
  const progress: unknown[] = [];
  s.connection.onNotification('$/progress', (params: { token: string; value: unknown }) => void progress.push(params.value));
  const calls = await s.connection.sendRequest(CallsRequest, { uri: FILE_URI, workDoneToken: 'read-1' } as never) as CallsResult;
  assert.equal(calls.source, 'file');
  assert.equal(calls.complete, true);
  assert.match(calls.note ?? '', /^Read from disk \([0-9.]+ MB\): the editor did not hand this file to SIP Sense\.$/);
  await s.open(DOC_URI, 'plaintext', TRACE);
  const fromDocument = await s.connection.sendRequest(CallsRequest, { uri: DOC_URI });
  assert.deepEqual(calls.calls, fromDocument.calls);
  assert.deepEqual(await s.connection.sendRequest(CallFlowRequest, { uri: FILE_URI }) as CallFlow, await s.connection.sendRequest(CallFlowRequest, { uri: DOC_URI }));
  const fileDocument = await s.connection.sendRequest(CallDocumentRequest, { uri: FILE_URI, callId: 'b@h' });
  assert.deepEqual(fileDocument, await s.connection.sendRequest(CallDocumentRequest, { uri: DOC_URI, callId: 'b@h' }));
  await checkCallDocument(s, fileDocument!, calls.calls[1].line);
  assert.deepEqual(progress.map((p: any) => p.kind).filter((k, i, all) => all.indexOf(k) === i), ['begin', 'report', 'end']);
  await s.stop();
});

test('a call too long for one document comes in parts of a bounded size, the same from an open document and from disk', async () => {
  // 12,000 messages of one Call-ID: before, the whole call was one document (a crash at 600,000).
  const trace = keepAliveCall('ka@h', 6_000) + busyCall('short@h');
  const path = join(dir, 'keepalive.txt');
  writeFileSync(path, trace);
  const s = await server();
  const docUri = 'file:///traces/keepalive.txt';
  await s.open(docUri, 'plaintext', trace);
  const starts = (await s.connection.sendRequest(CallFlowRequest, { uri: docUri, callIds: ['ka@h'], limit: 10_000 })).messages.map((m) => m.line);
  const lastStart = (await s.connection.sendRequest(CallFlowRequest, { uri: docUri, callIds: ['ka@h'], start: 11_999, limit: 1 })).messages[0].line;
  for (const uri of [docUri, pathToFileURL(path).toString()]) {
    const part = (params: { part?: number; line?: number }) => s.connection.sendRequest(CallDocumentRequest, { uri, callId: 'ka@h', ...params });
    const first = (await part({}))!;
    assert.deepEqual(first.part, { index: 0, count: 3, from: 0, messages: 12_000 }, uri);
    assert.equal(first.lines.length, CALL_DOCUMENT_PART_MESSAGES);
    assert.equal(first.lines[0].trace, starts[0]);
    assert.equal(first.lines[4_999].trace, starts[4_999]);
    assert.equal(first.text.split('\n')[first.lines[4_999].document], 'SIP/2.0 200 OK', 'message 5,000 is the 200 of pair 2,500');
    const middle = (await part({ line: starts[7_500] + 3 }))!;
    assert.deepEqual(middle.part, { index: 1, count: 3, from: 5_000, messages: 12_000 }, 'the part that holds the message starting above the line');
    assert.ok(middle.lines.some((l) => l.trace === starts[7_500]));
    const last = (await part({ part: 2 }))!;
    assert.deepEqual([last.part?.index, last.lines.length, last.lines[1_999].trace], [2, 2_000, lastStart]);
    assert.deepEqual((await part({ part: 99 }))!.part, last.part, 'past the last part: the last');
    assert.deepEqual(await part({ line: lastStart }), last);
    const short = (await s.connection.sendRequest(CallDocumentRequest, { uri, callId: 'short@h' }))!;
    assert.equal(short.part, undefined, 'a call that fits is one document, as before');
    assert.equal(short.lines.length, 5);
    await assert.rejects(s.request('sipSense/callDocument', { uri, callId: 'ka@h', part: -1 }), /part must be a non-negative integer/);
    await assert.rejects(s.request('sipSense/callDocument', { uri, callId: 'ka@h', line: 'x' }), /line must be a non-negative integer/);
  }
  await s.stop();
});

test('without a token, the server creates its own progress where the client allows it; a missing file is an error', async () => {
  const s = await server({ ...VS_CODE_CAPABILITIES, window: { workDoneProgress: true } });
  const created: unknown[] = [];
  s.connection.onRequest('window/workDoneProgress/create', (params: unknown) => void created.push(params));
  s.connection.onNotification('$/progress', () => undefined);
  const calls = await s.connection.sendRequest(CallsRequest, { uri: FILE_URI });
  assert.equal(calls.calls.length, 2);
  assert.equal(created.length, 1);
  await assert.rejects(s.connection.sendRequest(CallsRequest, { uri: pathToFileURL(join(dir, 'missing.txt')).toString() }), /cannot read .*missing\.txt: ENOENT/);
  await s.stop();
});

test('a ladder of 25,000 messages comes in windows of at most 10,000, with the total; the pages join up to the whole', async () => {
  const s = await server();
  const big = join(dir, 'many.txt');
  writeFileSync(big, Array.from({ length: 5_000 }, (_, i) => busyCall(`many-${i}@h`, i % 50)).join(''));
  const uri = pathToFileURL(big).toString();
  const first = await s.connection.sendRequest(CallFlowRequest, { uri });
  assert.deepEqual([first.messages.length, first.window], [10_000, { start: 0, total: 25_000 }]);
  assert.ok(JSON.stringify(first).length < 3_000_000, `${JSON.stringify(first).length} characters`);
  const pages = [first];
  while (pages.length < 3) pages.push(await s.connection.sendRequest(CallFlowRequest, { uri, start: pages.length * 10_000 }));
  assert.deepEqual(pages.map((p) => [p.window, p.messages.length]), [
    [{ start: 0, total: 25_000 }, 10_000], [{ start: 10_000, total: 25_000 }, 10_000], [{ start: 15_000, total: 25_000 }, 10_000],
  ], 'the last window is a full one, ending at the last message');
  const lines = [...pages[0].messages, ...pages[1].messages, ...pages[2].messages.slice(5_000)].map((m) => m.line);
  assert.equal(new Set(lines).size, 25_000);
  assert.ok(lines.every((line, i) => i === 0 || line > lines[i - 1]), 'in file order, none twice, none missing');
  const around = await s.connection.sendRequest(CallFlowRequest, { uri, line: lines[20_000], limit: 100 });
  assert.deepEqual([around.window, around.messages[50].line], [{ start: 19_950, total: 25_000 }, lines[20_000]]);
  const capped = await s.connection.sendRequest(CallFlowRequest, { uri, limit: 1_000_000 });
  assert.equal(capped.messages.length, 10_000, 'a client cannot ask for more than the cap');
  const oneCall = await s.connection.sendRequest(CallFlowRequest, { uri, callIds: ['many-4321@h'] });
  assert.deepEqual([oneCall.messages.length, oneCall.window], [5, { start: 0, total: 5 }]);
  await assert.rejects(s.request('sipSense/callFlow', { uri, start: -1 }), /start must be a non-negative integer/);
  await assert.rejects(s.request('sipSense/callFlow', { uri, limit: 'all' }), /limit must be a non-negative integer/);
  await s.stop();
});

test('cancelling the request stops reading; malformed parameters and unknown documents get clear answers', async () => {
  const s = await server();
  const big = join(dir, 'cancel.txt');
  writeFileSync(big, TRACE.repeat(2_000));
  const source = new CancellationTokenSource();
  const pending = s.connection.sendRequest(CallsRequest, { uri: pathToFileURL(big).toString() }, source.token);
  setImmediate(() => source.cancel());
  await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
  await assert.rejects(s.request('sipSense/calls', { uri: 42 }), /uri must be a string/);
  await assert.rejects(s.request('sipSense/callFlow', { uri: DOC_URI, callIds: 'a@h' }), /callIds must be an array of strings/);
  await assert.rejects(s.request('sipSense/callDocument', { uri: DOC_URI }), /callId must be a string/);
  const unknown = await s.connection.sendRequest(CallsRequest, { uri: 'untitled:Untitled-1' });
  assert.deepEqual([unknown.complete, unknown.calls], [false, []]);
  assert.match(unknown.note ?? '', /no such document open/);
  await s.stop();
});

test('a capture no client opened is decoded from disk: its calls, its ladder, a call as a document', async () => {
  const s = await server();
  const path = join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap');
  const uri = pathToFileURL(path).toString();
  const decoded = modelOf(captureToTrace(readFileSync(path)).text);
  const calls = await s.connection.sendRequest(CallsRequest, { uri });
  assert.equal(calls.source, 'file');
  assert.match(calls.note ?? '', /^Decoded from disk \([0-9.]+ MB of SIP messages\): the editor did not hand this capture to SIP Sense\.$/);
  assert.deepEqual(calls.calls, callSummaries(decoded));
  assert.deepEqual(await s.connection.sendRequest(CallFlowRequest, { uri }), { ...callFlow(decoded), window: { start: 0, total: decoded.messages.length } });
  const callId = calls.calls[1].callId;
  const document = await s.connection.sendRequest(CallDocumentRequest, { uri, callId });
  assert.ok(document);
  const lines = document.text.split('\n');
  assert.match(lines[0], /^U \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} 127\.0\.0\.1:5060 -> 127\.0\.0\.1:5090$/);
  assert.equal(document.lines.length, calls.calls[1].messages);
  for (const { document: line } of document.lines) assert.match(lines[line], /^(INVITE|ACK|BYE) sip:|^SIP\/2\.0 /);
  assert.ok(document.text.includes(`Call-ID: ${callId}`));
  await s.stop();
});

test('a capture\'s decoded text lives on disk only while its model is kept', async () => {
  const trace = await readFileTrace(join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap'), { keepText: true });
  assert.ok(trace.textPath && existsSync(trace.textPath));
  assert.equal(statSync(trace.textPath).size, trace.bytes);
  trace.dispose();
  assert.ok(!existsSync(trace.textPath));
  const text = await readFileTrace(onDisk, { keepText: true });
  assert.equal(text.textPath, onDisk, 'a text trace is read back from itself');
  text.dispose();
  assert.ok(existsSync(onDisk));
});

test('what the server says of a file it reads from disk is in the language setting (Persian: its numbers in Persian digits)', async () => {
  const s = new InProcessServer();
  s.settings = { language: 'fa' };
  await s.initialize();
  const path = join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap');
  const calls = await s.connection.sendRequest(CallsRequest, { uri: pathToFileURL(path).toString() });
  assert.match(calls.note ?? '', /^از دیسک رمزگشایی شد \([۰-۹.]+ مگابایت پیام SIP\): ویرایشگر این capture را به SIP Sense نداد\.$/);
  const unknown = await s.connection.sendRequest(CallsRequest, { uri: 'untitled:Untitled-1' });
  assert.match(unknown.note ?? '', /^SIP Sense چنین سندی باز ندارد/);
  await assert.rejects(s.connection.sendRequest(CallsRequest, { uri: pathToFileURL(join(sharedRoot, 'no-such-trace.sip')).toString() }), /فایل \S+no-such-trace\.sip خوانده نشد: ENOENT/);
  await s.stop();
});
