import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import { EncodedJsonArray, JsonArrayEncoder } from '../../server/src/piecewiseJson';
import { PiecewiseMessageWriter } from '../../server/src/transport';

/** The stdio transport's writer: every message as vscode-languageserver writes it, an encoded array in pieces with the same bytes. */

/** All that `write` puts on a stream, once its writes are done. */
async function bytesOf(write: (writer: { write(message: Message): Promise<void> }) => Promise<unknown>, piecewise: boolean): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = piecewise ? new PiecewiseMessageWriter(stream) : new StreamMessageWriter(stream);
  await write(writer);
  writer.dispose();
  return Buffer.concat(chunks);
}

/** Items with what JSON and UTF-8 treat with care: arrows and middle dots, astral characters, lone surrogates, escapes, control characters. */
const items: unknown[] = [
  { name: 'INVITE 1001 → 2002 · 486 Busy Here · 3.2 s', detail: 'busy · a@b', kind: 24, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 18 } } },
  { name: '😀 "quoted" \\ back\u0000slash\u001f', kind: 8 },
  { name: 'lone \ud800 and \udfff surrogates', kind: 8, children: [] },
  { name: 'x'.repeat(300_000), kind: 8 },
  { name: 'پاسخ ۴۸۶', kind: 8, containerName: 'فراخوان' },
  null, 42, 'text',
  // what JSON.stringify writes in its own way: numbers beyond small whole ones, what it leaves out or writes as null, toJSON
  { numbers: [0, 7, 10, 99, 2147483647, 2147483648, -1, -0, 0.5, 1e21, 1e-7, NaN, Infinity, -Infinity], flags: [true, false] },
  { left: undefined, out: () => 1, kept: 1, list: [undefined, () => 1, null, [], [[1, 'a']], {}] },
  { when: new Date(0), nested: { deeper: { deepest: '\u2028 \u2029 \u007f \u0080' } }, '"key" →': 'value' },
  // UTF-8 of one, two and three bytes at their bounds, a pair of surrogates after plain text, and text after it
  ['\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff', 'a😀b → c', 'x\ud83d', '\udc00y', '→"', '·\\'],
  undefined,
];

function encoded(values: readonly unknown[]): unknown[] {
  const encoder = new JsonArrayEncoder<unknown>();
  for (const value of values) encoder.push(value);
  return encoder.finish();
}

test('an encoded array is written with the bytes vscode-languageserver writes for the array itself, whatever the id', async () => {
  for (const values of [items, [], [items[0]], Array.from({ length: 5_000 }, (_, n) => ({ ...(items[0] as object), n }))]) {
    for (const id of [1, 0, 'id "result":0 →', '"result":0']) {
      const plain = await bytesOf((writer) => writer.write({ jsonrpc: '2.0', id, result: values } as Message), false);
      const pieces = await bytesOf((writer) => writer.write({ jsonrpc: '2.0', id, result: encoded(values) } as Message), true);
      assert.ok(pieces.equals(plain), `${values.length} items, id ${JSON.stringify(id)}`);
    }
  }
});

test('an encoded array is in pieces (none of the answer as one string), and gives its items back to whoever serializes it whole', () => {
  const many = Array.from({ length: 20_000 }, (_, n) => ({ name: `INVITE ${n} → ${n + 1}`, kind: 24 }));
  const array = encoded(many) as unknown as EncodedJsonArray<unknown>;
  assert.ok(array instanceof EncodedJsonArray);
  assert.ok(array.pieces.length > 1, `${array.pieces.length} pieces`);
  assert.equal(array.byteLength, Buffer.byteLength(JSON.stringify(many).slice(1, -1)));
  assert.deepEqual(JSON.parse(JSON.stringify(array)), many);
  assert.deepEqual(JSON.parse(JSON.stringify(encoded(items))), JSON.parse(JSON.stringify(items)));
});

test('every other message is written with the same bytes, and all in the order given, without waiting between writes', async () => {
  const messages: Message[] = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { a: '→' } } as Message,
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [{ message: '486 · Busy' }] } } as Message,
    { jsonrpc: '2.0', id: 2, result: null } as Message,
    { jsonrpc: '2.0', id: 3, result: [{ name: 'x' }] } as Message,
    { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } } as Message,
    { jsonrpc: '2.0', id: 4, result: items } as Message,
  ];
  const plain = await bytesOf((writer) => Promise.all(messages.map((message) => writer.write(message))), false);
  const sent = await bytesOf((writer) => Promise.all(messages.map((message) => writer.write(message))), true);
  assert.ok(sent.equals(plain));
  const mixed = messages.map((message) => ('result' in message && Array.isArray(message.result) ? { ...message, result: encoded(message.result) } : message));
  const inPieces = await bytesOf((writer) => Promise.all(mixed.map((message) => writer.write(message))), true);
  assert.ok(inPieces.equals(plain), 'encoded arrays between other messages');
});

test('a stream that fails: the write of an encoded array is rejected and the error reported, as for any message', async () => {
  const stream = new PassThrough();
  const writer = new PiecewiseMessageWriter(stream);
  const errors: Error[] = [];
  writer.onError(([error]) => void errors.push(error));
  stream.destroy();
  await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: encoded(items) } as Message));
  await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: [] } as Message));
  assert.ok(errors.length >= 2, `${errors.length} errors reported`);
  writer.dispose();
});
