import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Connection, Message } from 'vscode-languageserver/node';
import { ServerContext } from '../../server/src/context';
import { AnalyzedDocument } from '../../server/src/service';
import { ArrivalReportingReader, ResyncingMessageReader } from '../../server/src/transport';
import { corpusText } from '../support/corpus';

/**
 * A message read while a big trace's messages are read in the background is handled before the
 * reading's next slice: the connection handles it on a later turn of the event loop, which the
 * reading lets go by once the transport has said that a message came in.
 */

const URI = 'file:///bench/trace.sip';
/** About 5 MB of SIP messages: tens of slices of reading at the least. */
const bigTrace = corpusText('sip-traces', 'rfc3665.txt').repeat(40);

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How many slices of the reading run between a message read (in an I/O callback, as stdin's data is) and the next turn's handler, as the connection queues it. */
function slicesBeforeHandler(context: ServerContext, slices: () => number, tell: boolean): Promise<number> {
  return new Promise((resolve) => {
    readFile(__filename, () => {
      if (tell) context.messageArrived();
      const at = slices();
      setImmediate(() => resolve(slices() - at));
    });
  });
}

test('a message that comes in while a trace is read is handled before the next slice of the reading', async () => {
  const context = new ServerContext({} as Connection);
  context.standAsideMs = 0;
  const document = AnalyzedDocument.create(URI, 'sip', 1, bigTrace);
  context.documents.set(URI, document);
  let slices = 0;
  const step = document.traceStep.bind(document);
  document.traceStep = (maxChars) => {
    slices++;
    return step(maxChars);
  };
  const reading = context.traceRead(document);
  for (let turn = 0; turn < 3; turn++) await nextTurn();
  assert.ok(slices > 0, 'the reading runs in slices');
  // Untold, the reading's turn comes first (the check that this test tells the two cases apart).
  assert.equal(await slicesBeforeHandler(context, () => slices, false), 1);
  assert.equal(await slicesBeforeHandler(context, () => slices, true), 0);
  assert.ok(!document.isTraceRead, 'the reading was under way throughout');
  // and it goes on after the message
  const before = slices;
  await nextTurn();
  await nextTurn();
  assert.ok(slices > before);
  context.close(URI);
  await reading;
});

test('the transport tells of each message as it reads it, before passing it on', async () => {
  const input = new PassThrough();
  const events: string[] = [];
  const reader = new ArrivalReportingReader(new ResyncingMessageReader(input, () => undefined), () => events.push('arrived'));
  const read = new Promise<void>((resolve) => {
    reader.listen((message: Message) => {
      events.push(`read ${(message as unknown as { method: string }).method}`);
      if (events.length === 4) resolve();
    });
  });
  for (const method of ['textDocument/hover', 'initialized']) {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method });
    input.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  await read;
  assert.deepEqual(events, ['arrived', 'read textDocument/hover', 'arrived', 'read initialized']);
  reader.dispose();
});
