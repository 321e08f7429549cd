import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StreamedCalls } from '../../server/src/service/features/streamedCalls';
import { callSummaries } from '../../server/src/service/features/callFlow';
import { TransactionWindow, type WindowSizes } from '../../server/src/service/trace/transactionWindow';
import type { TraceModel } from '../../server/src/service/trace/types';
import { corpusFiles } from '../support/corpus';
import { modelOf, readFileTrace, sip } from '../support/traces';

/** The calls list StreamedCalls makes of a model's messages, handed on by a transaction window. */
function tabled(model: TraceModel, sizes: WindowSizes) {
  const table = new StreamedCalls();
  const window = new TransactionWindow((message, _retransmission, transaction) => table.add(message, transaction), sizes);
  for (const message of model.messages) window.push(message);
  window.end();
  return [...table.summaries()];
}

test('the calls table made as messages stream is the model\'s calls list for every corpus file, whatever the window\'s parts', async () => {
  let checked = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs', 'pcap', 'sipp']) {
    for (const file of corpusFiles(folder)) {
      const { model } = await readFileTrace(file.path);
      if (model.calls.length === 0) continue;
      const overlap = model.messages.length;
      for (const part of [1, 7, 20_000]) assert.deepEqual(tabled(model, { part, overlap }), callSummaries(model), `${file.name}: part ${part}`);
      checked++;
    }
  }
  assert.ok(checked > 50, `${checked} files`);
});

test('the calls table: a call whose first messages are responses takes its method from its first request outside a dialog, its outcome from that method\'s transactions', () => {
  const via = (b: string) => `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${b}`;
  const head = ['From: <sip:alice@a>;tag=1', 'To: <sip:bob@b>', 'Call-ID: c@h'];
  const text = [
    // A lone 403 to an OPTIONS of the call whose request the trace missed, then a SUBSCRIBE answered 200, then a rejected INVITE.
    sip(['SIP/2.0 403 Forbidden', via('o'), ...head, 'CSeq: 1 OPTIONS']),
    sip(['INVITE sip:bob@b SIP/2.0', via('i'), ...head, 'CSeq: 2 INVITE']),
    sip(['SUBSCRIBE sip:bob@b SIP/2.0', via('s'), ...head, 'CSeq: 3 SUBSCRIBE']),
    sip(['SIP/2.0 200 OK', via('s'), ...head, 'CSeq: 3 SUBSCRIBE']),
    sip(['SIP/2.0 487 Request Terminated', via('i'), ...head, 'CSeq: 2 INVITE']),
    sip(['BYE sip:bob@b SIP/2.0', via('b'), ...head, 'CSeq: 4 BYE']),
  ].join('\n');
  const model = modelOf(text);
  const expected = callSummaries(model);
  assert.deepEqual(expected.map((c) => [c.method, c.state, c.status]), [['INVITE', 'cancelled', 487]]);
  for (const part of [1, 2, 6]) assert.deepEqual(tabled(model, { part, overlap: 6 }), expected, `part ${part}`);
  // Without a request, the first message's CSeq method.
  const lone = modelOf(text.split('\n\n')[0] + '\n\n');
  assert.deepEqual(tabled(lone, { part: 1, overlap: 1 }), callSummaries(lone));
  assert.equal(callSummaries(lone)[0].method, 'OPTIONS');
});

test('a call the trace joined after its initial request is named, and ends, by the first transaction its messages show, not by an ACK, a BYE or a CANCEL', () => {
  const via = (b: string) => `Via: SIP/2.0/TCP 10.186.205.131:16933;branch=z9hG4bK${b}`;
  const head = (call: string) => ['From: <sip:493020@a>;tag=1', 'To: <sip:79270262646@b>;tag=2', `Call-ID: ${call}`];
  const text = [
    // The capture began after the INVITE: its 486 and the ACK to it (in its transaction, the To tagged).
    sip(['SIP/2.0 486 Busy Here', via('i'), ...head('busy@h'), 'CSeq: 1 INVITE']),
    sip(['ACK sip:79270262646@b SIP/2.0', via('i'), ...head('busy@h'), 'CSeq: 1 ACK']),
    // And after this call's INVITE: its 200 OK, the ACK to it, a BYE answered.
    sip(['SIP/2.0 200 OK', via('j'), ...head('talk@h'), 'CSeq: 1 INVITE']),
    sip(['ACK sip:79270262646@b SIP/2.0', via('k'), ...head('talk@h'), 'CSeq: 1 ACK']),
    sip(['BYE sip:79270262646@b SIP/2.0', via('l'), ...head('talk@h'), 'CSeq: 2 BYE']),
    sip(['SIP/2.0 200 OK', via('l'), ...head('talk@h'), 'CSeq: 2 BYE']),
    // Only a BYE and its answer.
    sip(['BYE sip:79270262646@b SIP/2.0', via('m'), ...head('end@h'), 'CSeq: 3 BYE']),
    sip(['SIP/2.0 200 OK', via('m'), ...head('end@h'), 'CSeq: 3 BYE']),
    // After this call's INVITE: the CANCEL (its To without a tag), its 200, the INVITE's 487 and the ACK to it.
    sip(['CANCEL sip:79270262646@b SIP/2.0', via('n'), 'From: <sip:493020@a>;tag=1', 'To: <sip:79270262646@b>', 'Call-ID: gone@h', 'CSeq: 1 CANCEL']),
    sip(['SIP/2.0 200 OK', via('n'), ...head('gone@h'), 'CSeq: 1 CANCEL']),
    sip(['SIP/2.0 487 Request Terminated', via('n'), ...head('gone@h'), 'CSeq: 1 INVITE']),
    sip(['ACK sip:79270262646@b SIP/2.0', via('n'), ...head('gone@h'), 'CSeq: 1 ACK']),
  ].join('\n');
  const model = modelOf(text);
  const expected = callSummaries(model);
  assert.deepEqual(expected.map((c) => [c.callId, c.method, c.from, c.to, c.state, c.status]), [
    ['busy@h', 'INVITE', '493020', '79270262646', 'busy', 486],
    ['talk@h', 'INVITE', '493020', '79270262646', 'completed', 200],
    ['end@h', 'BYE', '493020', '79270262646', 'completed', 200],
    ['gone@h', 'INVITE', '493020', '79270262646', 'cancelled', 487],
  ]);
  for (const part of [1, 2, 12]) assert.deepEqual(tabled(model, { part, overlap: 12 }), expected, `part ${part}`);
});

test('the calls table forgets each call as its row is made', () => {
  const model = modelOf([1, 2, 3].map((n) => sip([`OPTIONS sip:b@h SIP/2.0`, `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${n}`, `Call-ID: ${n}@h`, `CSeq: ${n} OPTIONS`])).join('\n'));
  const table = new StreamedCalls();
  const window = new TransactionWindow((message, _retransmission, transaction) => table.add(message, transaction), { part: 10, overlap: 10 });
  for (const message of model.messages) window.push(message);
  window.end();
  assert.equal(table.size, 3);
  const rows = table.summaries();
  assert.equal(rows.next().value?.callId, '1@h');
  assert.equal(table.size, 2);
  assert.deepEqual([...rows].map((row) => row.callId), ['2@h', '3@h']);
  assert.equal(table.size, 0);
});
