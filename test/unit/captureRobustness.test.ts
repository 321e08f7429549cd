import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { captureToTrace } from '../../server/src/capture';
import { CaptureDecoder } from '../../server/src/capture/decoder';
import { TraceSink } from '../../server/src/capture/trace';
import type { SipRecord } from '../../server/src/capture/types';
import * as b from '../support/captureBuilder';
import { decodeAll, english } from '../support/captureOracle';
import { corpusFiles } from '../support/corpus';

/** Untrusted captures: bounded allocation, no loop, no exception, damage said plainly. */

const corpus = (name: string) => readFileSync(corpusFiles('pcap').find((f) => f.name === name)!.path);
const cancel = corpus('pkts__cancel.pcap');
const sipp = corpus('pkts__sipp.pcap');
const scale = corpus('sipnab__sipp-branch-scenario.pcapng');

/** The capture decoded in chunks pushed from one buffer overwritten after each (as readChunks hands them). */
function decodeInChunks(bytes: Uint8Array, size: number) {
  const records: SipRecord[] = [];
  const decoder = new CaptureDecoder({ onRecord: (record) => records.push(record) });
  const reused = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    reused.set(chunk);
    decoder.push(reused.subarray(0, chunk.length));
    reused.fill(0xee);
  }
  return { records, result: decoder.end() };
}

const summary = (records: SipRecord[]) => records.map((r) => `${r.frame} ${r.time.seconds}.${r.time.nanos} ${Buffer.from(r.bytes).toString('latin1')}`);

test('any chunking of the file gives the same records as the whole file', () => {
  for (const bytes of [cancel, scale.subarray(0, 200_000)]) {
    const whole = summary(decodeAll(bytes).records);
    for (const size of [1, 2, 3, 7, 16, 17, 100, 1500, 65536]) {
      assert.deepEqual(summary(decodeInChunks(bytes, size).records), whole, `chunks of ${size}`);
    }
  }
});

test('any chunking gives the same records where packets are larger than what is joined first to the bytes of a block a chunk ends in', () => {
  const message = (body: number) => Buffer.from(`MESSAGE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${body}\r\nCall-ID: ${body}\r\nCSeq: 1 MESSAGE\r\nContent-Length: ${body}\r\n\r\n${'x'.repeat(body)}`);
  const frames = [100, 3000, 9000, 40_000, 200, 12_000].map((body, i) => ({ seconds: 1, nanos: i * 1000, data: b.ipv4('10.0.0.1', '10.0.0.2', 17, b.udp(5060, 5060, message(body))) }));
  const files = [b.pcapFile(228, frames), b.pcapngFile([{ interfaces: [{ linkType: 228 }], packets: frames.map((frame) => ({ ...frame, iface: 0 })) }])];
  for (const bytes of files) {
    const whole = summary(decodeAll(bytes).records);
    assert.equal(whole.length, frames.length);
    for (const size of [1000, 2500, 4096, 30_000, 65536]) assert.deepEqual(summary(decodeInChunks(bytes, size).records), whole, `chunks of ${size}`);
  }
});

test('every prefix of a capture decodes without an exception and yields a prefix of its messages', () => {
  const whole = summary(decodeAll(sipp).records);
  for (let length = 0; length <= sipp.length; length += 37) {
    const { records, result } = decodeAll(sipp.subarray(0, length));
    const got = summary(records);
    assert.deepEqual(got, whole.slice(0, got.length), `prefix of ${length} bytes`);
    if (length < 24) assert.ok(result.error, 'a file cut inside its header is damaged');
  }
});

test('a pcapng block claiming 4 GB is damage: said, nothing allocated for it, what came before kept', () => {
  const file = b.pcapngFile([{ interfaces: [{ linkType: 1 }], packets: [] }]);
  const block = Buffer.alloc(12);
  block.writeUInt32LE(6, 0);
  block.writeUInt32LE(0xfffffffc, 4);
  const before = process.memoryUsage().arrayBuffers;
  const { result } = decodeAll(Buffer.concat([file, block]));
  assert.match(english(result.error), /^damaged pcapng: block 3 claims 4294967292 bytes/);
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);
  const zero = Buffer.from(block);
  zero.writeUInt32LE(0, 4);
  assert.match(english(decodeAll(Buffer.concat([file, zero])).result.error), /claims 0 bytes/);
});

test('records of zero bytes and frames too short for their headers are counted, not fatal', () => {
  const frames = [Buffer.alloc(0), Buffer.from([1, 2, 3]), b.ethernet(0x0800, Buffer.from([0x45, 0, 0])), b.ethernet(0x86dd, Buffer.alloc(10))];
  const { records, result } = decodeAll(b.pcapFile(1, frames.map((data, i) => ({ seconds: i, nanos: 0, data }))));
  assert.equal(result.error, undefined);
  assert.equal(records.length, 0);
  assert.equal(result.stats.frames, 4);
  assert.deepEqual(result.stats.skipped, { noIp: 2, ipv4Malformed: 1, ipv6Malformed: 1 });
});

test('tunnels nested without end stop at a fixed depth', () => {
  let packet = b.ipv4('10.0.0.1', '10.0.0.2', 17, b.udp(5060, 5060, Buffer.from('OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n')));
  for (let i = 0; i < 40; i++) packet = b.ipv4('10.9.9.1', '10.9.9.2', 4, packet);
  const { records, result } = decodeAll(b.pcapFile(228, [{ seconds: 1, nanos: 0, data: packet }]));
  assert.equal(records.length, 0);
  assert.deepEqual(result.stats.skipped, { tunnelsTooDeep: 1 });
});

test('a flood of first fragments that never complete keeps a bounded table and is counted', () => {
  const frames = [];
  for (let id = 0; id < 3000; id++) frames.push({ seconds: 1, nanos: 0, data: b.ipv4('10.0.0.1', '10.0.0.2', 17, Buffer.alloc(64, 0x41), { id, more: true }) });
  const { result } = decodeAll(b.pcapFile(228, frames));
  assert.equal(result.error, undefined);
  assert.equal(result.stats.skipped.fragmentsTooMany, 3000 - 1024);
  assert.equal(result.stats.skipped.fragmentsMissing, 1024);
  const huge = b.ipv4('10.0.0.1', '10.0.0.2', 17, Buffer.alloc(64), { id: 1, offset: 65528, more: true });
  assert.equal(decodeAll(b.pcapFile(228, [{ seconds: 1, nanos: 0, data: huge }])).result.stats.skipped.fragmentsTooLarge, 1);
});

test('files that are no capture are refused with what they are', () => {
  const refusal = (bytes: Uint8Array) => english(decodeAll(bytes).result.error);
  assert.match(refusal(corpus('sipnab__c07-sip-r2.cap')), /^this is a Microsoft Network Monitor capture, which SIP Sense does not read \(supported: pcap \(\.pcap, \.cap, \.dmp\), pcapng \(\.pcapng, \.ntar\) and either gzip-compressed \(\.gz\)\)$/);
  assert.match(refusal(Buffer.concat([Buffer.from('snoop\0\0\0'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 4])])), /^this is a Solaris snoop capture/);
  assert.match(refusal(Buffer.from('INVITE sip:bob@example.com SIP/2.0\r\n\r\n')), /^this is a text file/);
  assert.match(refusal(Buffer.alloc(0)), /^this is an empty file/);
  assert.match(refusal(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3, 4, 5])), /^this is no packet capture/);
  const erf = Buffer.alloc(64);
  erf.writeUInt32LE(0x5f000000, 4);
  erf[8] = 2;
  erf.writeUInt16BE(64, 10);
  assert.match(refusal(erf), /^this is an Endace ERF capture/);
  assert.match(english(captureToTrace(gzipSync(Buffer.from('just text\n'))).result.error), /^this is a text file/);
  assert.match(english(captureToTrace(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])).result.error), /^damaged gzip file/);
});

test('a file cut in the middle of a packet keeps what came before and says so', () => {
  const { records, result } = decodeAll(cancel.subarray(0, cancel.length - 10));
  assert.equal(result.error, undefined);
  assert.equal(records.length, 6);
  assert.deepEqual(result.stats.notes.map(english), [`the file ends in the middle of a packet (${cancel.length - 10 - lastRecordStart(cancel)} bytes after frame 6)`]);
});

function lastRecordStart(pcap: Buffer): number {
  let at = 24;
  let last = at;
  while (at < pcap.length) {
    last = at;
    at += 16 + pcap.readUInt32LE(at + 8);
  }
  return last;
}

test('a message cut by the snapshot length is marked truncated; frame check sequences are left out', () => {
  const message = Buffer.from('MESSAGE sip:bob@example.com SIP/2.0\r\nCall-ID: cut@x\r\nCSeq: 1 MESSAGE\r\n\r\nhello, a body without a Content-Length');
  const frame = b.ethernet(0x0800, b.ipv4('10.0.0.1', '10.0.0.2', 17, b.udp(5060, 5060, message)));
  const cut = decodeAll(b.pcapFile(1, [{ seconds: 1, nanos: 0, data: frame.subarray(0, frame.length - 10), original: frame.length }])).records;
  assert.equal(cut.length, 1);
  assert.equal(cut[0].truncated, true);
  assert.equal(Buffer.from(cut[0].bytes).toString(), message.subarray(0, message.length - 10).toString());
  assert.match(captureToTrace(b.pcapFile(1, [{ seconds: 1, nanos: 0, data: frame.subarray(0, frame.length - 10), original: frame.length }])).text, /^U 1970\/01\/01 00:00:01\.000000 10\.0\.0\.1:5060 -> 10\.0\.0\.2:5060 \(truncated\)\n/);
  // Lengths of 0 in IPv4 and UDP (as segmentation offload leaves them): only the FCS rule ends the payload.
  const datagram = b.udp(5060, 5060, message);
  datagram.writeUInt16BE(0, 4);
  const fcs = Buffer.concat([b.ethernet(0x0800, b.ipv4('10.0.0.1', '10.0.0.2', 17, datagram, { totalLength: 0 })), Buffer.from([0xde, 0xad, 0xbe, 0xef])]);
  for (const file of [
    b.pcapFile(1, [{ seconds: 1, nanos: 0, data: fcs }], { fcsBytes: 4 }),
    b.pcapngFile([{ interfaces: [{ linkType: 1, fcslen: 4 }], packets: [{ iface: 0, seconds: 1, nanos: 0, data: fcs }] }]),
  ]) {
    const records = decodeAll(file).records;
    assert.equal(Buffer.from(records[0].bytes).toString(), message.toString());
    assert.equal(records[0].truncated, undefined);
  }
});

test('a message\'s control characters are written as "." and its other bytes as they are, wherever they stand in a word of its bytes', () => {
  const message = Buffer.from('INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060\r\n\tCall-ID: x~ \r\n\r\n', 'latin1');
  const written = (bytes: Uint8Array): Buffer => {
    const out: Buffer[] = [];
    const sink = new TraceSink((chunk) => out.push(chunk));
    sink.record({ frame: 1, time: { seconds: 0, nanos: 0 }, transport: 'UDP', src: { address: '10.0.0.1', port: 5060 }, dst: { address: '10.0.0.2', port: 5060 }, bytes }, false);
    sink.flush();
    const text = Buffer.concat(out);
    // The message after its framing line, before the blank line that ends it.
    return text.subarray(text.indexOf(0x0a) + 1, text.length - 1);
  };
  /** Bytes at offset 0 of their buffer (read a word at a time) and at offset 1 (a byte at a time). */
  const placed = (bytes: Buffer): Uint8Array[] => {
    const aligned = new Uint8Array(bytes.length);
    aligned.set(bytes);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    return [aligned, shifted];
  };
  for (const bytes of placed(message)) assert.deepEqual(written(bytes), message);
  for (let at = 0; at < message.length - 2; at++) {
    for (const byte of [0x00, 0x07, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0xc3, 0xff]) {
      const changed = Buffer.from(message);
      changed[at] = byte;
      // A lone byte of 0x80 and above is no UTF-8: the message reads as Latin-1, written as UTF-8.
      const expected = Buffer.concat([message.subarray(0, at), Buffer.from(byte < 0x20 || byte === 0x7f ? '.' : String.fromCharCode(byte), 'utf8'), message.subarray(at + 1)]);
      for (const bytes of placed(changed)) assert.deepEqual(written(bytes), expected, `0x${byte.toString(16)} at ${at}`);
    }
  }
});

test('each record owns its bytes: the capture\'s buffer changed after decoding, or another record\'s bytes, changes none of them', () => {
  for (const capture of [cancel, sipp, scale.subarray(0, 300_000)]) {
    const expected = summary(decodeAll(capture).records);
    // A Buffer pushed whole: the decoder's packets are views of it.
    const input = Buffer.from(capture);
    const { records } = decodeAll(input);
    input.fill(0x41);
    assert.deepEqual(summary(records), expected);
    for (const record of records.filter((_, k) => k % 2 === 0)) record.bytes.fill(0x42);
    assert.deepEqual(summary(records).filter((_, k) => k % 2 === 1), expected.filter((_, k) => k % 2 === 1));
  }
});

test('framing lines written as bytes: endpoints remembered and forgotten, IPv6, fractions in micro- and nanoseconds, times no date holds, cut-off messages', () => {
  const out: Buffer[] = [];
  const sink = new TraceSink((chunk) => out.push(chunk));
  const bytes = Buffer.from('OPTIONS sip:a SIP/2.0\r\n\r\n');
  const lines: string[] = [];
  const write = (time: { seconds: number; nanos: number }, src: [string, number], dst: [string, number], nanoseconds: boolean, truncated?: boolean) => {
    sink.record({ frame: 1, time, transport: 'TCP', src: { address: src[0], port: src[1] }, dst: { address: dst[0], port: dst[1] }, bytes, ...(truncated ? { truncated } : {}) }, nanoseconds);
  };
  // Twelve endpoints in turn (more than are remembered), then the first ones again, a port of one changed.
  for (let i = 0; i < 14; i++) {
    write({ seconds: 1_700_000_000 + i, nanos: 5_000 + i }, [`10.0.0.${i % 12}`, 5060], ['2001:db8::1', 5061 + (i === 13 ? 1 : 0)], i % 2 === 0);
    lines.push(`T 2023/11/14 22:13:${String(20 + i).padStart(2, '0')}.${i % 2 === 0 ? String(5_000 + i).padStart(9, '0') : '000005'} 10.0.0.${i % 12}:5060 -> [2001:db8::1]:${5061 + (i === 13 ? 1 : 0)}`);
  }
  write({ seconds: 8.64e15, nanos: 999_999_999 }, ['10.0.0.1', 1], ['10.0.0.2', 2], false, true);
  lines.push('T 8640000000000000.999999 10.0.0.1:1 -> 10.0.0.2:2 (truncated)');
  write({ seconds: 0, nanos: 2_000_000_000 }, ['10.0.0.1', 1], ['10.0.0.2', 2], true);
  lines.push('T 1970/01/01 00:00:00.2000000000 10.0.0.1:1 -> 10.0.0.2:2');
  sink.flush();
  const framing = Buffer.concat(out).toString('utf8').split('\n').filter((line) => line.startsWith('T '));
  assert.deepEqual(framing, lines);
});
