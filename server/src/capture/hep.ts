import { inflateSync, gunzipSync } from 'node:zlib';
import { ipv4Text, ipv6Text } from './address';
import { isSipStartLine } from './sip';
import { copyBytes, lineBreaksAt } from './streamBuffer';
import { MAX_MESSAGE } from './sipStream';
import { emitMessage } from './transportRecords';
import { skip, type DecodeStats, type Endpoint, type Segment, type SipRecord, type Timestamp, type TransportDecoder } from './types';

/**
 * HEP, the Homer encapsulation protocol that Kamailio, OpenSIPS, FreeSWITCH, Asterisk, heplify and
 * captagent send captured SIP in: version 3 (a `HEP3` header and typed chunks, over UDP or TCP) and
 * versions 1 and 2 (a fixed header, over UDP). Recognised by content on any port. The SIP inside
 * comes with HEP's own endpoints and capture time, which are the real ones (the packet around it
 * only goes from the capture agent to the collector).
 */

export type HepPacket =
  | { kind: 'sip'; src: Endpoint; dst: Endpoint; time: Timestamp | undefined; payload: Uint8Array }
  /** Something HEP carries that is not SIP (RTCP, logs, QoS reports ...), by its protocol type. */
  | { kind: 'other'; protocolType: number }
  /** A compressed payload that does not inflate. */
  | { kind: 'broken' };

const HEP3 = [0x48, 0x45, 0x50, 0x33];
/** HEP3 protocol type of SIP. */
const PROTOCOL_SIP = 1;

const CHUNK = {
  ipv4Source: 0x0003,
  ipv4Destination: 0x0004,
  ipv6Source: 0x0005,
  ipv6Destination: 0x0006,
  sourcePort: 0x0007,
  destinationPort: 0x0008,
  seconds: 0x0009,
  microseconds: 0x000a,
  protocolType: 0x000b,
  payload: 0x000f,
  compressedPayload: 0x0010,
} as const;

function isHep3At(bytes: Uint8Array, at: number): boolean {
  return bytes.length - at >= 4 && HEP3.every((b, i) => bytes[at + i] === b);
}

/** Where the HEP3 magic first occurs in `bytes`, or -1. */
export function findHep3(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(HEP3[0]); at !== -1; at = bytes.indexOf(HEP3[0], at + 1)) {
    if (isHep3At(bytes, at)) return at;
  }
  return -1;
}

/** The length a HEP3 packet at `at` declares (its header included), or undefined when fewer than 6 bytes are there. */
function hep3Length(bytes: Uint8Array, at: number): number | undefined {
  return bytes.length - at >= 6 ? (bytes[at + 4] << 8) | bytes[at + 5] : undefined;
}

/** Reads one HEP packet (all of `bytes`); undefined when it is not HEP. */
export function parseHep(bytes: Uint8Array): HepPacket | undefined {
  if (isHep3At(bytes, 0)) return parseHep3(bytes);
  return parseHep2(bytes);
}

function parseHep3(bytes: Uint8Array): HepPacket | undefined {
  const length = hep3Length(bytes, 0);
  if (length === undefined || length < 6 || length > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  let srcAddress = '';
  let dstAddress = '';
  let srcPort = 0;
  let dstPort = 0;
  let seconds: number | undefined;
  let micros = 0;
  let protocolType = PROTOCOL_SIP;
  let payload: Uint8Array | undefined;
  let compressed: Uint8Array | undefined;
  for (let at = 6; at + 6 <= length;) {
    const vendor = view.getUint16(at);
    const type = view.getUint16(at + 2);
    const size = view.getUint16(at + 4);
    if (size < 6 || at + size > length) return undefined;
    const value = bytes.subarray(at + 6, at + size);
    at += size;
    if (vendor !== 0) continue;
    switch (type) {
      case CHUNK.ipv4Source: if (value.length === 4) srcAddress = ipv4Text(value, 0); break;
      case CHUNK.ipv4Destination: if (value.length === 4) dstAddress = ipv4Text(value, 0); break;
      case CHUNK.ipv6Source: if (value.length === 16) srcAddress = ipv6Text(value, 0); break;
      case CHUNK.ipv6Destination: if (value.length === 16) dstAddress = ipv6Text(value, 0); break;
      case CHUNK.sourcePort: if (value.length === 2) srcPort = (value[0] << 8) | value[1]; break;
      case CHUNK.destinationPort: if (value.length === 2) dstPort = (value[0] << 8) | value[1]; break;
      case CHUNK.seconds: if (value.length === 4) seconds = view.getUint32(at - size + 6); break;
      case CHUNK.microseconds: if (value.length === 4) micros = view.getUint32(at - size + 6) % 1_000_000; break;
      case CHUNK.protocolType: protocolType = value[0] ?? 0; break;
      case CHUNK.payload: payload = value; break;
      case CHUNK.compressedPayload: compressed = value; break;
      default: break;
    }
  }
  if (protocolType !== PROTOCOL_SIP) return { kind: 'other', protocolType };
  if (!payload && compressed) {
    payload = inflate(compressed);
    if (!payload) return { kind: 'broken' };
  }
  if (!payload) return undefined;
  const time = seconds === undefined ? undefined : { seconds, nanos: micros * 1000 };
  return { kind: 'sip', src: { address: srcAddress, port: srcPort }, dst: { address: dstAddress, port: dstPort }, time, payload };
}

/** zlib (what heplify and captagent write), or gzip; at most a message's cap, whatever the data claims. */
function inflate(data: Uint8Array): Uint8Array | undefined {
  for (const method of [inflateSync, gunzipSync]) {
    try {
      return method(data, { maxOutputLength: MAX_MESSAGE });
    } catch {
      // the other method, or not compressed data at all
    }
  }
  return undefined;
}

/**
 * HEP versions 1 and 2: version, header length, family, protocol, ports, addresses (and, in
 * version 2, seconds, microseconds and a capture id in the sender's byte order, little-endian in
 * practice). Taken as HEP only when the lengths agree with the family and SIP follows.
 */
function parseHep2(bytes: Uint8Array): HepPacket | undefined {
  if (bytes.length < 16) return undefined;
  const version = bytes[0];
  const headerLength = bytes[1];
  const family = bytes[2];
  const addressLength = family === 2 ? 4 : family === 10 ? 16 : 0;
  if ((version !== 1 && version !== 2) || addressLength === 0 || headerLength !== 8 + 2 * addressLength) return undefined;
  const payloadAt = headerLength + (version === 2 ? 12 : 0);
  if (bytes.length <= payloadAt || !isSipStartLine(bytes, payloadAt + lineBreaksAt(bytes, payloadAt))) return undefined;
  const address = family === 2 ? ipv4Text : ipv6Text;
  const src = { address: address(bytes, 8), port: (bytes[4] << 8) | bytes[5] };
  const dst = { address: address(bytes, 8 + addressLength), port: (bytes[6] << 8) | bytes[7] };
  let time: Timestamp | undefined;
  if (version === 2) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + headerLength, 8);
    time = { seconds: view.getUint32(0, true), nanos: (view.getUint32(4, true) % 1_000_000) * 1000 };
  }
  return { kind: 'sip', src, dst, time, payload: bytes.subarray(payloadAt) };
}

/**
 * Passes on the SIP a HEP packet carries, with HEP's endpoints and time (the packet's own time when
 * HEP gives none), or counts what it carries instead.
 */
export function emitHepPacket(bytes: Uint8Array, frame: number, time: Timestamp, emit: (record: SipRecord) => void, stats: DecodeStats): void {
  const packet = parseHep(bytes);
  if (!packet) {
    skip(stats, 'hepMalformed');
    return;
  }
  if (packet.kind === 'other') {
    skip(stats, 'hepNotSip');
    return;
  }
  if (packet.kind === 'broken') {
    skip(stats, 'hepBroken');
    return;
  }
  const origin = { frame, time: packet.time ?? time, transport: 'HEP' as const, src: packet.src, dst: packet.dst };
  emitMessage(copyBytes(packet.payload), false, origin, emit, stats, 'hepNotSip');
}

/** HEP over UDP, on any port: datagrams that are HEP by content (the others are left to the next decoder). */
export class HepDecoder implements TransportDecoder {
  accept(segment: Segment, emit: (record: SipRecord) => void, stats: DecodeStats): boolean {
    if (segment.transport !== 'udp' || !isHep(segment.payload)) return false;
    emitHepPacket(segment.payload, segment.frame, segment.time, emit, stats);
    return true;
  }

  flush(): void {
    // Datagrams hold nothing over.
  }
}

/** Whether a datagram is a HEP packet: the HEP3 magic with a length that fits, or a valid version 1 or 2 header before SIP. */
function isHep(bytes: Uint8Array): boolean {
  if (isHep3At(bytes, 0)) {
    const length = hep3Length(bytes, 0);
    return length !== undefined && length >= 6 && length <= bytes.length;
  }
  return parseHep2(bytes) !== undefined;
}
