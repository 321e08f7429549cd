import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusText } from '../support/corpus';
import { positionOf } from '../support/documents';
import { InProcessServer, VS_CODE_CAPABILITIES, type InitializeOptions } from '../support/lspClient';

/**
 * The handlers in this process (createServer over in-memory streams): what a client's capabilities
 * change in the answers, and that two servers in one process share nothing.
 */

const TRACE_URI = 'file:///corpus/rfc3515.txt';
const trace = corpusText('sip-traces', 'rfc3515.txt');
const accepted = positionOf(trace, 'SIP/2.0 202 Accepted', 9);

/** A server in this process with rfc3515.txt open and scanned. */
async function serverWithTrace(options: InitializeOptions = {}): Promise<InProcessServer> {
  const server = new InProcessServer();
  await server.initialize(options);
  await server.open(TRACE_URI, 'sip', trace);
  await server.diagnostics(TRACE_URI);
  return server;
}

test('a client that shows Markdown gets Markdown hovers and completion documentation', async () => {
  const server = await serverWithTrace();
  const hover = await server.hover(TRACE_URI, accepted);
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*202 Accepted\*\*/);
  const resolved = await server.request('completionItem/resolve', { label: '486 Busy Here', data: { uri: TRACE_URI, code: 486 } });
  assert.equal(resolved.documentation.kind, 'markdown');
  assert.match(resolved.documentation.value, /^\*\*486 Busy Here\*\*/);
  await server.stop();
});

test('a client that shows only plain text gets the same explanation without Markdown (Eglot without markdown-mode)', async () => {
  const server = await serverWithTrace({
    capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } } } },
  });
  const hover = await server.hover(TRACE_URI, accepted);
  assert.equal(hover.contents.kind, 'plaintext');
  assert.match(hover.contents.value, /^202 Accepted · 2xx Success\n/);
  assert.doesNotMatch(hover.contents.value, /\*\*|\]\(/, 'no Markdown emphasis or links');
  assert.match(hover.contents.value, /RFC 6665 §8\.3\.1 <https:\/\/[^>]+>/, 'links as "text <address>"');
  assert.deepEqual(hover.range.start, { line: accepted.line, character: 8 });
  const resolved = await server.request('completionItem/resolve', { label: '486 Busy Here', data: { uri: TRACE_URI, code: 486 } });
  assert.equal(resolved.documentation.kind, 'plaintext');
  assert.match(resolved.documentation.value, /^486 Busy Here · 4xx/);
  await server.stop();
});

test('the client\'s order of preference decides, and a client that names no format gets plain text', async () => {
  const prefersPlain = await serverWithTrace({ capabilities: { textDocument: { hover: { contentFormat: ['plaintext', 'markdown'] } } } });
  assert.equal((await prefersPlain.hover(TRACE_URI, accepted)).contents.kind, 'plaintext');
  await prefersPlain.stop();
  const unknownFirst = await serverWithTrace({ capabilities: { textDocument: { hover: { contentFormat: ['asciidoc', 'markdown'] } } } });
  assert.equal((await unknownFirst.hover(TRACE_URI, accepted)).contents.kind, 'markdown');
  await unknownFirst.stop();
  for (const capabilities of [{}, { textDocument: { hover: {} } }, { textDocument: { hover: { contentFormat: 'markdown' } } }, { textDocument: 7 }]) {
    const server = await serverWithTrace({ capabilities });
    const hover = await server.hover(TRACE_URI, accepted);
    assert.equal(hover.contents.kind, 'plaintext', JSON.stringify(capabilities));
    await server.stop();
  }
});

test('the look-up requests answer every code and one explanation; a malformed code gets null', async () => {
  const server = await serverWithTrace();
  const codes = await server.request<{ code: number; phrase: string; status: string }[]>('sipSense/codes', undefined);
  assert.ok(codes.length >= 75);
  assert.deepEqual(codes.find((entry) => entry.code === 486), { code: 486, phrase: 'Busy Here', status: 'registered' });
  const explained = await server.request('sipSense/explain', { code: 486, uri: TRACE_URI });
  assert.match(explained.markdown, /^\*\*486 Busy Here\*\*/);
  for (const params of [{ code: '48a' }, { code: { value: 486 } }, {}, null]) {
    assert.equal(await server.request('sipSense/explain', params), null, JSON.stringify(params));
  }
  await server.stop();
});

test('the explain command shows the explanation as a message, without Markdown', async () => {
  const server = await serverWithTrace();
  assert.equal(await server.request('workspace/executeCommand', { command: 'sipSense.explainCode', arguments: ['486'] }), null);
  await waitUntil(() => server.messages.length > 0);
  assert.match(server.messages[0], /^486 Busy Here · 4xx/);
  assert.doesNotMatch(server.messages[0], /\*\*/);
  await server.stop();
});

test('two servers in one process keep their own documents and settings', async () => {
  const english = await serverWithTrace();
  const persian = new InProcessServer();
  persian.settings = { hover: { language: 'fa' } };
  await persian.initialize();
  assert.equal(await persian.hover(TRACE_URI, accepted), null, 'the other server\'s document is not open here');
  await persian.open(TRACE_URI, 'sip', trace);
  const fa = await persian.hover(TRACE_URI, accepted);
  assert.match(fa.contents.value, /[\u0600-\u06FF]/);
  const en = await english.hover(TRACE_URI, accepted);
  assert.doesNotMatch(en.contents.value, /[\u0600-\u06FF]/);
  await english.stop();
  await persian.stop();
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a client that renders HTML in Markdown (it lists allowedTags, as VS Code does) gets its Persian right-aligned, right to left; others get plain Markdown', async () => {
  const html = new InProcessServer();
  html.settings = { language: 'fa' };
  await html.initialize({ capabilities: { ...VS_CODE_CAPABILITIES, general: { markdown: { parser: 'marked', allowedTags: ['p', 'div', 'code'] } } } });
  await html.open(TRACE_URI, 'sip', trace);
  const aligned = await html.hover(TRACE_URI, accepted);
  assert.match(aligned.contents.value, /^<div align="right">\n\n\u2067\*\*۲۰۲ Accepted\*\*/);
  const resolved = await html.request('completionItem/resolve', { label: '486 Busy Here', data: { uri: TRACE_URI, code: 486 } });
  assert.match(resolved.documentation.value, /^<div align="right">/);
  await html.stop();
  const plain = new InProcessServer();
  plain.settings = { language: 'fa' };
  await plain.initialize();
  await plain.open(TRACE_URI, 'sip', trace);
  assert.match((await plain.hover(TRACE_URI, accepted)).contents.value, /^\*\*۲۰۲ Accepted\*\*/, 'no HTML for a client that did not ask for it');
  await plain.stop();
});
