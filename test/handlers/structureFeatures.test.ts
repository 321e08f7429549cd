import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { SYMBOL_KIND, toSymbolInformation } from '../../server/src/convert';
import { AnalyzedDocument, computeDocumentSymbols } from '../../server/src/service';
import { READ_AT_ONCE_LINES } from '../../server/src/service/analyzedDocument';
import { corpusFiles, corpusText } from '../support/corpus';
import { splitLines } from '../support/fuzz';
import { FrameRecorder, InProcessServer, VS_CODE_CAPABILITIES } from '../support/lspClient';
import { sip } from '../support/traces';

/** What a client's capabilities change in the Outline and in folding (the handlers in this process). */

const URI = 'file:///corpus/rfc3665.txt';
const text = corpusText('sip-traces', 'rfc3665.txt');
const lines = splitLines(text);

type Symbol = { name: string; kind: number; children?: Symbol[] };
type Folding = { startLine: number; endLine: number; startCharacter?: number; endCharacter?: number };

/** A server in this process, initialized with `textDocument` capabilities, with RFC 3665 open. */
async function serverWith(textDocument: unknown): Promise<InProcessServer> {
  const server = new InProcessServer();
  await server.initialize({ capabilities: { workspace: { configuration: true }, textDocument } });
  await server.open(URI, 'plaintext', text);
  return server;
}

const symbolsOf = (server: InProcessServer) => server.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
const foldingOf = (server: InProcessServer) => server.request<Folding[]>('textDocument/foldingRange', { textDocument: { uri: URI } });

function flatten(symbols: readonly Symbol[], container?: string): { name: string; kind: number; containerName?: string }[] {
  return symbols.flatMap((s) => [{ name: s.name, kind: s.kind, ...(container ? { containerName: container } : {}) }, ...flatten(s.children ?? [], s.name)]);
}

test('a client without hierarchical symbols gets the same symbols as a flat list, each naming its container', async () => {
  const tree = await serverWith(VS_CODE_CAPABILITIES.textDocument);
  const hierarchical: Symbol[] = await symbolsOf(tree);
  await tree.stop();
  const flatClient = await serverWith({ documentSymbol: { hierarchicalDocumentSymbolSupport: false } });
  const flat = await symbolsOf(flatClient);
  await flatClient.stop();
  assert.ok(hierarchical.length === 4 && hierarchical.every((s) => s.children && s.children.length > 0));
  assert.deepEqual(flat.map((s: { name: string; kind: number; containerName?: string }) => ({ name: s.name, kind: s.kind, ...(s.containerName ? { containerName: s.containerName } : {}) })),
    flatten(hierarchical));
  for (const symbol of flat) {
    assert.equal(symbol.location.uri, URI);
    assert.equal(symbol.children, undefined);
  }
  const registerCall = flat[0];
  assert.equal(registerCall.name, 'REGISTER bob → bob · 401 Unauthorized');
  assert.match(lines[registerCall.location.range.start.line], /REGISTER sips?:/);
});

test('a folding range limit keeps every call\'s range before messages\', in document order', async () => {
  const unlimited = await serverWith({ foldingRange: { lineFoldingOnly: true } });
  const all = await foldingOf(unlimited);
  await unlimited.stop();
  assert.ok(all.length > 100);
  // Messages do not nest: a range that holds another is a call's.
  const outer = all.filter((r) => all.some((o) => o !== r && r.startLine <= o.startLine && o.endLine <= r.endLine));
  assert.ok(outer.length >= 1 && outer.length < 10, `${outer.length} calls fold`);

  const limited = await serverWith({ foldingRange: { lineFoldingOnly: true, rangeLimit: 10 } });
  const kept = await foldingOf(limited);
  await limited.stop();
  assert.equal(kept.length, 10);
  for (const range of outer) assert.ok(kept.some((k) => k.startLine === range.startLine && k.endLine === range.endLine), `call at ${range.startLine}`);
  const messages = kept.filter((k) => !outer.some((o) => o.startLine === k.startLine && o.endLine === k.endLine));
  assert.deepEqual(messages, all.filter((r) => !outer.includes(r)).slice(0, messages.length), 'the first messages');
  assert.deepEqual(kept, [...kept].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine));

  for (const rangeLimit of [-1, 2.5, '10']) {
    const odd = await serverWith({ foldingRange: { lineFoldingOnly: true, rangeLimit } });
    assert.equal((await foldingOf(odd)).length, all.length, `rangeLimit ${JSON.stringify(rangeLimit)} is no limit`);
    await odd.stop();
  }
  const none = await serverWith({ foldingRange: { lineFoldingOnly: true, rangeLimit: 0 } });
  assert.deepEqual(await foldingOf(none), []);
  await none.stop();
});

test('a client that folds within lines gets ranges that keep the first line\'s text and end with the last line', async () => {
  const server = await serverWith({ foldingRange: {} });
  const ranges = await foldingOf(server);
  await server.stop();
  assert.ok(ranges.length > 100);
  for (const range of ranges) {
    assert.equal(range.startCharacter, lines[range.startLine].length);
    assert.equal(range.endCharacter, lines[range.endLine].length);
  }
});

test('structure requests for a document that is not open, or positions outside any message, answer null or nothing', async () => {
  const server = await serverWith(VS_CODE_CAPABILITIES.textDocument);
  const nowhere = { textDocument: { uri: 'file:///nowhere.sip' }, position: { line: 0, character: 0 } };
  for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
    assert.equal(await server.request(method, { ...nowhere, context: { includeDeclaration: true } }), null, method);
  }
  const prose = { textDocument: { uri: URI }, position: { line: 0, character: 3 } };
  assert.equal(await server.request('textDocument/definition', prose), null);
  assert.deepEqual(await server.request('textDocument/references', { ...prose, context: { includeDeclaration: true } }), []);
  assert.deepEqual(await server.request('textDocument/documentHighlight', prose), []);
  const past = { textDocument: { uri: URI }, position: { line: lines.length + 10, character: 5 } };
  assert.equal(await server.request('textDocument/definition', past), null);
  assert.deepEqual(await server.request('textDocument/references', { ...past }), [], 'no context: declarations left out');
  await server.stop();
});

test('once a trace is validated, its messages are read in the background: nothing asked for them', async () => {
  const server = new InProcessServer();
  await server.initialize({ capabilities: VS_CODE_CAPABILITIES });
  const uri = 'file:///background.sip';
  await server.open(uri, 'sip', text);
  await server.diagnostics(uri, () => true);
  const document = server.context.documents.get(uri)!;
  for (let wait = 0; wait < 500 && !document.isTraceRead; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(document.isTraceRead, 'the messages were read');
  assert.ok(document.traceMessagesThrough(-1).length > 40);
  await server.stop();
});

/** RFC 3665 forty times over (6.5 MB: its scan takes several slices), opened in a new server: the server and its document. */
const BIG = Array.from({ length: 40 }, () => text).join('\n');

async function openBig(uri: string) {
  const server = new InProcessServer();
  await server.initialize({ capabilities: VS_CODE_CAPABILITIES });
  await server.open(uri, 'sip', BIG);
  while (!server.context.documents.has(uri)) await new Promise((resolve) => setImmediate(resolve));
  return { server, document: server.context.documents.get(uri)! };
}

test('requests waiting for a big trace wait on one reading: one slice at a time, not one each', async () => {
  const { server, document } = await openBig('file:///shared-reading.sip');
  let steps = 0;
  let mostInOneTurn = 0;
  let inThisTurn = 0;
  const step = document.traceStep.bind(document);
  document.traceStep = (maxChars) => {
    steps++;
    if (inThisTurn++ === 0) setImmediate(() => { inThisTurn = 0; });
    mostInOneTurn = Math.max(mostInOneTurn, inThisTurn);
    return step(maxChars);
  };
  const read = await Promise.all(Array.from({ length: 5 }, () => server.context.traceRead(document)));
  assert.deepEqual(read, [true, true, true, true, true]);
  assert.ok(steps > 5, `${steps} slices`);
  assert.equal(mostInOneTurn, 1, 'slices in one turn of the event loop');
  await server.stop();
});

test('the background reading of a trace stands aside for the diagnostics\' first reader and for each hover: no slice runs between them', async () => {
  const uri = 'file:///stand-aside.sip';
  const { server, document } = await openBig(uri);
  // Long enough for the hovers below on a machine as busy as it gets (the reading waits for it at the end).
  server.context.standAsideMs = 1000;
  let steps = 0;
  const step = document.traceStep.bind(document);
  document.traceStep = (maxChars) => {
    steps++;
    return step(maxChars);
  };
  await server.diagnostics(uri, () => true);
  // The opening scan reads a little from the top with each of its slices: counted from its diagnostics on.
  steps = 0;
  const statusLine = splitLines(BIG).findIndex((line) => /^\s*SIP\/2\.0 180 /.test(line));
  const position = { line: statusLine, character: splitLines(BIG)[statusLine].indexOf('180') + 1 };
  const turns = () => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));
  for (let hover = 0; hover < 5; hover++) {
    await turns();
    assert.ok(await server.request('textDocument/hover', { textDocument: { uri }, position }));
  }
  await turns();
  assert.equal(steps, 0, 'slices run between the diagnostics and the hovers');
  assert.equal(await server.context.traceRead(document), true);
  assert.ok(steps > 5, `${steps} slices once the hovers stopped`);
  await server.stop();
});

const FLAT_CLIENT = { documentSymbol: { hierarchicalDocumentSymbolSupport: false } };

test('the Outline through the stdio transport\'s writer, in pieces and written by hand: the very bytes of the whole answer, for every corpus trace, as a tree and flat', async () => {
  let compared = 0;
  for (const textDocument of [VS_CODE_CAPABILITIES.textDocument, FLAT_CLIENT]) {
    const [piecewise, whole] = [new InProcessServer({ piecewise: true }), new InProcessServer()];
    const [piecewiseFrames, wholeFrames] = [new FrameRecorder(piecewise.output), new FrameRecorder(whole.output)];
    for (const server of [piecewise, whole]) await server.initialize({ capabilities: { workspace: { configuration: true }, textDocument } });
    // sip-torture's names and URIs hold what JSON escapes, and characters beyond ASCII: the symbols' hand-written JSON meets them.
    for (const folder of ['sip-traces', 'sip-torture', 'logs']) {
      for (const { name } of corpusFiles(folder)) {
        const uri = `file:///corpus/${folder}/${name}`;
        const languageId = folder === 'logs' ? 'log' : 'sip';
        const content = corpusText(folder, name);
        for (const server of [piecewise, whole]) {
          await server.open(uri, languageId, content);
          await server.request('textDocument/documentSymbol', { textDocument: { uri } });
        }
        const sent = piecewiseFrames.lastResponse();
        assert.ok(sent.equals(wholeFrames.lastResponse()), `${folder}/${name}`);
        // What the handler made before it sent answers in pieces: the service's symbols in one array, written whole.
        const symbols = computeDocumentSymbols(AnalyzedDocument.create(uri, languageId, 1, content), SYMBOL_KIND);
        const result = textDocument === FLAT_CLIENT ? [...toSymbolInformation(uri, symbols)] : [...symbols];
        const { id } = JSON.parse(sent.toString('utf8')) as { id: number };
        assert.ok(sent.equals(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, result }), 'utf8')), `${folder}/${name}: the answer of before`);
        if (result.length > 0) compared++;
      }
    }
    for (const server of [piecewise, whole]) await server.stop();
  }
  assert.ok(compared >= 40, `${compared} outlines compared`);
});

/** `count` calls of an INVITE and its 486 (`INVITE 1000 → 2002 · 486 Busy Here`, 1001, ...) from `first` on. */
function busyCalls(count: number, first = 0): string {
  let trace = '';
  for (let n = first; n < first + count; n++) {
    const headers = [`Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${n}`, `From: <sip:${1000 + n}@a.example>;tag=f${n}`, 'To: <sip:2002@b.example>', `Call-ID: call-${n}`, 'CSeq: 1 INVITE'];
    trace += sip(['INVITE sip:2002@b.example SIP/2.0', ...headers]) + sip(['SIP/2.0 486 Busy Here', ...headers]);
  }
  return trace;
}

/**
 * A server whose answers are made a few items a slice, with `atPause` run at the first pause of
 * the Outline's making; counts the times its making started and the items it took.
 */
async function outlineServer(uri: string, content: string, atPause: (server: InProcessServer) => void) {
  const server = new InProcessServer({ piecewise: true });
  await server.initialize({ capabilities: VS_CODE_CAPABILITIES });
  await server.open(uri, 'sip', content);
  assert.ok(await server.request('textDocument/foldingRange', { textDocument: { uri } }), 'the trace read');
  const { context } = server;
  context.answerSliceMs = 0;
  const made = { starts: 0, items: 0, pauses: 0, paused: false };
  const inSlices = context.inSlices.bind(context);
  context.inSlices = (items, each, carryOn) => {
    made.starts++;
    return inSlices(items, (item) => { made.items++; each(item); }, () => {
      made.pauses++;
      if (!made.paused) atPause(server);
      made.paused = true;
      return carryOn();
    });
  };
  return { server, made };
}

test('a trace edited while its Outline is being made: the Outline is made again, and is that of the new text', async () => {
  const uri = 'file:///edited-mid-answer.sip';
  const before = busyCalls(200);
  const inserted = busyCalls(3, 1000);
  const { server, made } = await outlineServer(uri, before, (edited) => {
    // What a didChange does, between two slices of the answer.
    edited.context.documents.get(uri)!.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: inserted }], 2);
  });
  const answer = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(made.paused, 'edited while the Outline was made');
  assert.equal(made.starts, 2, 'made again once');
  assert.deepEqual(answer, [...computeDocumentSymbols(AnalyzedDocument.create(uri, 'sip', 2, inserted + before), SYMBOL_KIND)]);
  assert.equal(answer.length, 203);
  await server.stop();
});

test('the Outline\'s slices end after the item that used up their time: other requests never wait behind several calls\' symbols', async () => {
  const uri = 'file:///sliced.sip';
  const { server, made } = await outlineServer(uri, busyCalls(20), () => undefined);
  const answer = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(answer.length, 20);
  assert.equal(made.pauses, 20, 'slices of no time: a pause after each call');
  await server.stop();
});

test('a hover sent while a trace\'s Outline is being made is answered between its slices, before it', async () => {
  const uri = 'file:///hover-mid-answer.sip';
  const order: string[] = [];
  let hover: Promise<{ contents: { value: string } }> | undefined;
  let itemsAtHover = 0;
  const { server, made } = await outlineServer(uri, busyCalls(500), (asked) => {
    hover = asked.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 9 } })
      .then((answer) => { order.push('hover'); itemsAtHover = made.items; return answer; });
  });
  const outline = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }).then((answer) => { order.push('outline'); return answer; });
  assert.match((await hover!).contents.value, /486 Busy Here/);
  assert.deepEqual(order, ['hover', 'outline']);
  assert.ok(itemsAtHover < 500, `answered when ${itemsAtHover} of 500 calls were made`);
  assert.equal(outline.length, 500);
  await server.stop();
});

test('an Outline cancelled while it is being made: its making stops, and the answer is null', async () => {
  const uri = 'file:///cancelled-mid-answer.sip';
  const source = new CancellationTokenSource();
  const { server, made } = await outlineServer(uri, busyCalls(2000), () => source.cancel());
  const answer = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
  assert.ok(made.paused, 'cancelled while the Outline was made');
  assert.equal(answer, null);
  assert.ok(made.items < 2000, `${made.items} of 2,000 calls made`);
  assert.equal(made.starts, 1);
  await server.stop();
});

test('right after the diagnostics of a trace scanned in several slices, a hover within reach of what the scan read from the top says which request its response answers, as it does once the whole trace is read', async () => {
  const uri = 'file:///read-with-the-scan.sip';
  const { server, document } = await openBig(uri);
  const bigLines = splitLines(BIG);
  // No reading in the background until the hover below is answered.
  server.context.standAsideMs = 1000;
  await server.diagnostics(uri, () => true);
  // Responses a little beyond what a hover reads through at once from the top of a trace not read at all.
  const beyond = bigLines.map((line, at) => ({ line, at })).filter(({ line, at }) => at > READ_AT_ONCE_LINES + 100 && /^\s*SIP\/2\.0 [1-6]\d\d /.test(line)).slice(0, 3);
  assert.equal(beyond.length, 3);
  const answered = async () => Promise.all(beyond.map(async ({ line, at }) => {
    const hover = await server.hover(uri, { line: at, character: line.indexOf('SIP/2.0') + 9 });
    return /Answers the [A-Z]+ at line \d+[^\n]*/.exec(hover.contents.value)?.[0];
  }));
  const rightAfter = await answered();
  assert.equal(await server.context.traceRead(document), true);
  const once = await answered();
  assert.ok(once.every((sentence) => sentence !== undefined), `${once}`);
  assert.deepEqual(rightAfter, once);
  await server.stop();
});
