import type { DecodeStats, Endpoint, Segment, SipRecord, TransportDecoder } from '../../server/src/capture/types';

/** Segments, stats and records for the transport decoders' tests (synthetic traffic, no capture file). */

export const CLIENT: Endpoint = { address: '10.0.0.1', port: 40000 };
export const SERVER: Endpoint = { address: '10.0.0.2', port: 5060 };

export function newStats(): DecodeStats {
  return { frames: 0, sipMessages: 0, skipped: {}, tlsFlows: 0, notes: [] };
}

export function sip(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/** A request with a body of `body` bytes and a matching Content-Length. */
export function request(method: string, cseq: number, body = ''): string {
  return `${method} sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.1:40000\r\nCall-ID: abc@10.0.0.1\r\nCSeq: ${cseq} ${method}\r\n`
    + `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
}

export function response(code: number, cseq: number, method = 'INVITE'): string {
  return `SIP/2.0 ${code} Phrase\r\nCall-ID: abc@10.0.0.1\r\nCSeq: ${cseq} ${method}\r\nContent-Length: 0\r\n\r\n`;
}

let frame = 0;

export function tcpSegment(
  seq: number, payload: Uint8Array | string, flags: { syn?: boolean; fin?: boolean; rst?: boolean } = {}, from = CLIENT, to = SERVER,
): Segment {
  frame++;
  return {
    frame,
    time: { seconds: 1_700_000_000 + frame, nanos: 0 },
    transport: 'tcp',
    src: from,
    dst: to,
    payload: typeof payload === 'string' ? sip(payload) : payload,
    tcp: { seq: seq >>> 0, ack: 0, syn: !!flags.syn, fin: !!flags.fin, rst: !!flags.rst },
  };
}

export function datagram(transport: 'udp' | 'sctp', payload: Uint8Array, from = CLIENT, to = SERVER): Segment {
  frame++;
  return { frame, time: { seconds: 1_700_000_000 + frame, nanos: 0 }, transport, src: from, dst: to, payload };
}

/** Feeds segments to a decoder, flushes it, and returns what it emitted. */
export function run(decoder: TransportDecoder, segments: readonly Segment[], stats = newStats()): { records: SipRecord[]; texts: string[]; stats: DecodeStats } {
  const records: SipRecord[] = [];
  const emit = (record: SipRecord): void => {
    records.push(record);
  };
  for (const segment of segments) decoder.accept(segment, emit, stats);
  decoder.flush(emit, stats);
  return { records, texts: records.map((r) => Buffer.from(r.bytes).toString('latin1')), stats };
}

/** Splits bytes into pieces at the given offsets. */
export function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [0, ...at.filter((n) => n > 0 && n < bytes.length).sort((a, b) => a - b), bytes.length];
  const pieces: Uint8Array[] = [];
  for (let i = 1; i < points.length; i++) if (points[i] > points[i - 1]) pieces.push(bytes.subarray(points[i - 1], points[i]));
  return pieces;
}
