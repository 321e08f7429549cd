import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capturedMessages, TextBuilder, type CapturedMessage } from '../support/capturedMessages';
import { modelOf } from '../support/traces';

/**
 * Kamailio's sipdump text files and OpenSIPS's tracer (file: and syslog: destinations), written
 * from real messages as the modules write them (kamailio src/modules/sipdump/sipdump_write.c
 * sipdump_data_print; opensips modules/tracer/tracer.c trace_write_file, trace_write_syslog).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const micros = (m: CapturedMessage) => pad(Math.floor(m.nanos / 1000), 6);
/** Host and port apart, as both modules print them (IPv6 without brackets). */
const split = (endpoint: string) => {
  const at = endpoint.lastIndexOf(':');
  return { host: endpoint.slice(0, at).replace(/^\[|\]$/g, ''), port: endpoint.slice(at + 1) };
};
/** What both modules print of a message's transport and addresses. */
const ends = (m: CapturedMessage) => ({ src: split(m.source), dst: split(m.destination), proto: m.transport === 'HEP' ? 'udp' : m.transport.toLowerCase() });
const CAPTURES = ['pkts__sipp.pcap', 'heplify__sip_ipv4_tcp_retrans.pcap', 'heplify__sip_sctp.pcap', 'pcapplusplus__sip_resp.pcap'];

function check(text: string, expected: { frame: number; start: number; first: string; time?: number; transport: string; source: string; destination: string }[]) {
  const lines = text.split(/\r\n|\r|\n/);
  const model = modelOf(text);
  assert.deepEqual(model.messages.map((m) => ({
    frame: m.frameLine, start: m.startLine, first: lines[m.startLine].slice(m.startColumn), time: m.time, transport: m.transport, source: m.source, destination: m.destination,
  })), expected);
}

for (const capture of CAPTURES) {
  test(`Kamailio sipdump text from the messages of ${capture}: every record's message, time, transport and addresses`, () => {
    const messages = capturedMessages(capture);
    assert.ok(messages.length >= 2);
    const dump = new TextBuilder();
    const expected = messages.map((m, i) => {
      const frame = dump.line;
      const { src, dst, proto } = ends(m);
      dump.add(['====================', `tag: ${i % 2 ? 'snd' : 'rcv'}`, 'pid: 4242', 'process: 3', `time: ${m.seconds}.${micros(m)}`,
        `date: ${new Date(m.seconds * 1000).toUTCString()}`, `proto: ${proto} ${src.host.includes(':') ? 'ipv6' : 'ipv4'}`,
        `srcip: ${src.host}`, `srcport: ${src.port}`, `dstip: ${dst.host}`, `dstport: ${dst.port}`, '~~~~~~~~~~~~~~~~~~~~', ''].join('\n'));
      const start = dump.line;
      dump.add(`${m.text}||||||||||||||||||||\n`);
      return { frame, start, first: m.firstLine, time: Number(`${m.seconds}.${micros(m)}`), transport: proto.toUpperCase(), source: m.source, destination: m.destination };
    });
    check(dump.text, expected);
  });

  test(`OpenSIPS tracer file and syslog output from the messages of ${capture}: every message, time, transport and addresses`, () => {
    const messages = capturedMessages(capture);
    const trace = new TextBuilder();
    const expected = messages.map((m, i) => {
      const frame = trace.line;
      const { src, dst, proto } = ends(m);
      const addresses = `${src.host}:${src.port} -> ${dst.host}:${dst.port}`;
      const direction = i % 2 ? 'out' : 'in';
      // Every other message as the syslog destination writes it (no time of its own; the log's prefix has no year).
      const d = new Date(m.seconds * 1000);
      const dated = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      trace.add(i % 2 ? `Jun 23 23:45:09 [4242] INFO:${direction} ${proto} ${addresses}\n` : `${direction} ${proto} ${dated} ${addresses}\n`);
      const start = trace.line;
      trace.add(`${m.text}\n\n`);
      return { frame, start, first: m.firstLine, time: i % 2 ? undefined : m.seconds, transport: proto.toUpperCase(), source: m.source, destination: m.destination };
    });
    check(trace.text, expected);
  });
}

test('Kamailio sipdump and OpenSIPS tracer over IPv6: the port after the last colon, the address in brackets', () => {
  const message = ['OPTIONS sip:a@[2001:db8::2] SIP/2.0', 'Via: SIP/2.0/TCP [2001:db8::1]:5060;branch=z9hG4bK6', 'Call-ID: v6', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', ''].join('\r\n');
  check(['====================', 'tag: rcv', 'time: 1704103200.000100', 'proto: tcp ipv6', 'srcip: 2001:db8::1', 'srcport: 5060', 'dstip: 2001:db8::2', 'dstport: 5061', '~~~~~~~~~~~~~~~~~~~~', `${message}||||||||||||||||||||`,
    'out tls 2024-01-01 10:00:00 2001:db8::2:5061 -> 2001:db8::1:5060', message, ''].join('\n'), [
    { frame: 0, start: 9, first: 'OPTIONS sip:a@[2001:db8::2] SIP/2.0', time: 1704103200.0001, transport: 'TCP', source: '[2001:db8::1]:5060', destination: '[2001:db8::2]:5061' },
    { frame: 16, start: 17, first: 'OPTIONS sip:a@[2001:db8::2] SIP/2.0', time: 1704103200, transport: 'TLS', source: '[2001:db8::2]:5061', destination: '[2001:db8::1]:5060' },
  ]);
});
