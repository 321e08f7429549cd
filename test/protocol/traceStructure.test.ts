import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SYMBOL_KIND, toSymbolInformation } from '../../server/src/convert';
import { AnalyzedDocument, computeDocumentSymbols } from '../../server/src/service';
import { corpusFiles, corpusText } from '../support/corpus';
import { positionOf } from '../support/documents';
import { splitLines } from '../support/fuzz';
import { FrameRecorder, ServerUnderTest, VS_CODE_CAPABILITIES } from '../support/lspClient';

/**
 * The trace model's features over stdio (the built server) on RFC 3665's call flows, opened as
 * plain text: the Outline, folding, Go to Definition, references and highlight. Each message of
 * the RFC is captioned (`F6 486 Busy Here Bob -> Proxy 2`), which says which hop it was seen at.
 */

const URI = 'file:///corpus/rfc3665.txt';
const text = corpusText('sip-traces', 'rfc3665.txt');
const lines = splitLines(text);
let server: ServerUnderTest;

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

before(async () => {
  server = new ServerUnderTest();
  const { capabilities } = await server.initialize();
  for (const provider of ['documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider']) {
    assert.equal(capabilities[provider], true, provider);
  }
  await server.open(URI, 'plaintext', text);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

/** The caption of the message whose start line is `line` (`F6 486 Busy Here Bob -> Proxy 2`). */
function captionOf(line: number): string {
  for (let at = line - 1; at >= line - 3; at--) if (/^ {3}F[0-9]+ /.test(lines[at])) return lines[at].trim();
  throw new Error(`no caption above line ${line}`);
}

/** The start line of the message captioned `caption` in the busy flow (section 3.x, after its title). */
function busyFlowLine(caption: string): number {
  const flow = positionOf(text, 'Bob is busy and sends a 486 Busy Here response').line;
  const at = lines.findIndex((line, index) => index > flow && line.trim() === caption);
  assert.ok(at > 0, caption);
  return lines.findIndex((line, index) => index > at && line.trim() !== '');
}

test('the Outline has one entry per call, named like sngrep\'s list, with its transactions and messages below', async () => {
  const given = await server.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
  // Given in the order of their ends (the busy call's last message comes after the next call's); shown by position.
  const symbols = [...given].sort((a, b) => a.range.start.line - b.range.start.line);
  assert.deepEqual(symbols.map((s: { name: string }) => s.name), [
    'REGISTER bob → bob · 401 Unauthorized',
    'INVITE alice → bob · 200 OK',
    'INVITE alice → bob · 486 Busy Here',
    'INVITE alice → bob · 200 OK',
  ]);
  assert.deepEqual(given.map((s: { range: { end: { line: number } } }) => s.range.end.line), symbols.map((s) => s.range.end.line).sort((a, b) => a - b));
  assert.match(symbols[0].detail, /^failed authentication · 1j9FpLxk3uxtm8tn@biloxi\.example\.com$/);
  const invite = symbols[1];
  assert.equal(invite.kind, 24, 'a call is an Event');
  assert.equal(lines[invite.selectionRange.start.line].slice(invite.selectionRange.start.character, invite.selectionRange.end.character),
    'INVITE sip:bob@biloxi.example.com SIP/2.0');
  const [first] = invite.children;
  assert.equal(first.name, 'INVITE → 200 OK');
  assert.deepEqual(first.children.map((m: { name: string }) => m.name), ['INVITE sip:bob@biloxi.example.com', '180 Ringing', '200 OK']);
  for (const call of symbols) {
    assert.ok(within(call.selectionRange, call.range), call.name);
    for (const transaction of call.children) assert.ok(within(transaction.range, call.range), transaction.name);
  }
});

test('every message folds from its start line to its last line, across the RFC\'s page breaks', async () => {
  const ranges = await server.request<{ startLine: number; endLine: number; startCharacter?: number }[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
  const busy = busyFlowLine('F6 486 Busy Here Bob -> Proxy 2');
  const range = ranges.find((r) => r.startLine === busy);
  assert.ok(range, 'the 486 folds');
  assert.match(lines[range.endLine], /^ {3}Content-Length: 0/);
  assert.ok(lines.slice(busy, range.endLine).some((line) => /\[Page \d+\]/.test(line)), 'the message runs over a page break');
  assert.ok(ranges.every((r) => r.startCharacter === undefined), 'VS Code folds whole lines');
});

test('Go to Definition on each 486 lands on the INVITE it answers, at its hop: a LocationLink from the code, or from the whole status line elsewhere on it', async () => {
  const hops = [
    ['F6 486 Busy Here Bob -> Proxy 2', 'F4 INVITE Proxy 2 -> Bob'],
    ['F8 486 Busy Here Proxy 2 -> Proxy 1', 'F2 INVITE Proxy 1 -> Proxy 2'],
    ['F10 486 Busy Here Proxy 1 -> Alice', 'F1 INVITE Alice -> Proxy 1'],
  ];
  const textOf = (range: Range) => lines[range.start.line].slice(range.start.character, range.end.character);
  for (const [response, request] of hops) {
    const line = busyFlowLine(response);
    for (const [character, origin] of [[lines[line].indexOf('486') + 1, '486'], [lines[line].indexOf('Busy'), lines[line].trim()]] as const) {
      const links = await server.request<{ originSelectionRange: Range; targetUri: string; targetRange: Range; targetSelectionRange: Range }[]>(
        'textDocument/definition', { textDocument: { uri: URI }, position: { line, character } });
      assert.equal(links.length, 1, `${response} at ${character}`);
      const [link] = links;
      assert.deepEqual([link.originSelectionRange.start.line, textOf(link.originSelectionRange)], [line, origin]);
      assert.equal(link.targetUri, URI);
      assert.equal(link.targetSelectionRange.start.line, busyFlowLine(request), `${response} → ${captionOf(link.targetSelectionRange.start.line)}`);
      assert.equal(textOf(link.targetSelectionRange), lines[link.targetSelectionRange.start.line].trim());
      // The whole INVITE: from its start line to the end of its last line (past its Content-Length header).
      const contentLength = lines.findIndex((text, index) => index > busyFlowLine(request) && /^ {3}Content-Length:/.test(text));
      assert.deepEqual(link.targetRange.start, { line: busyFlowLine(request), character: 0 });
      assert.ok(link.targetRange.end.line >= contentLength && link.targetRange.end.character === lines[link.targetRange.end.line].length, `${request} ends at ${link.targetRange.end.line}`);
    }
  }
  const ack = busyFlowLine('F7 ACK Proxy 2 -> Bob');
  const [toInvite] = await server.request('textDocument/definition', { textDocument: { uri: URI }, position: { line: ack, character: 4 } });
  assert.equal(toInvite.targetSelectionRange.start.line, busyFlowLine('F4 INVITE Proxy 2 -> Bob'), 'an ACK to a 486 belongs to its INVITE');
  assert.match(textOf(toInvite.originSelectionRange), /^ACK sip:bob@client\.biloxi\.example\.com SIP\/2\.0$/);
  const cseq = lines.findIndex((line, index) => index > ack && /^ {3}CSeq: 1 INVITE/.test(line));
  assert.equal(await server.request('textDocument/definition', { textDocument: { uri: URI }, position: { line: cseq, character: 9 } }), null);
});

test('Go to Definition for a client without definition links: a Location, the INVITE\'s start line', async () => {
  const plain = new ServerUnderTest();
  try {
    await plain.initialize({ capabilities: { workspace: { configuration: true }, textDocument: { definition: { linkSupport: false } } } });
    await plain.open(URI, 'plaintext', text);
    const line = busyFlowLine('F6 486 Busy Here Bob -> Proxy 2');
    const location = await plain.request<{ uri: string; range: Range }>('textDocument/definition', { textDocument: { uri: URI }, position: { line, character: lines[line].indexOf('486') } });
    assert.equal(location.uri, URI);
    assert.equal(location.range.start.line, busyFlowLine('F4 INVITE Proxy 2 -> Bob'));
    assert.equal(lines[location.range.start.line].slice(location.range.start.character, location.range.end.character), lines[location.range.start.line].trim());
  } finally {
    assert.equal(await plain.stop(), 0, plain.stderr.join(''));
  }
});

test('references on an INVITE list its responses; highlight shows its transaction\'s start lines, requests as writes', async () => {
  const invite = busyFlowLine('F1 INVITE Alice -> Proxy 1');
  const position = { line: invite, character: lines[invite].indexOf('INVITE') + 2 };
  const references = await server.request<{ range: Range }[]>('textDocument/references', { textDocument: { uri: URI }, position, context: { includeDeclaration: false } });
  assert.deepEqual(references.map((r) => captionOf(r.range.start.line)), ['F3 100 Trying Proxy 1 -> Alice', 'F10 486 Busy Here Proxy 1 -> Alice']);
  const withDeclaration = await server.request<{ range: Range }[]>('textDocument/references', { textDocument: { uri: URI }, position, context: { includeDeclaration: true } });
  assert.deepEqual(withDeclaration.map((r) => r.range.start.line), [invite, ...references.map((r) => r.range.start.line)]);

  const busy = busyFlowLine('F6 486 Busy Here Bob -> Proxy 2');
  const highlights = await server.request<{ range: Range; kind: number }[]>('textDocument/documentHighlight', {
    textDocument: { uri: URI }, position: { line: busy, character: lines[busy].indexOf('486') },
  });
  assert.deepEqual(highlights.map((h) => [captionOf(h.range.start.line), h.kind]), [
    ['F4 INVITE Proxy 2 -> Bob', 3], ['F6 486 Busy Here Bob -> Proxy 2', 2], ['F7 ACK Proxy 2 -> Bob', 3],
  ]);
});

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

test('a big trace is read in slices: a hover sent after the Outline request is answered before it, and both are right', async () => {
  const big = new ServerUnderTest();
  await big.initialize();
  const uri = 'file:///big.sip';
  const message = (n: number) => [
    `SIP/2.0 486 Busy Here`, `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${n}`, `From: <sip:1001@a>;tag=f${n}`, `To: <sip:2002@b>;tag=t${n}`,
    `Call-ID: call-${n}`, `CSeq: 1 INVITE`, 'Content-Length: 0', '', '',
  ].join('\r\n');
  const count = 100_000;
  await big.open(uri, 'sip', Array.from({ length: count }, (_, n) => message(n)).join(''));
  try {
    const order: string[] = [];
    const symbols = big.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }).then((answer) => { order.push('symbols'); return answer; });
    const hover = big.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 9 } })
      .then((answer) => { order.push('hover'); return answer; });
    const [outline, explained] = await Promise.all([symbols, hover]);
    assert.deepEqual(order, ['hover', 'symbols']);
    assert.match(explained.contents.value, /486 Busy Here/);
    assert.equal(outline.length, count);
  } finally {
    assert.equal(await big.stop(), 0, big.stderr.join(''));
  }
});

test('over stdio, the Outline of every corpus trace, as a tree and flat, is sent in pieces with the bytes of the whole answer', async () => {
  let compared = 0;
  for (const textDocument of [VS_CODE_CAPABILITIES.textDocument, { documentSymbol: { hierarchicalDocumentSymbolSupport: false } }]) {
    const flat = textDocument !== VS_CODE_CAPABILITIES.textDocument;
    const stdio = new ServerUnderTest();
    const frames = new FrameRecorder(stdio.process.stdout!);
    await stdio.initialize({ capabilities: { textDocument } });
    for (const folder of ['sip-traces', 'logs']) {
      for (const { name } of corpusFiles(folder)) {
        const uri = `file:///corpus/${folder}/${name}`;
        const languageId = folder === 'logs' ? 'log' : 'sip';
        const content = corpusText(folder, name);
        await stdio.open(uri, languageId, content);
        const answer = await stdio.request('textDocument/documentSymbol', { textDocument: { uri } });
        const symbols = computeDocumentSymbols(AnalyzedDocument.create(uri, languageId, 1, content), SYMBOL_KIND);
        const result = flat ? [...toSymbolInformation(uri, symbols)] : [...symbols];
        assert.deepEqual(answer, result, `${folder}/${name}`);
        const sent = frames.lastResponse();
        const { id } = JSON.parse(sent.toString('utf8')) as { id: number };
        assert.ok(sent.equals(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, result }), 'utf8')), `${folder}/${name}: the bytes of the whole answer`);
        if (result.length > 0) compared++;
      }
    }
    assert.equal(await stdio.stop(), 0, stdio.stderr.join(''));
  }
  assert.ok(compared >= 40, `${compared} outlines compared`);
});
