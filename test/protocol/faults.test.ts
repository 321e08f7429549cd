import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import {
  AnalyzedDocument, computeCodeActions, computeDefinition, computeDiagnostics, computeDocumentSymbols, computeFoldingRanges, computeHover,
  computeInlayHints, resolveSettings,
} from '../../server/src/service';
import { corpusText } from '../support/corpus';
import { applyToReference, ReferenceText, splitLines, TOKENS, type TextChange } from '../support/fuzz';
import { ServerUnderTest, VS_CODE_CAPABILITIES } from '../support/lspClient';
import { sip } from '../support/traces';
import { SYMBOL_KIND, toDefinition, toFoldingRanges } from '../../server/src/convert';

/**
 * Faults over the protocol, against the built server (dist/server.js over stdio): malformed
 * JSON-RPC written as raw bytes, unknown methods, positions outside the document, documents that
 * were never opened, 10,000 rapid incremental edits with random ranges, cancellations, and huge
 * lines. The server must answer with errors where JSON-RPC says so, never exit, and keep its copy
 * of each document equal to the client's: what it says at known places (diagnostics, hovers,
 * inlay hints, code actions) must be what the service says of the client's text.
 */

let server: ServerUnderTest;
/** Everything the server wrote, as raw bytes, to look for responses the client library drops (id null). */
let stdout = '';
let exited: number | null | undefined;

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const REQUEST_CANCELLED = -32800;

before(async () => {
  server = new ServerUnderTest();
  server.process.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  server.process.once('exit', (code) => { exited = code; });
  await server.initialize();
});

after(async () => {
  if (server && exited === undefined) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

/** Writes bytes to the server's stdin as they are, between two messages of the client. */
function writeRaw(bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => server.process.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
}

function frame(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** A request the server always answers: the explanation of 486. */
async function assertAlive(what: string): Promise<void> {
  const answer = await withTimeout(server.request('sipSense/explain', { code: '486' }), `the server answers after ${what}`);
  assert.match(answer.markdown, /486 Busy Here/, what);
  assert.equal(exited, undefined, `the server exited after ${what}`);
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); }),
  ]);
}

/** Waits until the server wrote an error response with id null and this code (after `from`, an offset in stdout). */
async function errorWithNullId(code: number, from: number): Promise<void> {
  const wanted = new RegExp(`"id":null,"error":\\{"code":${code},|"error":\\{"code":${code},[^}]*\\},"id":null|"id":null,"error":\\{[^}]*"code":${code}[,}]`);
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (wanted.test(stdout.slice(from))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`no error ${code} with id null in ${JSON.stringify(stdout.slice(from, from + 500))}`);
}

test('broken JSON gets a Parse error (-32700, id null) and the server goes on', async () => {
  const from = stdout.length;
  await writeRaw(frame('{"jsonrpc":"2.0","id":7,"method":"textDocument/hover",'));
  await errorWithNullId(PARSE_ERROR, from);
  await assertAlive('broken JSON');
});

test('a bad Content-Length, garbage bytes and a frame without Content-Length: errors, then the next frame is read', async () => {
  let from = stdout.length;
  await writeRaw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":8,"method":"x"}');
  await errorWithNullId(PARSE_ERROR, from);
  await assertAlive('a bad Content-Length');

  from = stdout.length;
  await writeRaw(Buffer.from([0, 255, 1, 2, 0x7b, 0x22, 13, 10, 0xc3, 0x28]));
  await assertAlive('garbage bytes with no header end');
  await errorWithNullId(PARSE_ERROR, from);

  // A length no message can have: waiting for its body would leave the server deaf.
  from = stdout.length;
  await writeRaw('Content-Length: 999999999999999\r\n\r\n{}');
  await errorWithNullId(PARSE_ERROR, from);
  await assertAlive('a Content-Length longer than any message');

  await writeRaw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
  await assertAlive('a header without Content-Length');

  // A Content-Length shorter than the body: the rest of the body is garbage before the next frame.
  await writeRaw('Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}');
  await assertAlive('a Content-Length shorter than its body');

  await writeRaw(Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)));
  await assertAlive('70 KB of binary junk');
});

test('messages that are not JSON-RPC get Invalid Request (-32600); batches are not taken', async () => {
  for (const body of ['{"foo":1}', '[{"jsonrpc":"2.0","id":12,"method":"shutdown"}]', '42', '"text"', 'null', '{"jsonrpc":"2.0","method":7}']) {
    const from = stdout.length;
    await writeRaw(frame(body));
    await errorWithNullId(INVALID_REQUEST, from);
    await assertAlive(body);
  }
  // A request whose method is no string gets the error with its id.
  const from = stdout.length;
  await writeRaw(frame('{"jsonrpc":"2.0","id":99,"method":["textDocument/hover"]}'));
  for (let waited = 0; !/"id":99,"error":\{"code":-32600/.test(stdout.slice(from)) && waited < 10_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.match(stdout.slice(from), /"id":99,"error":\{"code":-32600/);
  await assertAlive('a method that is no string');
});

test('unknown methods: a request gets MethodNotFound (-32601), a notification is ignored', async () => {
  for (const method of ['foo/bar', 'textDocument/unknown', '$/unknownRequest']) {
    await assert.rejects(server.request(method, {}), (error: unknown) => error instanceof ResponseError && error.code === METHOD_NOT_FOUND);
  }
  await server.connection.sendNotification('foo/bar', { x: 1 });
  await server.connection.sendNotification('$/unknownNotification', {});
  await assertAlive('unknown notifications');
});

test('malformed parameters get an error or null, never a crash', async () => {
  const uri = 'file:///params.sip';
  await server.open(uri, 'sip', 'SIP/2.0 486 Busy Here\r\n');
  for (const params of [null, {}, { textDocument: 5, position: 'x' }, { textDocument: { uri }, position: { line: 'a', character: null } }, { textDocument: { uri } }]) {
    for (const method of [
      'textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/documentSymbol',
      'textDocument/foldingRange', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight',
    ]) {
      try {
        const answer = await server.request(method, params);
        assert.ok(answer === null || Array.isArray(answer) || typeof answer === 'object', `${method} ${JSON.stringify(params)}`);
      } catch (error) {
        assert.ok(error instanceof ResponseError, `${method} ${JSON.stringify(params)}: ${String(error)}`);
      }
    }
  }
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///notext.sip', languageId: 'sip', version: 1 } });
  await server.connection.sendNotification('textDocument/didOpen', {});
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ range: null, text: 5 }] });
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 } });
  await assertAlive('malformed notifications');
});

test('positions outside the document, negative ones and reversed ranges: null, or ranges inside the text', async () => {
  const uri = 'file:///positions.sip';
  const text = 'SIP/2.0 486\r\nSIP/2.0 \r\nSIP/2.0 409 Conflict';
  await server.open(uri, 'sip', text);
  const lines = splitLines(text);
  const positions = [
    { line: 0, character: 500 }, { line: 0, character: -1 }, { line: -1, character: 3 }, { line: 3, character: 0 },
    { line: 10_000_000, character: 5 }, { line: 1, character: 99 }, { line: 2, character: 2 ** 31 - 1 },
  ];
  for (const position of positions) {
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position });
    if (hover) {
      assert.equal(hover.range.start.line, position.line);
      assert.ok(hover.range.end.character <= lines[position.line].length);
    }
    for (const method of ['textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
      const answer = await server.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
      for (const { range } of answer ? [answer].flat() : []) {
        assert.ok(range.end.line < lines.length && range.end.character <= lines[range.end.line].length, `${method} at ${JSON.stringify(position)}`);
      }
    }
    const completion = await server.request('textDocument/completion', { textDocument: { uri }, position });
    for (const item of completion ?? []) {
      assert.equal(item.textEdit.range.start.line, position.line);
      assert.ok(item.textEdit.range.end.character <= lines[position.line].length, `completion at ${JSON.stringify(position)}`);
      assert.ok(item.textEdit.range.start.character >= 0);
    }
  }
  // Past the end of a line means its end: the code at the end of line 0, and completion after "SIP/2.0 " of line 1.
  const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 500 } });
  assert.deepEqual(hover?.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } });
  const completion = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 99 } });
  assert.ok(completion.length > 50);
  for (const range of [
    { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } },
    { start: { line: -3, character: -3 }, end: { line: 99, character: 99 } },
    { start: { line: 100, character: 0 }, end: { line: 200, character: 0 } },
  ]) {
    const hints = await server.request('textDocument/inlayHint', { textDocument: { uri }, range });
    for (const hint of hints ?? []) assert.ok(hint.position.line < lines.length && hint.position.character <= lines[hint.position.line].length);
    const actions = await server.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    for (const action of actions ?? []) {
      for (const edit of action.edit?.changes?.[uri] ?? []) assert.ok(edit.range.end.character <= lines[edit.range.end.line].length);
    }
  }
  await assertAlive('positions outside the document');
});

test('documents never opened: requests answer null, didChange and didClose are ignored', async () => {
  const uri = 'file:///never-opened.sip';
  const textDocument = { uri };
  assert.equal(await server.request('textDocument/hover', { textDocument, position: { line: 0, character: 0 } }), null);
  assert.equal(await server.request('textDocument/completion', { textDocument, position: { line: 0, character: 8 } }), null);
  assert.equal(await server.request('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } }), null);
  assert.equal(await server.request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }), null);
  for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
    assert.equal(await server.request(method, { textDocument, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }), null, method);
  }
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'SIP/2.0 409 Conflict\n' }],
  });
  await server.connection.sendNotification('textDocument/didClose', { textDocument });
  await assertAlive('edits of a document never opened');
  assert.equal(await server.request('textDocument/hover', { textDocument, position: { line: 0, character: 9 } }), null, 'the edit did not open it');
});

test('didOpen twice: the second text is the one served', async () => {
  const uri = 'file:///twice.sip';
  await server.open(uri, 'sip', 'SIP/2.0 409 Conflict\r\n', 1);
  await server.diagnostics(uri, (p) => p.version === 1);
  await server.open(uri, 'sip', 'x\r\nSIP/2.0 411 Length Required\r\n', 1);
  const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.range.start.line === 1));
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['removed-code', 1]]);
  const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 9 } });
  assert.match(hover.contents.value, /411/);
});

// ---------------------------------------------------------------------------------------------
// 10,000 rapid edits

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...TOKENS.filter((t) => t.length < 40),
  'SIP/2.0 486 Busy Here\r\n', 'SIP/2.0 409 Conflict\n', 'SIP/2.0 404 Busy Here\r', 'SIP/2.0 202 Accepted', 'SIP/2.0 4294967301 Big\r\n',
  'Reason: SIP;cause=499\r\n', '\r', '\n', '\r\n', '',
];

/**
 * A random change in a text of these lines: mostly a few characters of one line, sometimes a few
 * lines, forwards or backwards (a reversed range), past the end of a line or of the text, or
 * negative; the inserted text splits and joins CRs and LFs. Insertions outweigh deletions a
 * little, so that the text neither vanishes nor explodes over 10,000 changes.
 */
function randomChange(next: () => number, reference: ReferenceText): TextChange {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const line = next() < 0.02 ? -1 - Math.floor(next() * 3) : Math.floor(next() * (reference.lineCount + 1));
  const length = reference.lineLength(line);
  const roll = next();
  const character = roll < 0.1 ? length + 1 + Math.floor(next() * 5) : roll < 0.13 ? -1 : Math.floor(next() * (length + 1));
  const shape = next();
  let end: { line: number; character: number };
  if (shape < 0.8) end = { line, character: character + Math.floor(next() * 6) };
  else if (shape < 0.9) end = { line: line + 1 + (next() < 0.2 ? 1 : 0), character: Math.floor(next() * 4) };
  else end = { line: line - (next() < 0.2 ? 1 : 0), character: Math.max(0, character - 1 - Math.floor(next() * 6)) };
  const text = next() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(PIECES)).join('');
  return { range: { start: { line, character }, end }, text };
}

const settings = resolveSettings({});

/** What the service says of the client's text (the reference), in the protocol's shapes, to compare with the server's answers. */
function expectedOf(text: string, languageId: string) {
  const document = AnalyzedDocument.create('file:///expected', languageId, 1, text);
  document.scanAll();
  const diagnostics = computeDiagnostics(document.occurrences, settings).map((d) => ({
    code: d.rule, message: d.message,
    range: { start: { line: d.line, character: d.span.start }, end: { line: d.line, character: d.span.end } },
  }));
  return { document, diagnostics };
}

test('10,000 rapid incremental edits with random ranges, hovers and cancellations in between: the server keeps the client\'s text', async (t) => {
  const uri = 'file:///rapid.sip';
  const reference = new ReferenceText(corpusText('sip-traces', 'rfc3891.txt'));
  await server.open(uri, 'sip', reference.text, 1);
  const next = random(4475);
  let version = 1;
  const pending: Promise<unknown>[] = [];
  let cancelled = 0;
  for (let n = 0; n < 10_000; n++) {
    // Mostly one change per notification, sometimes several (applied in order).
    const changes: TextChange[] = [];
    const count = next() < 0.9 ? 1 : 2 + Math.floor(next() * 3);
    for (let c = 0; c < count; c++) {
      const change = randomChange(next, reference);
      changes.push(change);
      reference.apply(change);
    }
    version++;
    // Not awaited: the notifications go out back to back.
    pending.push(server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }));
    if (n % 97 === 0) {
      const position = { line: Math.floor(next() * reference.lineCount), character: Math.floor(next() * 20) };
      const source = new CancellationTokenSource();
      const request = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }, source.token);
      if (n % 2 === 0) {
        source.cancel();
        cancelled++;
      }
      pending.push(request.then(
        (answer) => assert.ok(answer === null || typeof answer === 'object'),
        (error: unknown) => assert.ok(error instanceof ResponseError && error.code === REQUEST_CANCELLED, String(error)),
      ));
    }
  }
  await withTimeout(Promise.all(pending), 'the edits and hovers', 60_000);
  assert.ok(cancelled > 40);

  // The diagnostics of the last version are those of the client's text.
  const published = await server.diagnostics(uri, (p) => p.version === version, 60_000);
  const text = reference.text;
  const lines = splitLines(text);
  const expected = expectedOf(text, 'sip');
  assert.ok(text.length > 10_000 && lines.length > 100, `the edits left ${text.length} characters in ${lines.length} lines`);
  assert.ok(expected.diagnostics.length > 20, `only ${expected.diagnostics.length} diagnostics to compare`);
  assert.deepEqual(published.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })), expected.diagnostics);

  // Hovers at every occurrence, inlay hints and code actions over the whole text say what the service says of that text.
  const { document } = expected;
  t.diagnostic(`after 10,000 edits: ${text.length} chars in ${lines.length} lines; ${expected.diagnostics.length} diagnostics and ` +
    `${Math.min(300, document.occurrences.length)} hovers compared`);
  for (const occurrence of document.occurrences.slice(0, 300)) {
    const position = { line: occurrence.line, character: occurrence.span.start };
    const want = computeHover(document, position, settings);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position });
    assert.deepEqual(hover?.range, want && { start: { line: want.line, character: want.span.start }, end: { line: want.line, character: want.span.end } });
    assert.equal(hover?.contents.value, want?.markdown);
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const hints = await server.request('textDocument/inlayHint', { textDocument: { uri }, range: whole });
  assert.deepEqual(hints.map((h: any) => [h.position.line, h.position.character, h.label]),
    computeInlayHints(document, 0, lines.length).map((h) => [h.line, h.character, h.label]));
  const actions = await server.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } });
  assert.deepEqual(actions.map((a: any) => [a.title, a.edit?.changes?.[uri]?.[0]?.range ?? null]),
    computeCodeActions(document, 0, lines.length).map((a) => [a.title, a.edit ? { start: { line: a.line, character: a.span.start }, end: { line: a.line, character: a.span.end } } : null]));
});

test('1,000 random edits of RFC 3665 with outline requests in between: the trace model is that of the client\'s text', async () => {
  // As sip: a plain text document that the edits make look like a Kamailio configuration would be read as one.
  const uri = 'file:///rapid-calls.sip';
  const reference = new ReferenceText(corpusText('sip-traces', 'rfc3665.txt'));
  await server.open(uri, 'sip', reference.text, 1);
  const next = random(3665);
  let version = 1;
  const pending: Promise<unknown>[] = [];
  for (let n = 0; n < 1000; n++) {
    const change = randomChange(next, reference);
    reference.apply(change);
    version++;
    pending.push(server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
    // The model of intermediate versions, so that later edits update it rather than build it anew.
    if (n % 101 === 0) pending.push(server.request('textDocument/documentSymbol', { textDocument: { uri } }).then((answer) => assert.ok(Array.isArray(answer))));
  }
  await withTimeout(Promise.all(pending), 'the edits and outlines', 60_000);
  await server.diagnostics(uri, (p) => p.version === version, 60_000);
  const { document } = expectedOf(reference.text, 'sip');
  // What the server sends is the conversion (convert.ts) of what the service says of the client's text.
  const symbols = [...computeDocumentSymbols(document, SYMBOL_KIND)];
  assert.ok(symbols.length >= 3, `only ${symbols.length} calls to compare`);
  assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), symbols);
  const lineLength = (line: number) => document.lines.lineAt(line).length;
  assert.deepEqual(await server.request('textDocument/foldingRange', { textDocument: { uri } }),
    toFoldingRanges(computeFoldingRanges(document), VS_CODE_CAPABILITIES.textDocument.foldingRange.rangeLimit, true, lineLength));
  const responses = document.trace.messages.filter((m) => m.kind === 'response');
  assert.ok(responses.length > 40, `only ${responses.length} responses left`);
  let answered = 0;
  for (const message of responses) {
    const position = { line: message.startLine, character: message.startColumn + 9 };
    const want = computeDefinition(document, position);
    const definition = await server.request('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(definition, want ? toDefinition(uri, want, true) : null);
    if (definition) answered++;
  }
  assert.ok(answered > 20, `only ${answered} definitions compared`);
});

test('huge lines over the protocol: a 10 MB line is opened, edited and hovered, and other documents are still served', async () => {
  const uri = 'file:///huge.sip';
  const line = 'SIP/2.0 486 Busy Here '.repeat(480_000);
  let text = `SIP/2.0 180 Ringing\r\n${line}\r\nSIP/2.0 409 Conflict\r\n`;
  await server.open(uri, 'sip', text, 1);
  const change: TextChange = { range: { start: { line: 1, character: 5_000_000 }, end: { line: 1, character: 5_000_010 } }, text: '\r\nSIP/2.0 411 x\r\n' };
  text = applyToReference(text, change);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
  await assertAlive('a 10 MB line');
  const published = await server.diagnostics(uri, (p) => p.version === 2, 60_000);
  assert.deepEqual(published.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })), expectedOf(text, 'sip').diagnostics);
  // The edit split the long line: "SIP/2.0 411 x" is line 2.
  const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } });
  assert.match(hover.contents.value, /411/);
  assert.deepEqual(published.diagnostics.find((d) => d.code === 'removed-code' && d.range.start.line === 2)?.range.start, { line: 2, character: 8 });
});

test('a hostile trace\'s Outline over the protocol: a 40 MB request line and huge names are answered, as the service makes them', async () => {
  const uri = 'file:///hostile-outline.sip';
  const headers = (n: number) => [
    `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${n}`, `From: "${'\u2192\u00b7😀\ud800'.repeat(100_000)}" <sip:${'b'.repeat(1_000_000)}@a>;tag=f${n}`,
    'To: <sip:2002@b>', `Call-ID: hostile-${n}`, 'CSeq: 1 INVITE',
  ];
  const text = sip([`INVITE sip:${'a'.repeat(40 * 1024 * 1024)}@b SIP/2.0`, ...headers(1)])
    + sip([`SIP/2.0 486 ${'Busy \u2192 \u00b7 '.repeat(200_000)}`, ...headers(1)])
    + sip(['INVITE sip:2002@b SIP/2.0', ...headers(2)]);
  await server.open(uri, 'sip', text, 1);
  const answer = await withTimeout(server.request('textDocument/documentSymbol', { textDocument: { uri } }), 'the Outline', 120_000);
  const expected = [...computeDocumentSymbols(AnalyzedDocument.create(uri, 'sip', 1, text), SYMBOL_KIND)];
  assert.equal(expected.length, 2);
  assert.deepEqual(answer, expected);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await assertAlive('a 40 MB line\'s Outline');
});

test('the server is still running and exits cleanly on shutdown', async () => {
  assert.equal(exited, undefined);
  await assertAlive('every fault above');
});

test('when its input ends the server exits: 0 after a shutdown request, 1 without one', async () => {
  for (const shutdown of [true, false]) {
    const other = new ServerUnderTest();
    await other.initialize();
    const exit = new Promise<number | null>((resolve) => other.process.once('exit', resolve));
    if (shutdown) await other.request('shutdown', null);
    other.process.stdin!.end();
    assert.equal(await withTimeout(exit, 'the server exits'), shutdown ? 0 : 1);
    other.connection.dispose();
  }
});
