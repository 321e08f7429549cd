import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { captureToTrace } from '../../server/src/capture';
import type { SipRecord } from '../../server/src/capture/types';
import * as b from '../support/captureBuilder';
import { decodeAll, messagesByFrame, tsharkMessages } from '../support/captureOracle';
import { corpusFiles } from '../support/corpus';

/**
 * Real SIP (the messages of pkts__cancel.pcap) wrapped by the generator in the encapsulations no
 * public SIP capture has. Each case is checked twice: the records equal what was wrapped (bytes,
 * endpoints, time), and tshark reads the same SIP messages from the generated file.
 */

const source = decodeAll(readFileSync(corpusFiles('pcap').find((f) => f.name === 'pkts__cancel.pcap')!.path)).records;
const messages = source.map((record) => Buffer.from(record.bytes));
const dir = mkdtempSync(join(tmpdir(), 'sipsense-encapsulations-'));

const A = '10.0.0.1';
const B = '10.0.0.2';
const A6 = '2001:db8::1';
const B6 = '2001:db8:0:0:1::2';
const T0 = 1700000000;

/** A SIP datagram over IPv4/UDP from A:5060 to B:5080. */
const sipIpv4 = (message: Buffer) => b.ipv4(A, B, 17, b.udp(5060, 5080, message));
const sipEthernet = (message: Buffer) => b.ethernet(0x0800, sipIpv4(message));
/** The outer Ethernet/IPv4 of a tunnel between 192.0.2.1 and 192.0.2.2. */
const outer = (protocol: number, payload: Buffer) => b.ethernet(0x0800, b.ipv4('192.0.2.1', '192.0.2.2', protocol, payload));
const frames = (datas: Buffer[]) => datas.map((data, i) => ({ seconds: T0 + i, nanos: 123456789, data }));

interface Expected { src: string; dst: string; bytes: Buffer; seconds: number; nanos: number }
/** `tshark`: more tshark options, or why tshark is no oracle for the case. */
interface Case { name: string; file: Buffer; expected: Expected[]; tshark?: string[] | { no: string }; nanos?: boolean }

function each(src: string, dst: string, microseconds = true): Expected[] {
  return messages.map((bytes, i) => ({ src, dst, bytes, seconds: T0 + i, nanos: microseconds ? 123456000 : 123456789 }));
}

const cases: Case[] = [
  { name: 'QinQ 802.1ad + 802.1Q', file: b.pcapFile(1, frames(messages.map((m) => b.ethernet(0x0800, sipIpv4(m), [[0x88a8, 100], [0x8100, 200]])))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'QinQ 0x9100 + 802.1Q', file: b.pcapFile(1, frames(messages.map((m) => b.ethernet(0x0800, sipIpv4(m), [[0x9100, 10], [0x8100, 20]])))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'VXLAN on 4789', file: b.pcapFile(1, frames(messages.map((m) => outer(17, b.udp(40000, 4789, b.vxlan(sipEthernet(m), 42)))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'VXLAN on 8472', file: b.pcapFile(1, frames(messages.map((m) => outer(17, b.udp(40000, 8472, b.vxlan(sipEthernet(m), 42)))))), expected: each(`${A}:5060`, `${B}:5080`), tshark: ['-d', 'udp.port==8472,vxlan'] },
  { name: 'GRE with checksum, key and sequence, Transparent Ethernet Bridging', file: b.pcapFile(1, frames(messages.map((m, i) => outer(47, b.gre(0x6558, sipEthernet(m), { checksum: true, key: 7, sequence: i }))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'GRE carrying IPv4', file: b.pcapFile(1, frames(messages.map((m) => outer(47, b.gre(0x0800, sipIpv4(m)))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'ERSPAN type I', file: b.pcapFile(1, frames(messages.map((m) => outer(47, b.gre(0x88be, sipEthernet(m)))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'ERSPAN type II', file: b.pcapFile(1, frames(messages.map((m, i) => outer(47, b.gre(0x88be, b.erspan2(sipEthernet(m)), { sequence: i }))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'ERSPAN type III with and without the platform subheader', file: b.pcapFile(1, frames(messages.map((m, i) => outer(47, b.gre(0x22eb, b.erspan3(sipEthernet(m), i % 2 === 0), { sequence: i }))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'TZSP on 37008', file: b.pcapFile(1, frames(messages.map((m) => outer(17, b.udp(37008, 37008, b.tzsp(sipEthernet(m))))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'IP in IP', file: b.pcapFile(1, frames(messages.map((m) => outer(4, sipIpv4(m))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'IPv6 in IPv4', file: b.pcapFile(1, frames(messages.map((m) => outer(41, b.ipv6(A6, B6, 17, b.udp(5060, 5080, m)))))), expected: each(`[${A6}]:5060`, `[2001:db8::1:0:0:2]:5080`) },
  { name: 'Linux cooked v2 (SLL2)', file: b.pcapFile(276, frames(messages.map((m) => b.sll2(0x0800, sipIpv4(m))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'Linux cooked (SLL) with IPv6 and extension headers', file: b.pcapFile(113, frames(messages.map((m) => b.sll(0x86dd, b.ipv6(A6, B6, 17, b.udp(5060, 5080, m), [[0, b.ipv6Options()], [60, b.ipv6Options()]]))))), expected: each(`[${A6}]:5060`, `[2001:db8::1:0:0:2]:5080`) },
  { name: 'NFLOG', file: b.pcapFile(239, frames(messages.map((m) => b.nflog(2, sipIpv4(m))))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'BSD NULL (little-endian family)', file: b.pcapFile(0, frames(messages.map((m) => b.loopback(2, sipIpv4(m), true)))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'OpenBSD LOOP (big-endian family), IPv6', file: b.pcapFile(108, frames(messages.map((m) => b.loopback(24, b.ipv6(A6, B6, 17, b.udp(5060, 5080, m)), false)))), expected: each(`[${A6}]:5060`, `[2001:db8::1:0:0:2]:5080`) },
  { name: 'raw IPv4 (228)', file: b.pcapFile(228, frames(messages.map(sipIpv4))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'raw IPv6 (229)', file: b.pcapFile(229, frames(messages.map((m) => b.ipv6(A6, B6, 17, b.udp(5060, 5080, m))))), expected: each(`[${A6}]:5060`, `[2001:db8::1:0:0:2]:5080`) },
  { name: 'raw IP (101), IPv4 with options', file: b.pcapFile(101, frames(messages.map((m) => b.ipv4(A, B, 17, b.udp(5060, 5080, m), { options: Buffer.from([1, 1, 1, 0]) })))), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'pcap with nanoseconds, big-endian', file: b.pcapFile(1, frames(messages.map(sipEthernet)), { nanos: true, bigEndian: true }), expected: each(`${A}:5060`, `${B}:5080`, false), nanos: true },
  { name: 'modified (Kuznetzov) pcap', file: b.pcapFile(1, frames(messages.map(sipEthernet)), { kuznetzov: true }), expected: each(`${A}:5060`, `${B}:5080`) },
  { name: 'pcap with microseconds, big-endian', file: b.pcapFile(1, frames(messages.map(sipEthernet)), { bigEndian: true }), expected: each(`${A}:5060`, `${B}:5080`) },
];

/** IPv4 fragments, the last first; IPv6 fragments after a destination-options header. */
{
  const datas: Buffer[] = [];
  const expected: Expected[] = [];
  messages.forEach((m, i) => {
    const pieces = b.ipv4Fragments(A, B, 17, b.udp(5060, 5080, m), 256, 100 + i);
    datas.push(...[pieces[pieces.length - 1], ...pieces.slice(0, -1)].map((ip) => b.ethernet(0x0800, ip)));
    expected.push({ src: `${A}:5060`, dst: `${B}:5080`, bytes: m, seconds: T0 + datas.length - 1, nanos: 123456000 });
  });
  cases.push({ name: 'IPv4 fragments out of order', file: b.pcapFile(1, frames(datas)), expected });
}
{
  const datas: Buffer[] = [];
  const expected: Expected[] = [];
  messages.forEach((m, i) => {
    datas.push(...b.ipv6Fragments(A6, B6, 17, b.udp(5060, 5080, m), 200, 7000 + i).map((ip) => b.ethernet(0x86dd, ip)));
    expected.push({ src: `[${A6}]:5060`, dst: '[2001:db8::1:0:0:2]:5080', bytes: m, seconds: T0 + datas.length - 1, nanos: 123456000 });
  });
  cases.push({ name: 'IPv6 fragments with extension headers', file: b.pcapFile(1, frames(datas)), expected });
}
{
  // Section 1: little-endian, Ethernet at ns resolution with an offset, raw IPv4 at µs.
  // Section 2: big-endian, SLL at 2^-20 s, an unknown block, an obsolete Packet block.
  const packets1 = messages.slice(0, 4).map((m, i) => ({ iface: i % 2, seconds: T0 + i, nanos: 987654321, data: i % 2 === 0 ? sipEthernet(m) : sipIpv4(m) }));
  const packets2 = messages.slice(4).map((m, i) => ({ iface: 0, seconds: T0 + 4 + i, nanos: 500000000, data: b.sll(0x0800, sipIpv4(m)), block: i === 0 ? 'obsolete' as const : 'enhanced' as const }));
  const file = b.pcapngFile([
    { interfaces: [{ linkType: 1, tsresol: 9, tsoffset: 1000 }, { linkType: 228 }], packets: packets1 },
    { bigEndian: true, interfaces: [{ linkType: 113, tsresol: 0x80 | 20 }], packets: packets2, unknownBlock: true },
  ]);
  const expected = messages.map((bytes, i) => ({
    src: `${A}:5060`, dst: `${B}:5080`, bytes, seconds: T0 + i, nanos: i >= 4 ? 500000000 : i % 2 === 0 ? 987654321 : 987654000,
  }));
  cases.push({ name: 'pcapng: two sections in different byte orders, mixed link types and resolutions', file, expected, nanos: true });
  cases.push({ name: 'gzip-compressed pcapng', file: b.gzip(file), expected, nanos: true });
}
{
  // Simple Packet blocks carry no timestamp: the messages keep capture order at time zero.
  const file = b.pcapngFile([{ interfaces: [{ linkType: 1 }], packets: messages.map((m) => ({ iface: 0, seconds: 0, nanos: 0, data: sipEthernet(m), block: 'simple' as const })) }]);
  cases.push({ name: 'pcapng Simple Packet blocks', file, expected: messages.map((bytes) => ({ src: `${A}:5060`, dst: `${B}:5080`, bytes, seconds: 0, nanos: 0 })) });
}
{
  // Several messages in one datagram, split by Content-Length; one with bare LF line ends.
  const lf = Buffer.from(messages[1].toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  const datagram = b.concat(messages[0], messages[2], lf);
  cases.push({
    name: 'several messages in one datagram, one with LF-only line ends',
    file: b.pcapFile(1, frames([sipEthernet(datagram)])),
    expected: [messages[0], messages[2], lf].map((bytes) => ({ src: `${A}:5060`, dst: `${B}:5080`, bytes, seconds: T0, nanos: 123456000 })),
    tshark: { no: 'tshark dissects only the first SIP message of a UDP datagram' },
  });
}

for (const c of cases) {
  test(`generated capture: ${c.name}`, () => {
    const { records, result } = decodeAll(c.file[0] === 0x1f ? gunzipSync(c.file) : c.file);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.stats.skipped, {});
    const got = records.map((r: SipRecord) => ({
      src: `${r.src.address.includes(':') ? `[${r.src.address}]` : r.src.address}:${r.src.port}`,
      dst: `${r.dst.address.includes(':') ? `[${r.dst.address}]` : r.dst.address}:${r.dst.port}`,
      bytes: Buffer.from(r.bytes), seconds: r.time.seconds, nanos: r.time.nanos,
    }));
    assert.deepEqual(got, c.expected);
    assert.ok(records.every((r) => r.transport === 'UDP' && !r.truncated));
    const path = join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.${c.file[0] === 0x0a ? 'pcapng' : 'pcap'}${c.file[0] === 0x1f ? '.gz' : ''}`);
    writeFileSync(path, c.file);
    if (Array.isArray(c.tshark) || c.tshark === undefined) assert.deepEqual(messagesByFrame(records), tsharkMessages(path, c.tshark ?? []));
    const { text, result: traced } = captureToTrace(c.file);
    assert.equal(traced.nanosecondTimes, c.nanos ?? false);
    assert.equal(text.split('\n').filter((line) => /^U \d/.test(line)).length, c.expected.length);
  });
}
