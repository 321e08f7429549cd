import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransactionWindow } from '../../server/src/service/trace/transactionWindow';
import type { SipMessage, TraceModel } from '../../server/src/service/trace/types';
import { corpusFiles } from '../support/corpus';
import { modelOf, readFileTrace, sip } from '../support/traces';

/** What the window hands on for each message of a model: whether it is a retransmission, and its transaction's request (an index). */
function windowed(model: TraceModel, part: number, overlap: number): [boolean, number | undefined][] {
  const index = new Map<SipMessage, number>(model.messages.map((message, i) => [message, i]));
  const heard: [boolean, number | undefined][] = [];
  const window = new TransactionWindow((message, retransmission, { request }) => {
    assert.equal(index.get(message), heard.length, 'in order');
    heard.push([retransmission, request === undefined ? undefined : index.get(request)]);
  }, { part, overlap });
  for (const message of model.messages) window.push(message);
  window.end();
  return heard;
}

function whole(model: TraceModel): [boolean, number | undefined][] {
  return model.roles.map((role) => [role.retransmission, model.transactions[role.transaction].request]);
}

/** The most messages apart of any transaction's first and last. */
function widestTransaction(model: TraceModel): number {
  return model.transactions.reduce((most, t) => Math.max(most, t.messages[t.messages.length - 1] - t.messages[0]), 0);
}

test('the transaction window gives every corpus message the model\'s role and request when the overlap holds each transaction', async () => {
  let checked = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs', 'pcap']) {
    for (const file of corpusFiles(folder)) {
      const { model } = await readFileTrace(file.path);
      if (model.messages.length === 0) continue;
      const overlap = widestTransaction(model);
      for (const part of [1, 3, 64]) assert.deepEqual(windowed(model, part, overlap), whole(model), `${file.name}: part ${part}, overlap ${overlap}`);
      checked++;
    }
  }
  assert.ok(checked > 50, `${checked} files`);
});

test('beyond the overlap, a later message of a transaction starts one of its own', () => {
  const via = 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKfar';
  const options = (n: number) => sip([`OPTIONS sip:b@h SIP/2.0`, `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKo${n}`, 'Call-ID: o@h', `CSeq: ${n} OPTIONS`]);
  const invite = sip(['INVITE sip:b@h SIP/2.0', via, 'Call-ID: i@h', 'CSeq: 1 INVITE']);
  const ok = sip(['SIP/2.0 200 OK', via, 'Call-ID: i@h', 'CSeq: 1 INVITE', 'To: <sip:b@h>;tag=1']);
  // INVITE, 4 other messages, the INVITE again, its 200 OK.
  const model = modelOf([invite, options(1), options(2), options(3), options(4), invite, ok].join('\n'));
  assert.deepEqual(whole(model)[5], [true, 0], 'the model: a retransmission of the INVITE');
  assert.deepEqual(windowed(model, 2, 5), whole(model), 'within the overlap');
  assert.deepEqual(windowed(model, 1, 2).slice(0, 5), whole(model).slice(0, 5));
  assert.deepEqual(windowed(model, 1, 2).slice(5), [[false, 5], [false, 5]], 'five messages apart, over an overlap of 2: a transaction of its own, the copy its request');
});
