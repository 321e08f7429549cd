import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { CaptureDecoder } from '../../server/src/capture';
import { HepDecoder } from '../../server/src/capture/hep';
import { SctpDecoder } from '../../server/src/capture/sctp';
import { TcpDecoder } from '../../server/src/capture/tcp';
import type { DecodeStats, SipRecord } from '../../server/src/capture/types';
import { sharedRoot } from '../support/corpus';
import { CLIENT, datagram, request, response, run, sip, tcpSegment } from '../support/segments';

/** HEP v2 and v3 (UDP and TCP, compressed payloads) and SCTP DATA and I-DATA, on synthetic packets. */

function chunk(type: number, value: Uint8Array | readonly number[]): Uint8Array {
  const bytes = Uint8Array.from(value);
  return Buffer.concat([Uint8Array.from([0, 0, type >> 8, type & 0xff, (bytes.length + 6) >> 8, (bytes.length + 6) & 0xff]), bytes]);
}

function u16(n: number): number[] {
  return [n >> 8, n & 0xff];
}

function u32(n: number): number[] {
  return [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function hep3(payload: Uint8Array, options: { protocolType?: number; compressed?: boolean; ipv6?: boolean } = {}): Uint8Array {
  const chunks = [
    chunk(1, [options.ipv6 ? 10 : 2]),
    chunk(2, [17]),
    ...(options.ipv6
      ? [chunk(5, [0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]), chunk(6, [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, ...new Array(5).fill(0), 2])]
      : [chunk(3, [192, 168, 1, 10]), chunk(4, [192, 168, 1, 20])]),
    chunk(7, u16(5062)),
    chunk(8, u16(5060)),
    chunk(9, u32(1_500_000_000)),
    chunk(10, u32(123_456)),
    chunk(11, [options.protocolType ?? 1]),
    chunk(12, u32(2001)),
    options.compressed ? chunk(0x10, deflateSync(payload)) : chunk(0x0f, payload),
  ];
  const body = Buffer.concat(chunks);
  return Buffer.concat([sip('HEP3'), Uint8Array.from(u16(body.length + 6)), body]);
}

const COLLECTOR = { address: '10.9.9.9', port: 9060 };

test('HEP3 over UDP on any port: the SIP inside with HEP\'s endpoints and time, transport HEP; compressed payloads inflate', () => {
  const invite = request('INVITE', 1, 'v=0\r\n');
  const { records } = run(new HepDecoder(), [
    datagram('udp', hep3(sip(invite)), CLIENT, COLLECTOR),
    datagram('udp', hep3(sip(response(407, 1)), { compressed: true, ipv6: true }), CLIENT, { address: '10.9.9.9', port: 12345 }),
  ]);
  assert.deepEqual(records.map((r) => Buffer.from(r.bytes).toString('latin1')), [invite, response(407, 1)]);
  assert.deepEqual(records[0].src, { address: '192.168.1.10', port: 5062 });
  assert.deepEqual(records[0].dst, { address: '192.168.1.20', port: 5060 });
  assert.deepEqual(records[0].time, { seconds: 1_500_000_000, nanos: 123_456_000 });
  assert.equal(records[0].transport, 'HEP');
  assert.deepEqual([records[1].src.address, records[1].dst.address], ['2001:db8::1', '2001:db8::1:0:0:2']);
});

test('HEP that carries RTCP or logs is counted, broken compression is counted, plain SIP over UDP is not HEP', () => {
  const decoder = new HepDecoder();
  const stats = { frames: 0, sipMessages: 0, skipped: {} as Record<string, number>, tlsFlows: 0, notes: [] };
  const emitted: unknown[] = [];
  const bad = hep3(sip('xx'), { compressed: true });
  bad[bad.length - 3] ^= 0xff;
  assert.equal(decoder.accept(datagram('udp', hep3(sip('{"rtcp": 1}'), { protocolType: 5 })), (r) => emitted.push(r), stats), true);
  assert.equal(decoder.accept(datagram('udp', bad), (r) => emitted.push(r), stats), true);
  assert.equal(decoder.accept(datagram('udp', sip(request('OPTIONS', 1))), (r) => emitted.push(r), stats), false);
  assert.equal(decoder.accept(datagram('sctp', hep3(sip(request('OPTIONS', 1)))), (r) => emitted.push(r), stats), false);
  assert.equal(emitted.length, 0);
  assert.equal(stats.skipped.hepNotSip, 1);
  assert.equal(stats.skipped.hepBroken ?? stats.skipped.hepMalformed, 1);
});

test('HEP version 2 (header, little-endian time, then SIP) and version 1', () => {
  const header = [2, 16, 2, 17, ...u16(5060), ...u16(5080), 10, 0, 0, 1, 10, 0, 0, 2];
  const time = [0x00, 0x2f, 0x68, 0x59, 0x40, 0xe2, 0x01, 0x00, 0x07, 0x00, 0x00, 0x00];
  const v2 = Buffer.concat([Uint8Array.from([...header, ...time]), sip(response(486, 3))]);
  const v1 = Buffer.concat([Uint8Array.from([1, ...header.slice(1)]), sip(response(180, 3))]);
  const { records } = run(new HepDecoder(), [datagram('udp', v2), datagram('udp', v1)]);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0].src, { address: '10.0.0.1', port: 5060 });
  assert.deepEqual(records[0].time, { seconds: 0x59682f00, nanos: 123_456_000 });
  assert.equal(Buffer.from(records[1].bytes).toString('latin1'), response(180, 3));
});

test('HEP3 over TCP: packets framed by their length, across segments and several in one', () => {
  const bytes = Buffer.concat([hep3(sip(request('INVITE', 1))), hep3(sip(response(100, 1))), hep3(sip(response(200, 1)), { compressed: true })]);
  const { records } = run(new TcpDecoder(), [
    tcpSegment(0, '', { syn: true }, CLIENT, COLLECTOR),
    tcpSegment(1, bytes.subarray(0, 50), {}, CLIENT, COLLECTOR),
    tcpSegment(51, bytes.subarray(50), {}, CLIENT, COLLECTOR),
  ]);
  assert.deepEqual(records.map((r) => Buffer.from(r.bytes).toString('latin1')), [request('INVITE', 1), response(100, 1), response(200, 1)]);
  assert.ok(records.every((r) => r.transport === 'HEP' && r.src.port === 5062));
});

/** An SCTP DATA chunk (padded to 4 bytes). */
function data(tsn: number, stream: number, ssn: number, flags: number, payload: Uint8Array): Uint8Array {
  const length = 16 + payload.length;
  const padded = new Uint8Array((length + 3) & ~3);
  padded.set([0, flags, ...u16(length), ...u32(tsn), ...u16(stream), ...u16(ssn), ...u32(0)]);
  padded.set(payload, 16);
  return padded;
}

function iData(tsn: number, stream: number, mid: number, fsn: number, flags: number, payload: Uint8Array): Uint8Array {
  const length = 20 + payload.length;
  const padded = new Uint8Array((length + 3) & ~3);
  padded.set([64, flags, ...u16(length), ...u32(tsn), ...u16(stream), 0, 0, ...u32(mid), ...u32(fsn)]);
  padded.set(payload, 20);
  return padded;
}

test('SCTP: bundled DATA chunks, a message fragmented over packets (out of order, retransmitted), other chunks skipped', () => {
  const invite = sip(request('INVITE', 1, 'z'.repeat(300)));
  const sack = Uint8Array.from([3, 0, 0, 16, ...new Array(12).fill(0)]);
  const packets = [
    Buffer.concat([sack, data(10, 0, 0, 3, sip(response(100, 1))), data(11, 1, 0, 3, sip(response(403, 1)))]),
    data(14, 0, 1, 1, invite.subarray(200)),
    data(12, 0, 1, 2, invite.subarray(0, 100)),
    data(12, 0, 1, 2, invite.subarray(0, 100)),
    data(13, 0, 1, 0, invite.subarray(100, 200)),
    data(11, 1, 0, 3, sip(response(403, 1))),
  ];
  const { records } = run(new SctpDecoder(), packets.map((p) => datagram('sctp', p)));
  assert.deepEqual(records.map((r) => Buffer.from(r.bytes).toString('latin1')), [response(100, 1), response(403, 1), Buffer.from(invite).toString('latin1')]);
  assert.ok(records.every((r) => r.transport === 'SCTP' && !r.truncated));
});

test('SCTP I-DATA: fragments put together by message id and fragment number', () => {
  const invite = sip(request('INVITE', 2));
  const { texts } = run(new SctpDecoder(), [
    datagram('sctp', iData(21, 0, 5, 1, 0, invite.subarray(40, 80))),
    datagram('sctp', iData(20, 0, 5, 0, 2, invite.subarray(0, 40))),
    datagram('sctp', iData(22, 0, 5, 2, 1, invite.subarray(80))),
  ]);
  assert.deepEqual(texts, [Buffer.from(invite).toString('latin1')]);
});

test('SCTP: chunks whose lengths lie are counted, never read past the packet', () => {
  const chunkBytes = data(1, 0, 0, 3, sip(response(200, 1)));
  chunkBytes[3] = 0xff;
  const { records, stats } = run(new SctpDecoder(), [datagram('sctp', chunkBytes), datagram('sctp', Uint8Array.from([0, 3, 0, 2]))], undefined);
  assert.equal(records.length, 0);
  assert.equal(stats.skipped.sctpMalformed, 2);
});

/** A corpus capture through the whole decoder: its records' frames, first lines, endpoints and times. */
function decodeCorpus(name: string): { records: SipRecord[]; stats: DecodeStats } {
  const records: SipRecord[] = [];
  const decoder = new CaptureDecoder({ onRecord: (record) => records.push(record) });
  decoder.push(readFileSync(join(sharedRoot, 'corpus', 'pcap', name)));
  return { records, stats: decoder.end().stats };
}

const firstLine = (record: SipRecord): string => Buffer.from(record.bytes).toString('latin1').split(/\r?\n/, 1)[0];

// tshark has no HEP dissector: these expectations are written by hand, from the packets' chunks.
test('corpus hep.pcap (HEP3 over UDP 9060): six SIP messages with HEP\'s endpoints and times; a log and an RTCP report skipped', () => {
  const { records, stats } = decodeCorpus('hep-wireshark__hep.pcap');
  assert.deepEqual(records.map((r) => [r.frame, r.transport, firstLine(r)]), [
    [1, 'HEP', 'INVITE sip:nodejs@127.0.0.1 SIP/2.0'],
    [2, 'HEP', 'SIP/2.0 100 Trying'],
    [3, 'HEP', 'SIP/2.0 407 Proxy Authentication Required'],
    [4, 'HEP', 'OPTIONS sip:127.0.0.1 SIP/2.0'],
    [6, 'HEP', 'SIP/2.0 200 Alive'],
    [7, 'HEP', 'PUBLISH sip:nodejs@127.0.0.1:5999;transport=udp SIP/2.0'],
  ]);
  // The UDP packets go 127.0.0.1:51160 -> 127.0.0.1:9060; the call is between HEP's endpoints.
  assert.deepEqual([records[0].src, records[0].dst], [{ address: '192.168.1.1', port: 5060 }, { address: '192.168.1.2', port: 5060 }]);
  assert.deepEqual(records[0].time, { seconds: 1481455196, nanos: 100_000 });
  assert.equal(stats.skipped.hepNotSip, 2);
});

test('corpus hep3_compressed.pcapng: 21 compressed payloads inflated, each packet sent to three collectors', () => {
  const { records } = decodeCorpus('hep-wireshark__hep3_compressed.pcapng');
  assert.equal(records.length, 21);
  const lines = records.map(firstLine);
  assert.deepEqual(
    [...new Set(lines)],
    ['REGISTER sip:rcs.st SIP/2.0', 'SIP/2.0 401 Unauthorized', 'SIP/2.0 200 OK'],
  );
  assert.deepEqual(lines.filter((l) => l.startsWith('REGISTER')).length, 12);
  assert.deepEqual([records[0].src, records[0].dst], [{ address: '192.168.137.1', port: 54345 }, { address: '192.168.137.247', port: 5060 }]);
  assert.deepEqual(records[0].time, { seconds: 1502941090, nanos: 307_169_000 });
  assert.ok(records.every((r) => r.transport === 'HEP' && !r.truncated));
});

test('several SIP messages in one HEP payload (an agent capturing TCP) are passed on one by one', () => {
  const { texts, records } = run(new HepDecoder(), [datagram('udp', hep3(sip(`\r\n${response(180, 1)}${response(200, 1)}`)))]);
  assert.deepEqual(texts, [response(180, 1), response(200, 1)]);
  assert.ok(records.every((r) => !r.truncated));
});
