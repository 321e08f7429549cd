import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedDocument } from '../../server/src/service';
import { corpusText, sharedRoot } from '../support/corpus';
import { applyEdits } from '../support/documents';

/** Pieces that make and break messages and framings: start lines, headers, blank lines, framing lines, page breaks. */
const FRAGMENTS = [
  'SIP/2.0 486 Busy Here', 'INVITE sip:2002@b SIP/2.0', 'ACK sip:2002@b SIP/2.0', '\r\n', '\n', '\r', '\r\n\r\n', 'CSeq: 1 BYE', 'CSeq: 2 INVITE',
  'Call-ID: x1', 'i: y2', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Content-Type: message/sipfrag', 'Content-Length: 12', 'l: 0', '   ', '\t',
  'U 2024/01/01 10:00:00.1 10.0.0.1:5060 -> 10.0.0.2:5060', 'T 10.0.0.2:5060 -> 10.0.0.1:5060', '.', '#', 'v=0',
  'Johnston, et al.  Best Current Practice  [Page 3]', '\fRFC 3665  Flows  December 2003', '4', 'x', '',
];

const NGREP = [
  'U 2024/05/01 10:00:00.000000 10.0.0.1:5060 -> 10.0.0.2:5060', 'INVITE sip:2002@b SIP/2.0.', 'Via: SIP/2.0/UDP a;branch=z9hG4bK1.',
  'Call-ID: c1.', 'CSeq: 1 INVITE.', 'Content-Type: application/sdp.', 'Content-Length: 10.', '.', 'v=0.', 'o=x.', '',
  'U 2024/05/01 10:00:01.000000 10.0.0.2:5060 -> 10.0.0.1:5060', 'SIP/2.0 486 Busy Here.', 'Via: SIP/2.0/UDP a;branch=z9hG4bK1.',
  'Call-ID: c1.', 'CSeq: 1 INVITE.', '.', 'SIP/2.0 486 Busy Here.', 'CSeq: 1 INVITE.', 'Call-ID: c1.', '.', '',
].join('\n');

/** The messages as plain data, each with the start lines of its call's messages, to compare an edited model with one read afresh. */
function snapshot(document: AnalyzedDocument) {
  return document.trace.messages.map((m) => `${JSON.stringify(m)} call ${document.callMessagesOf(m).map((c) => c.startLine).join(',')}`);
}

/** Fixed seeds in npm test, as the other property tests have (FUZZ_SEED picks others). */
const SEED = Number(process.env.FUZZ_SEED ?? 3665);

function checkEdits(base: string, languageId: string, runs: number, seed: number): void {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), fc.nat(120), fc.constantFrom(...FRAGMENTS), fc.nat(3)), { minLength: 1, maxLength: 20 }),
      fc.array(fc.oneof(fc.constant(undefined), fc.constant('model' as const), fc.nat(3)), { minLength: 20, maxLength: 20 }),
      (edits, looks) => {
        const document = AnalyzedDocument.create('file:///edit.sip', languageId, 1, base);
        const reference = TextDocument.create('file:///edit.sip', languageId, 1, base);
        // Reading the model between edits makes the next edit incremental; reading a few blocks on (as
        // the background reading of a big trace does, a block of 16 KB at least a step) makes it edit a partial read.
        applyEdits(document, reference, edits, (index) => {
          const look = looks[index];
          if (look === 'model') assert.ok(document.trace);
          else for (let step = 0; look !== undefined && step <= look; step++) document.traceStep(1);
        });
        assert.deepEqual(snapshot(document), snapshot(AnalyzedDocument.create('file:///fresh.sip', languageId, 1, reference.getText())));
      },
    ),
    { numRuns: runs, seed },
  );
}

test('after random edits the trace model equals the model of the final text (raw messages, RFC page breaks)', () => {
  const rfc = corpusText('sip-traces', 'rfc3665.txt');
  // The section itself, not its line in the table of contents.
  const section = rfc.indexOf('3.1.  Successful Session Establishment', rfc.indexOf('3.1.  Successful Session Establishment') + 1);
  checkEdits(rfc.slice(section, section + 9000), 'sip', 300, SEED);
});

test('after random edits the trace model equals the model of the final text (ngrep framing, sipfrag and SDP bodies)', () => {
  checkEdits(NGREP.repeat(3), 'plaintext', 300, SEED + 1);
});

/** Pieces of the framings whose lines the framing reader rewrites or skips: Wireshark's tree, SIPp's error entries, sipdump's records. */
const FRAMED_FRAGMENTS = [
  'Frame 9: 500 bytes on wire (4000 bits), 500 bytes captured (4000 bits)', '    Message Header', '        Via: SIP/2.0/UDP h;branch=z9hG4bK1',
  '            Transport: UDP', '    Status-Line: SIP/2.0 486 Busy Here', '        [Generated Call-ID: x]', 'Session Initiation Protocol (486)',
  "2024-01-01\t10:00:00.123456\t1704103200.123456: Aborting call on unexpected message for Call-Id 'x': while expecting '200' (index 3), received 'SIP/2.0 486 Busy Here",
  "'", '====================', '~~~~~~~~~~~~~~~~~~~~', '||||||||||||||||||||', 'srcip: 10.0.0.9', 'in udp 2024-01-01 10:00:00 10.0.0.1:5060 -> 10.0.0.2:5060',
];

test('after random edits the trace model equals the model of the final text (Wireshark, SIPp error log, sipdump and tracer framings)', () => {
  const wireshark = spawnSync('tshark', ['-r', join(sharedRoot, 'corpus', 'pcap', 'pkts__cancel.pcap'), '-O', 'sip'], { encoding: 'latin1' }).stdout;
  const sipp = "2024-01-01\t10:00:00.1\t1704103200.1: Dead call c1 (successful), received 'SIP/2.0 200 OK\r\nCall-ID: c1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n'\n";
  const sipdump = ['====================', 'tag: rcv', 'time: 1704103200.000001', 'proto: udp ipv4', 'srcip: 10.0.0.1', 'srcport: 5060', 'dstip: 10.0.0.2', 'dstport: 5060',
    '~~~~~~~~~~~~~~~~~~~~', 'BYE sip:a@b SIP/2.0', 'Call-ID: c1', 'CSeq: 2 BYE', 'Content-Length: 0', '', '||||||||||||||||||||', ''].join('\n');
  const tracer = 'out udp 2024-01-01 10:00:01 10.0.0.2:5060 -> 10.0.0.1:5060\nSIP/2.0 200 OK\nCall-ID: c1\nCSeq: 2 BYE\nContent-Length: 0\n\n';
  const base = `${wireshark.slice(0, 12000)}\n${sipp}${sipdump}${tracer}`;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), fc.nat(120), fc.constantFrom(...FRAGMENTS, ...FRAMED_FRAGMENTS), fc.nat(3)), { minLength: 1, maxLength: 20 }),
      fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      (edits, looks) => {
        const document = AnalyzedDocument.create('file:///edit.log', 'plaintext', 1, base);
        const reference = TextDocument.create('file:///edit.log', 'plaintext', 1, base);
        applyEdits(document, reference, edits, (index) => looks[index] && assert.ok(document.trace));
        assert.deepEqual(snapshot(document), snapshot(AnalyzedDocument.create('file:///fresh.log', 'plaintext', 1, reference.getText())));
      },
    ),
    { numRuns: 200, seed: SEED + 2 },
  );
});

test('after random edits made while the messages are read part of the way, the trace model equals the model of the final text', () => {
  checkEdits(NGREP.repeat(120), 'plaintext', 150, SEED + 3);
});

test('a second message under a framing line that gives no source and no time (chan_sip transmitting): an edit in it keeps it under its frame', () => {
  const base = [
    '<--- Transmitting (no NAT) to 10.0.0.1:5060 --->', 'SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1', 'Call-ID: t1', 'CSeq: 1 INVITE', '',
    'SIP/2.0 180 Ringing', 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1', 'Call-ID: t1', 'CSeq: 1 INVITE', '', '<------------->', '',
  ].join('\n');
  const document = AnalyzedDocument.create('file:///edit.log', 'plaintext', 1, base);
  const reference = TextDocument.create('file:///edit.log', 'plaintext', 1, base);
  assert.equal(document.trace.messages.length, 2);
  applyEdits(document, reference, [[base.lastIndexOf('Call-ID: t1'), 0, 'x', 1]]);
  assert.deepEqual(snapshot(document), snapshot(AnalyzedDocument.create('file:///fresh.log', 'plaintext', 1, reference.getText())));
});

test('an edit inside one message re-reads that message and shifts the ones after it', () => {
  const document = AnalyzedDocument.create('file:///t.log', 'plaintext', 1, NGREP.repeat(2));
  const before = document.trace.messages.map((m) => m.startLine);
  document.update([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Subject: hi.\nX-Y: z.\n' }], 2);
  assert.deepEqual(document.trace.messages.map((m) => m.startLine), before.map((l, i) => (i === 0 ? l : l + 2)));
});

test('a framing line far above the edit, whose frame swallowed the messages below it: the edited model equals a fresh read', () => {
  const rfc = corpusText('sip-traces', 'rfc3665.txt');
  const section = rfc.indexOf('3.1.  Successful Session Establishment', rfc.indexOf('3.1.  Successful Session Establishment') + 1);
  // The ngrep header line takes the indented RFC messages as its packet's, where none reads as a message.
  const base = `U 2024/01/01 10:00:00.1 10.0.0.1:5060 -> 10.0.0.2:5060\n${rfc.slice(section, section + 20000)}`;
  const document = AnalyzedDocument.create('file:///edit.sip', 'sip', 1, base);
  const reference = TextDocument.create('file:///edit.sip', 'sip', 1, base);
  assert.equal(document.trace.messages.length, 0);
  // An edit more than MAX_FRAME_GAP lines below the framing line, with no message before it.
  const at = reference.offsetAt({ line: 400, character: 0 });
  applyEdits(document, reference, [[at, 0, 'x', 1]], () => assert.ok(document.trace));
  assert.deepEqual(snapshot(document), snapshot(AnalyzedDocument.create('file:///fresh.sip', 'sip', 1, reference.getText())));
});

test('the counterexample a random seed found: a framing line typed above unframed messages, the model read after the first edit only', () => {
  const rfc = corpusText('sip-traces', 'rfc3665.txt');
  const section = rfc.indexOf('3.1.  Successful Session Establishment', rfc.indexOf('3.1.  Successful Session Establishment') + 1);
  const base = rfc.slice(section, section + 9000);
  const document = AnalyzedDocument.create('file:///edit.sip', 'sip', 1, base);
  const reference = TextDocument.create('file:///edit.sip', 'sip', 1, base);
  const edits: [number, number, string, number][] = [
    [712, 11, 'SIP/2.0 486 Busy Here', 0], [66967353, 49, '\r\n', 3], [1524399555, 99, 'CSeq: 1 BYE', 2], [712, 99, 'CSeq: 1 BYE', 2],
    [750, 91, 'T 10.0.0.2:5060 -> 10.0.0.1:5060', 3], [720, 9, 'SIP/2.0 486 Busy Here', 1],
    [1953186522, 24, 'U 2024/01/01 10:00:00.1 10.0.0.1:5060 -> 10.0.0.2:5060', 1], [0, 28, 'SIP/2.0 486 Busy Here', 0], [96728340, 0, 'SIP/2.0 486 Busy Here', 0],
  ];
  applyEdits(document, reference, edits, (index) => index === 0 && assert.ok(document.trace));
  assert.deepEqual(snapshot(document), snapshot(AnalyzedDocument.create('file:///fresh.sip', 'sip', 1, reference.getText())));
});
