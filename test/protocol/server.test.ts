import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { statusEntry } from '../../server/src/service/registry';
import { corpusText, repoRoot } from '../support/corpus';
import { positionOf } from '../support/documents';
import { ServerUnderTest } from '../support/lspClient';
import { persianRunOf } from '../support/persian';

const DEPRECATED = 2;
const TRACE_URI = 'file:///corpus/rfc3515.txt';
const trace = corpusText('sip-traces', 'rfc3515.txt');
let server: ServerUnderTest;

before(async () => {
  server = new ServerUnderTest();
  const result = await server.initialize();
  assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental text sync');
  assert.ok(result.capabilities.hoverProvider);
  assert.ok(result.capabilities.completionProvider.resolveProvider, 'completion items resolved one at a time');
  assert.ok(result.capabilities.codeActionProvider);
  await server.open(TRACE_URI, 'sip', trace);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

test('a real trace gets its diagnostics: 202 is deprecated and tagged so', async () => {
  const published = await server.diagnostics(TRACE_URI);
  assert.equal(published.version, 1);
  const deprecated = published.diagnostics.filter((d) => d.code === 'deprecated-code');
  assert.ok(deprecated.length >= 1);
  for (const d of deprecated) {
    assert.deepEqual(d.tags, [DEPRECATED]);
    assert.equal(trace.split(/\r?\n/)[d.range.start.line].slice(d.range.start.character, d.range.end.character), '202');
  }
});

test('hover at a status code explains it; at a CSeq number there is nothing', async () => {
  const at = positionOf(trace, 'SIP/2.0 202 Accepted', 9);
  const hover = await server.request('textDocument/hover', { textDocument: { uri: TRACE_URI }, position: at });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*202 Accepted\*\*/);
  assert.deepEqual(hover.range.start, { line: at.line, character: at.character - 1 });
  const cseq = positionOf(trace, 'CSeq: ', 7);
  assert.match(trace.split(/\r?\n/)[cseq.line], /CSeq: +\d/);
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: TRACE_URI }, position: cseq }), null);
});

test('requests for unopened documents and positions past the end answer null', async () => {
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.sip' }, position: { line: 0, character: 0 } }), null);
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: TRACE_URI }, position: { line: 10_000_000, character: 5 } }), null);
});

test('an edit is followed by diagnostics for the new version; completion offers codes in a new status line', async () => {
  const lines = trace.split(/\r?\n/).length;
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: TRACE_URI, version: 2 },
    contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: '\nSIP/2.0 409 Conflict\nSIP/2.0 ' }],
  });
  const published = await server.diagnostics(TRACE_URI, (p) => p.version === 2);
  const removed = published.diagnostics.filter((d) => d.code === 'removed-code');
  assert.deepEqual(removed.map((d) => d.range.start), [{ line: lines, character: 8 }]);

  const completion = await server.request('textDocument/completion', {
    textDocument: { uri: TRACE_URI }, position: { line: lines + 1, character: 8 },
  });
  const busy = completion.find((item: any) => item.label === '486 Busy Here');
  assert.ok(busy, 'offers 486 Busy Here');
  assert.equal(busy.textEdit.newText, '486 Busy Here');
  const accepted = completion.find((item: any) => item.label === '202 Accepted');
  assert.deepEqual(accepted.tags, [1]);
  assert.ok(accepted.sortText > busy.sortText, 'deprecated codes sort last');

  // The list is light: each explanation comes when the item is resolved (the editor shows the focused one).
  assert.ok(completion.every((item: any) => item.documentation === undefined));
  assert.ok(JSON.stringify(completion).length < 30_000, `${JSON.stringify(completion).length} characters`);
  const resolved = await server.request('completionItem/resolve', busy);
  assert.equal(resolved.label, '486 Busy Here');
  assert.equal(resolved.textEdit.newText, '486 Busy Here');
  assert.equal(resolved.documentation.kind, 'markdown');
  assert.match(resolved.documentation.value, /^\*\*486 Busy Here\*\*/);
  // An item the server did not make comes back as it was.
  assert.deepEqual(await server.request('completionItem/resolve', { label: 'x', data: { code: 'no' } }), { label: 'x', data: { code: 'no' } });
});

test('a phrase of another code gets a quick fix to the standard phrase', async () => {
  const uri = 'file:///mismatch.sip';
  await server.open(uri, 'sip', 'SIP/2.0 404 Busy Here\r\nCSeq: 1 INVITE\r\n');
  const published = await server.diagnostics(uri);
  const mismatch = published.diagnostics.find((d) => d.code === 'phrase-mismatch');
  assert.ok(mismatch);
  const actions = await server.request('textDocument/codeAction', {
    textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] },
  });
  const fix = actions.find((a: any) => a.isPreferred);
  assert.deepEqual(fix.edit.changes[uri], [{ range: mismatch.range, newText: 'Not Found' }]);
  assert.deepEqual(fix.diagnostics, [mismatch]);
});

test('settings from workspace/configuration take effect: hover language and rule severity', async () => {
  server.settings = { hover: { language: 'fa' }, diagnostics: { severity: { 'deprecated-code': 'error' } } };
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const published = await server.diagnostics(TRACE_URI, (p) => p.diagnostics.some((d) => d.code === 'deprecated-code' && d.severity === 1));
  assert.ok(published);
  const at = positionOf(trace, 'SIP/2.0 202 Accepted', 9);
  const hover = await server.request('textDocument/hover', { textDocument: { uri: TRACE_URI }, position: at });
  assert.match(hover.contents.value, /[\u0600-\u06FF]/);
  // the Persian text arrives as written (the bundle is UTF-8): a sentence of the data, character for character
  assert.ok(hover.contents.value.includes(persianRunOf(statusEntry(202)!.meaning.fa)), hover.contents.value);
  assert.doesNotMatch(hover.contents.value, /In practice/);
  server.settings = {};
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///closing.sip';
  await server.open(uri, 'sip', 'SIP/2.0 409 Conflict\n');
  await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await server.diagnostics(uri, (p) => p.diagnostics.length === 0);
});

test('a document that a client calls "text" is served as plain text', async () => {
  const uri = 'file:///notes.txt';
  await server.open(uri, 'text', 'SIP/2.0 409 Conflict\n');
  const published = await server.diagnostics(uri);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['removed-code']);
});

test('over --node-ipc the server answers as over stdio, and exits 0 after shutdown and exit', async () => {
  const child = fork(join(repoRoot, 'dist', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published = new Promise<{ uri: string; diagnostics: unknown[] }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  connection.listen();
  const result = await connection.sendRequest<{ capabilities: { hoverProvider?: boolean } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
  assert.ok(result.capabilities.hoverProvider);
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: TRACE_URI, languageId: 'sip', version: 1, text: trace } });
  assert.equal((await published).uri, TRACE_URI);
  const hover = await connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: TRACE_URI }, position: positionOf(trace, 'SIP/2.0 202 Accepted', 9) });
  assert.match(hover.contents.value, /^202 Accepted/);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
});
