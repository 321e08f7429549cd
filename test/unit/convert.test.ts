import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDocumentSymbol, toSymbolInformation } from '../../server/src/convert';
import type { SymbolInfo } from '../../server/src/service';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

test('a symbol without a name (a transaction whose CSeq has no method) is named by its kind: VS Code drops a whole outline for one empty name', () => {
  const message: SymbolInfo = { name: '486 Busy Here', kind: 'message', range: at(3), selection: at(3), children: [] };
  const transaction: SymbolInfo = { name: '', kind: 'transaction', range: at(3), selection: at(3), children: [message] };
  const call: SymbolInfo = { name: 'INVITE 1001 → 2002 · 486 Busy Here', detail: 'busy · abc', kind: 'call', range: at(3), selection: at(3), children: [transaction] };
  const symbol = toDocumentSymbol(call);
  assert.equal(symbol.children?.[0].name, 'transaction');
  assert.equal(symbol.children?.[0].children?.[0].name, '486 Busy Here');
  assert.equal(symbol.children?.[0].children?.[0].children, undefined, 'no empty children lists');
  assert.deepEqual(toSymbolInformation('file:///t.sip', [call]).map((s) => [s.name, s.containerName]), [
    ['INVITE 1001 → 2002 · 486 Busy Here', undefined], ['transaction', 'INVITE 1001 → 2002 · 486 Busy Here'], ['486 Busy Here', 'transaction'],
  ]);
});
