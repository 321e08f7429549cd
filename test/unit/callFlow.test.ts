import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callFlow, callLensTitle, callSummaries } from '../../server/src/service/features/callFlow';
import { uriHost } from '../../server/src/service/syntax/uri';
import { corpusText } from '../support/corpus';
import { busyCall } from '../support/flowTraces';
import { modelOf } from '../support/traces';

test('a framed trace: endpoints from the framing, an arrow per message with time, SDP, status and retransmission', () => {
  const flow = callFlow(modelOf(busyCall('call-1@10.0.0.1')));
  assert.deepEqual(flow.participants, [{ address: '10.0.0.1:5060', inferred: false }, { address: '10.0.0.2:5060', inferred: false }]);
  assert.deepEqual(flow.messages.map((m) => [m.from, m.to, m.label, m.status, m.method, m.sdp, m.retransmission]), [
    [0, 1, 'INVITE', undefined, 'INVITE', true, undefined],
    [1, 0, '100 Trying', 100, 'INVITE', undefined, undefined],
    [1, 0, '486 Busy Here', 486, 'INVITE', undefined, undefined],
    [1, 0, '486 Busy Here', 486, 'INVITE', undefined, true],
    [0, 1, 'ACK', undefined, 'ACK', undefined, undefined],
  ]);
  assert.equal(flow.messages[0].line, 1, 'the start line, not the framing line');
  assert.ok(flow.messages[0].endLine > flow.messages[0].line + 6, 'the body is part of the message');
  assert.equal(flow.messages[0].time, Date.UTC(2024, 4, 6, 10, 0, 52) / 1000);
  assert.ok(flow.messages.every((m) => m.callId === 'call-1@10.0.0.1'));
});

test('call summaries: first request, From and To, final response, state, duration, line', () => {
  const text = busyCall('a@h', 10) + busyCall('b@h', 20);
  const calls = callSummaries(modelOf(text));
  assert.equal(calls.length, 2);
  assert.deepEqual(calls[0], {
    callId: 'a@h', start: Date.UTC(2024, 4, 6, 10, 0, 10) / 1000, from: '1001', to: '2002', method: 'INVITE', state: 'busy',
    status: 486, phrase: 'Busy Here', messages: 5, duration: 2.1, line: 1,
  });
  assert.equal(calls[1].line, text.split('\n').indexOf('INVITE sip:2002@biloxi.example.com SIP/2.0\r', 2));
  assert.equal(callLensTitle(calls[0]), '▶ Call flow · INVITE 1001 → 2002 · 486 Busy Here');
  assert.equal(callLensTitle({ ...calls[0], status: undefined, phrase: undefined, state: 'no final response' }), '▶ Call flow · INVITE 1001 → 2002 · no final response');
  assert.equal(callLensTitle(calls[0], 'fa'), '▶ جریان تماس · INVITE 1001 → 2002 · 486 Busy Here', 'the word in Persian, the trace\'s text as it writes it');
  assert.equal(callLensTitle(calls[0], 'both'), callLensTitle(calls[0]), 'one line: English');
});

test('a ladder of chosen calls holds only their messages, and its columns only their endpoints', () => {
  const model = modelOf(busyCall('a@h') + busyCall('b@h').replace(/10\.0\.0\.2:5060/g, '10.0.0.3:5060'));
  assert.equal(callFlow(model).participants.length, 3);
  const b = callFlow(model, ['b@h']);
  assert.deepEqual(b.participants.map((p) => p.address), ['10.0.0.1:5060', '10.0.0.3:5060']);
  assert.equal(b.messages.length, 5);
  assert.ok(b.messages.every((m) => m.callId === 'b@h'));
  assert.deepEqual(callFlow(model, ['nope']), { participants: [], messages: [] });
});

test('a window of a ladder: limit messages from start, or around a line, never past the end; the columns of its messages only', () => {
  const text = Array.from({ length: 6 }, (_, i) => busyCall(`c${i}@h`, 10 + i).replace(/10\.0\.0\.2:5060/g, `10.0.1.${i}:5060`)).join('');
  const model = modelOf(text);
  const whole = callFlow(model);
  assert.equal(whole.messages.length, 30);
  assert.equal(whole.window, undefined, 'no window asked for, none said');
  const second = callFlow(model, undefined, { limit: 10, start: 10 });
  assert.deepEqual(second.window, { start: 10, total: 30 });
  assert.deepEqual(second.messages.map((m) => [m.line, m.label]), whole.messages.slice(10, 20).map((m) => [m.line, m.label]));
  assert.deepEqual(second.participants.map((p) => p.address), ['10.0.0.1:5060', '10.0.1.2:5060', '10.0.1.3:5060']);
  assert.deepEqual(callFlow(model, undefined, { limit: 10, start: 25 }).window, { start: 20, total: 30 }, 'a last window is a full one');
  assert.deepEqual(callFlow(model, undefined, { limit: 100, start: 7 }).window, { start: 0, total: 30 });
  const around = callFlow(model, undefined, { limit: 10, line: whole.messages[17].line + 2 });
  assert.deepEqual(around.window, { start: 12, total: 30 }, 'the message at or above the line in the middle');
  assert.equal(callFlow(model, undefined, { limit: 10, line: 0 }).window?.start, 0);
  const call = callFlow(model, ['c4@h', 'c5@h'], { limit: 4, start: 4 });
  assert.deepEqual(call.window, { start: 4, total: 10 });
  assert.deepEqual(call.messages.map((m) => m.callId), ['c4@h', 'c5@h', 'c5@h', 'c5@h']);
  assert.deepEqual(callFlow(model, ['nope'], { limit: 4, line: 50 }), { participants: [], messages: [], window: { start: 0, total: 0 } });
});

test('RFC 3665 (no framing): one arrow per message in file order, at its start line, between hosts from Via and Request-URI', () => {
  const text = corpusText('sip-traces', 'rfc3665.txt');
  const lines = text.split(/\r\n|\r|\n/);
  const model = modelOf(text);
  const flow = callFlow(model);
  assert.equal(flow.messages.length, model.messages.length);
  assert.ok(flow.messages.length > 150);
  let previous = -1;
  for (const message of flow.messages) {
    assert.ok(message.line > previous, 'file order');
    previous = message.line;
    const startLine = lines[message.line].trim().replace(/\s+/g, ' ');
    if (message.status === undefined) assert.ok(startLine.startsWith(`${message.label} `), startLine);
    else assert.equal(startLine, `SIP/2.0 ${message.label}`);
  }
  assert.ok(flow.participants.every((p) => p.inferred), 'every column is inferred');
  const names = flow.participants.map((p) => p.address);
  assert.ok(names.includes('client.atlanta.example.com') && names.includes('ss1.atlanta.example.com'), names.join(' '));
  // Section 3.2's first INVITE: Alice's client (Via) to the Request-URI's host; the 100 Trying comes back.
  const invite = flow.messages.findIndex((m) => m.label === 'INVITE' && m.line > 900);
  const trying = flow.messages[invite + 2];
  assert.equal(flow.participants[flow.messages[invite].from].address, 'client.atlanta.example.com');
  assert.equal(trying.label, '100 Trying');
  assert.equal(trying.to, flow.messages[invite].from);
  assert.equal(trying.from, flow.messages[invite].to);
});

test('the host of a URI', () => {
  assert.equal(uriHost('sip:bob@Biloxi.example.com:5060;transport=tcp'), 'biloxi.example.com');
  assert.equal(uriHost('sips:[2001:DB8::1]:5061'), '[2001:db8::1]');
  assert.equal(uriHost('sip:10.0.0.1'), '10.0.0.1');
  assert.equal(uriHost('sip:a@b@c.example.com'), 'c.example.com');
  assert.equal(uriHost('tel:+15551234'), undefined);
  assert.equal(uriHost('sip:'), undefined);
});
