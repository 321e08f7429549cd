import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalyzedDocument, computeDocumentSymbols, type SymbolInfo } from '../../server/src/service';
import { corpusFiles, corpusText } from '../support/corpus';

/**
 * VS Code's breadcrumbs and the Outline's "follow cursor" name the symbol under the cursor by taking,
 * among a symbol's children in the order the server gives them, the first whose range holds the
 * cursor, then the same among its children. Transactions of one call overlap (a PRACK inside its
 * INVITE's span): the order must still lead every line of a message to that message.
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

type Span = { start: { line: number }; end: { line: number } };
const holds = (outer: Span, line: number) => outer.start.line <= line && line <= outer.end.line;

/**
 * Whether a call's transactions interleave, whatever their order: two whose spans overlap without
 * one lying inside the other, clear of its messages (the hops of a proxy chain answering each other).
 */
function interleaves(call: SymbolInfo): boolean {
  const nestsClear = (outer: SymbolInfo, inner: SymbolInfo) => holds(outer.range, inner.range.start.line) && holds(outer.range, inner.range.end.line)
    && !leaves([outer]).some((m) => holds(inner.range, m.range.start.line));
  const children = call.children ?? [];
  return children.some((t) => children.some((u) => u !== t && holds(u.range, t.range.start.line) && !nestsClear(u, t) && !nestsClear(t, u)));
}

test('every line of a message leads the breadcrumbs\' walk to its call, and to the message itself where its call\'s transactions do not interleave', () => {
  let checked = 0;
  const wrong: string[] = [];
  for (const folder of ['sip-traces', 'logs']) {
    for (const { name } of corpusFiles(folder)) {
      const document = AnalyzedDocument.create(`file:///${name}`, folder === 'logs' ? 'log' : 'sip', 1, corpusText(folder, name));
      const symbols = [...computeDocumentSymbols(document)];
      for (const call of symbols) {
        const exact = !interleaves(call);
        for (const message of leaves([call])) {
          for (let line = message.selectionRange.start.line; line <= message.range.end.line; line++) {
            checked++;
            if (symbols.find((s) => s.range.start.line <= line && line <= s.range.end.line) !== call) wrong.push(`${folder}/${name}:${line + 1}: not in its call ${call.name}`);
            else if (exact && enclosing(call.children ?? [], line) !== message) wrong.push(`${folder}/${name}:${line + 1}: ${enclosing(call.children ?? [], line)?.name} instead of ${message.name}`);
          }
        }
      }
    }
  }
  assert.ok(checked > 2_000, `${checked} lines`);
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} lines`);
});
