import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind } from 'vscode-languageserver/node';
import { toSymbolInformation } from '../../server/src/convert';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

test('symbols for a client without hierarchical symbols: a flat list, each naming its parent as its container', () => {
  const message = { name: '486 Busy Here', kind: SymbolKind.Field, range: at(3), selectionRange: at(3) };
  const transaction = { name: 'INVITE → 486 Busy Here', kind: SymbolKind.Method, range: at(3), selectionRange: at(3), children: [message] };
  const call = { name: 'INVITE 1001 → 2002 · 486 Busy Here', detail: 'busy · abc', kind: SymbolKind.Event, range: at(3), selectionRange: at(3), children: [transaction] };
  assert.deepEqual([...toSymbolInformation('file:///t.sip', [call])].map((s) => [s.name, s.kind, s.containerName]), [
    ['INVITE 1001 → 2002 · 486 Busy Here', SymbolKind.Event, undefined],
    ['INVITE → 486 Busy Here', SymbolKind.Method, 'INVITE 1001 → 2002 · 486 Busy Here'],
    ['486 Busy Here', SymbolKind.Field, 'INVITE → 486 Busy Here'],
  ]);
});
