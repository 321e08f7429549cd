import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capturedMessages, TextBuilder, type CapturedMessage } from '../support/capturedMessages';
import { modelOf } from '../support/traces';

/**
 * SIPp's error log (-trace_err), written from real messages as SIPp writes it (src/logger.cpp
 * _screen_error: CStat::formatTime then ": " and the text; src/call.cpp process_unexpected,
 * src/deadcall.cpp, src/socket.cpp): each entry's time, and each message's first line where the
 * entry quotes it.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const micros = (m: CapturedMessage) => pad(Math.floor(m.nanos / 1000), 6);

/** SIPp's default timestamp (local time there; UTC here), a tab, the same instant in seconds. */
function stamp(m: CapturedMessage): string {
  const d = new Date(m.seconds * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}\t${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros(m)}\t${m.seconds}.${micros(m)}`;
}

/** With -rfc3339, in a zone two hours east of UTC. */
function rfc3339(m: CapturedMessage): string {
  const d = new Date((m.seconds + 7200) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros(m)}+02:00`;
}

/** The entries SIPp writes about a message, by turns. */
const ENTRIES: readonly ((m: CapturedMessage) => { head: string; glued: boolean })[] = [
  (m) => ({ head: `Aborting call on unexpected message for Call-Id '${m.callId}': while expecting '200' (index 3), received '`, glued: true }),
  (m) => ({ head: `Continuing call on unexpected message for Call-Id '${m.callId}': while expecting 'ACK' (index 5), received '`, glued: true }),
  (m) => ({ head: `Dead call ${m.callId} (successful), received '`, glued: true }),
  () => ({ head: "Discarding message which can't be mapped to a known SIPp call:\n", glued: false }),
];

for (const capture of ['pkts__sipp.pcap', 'sipnab__register-invite-reinvite-bye.pcap', 'pcapplusplus__sip_resp.pcap', 'heplify__sip_ipv4_tcp_retrans.pcap']) {
  test(`SIPp error log from the messages of ${capture}: every message at its entry, with the entry's time`, () => {
    const messages = capturedMessages(capture);
    assert.ok(messages.length >= 4, `${capture} has messages`);
    const log = new TextBuilder();
    log.add('The following events occurred:\n');
    const expected = messages.map((m, i) => {
      const time = i % 2 === 0 ? stamp(m) : rfc3339(m);
      const entry = ENTRIES[i % ENTRIES.length](m);
      const frame = log.line;
      const prefix = `${time}: ${entry.head}`;
      log.add(prefix);
      const start = log.line;
      log.add(entry.glued ? `${m.text}'\n` : `${m.text}\n`);
      // A -trace_err log also holds entries about no message.
      log.add(`${time}: Call-Id: ${m.callId}, receive timeout on message uac.xml:7 without label to jump to (ontimeout attribute): aborting call\n`);
      const column = entry.glued ? prefix.length : 0;
      return { frame, start, column, first: m.firstLine, time: Number(`${m.seconds}.${micros(m)}`), callId: m.callId };
    });
    const model = modelOf(log.text);
    assert.deepEqual(model.messages.map((m) => ({
      frame: m.frameLine, start: m.startLine, column: m.startColumn, first: log.text.split(/\r\n|\r|\n/)[m.startLine].slice(m.startColumn), callId: m.callId,
    })), expected.map((e) => ({ frame: e.frame, start: e.start, column: e.column, first: e.first, callId: e.callId })));
    model.messages.forEach((m, i) => {
      assert.ok(Math.abs(m.time! - expected[i].time) < 1e-6, `message ${i}: time ${m.time} for ${expected[i].time}`);
      assert.deepEqual([m.source, m.destination], [undefined, undefined], 'the error log says nothing of addresses');
    });
  });
}

test("SIPp error log: the closing quote ends a message whose body runs to it", () => {
  const model = modelOf([
    "2024-01-01\t10:00:00.123456\t1704103200.123456: Aborting call on unexpected message for Call-Id '1-7@h': while expecting '200' (index 3), received 'SIP/2.0 486 Busy Here",
    'Via: SIP/2.0/UDP 10.0.0.1:5061;branch=z9hG4bK-1', 'Call-ID: 1-7@h', 'CSeq: 1 INVITE', 'Content-Type: text/plain', 'Content-Length: 40', '', 'busy', "'",
    "2024-01-01\t10:00:01.000001\t1704103201.000001: Aborting call on unexpected message for Call-Id '1-8@h': while expecting '180' (index 1), received 'SIP/2.0 603 Decline",
    'Call-ID: 1-8@h', 'CSeq: 1 INVITE', 'Content-Length: 0', '', "'",
  ].join('\r\n'));
  assert.deepEqual(model.messages.map((m) => [m.startLine, m.endLine, m.status, m.time]), [[0, 7, 486, 1704103200.123456], [9, 12, 603, 1704103201.000001]]);
});

test('SIPp message log: the RFC 3339 separators of SIPp 3.6 and later, their zone honoured', () => {
  const model = modelOf([
    '----------------------------------------------- 2024-01-01T11:00:00.500000+01:00', 'UDP message sent [300] bytes:', '',
    'OPTIONS sip:a@10.0.0.2 SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.1:5061;branch=z9hG4bK-2', 'Call-ID: o@h', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '',
    '----------------------------------------------- 2024-01-01T10:00:00.750000Z', 'TCP message received [200] bytes:', '',
    'SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 10.0.0.1:5061;branch=z9hG4bK-2', 'Call-ID: o@h', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '',
  ].join('\n'));
  assert.deepEqual(model.messages.map((m) => [m.frameLine, m.startLine, m.time, m.transport]), [[0, 3, 1704103200.5, 'UDP'], [9, 12, 1704103200.75, 'TCP']]);
});
