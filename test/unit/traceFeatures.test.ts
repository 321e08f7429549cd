import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AnalyzedDocument, computeDefinition, computeDocumentHighlights, computeDocumentSymbols, computeFoldingRanges, computeHover, computeReferences,
  resolveSettings,
} from '../../server/src/service';
import { OUTLINE_PART_TRANSACTIONS } from '../../server/src/service/features/documentSymbols';
import { requestOf } from '../../server/src/service/trace/query';
import type { TraceModel } from '../../server/src/service/trace/types';
import { readFileSync } from 'node:fs';
import { corpusFiles } from '../support/corpus';

/** One ngrep packet of ten lines: framing line, start line, six headers, the "." of the blank line, a blank line. */
function packet(time: string, route: string, first: string, to: string, callId: string, cseq: string, via = 'z9hG4bK111', from = '"Alice" <sip:1001@10.0.0.1>;tag=a1'): string[] {
  return [
    `U 2024/05/01 10:00:${time} ${route}`, `${first}.`, `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=${via}.`, `From: ${from}.`, `To: ${to}.`,
    `Call-ID: ${callId}.`, `CSeq: ${cseq}.`, 'Content-Length: 0.', '.', '',
  ];
}

const OUT = '10.0.0.1:5060 -> 10.0.0.2:5060';
const BACK = '10.0.0.2:5060 -> 10.0.0.1:5060';
const BOB = '<sip:2002@10.0.0.2>';

/** An ngrep trace of one busy call: INVITE (line 2), 100 (12), 486 (22) sent twice (32), ACK (42); then an OPTIONS ping (52). */
const TRACE = [
  ...packet('00.000000', OUT, 'INVITE sip:2002@10.0.0.2 SIP/2.0', BOB, 'call-1', '1 INVITE'),
  ...packet('00.010000', BACK, 'SIP/2.0 100 Trying', BOB, 'call-1', '1 INVITE'),
  ...packet('03.200000', BACK, 'SIP/2.0 486 Busy Here', `${BOB};tag=b2`, 'call-1', '1 INVITE'),
  ...packet('03.700000', BACK, 'SIP/2.0 486 Busy Here', `${BOB};tag=b2`, 'call-1', '1 INVITE'),
  ...packet('03.710000', OUT, 'ACK sip:2002@10.0.0.2 SIP/2.0', `${BOB};tag=b2`, 'call-1', '1 ACK'),
  ...packet('05.000000', '10.0.0.1:5060 -> 10.0.0.9:5060', 'OPTIONS sip:10.0.0.9 SIP/2.0', '<sip:10.0.0.9>', 'ping-1', '7 OPTIONS', 'z9hG4bK222', '<sip:ping@10.0.0.1>;tag=p'),
].slice(0, -1).join('\r\n');

const document = () => AnalyzedDocument.create('file:///t.log', 'plaintext', 1, TRACE);
const at = (line: number, character: number) => ({ line: line - 1, character });

test('definition: from a 486 (its code or anywhere on its status line) and from the ACK to the INVITE line', () => {
  const doc = document();
  const invite = { line: 1, span: { start: 0, end: 32 } };
  // The INVITE whole: from its ngrep framing line to the end of its last header line.
  const inviteRange = { start: { line: 0, character: 0 }, end: { line: 7, character: 'Content-Length: 0.'.length } };
  const from = (line: number, start: number, end: number) => ({ line: line - 1, span: { start, end } });
  assert.deepEqual(computeDefinition(doc, at(22, 9)), { origin: from(22, 8, 11), target: invite, targetRange: inviteRange }, 'on the code: the code');
  assert.deepEqual(computeDefinition(doc, at(22, 18)), { origin: from(22, 0, 21), target: invite, targetRange: inviteRange }, 'elsewhere: the status line');
  assert.deepEqual(computeDefinition(doc, at(32, 0)), { origin: from(32, 0, 21), target: invite, targetRange: inviteRange }, 'the retransmitted 486 too');
  assert.deepEqual(computeDefinition(doc, at(42, 1)), { origin: from(42, 0, 29), target: invite, targetRange: inviteRange });
  assert.equal(computeDefinition(doc, at(2, 1)), undefined, 'a request answers nothing');
  assert.equal(computeDefinition(doc, at(23, 1)), undefined, 'a header line is no start line');
  assert.equal(computeDefinition(doc, at(21, 1)), undefined, 'nor is the framing line');
});

test('references on the INVITE method or Request-URI: its responses, retransmissions included', () => {
  const doc = document();
  const lines = (found: { line: number }[]) => found.map((l) => l.line + 1);
  assert.deepEqual(lines(computeReferences(doc, at(2, 2), false)), [12, 22, 32]);
  assert.deepEqual(lines(computeReferences(doc, at(2, 12), true)), [2, 12, 22, 32]);
  assert.deepEqual(lines(computeReferences(doc, at(2, 30), false)), [], 'SIP/2.0 is neither method nor URI');
});

test('document highlight: the start lines of the transaction', () => {
  const highlights = computeDocumentHighlights(document(), at(12, 10));
  assert.deepEqual(highlights.map((h) => [h.line + 1, h.kind]), [[2, 'write'], [12, 'read'], [22, 'read'], [32, 'read'], [42, 'write']]);
});

test('document symbols: one per call, named like sngrep, transactions and messages below', () => {
  const symbols = [...computeDocumentSymbols(document())];
  assert.deepEqual(symbols.map((s) => s.name), ['INVITE 1001 → 2002 · 486 Busy Here · 3.7 s', 'OPTIONS ping → 10.0.0.9 · no final response · 0 s']);
  assert.equal(symbols[0].detail, 'busy · call-1');
  assert.deepEqual(symbols[0].range, { start: { line: 0, character: 0 }, end: { line: 47, character: 18 } });
  assert.deepEqual(symbols[0].selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 32 } });
  assert.deepEqual(symbols[0].children?.map((t) => t.name), ['INVITE → 486 Busy Here']);
  assert.deepEqual(symbols[0].children?.[0].children?.map((m) => m.name), [
    'INVITE sip:2002@10.0.0.2', '100 Trying', '486 Busy Here', '486 Busy Here (retransmission)', 'ACK sip:2002@10.0.0.2',
  ]);
});

test('document symbols: a transaction of one message is that message, with nothing below it', () => {
  const [, ping] = computeDocumentSymbols(document());
  assert.deepEqual(ping.children?.map((t) => [t.name, t.kind, t.children]), [['OPTIONS sip:10.0.0.9', 'message', undefined]], 'no empty list of children');
  assert.deepEqual(ping.children?.[0].selectionRange, ping.selectionRange);
});

test('document symbols: a transaction whose CSeq has no method, and no final response, is named by its kind (VS Code drops a whole outline for one empty name)', () => {
  const trying = ['SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1', 'Call-ID: c1', ''];
  const document = AnalyzedDocument.create('file:///t.sip', 'sip', 1, [...trying, ...trying].join('\r\n'));
  const [call] = computeDocumentSymbols(document);
  assert.deepEqual(call.children?.map((t) => [t.name, t.kind, t.children?.map((m) => m.name)]), [['transaction', 'transaction', ['100 Trying', '100 Trying (retransmission)']]]);
});

test('document symbols: names without trailing white space (a phrase may end with one the start line keeps), a code without a phrase alone', () => {
  const response = (first: string, callId: string, cseq: string) => [first, 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1', `Call-ID: ${callId}`, `CSeq: ${cseq}`, ''];
  const text = [...response('SIP/2.0 486 Busy Here\u00a0', 'c1', '1 INVITE'), ...response('SIP/2.0 200 ', 'c2', '2 OPTIONS')].join('\r\n');
  const symbols = [...computeDocumentSymbols(AnalyzedDocument.create('file:///t.sip', 'sip', 1, text))];
  assert.deepEqual(symbols.map((call) => [call.name, call.children?.map((m) => m.name)]), [
    ['INVITE ? → ? · 486 Busy Here', ['486 Busy Here']],
    ['OPTIONS ? → ? · 200', ['200']],
  ]);
});

test('document symbols: a call of many transactions (keep-alive OPTIONS under one Call-ID) in parts, each a symbol made on its own', () => {
  const count = 2 * OUTLINE_PART_TRANSACTIONS + 1;
  const ping = (i: number): string[] => {
    const common = [`Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${i}`, 'From: <sip:ping@10.0.0.1>;tag=1', 'Call-ID: keepalive', `CSeq: ${i + 1} OPTIONS`, ''];
    return ['OPTIONS sip:10.0.0.2 SIP/2.0', 'To: <sip:10.0.0.2>', ...common, 'SIP/2.0 200 OK', 'To: <sip:10.0.0.2>;tag=2', ...common];
  };
  const text = [...ping(0), 'INVITE sip:2002@10.0.0.2 SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.3;branch=z9hG4bKx', 'Call-ID: other', 'CSeq: 1 INVITE', '',
    ...Array.from({ length: count - 1 }, (_, i) => ping(i + 1)).flat()].join('\r\n');
  const document = AnalyzedDocument.create('file:///t.sip', 'sip', 1, text);
  const symbols = [...computeDocumentSymbols(document)];
  const parts = symbols.filter((s) => s.detail?.endsWith('keepalive'));
  assert.deepEqual(parts.map((s) => s.name), [1, 2, 3].map((n) => `OPTIONS ping → 10.0.0.2 · 200 OK (part ${n} of 3)`));
  assert.deepEqual(parts.map((s) => s.children?.length), [OUTLINE_PART_TRANSACTIONS, OUTLINE_PART_TRANSACTIONS, 1]);
  assert.equal(parts[0].selectionRange.start.line, 0, 'part 1 selects the call\'s first request');
  assert.equal(parts[1].selectionRange.start.line, parts[1].children?.[0].selectionRange.start.line, 'a later part its first transaction\'s');
  assert.equal(parts[2].range.start.line, parts[2].range.end.line - 12, 'a part spans its own transactions');
  const requests = parts.flatMap((s) => s.children ?? []).map((t) => t.children?.[0].selectionRange.start.line);
  assert.equal(new Set(requests).size, count, 'every transaction once');
  assert.equal(symbols.length, 4, 'the other call beside them');
});

test('document symbols take the kinds the caller gives (the server: the protocol\'s numbers)', () => {
  const kinds = { call: 1, transaction: 2, message: 3 };
  const kindsOf = (symbols: readonly { kind: number; children?: readonly { kind: number }[] }[]): number[] =>
    symbols.flatMap((s) => [s.kind, ...kindsOf(s.children ?? [])]);
  assert.deepEqual(kindsOf([...computeDocumentSymbols(document(), kinds)]), [1, 2, 3, 3, 3, 3, 3, 1, 3]);
});

test('folding: every message from its framing line to its last line; a contiguous call', () => {
  const ranges = computeFoldingRanges(document());
  assert.deepEqual(ranges.map((r) => [r.startLine + 1, r.endLine + 1, r.kind]), [
    [1, 48, 'call'], [1, 8, 'message'], [11, 18, 'message'], [21, 28, 'message'], [31, 38, 'message'], [41, 48, 'message'], [51, 58, 'message'],
  ]);
});

test('hover on a status code adds what the trace says: the request it answers, retransmission, the call it decided', () => {
  const settings = resolveSettings({ hover: { language: 'both' } });
  const first = computeHover(document(), at(22, 9), settings)!.markdown;
  assert.match(first, /Answers the INVITE at line 2, 3\.2 s later\./);
  assert.match(first, /The final response to the call's initial request: the call found the callee busy\./);
  assert.match(first, /پاسخِ INVITE در خط ۲ است، ۳\.۲ ثانیه پس از آن\./);
  assert.match(first, /مخاطب مشغول بود/);
  const again = computeHover(document(), at(32, 9), settings)!.markdown;
  assert.match(again, /A retransmission of the response at line 22\./);
  assert.match(again, /Answers the INVITE at line 2, 3\.7 s later\./);
  assert.doesNotMatch(again, /final response to the call/, 'the first copy decided the call');
  const trying = computeHover(document(), at(12, 9), settings)!.markdown;
  assert.match(trying, /Answers the INVITE at line 2, 0\.01 s later\./);
  assert.doesNotMatch(trying, /A retransmission of|final response to the call/);
});

test('the hover reads the same from the call alone (right after an edit) as from the whole model', () => {
  const settings = resolveSettings({});
  const fresh = document();
  const fromCall = computeHover(fresh, at(22, 9), settings)!.markdown;
  assert.ok(fresh.trace.calls.length > 0);
  assert.equal(computeHover(fresh, at(22, 9), settings)!.markdown, fromCall);
});

test('definition, references and highlights from the call alone (before the whole model is built) equal those from the whole model, on every corpus trace', () => {
  for (const file of [...corpusFiles('sip-traces'), ...corpusFiles('logs')]) {
    const text = readFileSync(file.path, 'utf8');
    const languageId = file.name.endsWith('.log') ? 'log' : 'sip';
    const fresh = AnalyzedDocument.create(`file:///${file.name}`, languageId, 1, text);
    const whole = AnalyzedDocument.create(`file:///${file.name}`, languageId, 1, text);
    const starts = whole.trace.messages.map((m) => ({ line: m.startLine, character: m.startColumn + (m.kind === 'response' ? 9 : 1) }));
    for (const position of starts) {
      const where = `${file.name}:${position.line + 1}`;
      assert.deepEqual(computeDefinition(fresh, position), computeDefinition(whole, position), where);
      assert.deepEqual(computeReferences(fresh, position, true), computeReferences(whole, position, true), where);
      assert.deepEqual(computeDocumentHighlights(fresh, position), computeDocumentHighlights(whole, position), where);
    }
    assert.ok(!fresh['traceModel'], `${file.name}: the whole model was not needed`);
  }
});

test('a response whose request is missing from the trace says nothing about a request', () => {
  const text = TRACE.split('\r\n').slice(10).join('\r\n');
  const doc = AnalyzedDocument.create('file:///t.log', 'plaintext', 1, text);
  const hover = computeHover(doc, at(12, 9), resolveSettings({}))!.markdown;
  assert.match(hover, /^\*\*486 Busy Here\*\*/);
  assert.doesNotMatch(hover, /Answers the/);
  assert.equal(doc.trace.messages[1].method, 'INVITE', 'its CSeq method is still known');
  assert.equal(computeDefinition(doc, at(12, 9)), undefined);
});

test('a call the trace joined after its INVITE: the Outline names it by its first message, selects that message, and the 486 ended it', () => {
  // 100 Trying (line 2), 486 (12) twice, the ACK to it (32, its To tagged), then the ping.
  const doc = AnalyzedDocument.create('file:///t.log', 'plaintext', 1, TRACE.split('\r\n').slice(10).join('\r\n'));
  const [call] = computeDocumentSymbols(doc);
  assert.equal(call.name, 'INVITE 1001 → 2002 · 486 Busy Here · 3.7 s');
  assert.equal(call.detail, 'busy · call-1');
  assert.deepEqual(call.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
  assert.match(computeHover(doc, at(12, 9), resolveSettings({}))!.markdown, /The final response to the call's initial request: the call found the callee busy\./);
});

test('a hover far beyond what is read of a big trace reads the message on its own, never guesses its request; once read from the top, all of it', () => {
  const calls = Array.from({ length: 3000 }, (_, n) => TRACE.replace(/call-1/g, `call-${n}`).replace(/ping-1/g, `ping-${n}`)).join('\r\n');
  const doc = AnalyzedDocument.create('file:///big.log', 'plaintext', 1, calls);
  const lines = calls.split('\r\n');
  const last486 = lines.lastIndexOf('SIP/2.0 486 Busy Here.') - 10;
  assert.equal(lines[last486], 'SIP/2.0 486 Busy Here.', 'the last call\'s first 486 (ten lines before its retransmission)');
  assert.ok(last486 > 30_000);
  const settings = resolveSettings({});
  const early = computeHover(doc, { line: last486, character: 9 }, settings)!.markdown;
  assert.match(early, /^\*\*486 Busy Here\*\*/);
  assert.doesNotMatch(early, /Answers the/);
  assert.equal(doc.isTraceRead, false, 'nothing read from the top for it');
  doc.traceMessages;
  assert.match(computeHover(doc, { line: last486, character: 9 }, settings)!.markdown, new RegExp(`Answers the INVITE at line ${last486 - 19}, 3\\.2 s later`));
});

test('a message without a Call-ID is matched among the messages of its branch alone, as the whole trace\'s model matches it', () => {
  const exchange = (branch: string | undefined, cseq: number, answers: number) => {
    const via = branch === undefined ? [] : [`Via: SIP/2.0/UDP 10.0.0.1:5060;branch=${branch}`];
    const message = (first: string) => [first, ...via, `CSeq: ${cseq} OPTIONS`, 'Content-Length: 0', ''];
    return [...message('OPTIONS sip:10.0.0.2 SIP/2.0'), ...Array.from({ length: answers }, () => message('SIP/2.0 200 OK')).flat()];
  };
  // Forty exchanges without a Call-ID, each of a branch of its own (one answered twice), and two without a branch.
  const text = [
    ...Array.from({ length: 40 }, (_, k) => exchange(`z9hG4bK-${k}`, k, k === 7 ? 2 : 1)).flat(),
    ...exchange(undefined, 99, 1),
  ].join('\r\n');
  const doc = AnalyzedDocument.create('file:///no-call-id.sip', 'sip', 1, text);
  const { length } = doc.traceMessages;
  assert.equal(length, 40 * 2 + 1 + 2);
  const around = Array.from({ length }, (_, i) => doc.traceAround(i, true));
  // Before the whole trace is grouped, each is grouped with its own branch's messages, not with every message without a Call-ID.
  assert.ok(around.every(({ model }) => model.messages.length <= 3), 'a model of the messages of one branch');
  const whole = doc.trace;
  around.forEach(({ model, index }, i) => {
    const line = (m: TraceModel, k: number | undefined) => (k === undefined ? undefined : m.messages[k].startLine);
    assert.equal(line(model, requestOf(model, index)), line(whole, requestOf(whole, i)), `the request of message ${i}`);
    assert.equal(model.roles[index].retransmission, whole.roles[i].retransmission, `whether message ${i} is a retransmission`);
  });
  assert.equal(whole.roles.filter((role) => role.retransmission).length, 1);
});
