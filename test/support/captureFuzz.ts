import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { CaptureDecoder } from '../../server/src/capture';
import { COPY_BLOCK } from '../../server/src/capture/streamBuffer';
import { transportDecoders } from '../../server/src/capture/transports';
import type { CaptureProblem, DecodeStats, Segment, SipRecord } from '../../server/src/capture/types';
import { sharedRoot } from './corpus';

/**
 * What the capture decoder's fuzz tests (test/unit/fuzzCapture.test.ts, the short run) and the
 * long fuzz run (test/fuzz/run.ts) share: the corpus captures mutated, truncated and spliced;
 * segments of every transport made of SIP, WebSocket, HEP and SCTP pieces and junk, with sequence
 * numbers, flags and lengths that lie; and the checks that hold whatever comes in (no exception,
 * every record well formed, time and memory bounded).
 */

const SIP_PIECES = [
  'INVITE sip:bob@b SIP/2.0\r\n', 'SIP/2.0 486 Busy Here\r\n', 'SIP/2.0 200 OK\n', 'ACK sip:b SIP/2.0\r\n', 'Content-Length: 5\r\n',
  'Content-Length: 4294967296\r\n', 'l: 2\r\n', 'Content-Length: -1\r\n', 'Call-ID: x\r\n', '\r\n', '\r\n\r\n', '\n\n', 'SIP/2.0',
  'SIP/', 'GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n', 'HTTP/1.1 101 Switching Protocols\r\n\r\n', 'HEP3', '\x16\x03\x01',
  '\x81\x85', '\x82\xfe\xff\xff', '\x81\xff\x7f\xff\xff\xff\xff\xff\xff\xff', '\x88\x00', '\x09\x00', 'hello',
];

const pieceArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...SIP_PIECES), { minLength: 1, maxLength: 8 }).map((p) => Buffer.from(p.join(''), 'latin1')) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => deflateSync(bytes)) },
);

const payloadArb: fc.Arbitrary<Uint8Array> = fc.array(pieceArb, { maxLength: 6 }).map((parts) => Buffer.concat(parts));

/** A HEP3 packet with chunks of any type and length (lengths that lie included). */
const hepArb: fc.Arbitrary<Uint8Array> = fc.record({
  chunks: fc.array(fc.record({ type: fc.integer({ min: 0, max: 20 }), value: payloadArb, lie: fc.option(fc.nat({ max: 70000 }), { freq: 5 }) }), { maxLength: 8 }),
  lie: fc.option(fc.nat({ max: 70000 }), { freq: 5 }),
}).map(({ chunks, lie }) => {
  const body = Buffer.concat(chunks.map(({ type, value, lie: length }) => {
    const size = length ?? value.length + 6;
    return Buffer.concat([Uint8Array.from([0, 0, type >> 8, type & 0xff, (size >> 8) & 0xff, size & 0xff]), value]);
  }));
  const total = lie ?? body.length + 6;
  return Buffer.concat([Buffer.from('HEP3'), Uint8Array.from([(total >> 8) & 0xff, total & 0xff]), body]);
});

/** SCTP chunks (DATA, I-DATA and others) with any flags, TSNs and lengths. */
const sctpArb: fc.Arbitrary<Uint8Array> = fc.array(fc.record({
  type: fc.constantFrom(0, 0, 64, 3, 1),
  flags: fc.nat({ max: 7 }),
  tsn: fc.nat({ max: 8 }),
  stream: fc.nat({ max: 2 }),
  data: payloadArb,
  lie: fc.option(fc.nat({ max: 70000 }), { freq: 6 }),
}), { maxLength: 5 }).map((chunks) => Buffer.concat(chunks.map(({ type, flags, tsn, stream, data, lie }) => {
  const header = type === 64 ? 20 : 16;
  const length = lie ?? header + data.length;
  const chunk = new Uint8Array((header + data.length + 3) & ~3);
  chunk.set([type, flags, (length >> 8) & 0xff, length & 0xff, 0, 0, 0, tsn, 0, stream, 0, 0, 0, 0, 0, tsn % 3]);
  chunk.set(data, header);
  return chunk;
})));

const ENDPOINTS = [
  { address: '10.0.0.1', port: 5060 }, { address: '10.0.0.2', port: 5060 }, { address: '2001:db8::1', port: 8080 }, { address: '10.0.0.3', port: 9060 },
];

export const segmentArb: fc.Arbitrary<Segment> = fc.record({
  transport: fc.constantFrom('tcp', 'tcp', 'tcp', 'udp', 'sctp') as fc.Arbitrary<'tcp' | 'udp' | 'sctp'>,
  from: fc.nat({ max: ENDPOINTS.length - 1 }),
  to: fc.nat({ max: ENDPOINTS.length - 1 }),
  payload: fc.oneof({ weight: 4, arbitrary: payloadArb }, { weight: 1, arbitrary: hepArb }, { weight: 1, arbitrary: sctpArb }),
  seq: fc.oneof(fc.nat({ max: 3000 }), fc.integer({ min: 0xffffff00, max: 0xffffffff }), fc.nat()),
  flags: fc.record({ syn: fc.boolean(), fin: fc.boolean(), rst: fc.boolean() }),
}).map(({ transport, from, to, payload, seq, flags }) => ({
  frame: 0,
  time: { seconds: 0, nanos: 0 },
  transport,
  src: ENDPOINTS[from],
  dst: ENDPOINTS[to],
  payload,
  ...(transport === 'tcp' ? { tcp: { seq, ack: 0, ...flags } } : {}),
}));

/** A TCP stream of one direction cut into segments sent in any order, with repeats: what reassembly meets. */
export const streamArb: fc.Arbitrary<Segment[]> = fc.record({
  bytes: fc.array(pieceArb, { minLength: 1, maxLength: 30 }).map((parts) => Buffer.concat(parts)),
  cuts: fc.array(fc.nat(), { maxLength: 20 }),
  order: fc.array(fc.nat(), { maxLength: 20 }),
  start: fc.nat(),
}).map(({ bytes, cuts, order, start }) => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    if (to <= from) continue;
    segments.push({
      frame: 0, time: { seconds: 0, nanos: 0 }, transport: 'tcp', src: ENDPOINTS[0], dst: ENDPOINTS[1],
      payload: bytes.subarray(from, to), tcp: { seq: (start + from) >>> 0, ack: 0, syn: false, fin: false, rst: false },
    });
    from = to;
  }
  for (const o of order) if (segments.length > 1) segments.push(segments[o % segments.length]);
  return segments;
});

/** Checks what any record must be: bytes owned and not empty, endpoints and frame set. */
export function checkRecord(record: SipRecord): void {
  assert.ok(record.bytes instanceof Uint8Array && record.bytes.length > 0, 'a record has bytes');
  // A copy of its own: alone in its buffer, or in a block of copies (CopyArena), never a view of the capture.
  assert.ok(record.bytes.buffer.byteLength === record.bytes.length || record.bytes.buffer.byteLength === COPY_BLOCK, 'a record owns its bytes');
  assert.ok(record.bytes.length <= 2 * 1024 * 1024, 'a record is at most the message cap');
  assert.ok(['UDP', 'TCP', 'SCTP', 'WS', 'HEP'].includes(record.transport));
  assert.ok(Number.isInteger(record.frame) && typeof record.src.address === 'string' && Number.isInteger(record.dst.port));
}

/** Feeds segments to the transport decoders (numbering frames), checking every record; returns how many came out. */
export function decodeSegments(segments: readonly Segment[]): { records: number; stats: DecodeStats } {
  const decoders = transportDecoders();
  const stats: DecodeStats = { frames: 0, sipMessages: 0, skipped: {}, tlsFlows: 0, notes: [] };
  let records = 0;
  const emit = (record: SipRecord): void => {
    checkRecord(record);
    records++;
  };
  segments.forEach((segment, i) => {
    const numbered = { ...segment, frame: i + 1 };
    for (const decoder of decoders) if (decoder.accept(numbered, emit, stats)) break;
  });
  for (const decoder of decoders) decoder.flush(emit, stats);
  for (const [reason, count] of Object.entries(stats.skipped)) assert.ok(count !== undefined && Number.isFinite(count) && count > 0, reason);
  return { records, stats };
}

// ---------------------------------------------------------------------------------------------
// Whole captures

export interface CaptureFile {
  name: string;
  bytes: Uint8Array;
}

let capturesCache: CaptureFile[] | undefined;

/** The captures of ../shared/corpus/pcap (read once; never copied anywhere). */
export function corpusCaptures(): CaptureFile[] {
  const dir = join(sharedRoot, 'corpus', 'pcap');
  capturesCache ??= readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  return capturesCache;
}

/** A change to a capture's bytes, at fractions of its length. */
export type CaptureMutation =
  | { kind: 'flip'; at: number; bytes: Uint8Array }
  | { kind: 'field'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'splice'; at: number; file: number; from: number; length: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const captureMutationArb: fc.Arbitrary<CaptureMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
  // A length or count field set to something absurd: 0, 1, 0xffff, 0x7fffffff, 0xffffffff.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('field' as const), at: fraction, value: fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0xffffffff) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 600 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fraction, file: fc.nat(), from: fraction, length: fc.nat({ max: 4000 }) }) },
);

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export function mutateCapture(bytes: Uint8Array, mutation: CaptureMutation, corpus: readonly CaptureFile[]): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(mutation.at * (bytes.length + 1)));
  switch (mutation.kind) {
    case 'flip': {
      const out = concat(bytes);
      mutation.bytes.forEach((b, i) => {
        if (at + i < out.length) out[at + i] ^= b || 1;
      });
      return out;
    }
    case 'field': {
      const out = concat(bytes);
      if (at + 4 <= out.length) new DataView(out.buffer).setUint32(at, mutation.value >>> 0, at % 2 === 0);
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + mutation.length));
    case 'repeat': {
      const part = bytes.subarray(at, at + mutation.length);
      return concat(bytes.subarray(0, at), ...new Array<Uint8Array>(mutation.times).fill(part), bytes.subarray(at + mutation.length));
    }
    case 'splice': {
      const other = corpus[mutation.file % corpus.length].bytes;
      const from = Math.floor(mutation.from * other.length);
      return concat(bytes.subarray(0, at), other.subarray(from, from + mutation.length), bytes.subarray(at));
    }
  }
}

export interface FuzzCapture {
  source: string;
  bytes: Uint8Array;
  /** The size of the chunks the bytes are pushed in (a file is read in pieces of any size). */
  chunk: number;
}

/** Corpus captures (up to `maxBytes`), mutated, sometimes gzipped, pushed in chunks of any size. */
export function captureArb(maxBytes = 1024 * 1024, corpus: readonly CaptureFile[] = corpusCaptures()): fc.Arbitrary<FuzzCapture> {
  const files = corpus.filter((f) => f.bytes.length <= maxBytes);
  return fc.record({
    file: fc.nat({ max: files.length - 1 }),
    mutations: fc.array(captureMutationArb, { maxLength: 8 }),
    gzip: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    chunk: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 70_000 }), fc.constant(1024 * 1024)),
  }).map(({ file, mutations, gzip, chunk }) => {
    let bytes = files[file].bytes;
    for (const mutation of mutations) bytes = mutateCapture(bytes, mutation, corpus);
    if (gzip) bytes = new Uint8Array(gzipSync(bytes));
    return { source: `${files[file].name} +${mutations.length} mutations${gzip ? ' (gzip)' : ''}`, bytes, chunk };
  });
}

/** Decodes a capture pushed in chunks, checking every record; returns how many came out and the result. */
export function decodeCapture(capture: FuzzCapture): { records: number; error: CaptureProblem | undefined; stats: DecodeStats } {
  let records = 0;
  const decoder = new CaptureDecoder({
    onRecord: (record) => {
      checkRecord(record);
      records++;
    },
  });
  for (let at = 0; at < capture.bytes.length && !decoder.failed; at += capture.chunk) {
    decoder.push(capture.bytes.subarray(at, at + capture.chunk));
  }
  const result = decoder.end();
  assert.equal(result.stats.sipMessages, records, 'every message counted once');
  return { records, error: result.error, stats: result.stats };
}
