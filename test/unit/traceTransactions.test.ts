import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestOf } from '../../server/src/service/trace';
import { corpusText } from '../support/corpus';
import { modelOf, sip } from '../support/traces';

const CALL = 'Call-ID: a84b4c76e66710@pc33.atlanta.com';
const FROM = 'From: Alice <sip:1001@atlanta.com>;tag=1928301774';
const TO = 'To: Bob <sip:2002@biloxi.com>';
const TO_TAGGED = 'To: Bob <sip:2002@biloxi.com>;tag=a6c85cf';

function invite(branch: string, extraVia: string[] = [], cseq = 'CSeq: 314159 INVITE'): string {
  return sip([`INVITE sip:2002@biloxi.com SIP/2.0`, ...extraVia, `Via: SIP/2.0/UDP pc33.atlanta.com;branch=${branch}`, FROM, TO, CALL, cseq]);
}

function response(status: string, branch: string, extraVia: string[] = [], cseq = 'CSeq: 314159 INVITE', to = TO_TAGGED): string {
  return sip([`SIP/2.0 ${status}`, ...extraVia, `Via: SIP/2.0/UDP pc33.atlanta.com;branch=${branch}`, FROM, to, CALL, cseq]);
}

test('a response belongs to the request with its top Via branch and CSeq method', () => {
  const model = modelOf(invite('z9hG4bK776asdhds') + response('100 Trying', 'z9hG4bK776asdhds', [], 'CSeq: 314159 INVITE', TO) + response('486 Busy Here', 'z9hG4bK776asdhds'));
  assert.equal(model.messages.length, 3);
  assert.equal(model.transactions.length, 1);
  assert.deepEqual(model.transactions[0].messages, [0, 1, 2]);
  assert.equal(model.transactions[0].finalResponse, 2);
  assert.equal(requestOf(model, 2), 0);
  assert.equal(model.messages[2].method, 'INVITE', 'a response takes its CSeq method');
  assert.equal(model.calls[0].state, 'busy');
});

test('a proxy trace holds each message twice: each copy belongs to its own hop', () => {
  const proxyVia = ['Via: SIP/2.0/UDP proxy.atlanta.com;branch=z9hG4bK2d4790.1'];
  const text = invite('z9hG4bK74bf9') + invite('z9hG4bK2d4790.1', proxyVia.map((v) => v))
    + response('486 Busy Here', 'z9hG4bK2d4790.1', proxyVia.map((v) => v)).replace(/Via: SIP\/2.0\/UDP pc33.atlanta.com;branch=z9hG4bK2d4790.1/, 'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK74bf9')
    + response('486 Busy Here', 'z9hG4bK74bf9');
  const model = modelOf(text);
  assert.equal(model.messages.length, 4);
  assert.equal(model.transactions.length, 2, 'one transaction per hop');
  assert.equal(requestOf(model, 2), 1, 'the 486 the proxy received answers the INVITE it sent');
  assert.equal(requestOf(model, 3), 0, 'the 486 the proxy sent answers the INVITE it received');
  assert.equal(model.calls.length, 1);
});

/** A message as ngrep frames it, sent from `src` to `dst`. */
function at(src: string, dst: string, message: string): string {
  return `U 2024/01/01 10:00:00.000000 ${src} -> ${dst}\n${message.replace(/\r\n/g, '.\n')}\n`;
}

test('the same message seen at two hops with the same Via belongs to each hop by its addresses', () => {
  const text = at('10.0.0.1:5060', '10.0.0.2:5060', invite('z9hG4bK1')) + at('10.0.0.2:5060', '10.0.0.3:5060', invite('z9hG4bK1'))
    + at('10.0.0.3:5060', '10.0.0.2:5060', response('404 Not Found', 'z9hG4bK1'));
  const model = modelOf(text);
  assert.equal(model.messages.length, 3);
  assert.equal(model.transactions.length, 2);
  assert.equal(requestOf(model, 2), 1, 'the 404 from 10.0.0.3 answers the copy sent to 10.0.0.3');
  assert.equal(model.roles[1].retransmission, false);
});

test('a response answers its request by branch and CSeq method (RFC 3261 17.1.3), whatever sent-by its Via has; requests are told apart by sent-by too (17.2.3)', () => {
  // As in heplify's erspan capture: a NAT rewrote the sent-by port of the 200 OK's Via (5260 to 5860); tshark pairs it with the NOTIFY.
  const notify = (sentBy: string) => sip([`NOTIFY sip:1001@192.168.8.53:5860 SIP/2.0`, `Via: SIP/2.0/UDP ${sentBy};branch=z9hG4bKUmQWlaUz;rport`, FROM, TO_TAGGED, CALL, 'CSeq: 10 NOTIFY']);
  const ok = sip(['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 101.231.48.19:5860;rport=5260;branch=z9hG4bKUmQWlaUz', FROM, TO_TAGGED, CALL, 'CSeq: 10 NOTIFY']);
  const model = modelOf(at('101.231.48.19:5260', '180.173.83.248:53221', notify('101.231.48.19:5260')) + at('180.173.83.248:53221', '101.231.48.19:5260', ok));
  assert.equal(model.transactions.length, 1);
  assert.equal(requestOf(model, 1), 0);
  const clients = modelOf(notify('10.0.0.1:5060') + notify('10.0.0.2:5060'));
  assert.equal(clients.transactions.length, 2, 'two clients that picked one branch');
  assert.equal(clients.roles[1].retransmission, false);
});

test('retransmissions: same transaction, same first line; forked responses are not retransmissions', () => {
  const text = invite('z9hG4bK1') + invite('z9hG4bK1') + response('180 Ringing', 'z9hG4bK1')
    + response('180 Ringing', 'z9hG4bK1', [], 'CSeq: 314159 INVITE', 'To: Bob <sip:2002@biloxi.com>;tag=fork2')
    + response('180 Ringing', 'z9hG4bK1');
  const model = modelOf(text);
  assert.equal(model.transactions.length, 1);
  assert.deepEqual(model.roles.map((r) => r.retransmission), [false, true, false, false, true]);
  assert.equal(requestOf(model, 3), 0);
});

test('ACK to a non-2xx joins its INVITE transaction; ACK to a 2xx is its own and points at its INVITE', () => {
  const ack = (branch: string) => sip(['ACK sip:2002@biloxi.com SIP/2.0', `Via: SIP/2.0/UDP pc33.atlanta.com;branch=${branch}`, FROM, TO_TAGGED, CALL, 'CSeq: 314159 ACK']);
  const rejected = modelOf(invite('z9hG4bK1') + response('603 Decline', 'z9hG4bK1') + ack('z9hG4bK1'));
  assert.equal(rejected.transactions.length, 1);
  assert.equal(requestOf(rejected, 2), 0);
  assert.equal(rejected.calls[0].state, 'rejected');
  const answered = modelOf(invite('z9hG4bK1') + response('200 OK', 'z9hG4bK1') + ack('z9hG4bK2'));
  assert.equal(answered.transactions.length, 2);
  assert.equal(answered.transactions[1].method, 'ACK');
  assert.equal(requestOf(answered, 2), 0);
  assert.equal(answered.calls[0].state, 'in call');
});

test('CANCEL is its own transaction, tied to the INVITE it cancels; the call is cancelled', () => {
  const cancel = sip(['CANCEL sip:2002@biloxi.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK1', FROM, TO, CALL, 'CSeq: 314159 CANCEL']);
  const model = modelOf(invite('z9hG4bK1') + cancel + response('200 OK', 'z9hG4bK1', [], 'CSeq: 314159 CANCEL') + response('487 Request Terminated', 'z9hG4bK1'));
  assert.equal(model.transactions.length, 2);
  assert.equal(model.transactions[1].method, 'CANCEL');
  assert.equal(model.transactions[1].cancels, 0);
  assert.equal(model.transactions[0].cancelledBy, 1);
  assert.equal(requestOf(model, 1), 0, 'CANCEL leads to the INVITE');
  assert.equal(requestOf(model, 2), 1, 'the 200 answers the CANCEL');
  assert.equal(requestOf(model, 3), 0, 'the 487 answers the INVITE');
  assert.equal(model.calls[0].state, 'cancelled');
});

test('RFC 2543 branches: Call-ID, CSeq and From tag decide', () => {
  const old = (first: string, cseq: string) => sip([first, 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=1', FROM, TO, CALL, cseq]);
  const model = modelOf(old('REGISTER sip:atlanta.com SIP/2.0', 'CSeq: 1 REGISTER') + old('REGISTER sip:atlanta.com SIP/2.0', 'CSeq: 2 REGISTER')
    + old('SIP/2.0 200 OK', 'CSeq: 2 REGISTER') + old('SIP/2.0 401 Unauthorized', 'CSeq: 1 REGISTER'));
  assert.equal(model.transactions.length, 2);
  assert.equal(requestOf(model, 2), 1);
  assert.equal(requestOf(model, 3), 0);
  assert.equal(model.calls[0].state, 'registered');
});

test('a response whose request is not in the trace has no request, never a wrong one', () => {
  const model = modelOf(invite('z9hG4bK1') + response('200 OK', 'z9hG4bK9') + response('200 OK', 'z9hG4bK1', [], 'CSeq: 314160 INVITE'));
  assert.equal(requestOf(model, 1), undefined, 'another branch');
  assert.equal(requestOf(model, 2), undefined, 'another CSeq');
  assert.equal(model.transactions.length, 3);
});

test('calls by Call-ID with their outcome; B2BUA legs are related, not merged', () => {
  const leg = (callId: string, extra: string[]) => sip(['INVITE sip:2002@b SIP/2.0', 'Via: SIP/2.0/UDP a;branch=z9hG4bK' + callId, FROM, TO, `Call-ID: ${callId}`, 'CSeq: 1 INVITE', ...extra]);
  const ok = (callId: string, status: string) => sip([`SIP/2.0 ${status}`, 'Via: SIP/2.0/UDP a;branch=z9hG4bK' + callId, FROM, TO_TAGGED, `Call-ID: ${callId}`, 'CSeq: 1 INVITE']);
  // 'third' was diverted by 2002: it relates to the latest earlier call to 2002.
  const model = modelOf(leg('in', []) + leg('out', ['X-Call-ID: in']) + ok('out', '302 Moved Temporarily') + ok('in', '401 Unauthorized')
    + leg('third', ['Diversion: <sip:2002@b>;reason=user-busy']));
  assert.deepEqual(model.calls.map((c) => [c.callId, c.state, c.related]), [
    ['in', 'failed authentication', [1]], ['out', 'redirected', [0, 2]], ['third', 'no final response', [1]],
  ]);
  assert.deepEqual(model.calls.map((c) => [c.method, c.from, c.to, c.messages.length]), [['INVITE', '1001', '2002', 2], ['INVITE', '1001', '2002', 2], ['INVITE', '1001', '2002', 1]]);
});

test('a challenged INVITE repeated with credentials: the call ends as its last answer says', () => {
  const text = invite('z9hG4bK1') + response('407 Proxy Authentication Required', 'z9hG4bK1')
    + invite('z9hG4bK2', [], 'CSeq: 314160 INVITE') + response('200 OK', 'z9hG4bK2', [], 'CSeq: 314160 INVITE')
    + sip(['BYE sip:1001@pc33 SIP/2.0', 'Via: SIP/2.0/UDP b;branch=z9hG4bK3', 'From: Bob <sip:2002@biloxi.com>;tag=a6c85cf', 'To: Alice <sip:1001@atlanta.com>;tag=1928301774', CALL, 'CSeq: 1 BYE']);
  const model = modelOf(text);
  assert.equal(model.calls.length, 1);
  assert.equal(model.calls[0].finalResponse, 3);
  assert.equal(model.calls[0].state, 'completed');
});

test('a request repeated after its final response over TCP reuses the branch: a new transaction; over UDP a retransmission', () => {
  const register = (transport: string) => sip([`REGISTER sip:biloxi.com SIP/2.0`, `Via: SIP/2.0/${transport} pc33.atlanta.com;branch=z9hG4bKnashds7`, FROM, TO, CALL, 'CSeq: 1 REGISTER']);
  const answer = (transport: string, status: string) => sip([`SIP/2.0 ${status}`, `Via: SIP/2.0/${transport} pc33.atlanta.com;branch=z9hG4bKnashds7`, FROM, TO_TAGGED, CALL, 'CSeq: 1 REGISTER']);
  const tcp = modelOf(register('TCP') + register('TCP') + answer('TCP', '401 Unauthorized') + register('TCP') + answer('TCP', '200 OK'));
  assert.equal(tcp.transactions.length, 2);
  assert.deepEqual(tcp.transactions.map((t) => t.messages), [[0, 1, 2], [3, 4]]);
  assert.equal(tcp.roles[1].retransmission, true, 'a copy before the final response is a retransmission (a TCP segment sent again)');
  assert.equal(requestOf(tcp, 4), 3, 'the 200 answers the REGISTER just before it, not the challenged one');
  assert.equal(tcp.roles[3].retransmission, false);
  const udp = modelOf(register('UDP') + answer('UDP', '401 Unauthorized') + register('UDP') + answer('UDP', '401 Unauthorized'));
  assert.equal(udp.transactions.length, 1);
  assert.deepEqual(udp.roles.map((r) => r.retransmission), [false, false, true, true]);
});

test('RFC 3665: each flow\'s response lands on its own flow\'s request, although the flows repeat their branches over TLS and TCP', () => {
  const text = corpusText('sip-traces', 'rfc3665.txt');
  const model = modelOf(text);
  const lines = text.split('\n');
  const requestLineOf = (responseLine: number): string | undefined => {
    const index = model.messages.findIndex((m) => m.startLine === responseLine);
    const request = requestOf(model, index);
    return request === undefined ? undefined : `${model.messages[request].startLine}`;
  };
  // 2.2 Update of Contact List: F1 REGISTER at line 368, its 200 OK at 385 (2.1's first REGISTER, at 263, was answered with a 401).
  assert.match(lines[368], /^ {3}REGISTER sips:/);
  assert.match(lines[385], /^ {3}SIP\/2\.0 200 OK/);
  assert.equal(requestLineOf(385), '368');
  assert.equal(requestLineOf(288), '263');
  assert.equal(requestLineOf(602), '583');
});
