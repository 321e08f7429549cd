import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzed } from '../support/documents';

function found(text: string, languageId = 'sip') {
  return analyzed(text, languageId).occurrences.map((o) => ({
    kind: o.kind, context: o.context, digits: o.digits, line: o.line, start: o.span.start, phrase: o.phrase?.text,
  }));
}

test('a status line gives its code and phrase', () => {
  assert.deepEqual(found('SIP/2.0 486 Busy Here\r\nCSeq: 102 INVITE\r\n'), [
    { kind: 'status', context: 'status-line', digits: '486', line: 0, start: 8, phrase: 'Busy Here' },
  ]);
});

test('headers with numbers are not codes: CSeq, Content-Length, Expires, Max-Forwards, Via ports, RSeq', () => {
  const message = [
    'INVITE sip:486@pbx.example.com SIP/2.0',
    'Via: SIP/2.0/UDP 10.0.0.1:5060;rport=5060;branch=z9hG4bK100',
    'CSeq: 486 INVITE',
    'Content-Length: 404',
    'Expires: 300',
    'Max-Forwards: 70',
    'RSeq: 200',
    'RAck: 776656 1 INVITE',
    'Retry-After: 180',
    '',
    'm=audio 10040 RTP/AVP 0 8 101',
    'a=rtpmap:101 telephone-event/8000',
  ].join('\r\n');
  assert.deepEqual(found(message), []);
});

test('Warning warn-codes and Q.850 causes are found as what they are, not as status codes', () => {
  const text = 'Warning: 399 pbx "Miscellaneous", 380 sbc "SIPS not allowed"\nReason: Q.850;cause=16;text="Normal", SIP ;cause=200 ;text="Call completed elsewhere"\n';
  assert.deepEqual(found(text).map((o) => [o.kind, o.digits, o.line]), [
    ['warn', '399', 0], ['warn', '380', 0], ['q850', '16', 1], ['status', '200', 1],
  ]);
});

test('a lowercase q.850 protocol is still a Q.850 cause', () => {
  assert.deepEqual(found('Reason: q.850;cause=1\n').map((o) => o.kind), ['q850']);
});

test('ngrep byline output: the trailing dot is not part of the phrase', () => {
  const text = 'U 2015/08/20 17:34:01.843371 212.79.111.155:5060 -> 192.168.1.10:5060\nSIP/2.0 200 OK.\nCSeq: 1 OPTIONS.\nContent-Length: 0.\n.\n';
  assert.deepEqual(found(text), [{ kind: 'status', context: 'status-line', digits: '200', line: 1, start: 8, phrase: 'OK' }]);
});

test('tcpdump -A: a status line glued to binary junk is found; the length in the framing line is not', () => {
  const text = '09:17:59.864749 IP host.5363 > host.49658: UDP, length 576\nE`.\\I.@.@...-M...a.[.....H.!SIP/2.0 401 Unauthorized\n';
  const occurrences = found(text);
  assert.equal(occurrences.length, 1);
  assert.equal(occurrences[0].digits, '401');
  assert.equal(occurrences[0].line, 1);
  assert.equal(occurrences[0].phrase, 'Unauthorized');
});

test('Asterisk pjsip logger framing: the byte count is not a code, the status line below is', () => {
  const text = '<--- Received SIP response (605 bytes) from UDP:207.244.247.124:5060 --->\nSIP/2.0 100 Trying\n';
  assert.deepEqual(found(text, 'log').map((o) => [o.digits, o.line]), [['100', 1]]);
});

test('Wireshark text export: the expert text after " - " is not part of the phrase', () => {
  const text = '    Status-Line: SIP/2.0 401 Unauthorized - Challenging the UE\n        Status-Code: 401\n';
  assert.deepEqual(found(text).map((o) => [o.digits, o.phrase]), [['401', 'Unauthorized']]);
});

test('LF, CRLF and lone CR line ends number the lines as editors do', () => {
  assert.deepEqual(found('x\rSIP/2.0 180 Ringing\r\ny\nSIP/2.0 200 OK').map((o) => [o.digits, o.line]), [['180', 1], ['200', 3]]);
});

test('a status line without a phrase, and one with an impossible code, are still found', () => {
  assert.deepEqual(found('SIP/2.0 100\r\n\r\nSIP/2.0 4294967301 better not break the receiver\r\n').map((o) => [o.digits, o.phrase]), [
    ['100', undefined], ['4294967301', 'better not break the receiver'],
  ]);
});

test('request lines, Via versions and HTTP status lines are not status lines', () => {
  assert.deepEqual(found('OPTIONS sip:user@example.com SIP/2.0\nVia: SIP/2.0/TCP host\nHTTP/1.1 101 Switching Protocols\nSIP/2.0 200OK\n'), []);
});

test('plaintext is served only when it looks like SIP', () => {
  assert.deepEqual(found('Meeting notes: room 404, 200 people\n', 'plaintext'), []);
  assert.equal(found('notes\nSIP/2.0 404 Not Found\n', 'plaintext').length, 1);
  assert.deepEqual(found('SIP/2.0 404 Not Found\n', 'markdown'), []);
});

test('a status line quoted in prose ends at the closing quote', () => {
  assert.deepEqual(found('contain the message/sipfrag body of "SIP/2.0 200 OK".  If the\n').map((o) => o.phrase), ['OK']);
});
