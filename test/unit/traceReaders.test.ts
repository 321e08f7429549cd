import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FRAME_GAP, MessageReader, readMessages, readMessagesAround, type SipMessage } from '../../server/src/service/trace';
import { messageAtLine } from '../../server/src/service/trace/query';
import { TraceIndex } from '../../server/src/service/trace/traceIndex';
import { TextStore } from '../../server/src/service/textStore';
import { corpusFiles, corpusText } from '../support/corpus';
import { splitLines } from '../support/fuzz';
import { modelOf, startLines } from '../support/traces';

/** Picks the fields a framing gives, for comparison. */
function framed(m: SipMessage) {
  return { line: m.startLine + 1, end: m.endLine + 1, frame: m.frameLine === undefined ? undefined : m.frameLine + 1, time: m.time, transport: m.transport, source: m.source, destination: m.destination };
}

test('raw messages: a resiprocate test script with three messages between its braces', () => {
  const model = modelOf(corpusText('sip-traces', 'resiprocate__resip_stack_test_testTFSM-clientinvite'));
  // Checked by hand against the file: INVITE at line 4, 200 OK at 32, ACK at 59.
  assert.deepEqual(startLines(model), [4, 32, 59]);
  assert.deepEqual(model.messages.map((m) => [m.kind, m.method, m.status, m.endLine + 1]), [
    ['request', 'INVITE', undefined, 12], ['response', 'INVITE', 200, 39], ['request', 'ACK', undefined, 66],
  ]);
  assert.equal(model.calls.length, 1);
});

test('raw messages with CRLF, LF and lone CR, folded and compact headers', () => {
  for (const eol of ['\r\n', '\n', '\r']) {
    const text = ['INVITE sip:bob@biloxi.com SIP/2.0', 'v: SIP/2.0/UDP pc33.atlanta.com', ' ;branch=z9hG4bKnashds8', 'f: Alice <sip:alice@atlanta.com>', '  ;tag=1928301774',
      't: <sip:bob@biloxi.com>', 'i: a84b4c76e66710', 'CSeq: 1 INVITE', 'c: application/sdp', 'l: 13', '', 'v=0', 'o=- 1 1 IN', '', ''].join(eol);
    const [m] = modelOf(text).messages;
    assert.deepEqual(
      [m.branch, m.sentBy, m.from, m.fromTag, m.to, m.callId, m.cseq, m.cseqMethod, m.hasSdp, m.endLine, m.transport],
      ['z9hG4bKnashds8', 'pc33.atlanta.com', 'alice', '1928301774', 'bob', 'a84b4c76e66710', 1, 'INVITE', true, 12, 'UDP'],
      JSON.stringify(eol),
    );
  }
});

test('Content-Length counts a CRLF per body line, as SIP sends them, also in a text saved with LF: the body ends at its last line', () => {
  // 17 octets on the wire: "v=0", "s=-" and "t=0 0", each with its CRLF; an RFC's text or a test file keeps only the LF.
  const text = ['INVITE sip:bob@biloxi.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776', 'Call-ID: a84b4c76e66710', 'CSeq: 1 INVITE',
    'Content-Type: application/sdp', 'Content-Length: 17', '', 'v=0', 's=-', 't=0 0', 'The prose after the example.', 'More prose.', ''].join('\n');
  const [m] = modelOf(text).messages;
  assert.equal(m.endLine + 1, 10);
});

test('a status line quoted in prose is no message; a message needs a header', () => {
  assert.equal(modelOf('The server answers "SIP/2.0 200 OK" and stops.\nNothing else.\n').messages.length, 0);
  assert.equal(modelOf('SIP/2.0 200 OK\n\nSIP/2.0 180 Ringing\nCSeq: 1 INVITE\n').messages.length, 1);
});

test('ngrep -W byline: time, transport and addresses from the header line; the trailing "." is CR', () => {
  const text = [
    'interface: eth0 (192.168.1.0/255.255.255.0)',
    'filter: ( port 5060 ) and ((ip || ip6) || (vlan && (ip || ip6)))',
    '#',
    'U 2005/07/04 09:32:52.844249 192.168.1.2:5060 -> 212.242.33.35:5060',
    'INVITE sip:2002@212.242.33.35 SIP/2.0.',
    'Via: SIP/2.0/UDP 192.168.1.2:5060;branch=z9hG4bK.1a2b.',
    'From: <sip:1001@212.242.33.35>;tag=abc.',
    'To: <sip:2002@212.242.33.35>.',
    'Call-ID: 12345@192.168.1.2.',
    'CSeq: 1 INVITE.',
    'Content-Length: 0.',
    '.',
    '',
    '#',
    'T 2005/07/04 09:32:53.100000 [2001:db8::1]:5060 -> [2001:db8::2]:5060 [AP]',
    'SIP/2.0 486 Busy Here.',
    'Via: SIP/2.0/UDP 192.168.1.2:5060;branch=z9hG4bK.1a2b.',
    'From: <sip:1001@212.242.33.35>;tag=abc.',
    'To: <sip:2002@212.242.33.35>;tag=xyz.',
    'Call-ID: 12345@192.168.1.2.',
    'CSeq: 1 INVITE.',
    'Content-Length: 0.',
    '.',
    '',
    'U 212.242.33.35:5060 -> 192.168.1.2:5060',
    'SIP/2.0 100 Trying.',
    'CSeq: 2 OPTIONS.',
    '.',
  ].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.messages.map(framed), [
    { line: 5, end: 11, frame: 4, time: Date.UTC(2005, 6, 4, 9, 32, 52) / 1000 + 0.844249, transport: 'UDP', source: '192.168.1.2:5060', destination: '212.242.33.35:5060' },
    { line: 16, end: 22, frame: 15, time: Date.UTC(2005, 6, 4, 9, 32, 53) / 1000 + 0.1, transport: 'TCP', source: '[2001:db8::1]:5060', destination: '[2001:db8::2]:5060' },
    { line: 26, end: 27, frame: 25, time: undefined, transport: 'UDP', source: '212.242.33.35:5060', destination: '192.168.1.2:5060' },
  ]);
  assert.equal(model.messages[1].phrase, 'Busy Here');
  assert.equal(model.messages[0].callId, '12345@192.168.1.2', 'the "." is taken off every line');
  assert.equal(model.calls[0].state, 'busy');
});

test('RFC text: page breaks inside an example message are not its end', () => {
  const model = modelOf(corpusText('sip-traces', 'rfc3665.txt'));
  // Checked by hand: F1 of section 3.1 starts at line 666, its page break (lines 671-678) is skipped, and its
  // 151 octets of SDP end at line 691 (the F2 title below it is not part of it).
  const f1 = model.messages.find((m) => m.startLine + 1 === 666);
  assert.ok(f1);
  assert.deepEqual([f1.method, f1.cseq, f1.callId, f1.endLine + 1], ['INVITE', 1, '3848276298220188511@atlanta.example.com', 691]);
});

test('the reader is a line-by-line state machine: lines pushed one by one give the same records, with offsets', () => {
  const text = 'U 2024/01/01 00:00:00.5 10.0.0.1:5060 -> 10.0.0.2:5060\nOPTIONS sip:a@b SIP/2.0.\nCSeq: 1 OPTIONS.\n.\n\nREGISTER sip:b SIP/2.0\nCSeq: 2 REGISTER\n';
  const out: SipMessage[] = [];
  const reader = new MessageReader((m) => out.push(m));
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    reader.push(line, i, offset);
    offset += line.length + 1;
  });
  reader.end();
  // The REGISTER is still ngrep's packet (everything up to the next header line is), without the framing line.
  assert.deepEqual(out.map((m) => [m.method, m.startLine, m.offset, m.frameLine, m.source]), [
    ['OPTIONS', 1, 0, 0, '10.0.0.1:5060'], ['REGISTER', 5, text.indexOf('REGISTER'), undefined, '10.0.0.1:5060'],
  ]);
});

test('Asterisk chan_sip debug framing (corpus): six messages, each after its framing line, addresses and direction from it', () => {
  const model = modelOf(corpusText('logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-chan_sip_Configuring-chan_sip-for-Presence-Subscriptions.md'));
  // Checked by hand against the file: read/transmit lines 124, 150, 166, 193, 210 (Reliably Transmitting ...:) and 243.
  assert.deepEqual(model.messages.map((m) => [m.frameLine! + 1, m.startLine + 1, m.kind, m.method, m.status, m.source, m.destination]), [
    [124, 125, 'request', 'SUBSCRIBE', undefined, '10.24.17.254:37509', undefined],
    [150, 151, 'response', 'SUBSCRIBE', 401, undefined, '10.24.17.254:37509'],
    [166, 167, 'request', 'SUBSCRIBE', undefined, '10.24.17.254:37509', undefined],
    [193, 194, 'response', 'SUBSCRIBE', 200, undefined, '10.24.17.254:37509'],
    [210, 211, 'request', 'NOTIFY', undefined, undefined, '10.24.17.254:37509'],
    [243, 244, 'response', 'NOTIFY', 200, '10.24.17.254:37509', undefined],
  ]);
  assert.equal(model.messages[0].endLine + 1, 140, 'the message ends before <------------->');
  assert.deepEqual([model.transactions.length, model.calls.length], [3, 1]);
  assert.equal(model.calls[0].state, 'completed');
});

test('Asterisk pjsip logger framing (corpus): messages after "<--- Received/Transmitting SIP ... --->", plus a bare REGISTER', () => {
  const model = modelOf(corpusText('logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md'));
  // Checked by hand: framing lines 52, 173, 210, 220, 230, 268, 278; the REGISTER at 492 is a quoted example without framing.
  assert.deepEqual(model.messages.map((m) => [m.frameLine === undefined ? undefined : m.frameLine + 1, m.startLine + 1, m.method, m.status, m.transport]), [
    [52, 53, 'INVITE', undefined, 'UDP'], [173, 174, 'INVITE', undefined, 'UDP'], [210, 211, 'INVITE', 401, 'UDP'], [220, 221, 'ACK', undefined, 'UDP'],
    [230, 231, 'INVITE', undefined, 'UDP'], [268, 269, 'INVITE', 401, 'UDP'], [278, 279, 'ACK', undefined, 'UDP'], [undefined, 492, 'REGISTER', undefined, 'UDP'],
  ]);
  assert.equal(model.messages[0].source, '127.0.0.1:5061');
  assert.equal(model.messages[2].destination, '10.24.16.37:5060');
  assert.deepEqual([model.transactions.length, model.calls.length], [4, 3]);
});

test('Asterisk pjsip logger in a log file: the log line gives the time', () => {
  const model = modelOf([
    '[2026-01-08 20:28:01] VERBOSE[934] res_pjsip_logger.c: <--- Received SIP response (602 bytes) from UDP:208.100.60.17:5060 --->',
    'SIP/2.0 401 Unauthorized', 'Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKPj1', 'Call-ID: r1', 'CSeq: 9 REGISTER', 'Content-Length: 0', '',
  ].join('\n'));
  assert.deepEqual([model.messages[0].time, model.messages[0].source, model.messages[0].method], [Date.UTC(2026, 0, 8, 20, 28, 1) / 1000, '208.100.60.17:5060', 'REGISTER']);
});

test('FreeSWITCH siptrace: recv/send lines with a time of day, the message between dashes', () => {
  const dashes = '-'.repeat(72);
  const model = modelOf([
    'recv 436 bytes from udp/[10.0.0.7]:5060 at 16:49:33.907291:', dashes, 'OPTIONS sip:fs@10.0.0.1 SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKo1',
    'Call-ID: o1', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', dashes,
    'send 603 bytes to udp/[10.0.0.7]:5060 at 16:49:33.907405:', dashes, 'SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKo1',
    'Call-ID: o1', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', dashes,
  ].join('\n'));
  assert.deepEqual(model.messages.map(framed), [
    { line: 3, end: 7, frame: 1, time: 16 * 3600 + 49 * 60 + 33.907291, transport: 'UDP', source: '10.0.0.7:5060', destination: undefined },
    { line: 12, end: 16, frame: 10, time: 16 * 3600 + 49 * 60 + 33.907405, transport: 'UDP', source: undefined, destination: '10.0.0.7:5060' },
  ]);
  assert.equal(model.messages[1].status, 200, 'the 603 of "send 603 bytes" is a byte count');
  assert.equal(model.transactions.length, 1);
});

test('SIPp message log: dated separators, sent/received lines with the transport', () => {
  const separator = (time: string) => `----------------------------------------------- 2012-06-23 23:45:${time}`;
  const model = modelOf([
    separator('09.792454'), 'UDP message sent (539 bytes):', '', 'INVITE sip:service@127.0.0.1:5060 SIP/2.0', 'Via: SIP/2.0/UDP 127.0.1.1:5061;branch=z9hG4bK-1',
    'Call-ID: 1-16732@127.0.1.1', 'CSeq: 1 INVITE', 'Content-Length: 0', '', separator('09.793012'), 'UDP message received [327] bytes :', '',
    'SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP 127.0.1.1:5061;branch=z9hG4bK-1', 'Call-ID: 1-16732@127.0.1.1', 'CSeq: 1 INVITE', 'Content-Length: 0', '',
  ].join('\n'));
  assert.deepEqual(model.messages.map((m) => [m.frameLine! + 1, m.startLine + 1, m.time, m.transport]), [
    [1, 4, Date.UTC(2012, 5, 23, 23, 45, 9) / 1000 + 0.792454, 'UDP'], [10, 13, Date.UTC(2012, 5, 23, 23, 45, 9) / 1000 + 0.793012, 'UDP'],
  ]);
});

test('tcpdump -A: the header gives time and addresses (port after the last dot); junk is glued before the start line', () => {
  const model = modelOf([
    '09:17:59.864749 IP 10.1.2.3.5363 > 192.168.1.9.49658: UDP, length 576',
    'E..`.I.@.@...-M...a.[.....H.!SIP/2.0 401 Unauthorized', 'Via: SIP/2.0/UDP 192.168.1.9:49658;branch=z9hG4bK9', 'Call-ID: t1', 'CSeq: 2 REGISTER',
    'Content-Length: 0', '',
  ].join('\n'));
  const [m] = model.messages;
  assert.deepEqual([m.frameLine, m.startLine, m.startColumn, m.status, m.time, m.source, m.destination, m.transport],
    [0, 1, 29, 401, 9 * 3600 + 17 * 60 + 59.864749, '10.1.2.3:5363', '192.168.1.9:49658', 'UDP']);
});

/**
 * Messages, transactions and calls per corpus file. Checked by hand against the files: the
 * resiprocate TFSM scripts (an INVITE, its 200 and the ACK; a REGISTER sent twice, a 100 and a
 * 200 in one transaction), the two Asterisk documents (see the tests above), the debugger README's
 * OPTIONS, and the RFC 3665 examples of section 3.1. RFC texts reuse Call-IDs and branches from
 * one example to the next, so their examples join into few calls.
 */
const CORPUS_COUNTS: readonly [string, string, number, number, number][] = [
    ['sip-traces', 'kamailio__test_misc_sip_invite00.sip', 1, 1, 1],
    ['sip-traces', 'kamailio__test_misc_sip_ms-invite-00-rpl.sip', 1, 1, 1],
    ['sip-traces', 'kamailio__test_misc_sip_ms-invite-01-rpl.sip', 1, 1, 1],
    ['sip-traces', 'kamailio__test_misc_sip_no_eom_reply.sip', 1, 1, 0],
    ['sip-traces', 'kamailio__test_misc_sip_repl1.sip', 1, 1, 1],
    ['sip-traces', 'kamailio__test_misc_sip_short_reply.sip', 1, 1, 0],
    ['sip-traces', 'resiprocate__resip_stack_test_bcast.dat', 1, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_bigcode.dat', 1, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_noreason.dat', 1, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_scalarlg.dat', 1, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_testTFSM-clientinvite', 3, 3, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_testTFSM-servernoninvite', 4, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_unreason.dat', 1, 1, 1],
    ['sip-traces', 'resiprocate__resip_stack_test_wsinv.dat', 1, 1, 1],
    ['sip-traces', 'rfc2616_HTTP_negative.txt', 0, 0, 0],
    ['sip-traces', 'rfc3261.txt', 47, 32, 4],
    ['sip-traces', 'rfc3262.txt', 0, 0, 0],
    ['sip-traces', 'rfc3515.txt', 12, 6, 1],
    ['sip-traces', 'rfc3665.txt', 181, 66, 4],
    ['sip-traces', 'rfc3891.txt', 8, 4, 3],
    ['sip-traces', 'rfc3903.txt', 14, 7, 4],
    ['logs', 'asterisk__contrib_scripts_spandspflow2pcap.log', 0, 0, 0],
    ['logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-chan_sip_Configuring-chan_sip-for-Presence-Subscriptions.md', 6, 3, 1],
    ['logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md', 8, 4, 3],
    ['logs', 'kamailio__src_modules_debugger_README.txt', 1, 1, 1],
];

test('messages, transactions and calls of every corpus trace and log', () => {
  for (const [folder, name, messages, transactions, calls] of CORPUS_COUNTS) {
    const model = modelOf(corpusText(folder, name));
    assert.deepEqual([model.messages.length, model.transactions.length, model.calls.length], [messages, transactions, calls], `${folder}/${name}`);
  }
  const hand = modelOf(corpusText('sip-traces', 'resiprocate__resip_stack_test_testTFSM-servernoninvite'));
  assert.deepEqual(hand.messages.map((m) => [m.startLine + 1, m.method, m.status]), [[4, 'REGISTER', undefined], [32, 'REGISTER', 100], [58, 'REGISTER', undefined], [85, 'REGISTER', 200]]);
  assert.deepEqual(hand.roles.map((r) => r.retransmission), [false, false, true, false]);
});

test('a message read on its own (a hover before the reading from the top reaches it) is the one read from its whole window, on the lines of the corpus traces and logs', () => {
  let compared = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs']) {
    for (const { name } of corpusFiles(folder)) {
      const lines = splitLines(corpusText(folder, name));
      const lineAt = (line: number) => lines[line];
      // every line of a small file; of a big one, lines spread over all of it (each costs two reads)
      for (let line = 0; line < lines.length; line += Math.ceil(lines.length / 1500)) {
        const window = readMessages(Math.min(lines.length, line + MAX_FRAME_GAP), lineAt, Math.max(0, line - MAX_FRAME_GAP));
        const around = readMessagesAround(line, lines.length, lineAt);
        const [a, b] = [messageAtLine(window, line), messageAtLine(around, line)];
        assert.deepEqual(b === undefined ? undefined : around[b], a === undefined ? undefined : window[a], `${folder}/${name}:${line + 1}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 10_000, `${compared} lines`);
});

test('the reading from the top, which looks at a line as a framing or start line only where one search of its chunk found a cue or "/2.0", reads the messages the line-by-line reader reads', () => {
  // Cues and "/2.0" at the start and the end of lines, on lines of their own, and two on one line.
  const edges = [
    '/2.0', 'INVITE sip:a@b SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: e1', 'CSeq: 1 INVITE', '', 'SIP/2.0 180 Ringing',
    'Call-ID: e1', 'CSeq: 1 INVITE', '', 'U 2024/05/01 10:00:00.000000 10.0.0.1:5060 -> 10.0.0.2:5060', 'SIP/2.0 200 OK.', 'Call-ID: e1.', 'CSeq: 1 INVITE.',
    '.', '<--- Received SIP request (300 bytes) from UDP:10.0.0.1:5060 --->', 'BYE sip:a@b SIP/2.0', 'Call-ID: e1', 'CSeq: 2 BYE', '', 'x -> ',
  ].join('\n');
  const texts = [edges, `${edges}\r\n${edges}`, edges.replace(/\n/g, '\r')];
  for (const folder of ['sip-traces', 'sip-torture', 'logs', 'asterisk', 'freeswitch', 'kamailio', 'opensips']) {
    for (const { name } of corpusFiles(folder)) texts.push(corpusText(folder, name));
  }
  for (const text of texts) {
    const lines = splitLines(text);
    const expected = readMessages(lines.length, (line) => lines[line]);
    for (const chunk of [1, 300, 64 * 1024]) {
      const store = new TextStore(text);
      const index = new TraceIndex();
      while (!index.readStep(store, chunk));
      assert.deepEqual(index.messages(store), expected, `${text.slice(0, 40)} (chunks of ${chunk})`);
    }
  }
});
