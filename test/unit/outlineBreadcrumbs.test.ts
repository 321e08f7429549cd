import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalyzedDocument, computeDocumentSymbols, type SymbolInfo } from '../../server/src/service';
import { OUTLINE_PART_TRANSACTIONS } from '../../server/src/service/features/documentSymbols';
import { corpusFiles, corpusText } from '../support/corpus';

/**
 * VS Code's breadcrumbs and the Outline's "follow cursor" name the symbol under the cursor by taking,
 * among a symbol's children in the order the server gives them, the first whose range holds the
 * cursor, then the same among its children. Transactions of one call overlap (a PRACK inside its
 * INVITE's span) or interleave (the hops of a proxy chain answering each other): the order and the
 * nesting must still lead every line of a message to that message.
 */
function enclosing(symbols: readonly SymbolInfo[], line: number): SymbolInfo | undefined {
  for (const symbol of symbols) {
    if (symbol.range.start.line > line || symbol.range.end.line < line) continue;
    return enclosing(symbol.children ?? [], line) ?? symbol;
  }
  return undefined;
}

function leaves(symbols: readonly SymbolInfo[]): SymbolInfo[] {
  return symbols.flatMap((s) => (s.children === undefined ? [s] : leaves(s.children)));
}

test('every line of a message leads the breadcrumbs\' walk to its call and to the message itself', () => {
  let checked = 0;
  const wrong: string[] = [];
  for (const folder of ['sip-traces', 'logs']) {
    for (const { name } of corpusFiles(folder)) {
      const document = AnalyzedDocument.create(`file:///${name}`, folder === 'logs' ? 'log' : 'sip', 1, corpusText(folder, name));
      const symbols = [...computeDocumentSymbols(document)];
      for (const call of symbols) {
        for (const message of leaves([call])) {
          for (let line = message.selectionRange.start.line; line <= message.range.end.line; line++) {
            checked++;
            if (symbols.find((s) => s.range.start.line <= line && line <= s.range.end.line) !== call) wrong.push(`${folder}/${name}:${line + 1}: not in its call ${call.name}`);
            else if (enclosing(call.children ?? [], line) !== message) wrong.push(`${folder}/${name}:${line + 1}: ${enclosing(call.children ?? [], line)?.name} instead of ${message.name}`);
          }
        }
      }
    }
  }
  assert.ok(checked > 2_000, `${checked} lines`);
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} lines`);
});

test('a call of 20,000 transactions that all interleave (every request, then every answer): each message once in its outline\'s parts, nested no deeper than the budget allows', () => {
  const count = 20_000;
  const message = (startLine: string, i: number, toTag: string) => `${startLine}\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${i}\r\n`
    + `From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>${toTag}\r\nCall-ID: one\r\nCSeq: ${i + 1} OPTIONS\r\nContent-Length: 0\r\n\r\n`;
  const messages: string[] = [];
  for (let i = 0; i < count; i++) messages.push(message('OPTIONS sip:b@example.com SIP/2.0', i, ''));
  for (let i = 0; i < count; i++) messages.push(message('SIP/2.0 200 OK', i, ';tag=2'));
  const document = AnalyzedDocument.create('file:///interleaved.sip', 'sip', 1, messages.join(''));
  const parts = [...computeDocumentSymbols(document)];
  assert.equal(parts.length, count / OUTLINE_PART_TRANSACTIONS, 'the call in parts');
  const lines = leaves(parts).map((m) => m.selectionRange.start.line).sort((a, b) => a - b);
  assert.deepEqual(lines, document.trace.messages.map((m) => m.startLine));
  const depth = (symbol: SymbolInfo): number => 1 + Math.max(0, ...(symbol.children ?? []).map(depth));
  for (const part of parts) assert.ok(depth(part) <= 520, `nested ${depth(part)} deep`);
});
