import { MAX_MESSAGE } from './sipStream';
import { copyBytes } from './streamBuffer';
import { emitMessage } from './transportRecords';
import { skip, type DecodeStats, type Segment, type SipRecord, type TransportDecoder } from './types';

/**
 * SIP over SCTP (RFC 4168): the user messages of DATA chunks (RFC 9260) and of I-DATA chunks
 * (RFC 8260), several chunks bundled in a packet, a message fragmented over chunks (B and E flags)
 * put together per stream, retransmitted chunks (the same TSN again) taken once. Each user message
 * holds one SIP message. The segment's payload is the SCTP packet after its 12-byte common header.
 */

const DATA = 0;
const I_DATA = 64;
const FLAG_END = 1;
const FLAG_BEGIN = 2;
const FLAG_UNORDERED = 4;
/** TSNs remembered per direction to recognise retransmissions. */
const MAX_TSNS = 4096;
/** Fragment bytes a direction may hold before the oldest fragments are dropped. */
const MAX_FRAGMENT_BYTES = 4 * MAX_MESSAGE;
/** Association directions followed at once; beyond, the oldest is forgotten. */
const MAX_DIRECTIONS = 65_536;

interface Fragment {
  /** DATA: the TSN; I-DATA: the fragment sequence number (0 for the first). */
  order: number;
  begin: boolean;
  end: boolean;
  bytes: Uint8Array;
  frame: number;
}

interface Association {
  seenTsns: Set<number>;
  tsnOrder: number[];
  /** Fragments of messages in progress, per stream (and, for I-DATA, per message id). */
  fragments: Map<string, Fragment[]>;
  fragmentBytes: number;
}

export class SctpDecoder implements TransportDecoder {
  private readonly directions = new Map<string, Association>();

  accept(segment: Segment, emit: (record: SipRecord) => void, stats: DecodeStats): boolean {
    if (segment.transport !== 'sctp') return false;
    const key = `${segment.src.address}|${segment.src.port}>${segment.dst.address}|${segment.dst.port}`;
    let association = this.directions.get(key);
    const bytes = segment.payload;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 4 <= bytes.length;) {
      const type = bytes[at];
      const flags = bytes[at + 1];
      const length = view.getUint16(at + 2);
      if (length < 4 || at + length > bytes.length) {
        skip(stats, 'sctpMalformed');
        break;
      }
      const headerSize = type === DATA ? 16 : type === I_DATA ? 20 : 0;
      if (headerSize > 0) {
        if (length < headerSize) {
          skip(stats, 'sctpMalformed');
        } else {
          association ??= this.association(key);
          const tsn = view.getUint32(at + 4);
          const stream = view.getUint16(at + 8);
          const data = bytes.subarray(at + headerSize, at + length);
          if (this.firstTime(association, tsn)) {
            const origin = { frame: segment.frame, time: segment.time, transport: 'SCTP' as const, src: segment.src, dst: segment.dst };
            const deliver = (message: Uint8Array, truncated: boolean): void => emitMessage(message, truncated, origin, emit, stats, 'sctpNotSip');
            if ((flags & (FLAG_BEGIN | FLAG_END)) === (FLAG_BEGIN | FLAG_END)) {
              deliver(copyBytes(data), false);
            } else {
              const unordered = (flags & FLAG_UNORDERED) !== 0;
              const group = type === DATA
                ? `${stream}|${unordered}`
                : `${stream}|${unordered}|${view.getUint32(at + 12)}`;
              const order = type === DATA ? tsn : (flags & FLAG_BEGIN ? 0 : view.getUint32(at + 16));
              this.fragment(association, group, { order, begin: (flags & FLAG_BEGIN) !== 0, end: (flags & FLAG_END) !== 0, bytes: copyBytes(data), frame: segment.frame }, deliver, stats);
            }
          }
        }
      }
      at += (length + 3) & ~3;
    }
    return true;
  }

  /** Fragments of messages whose end never came are counted as dropped. */
  flush(_emit: (record: SipRecord) => void, stats: DecodeStats): void {
    for (const association of this.directions.values()) {
      for (const fragments of association.fragments.values()) {
        if (fragments.some((f) => f.begin)) skip(stats, 'sctpDropped', fragments.length);
      }
    }
    this.directions.clear();
  }

  private association(key: string): Association {
    if (this.directions.size >= MAX_DIRECTIONS) this.directions.delete(this.directions.keys().next().value as string);
    const association: Association = { seenTsns: new Set(), tsnOrder: [], fragments: new Map(), fragmentBytes: 0 };
    this.directions.set(key, association);
    return association;
  }

  private firstTime(association: Association, tsn: number): boolean {
    if (association.seenTsns.has(tsn)) return false;
    association.seenTsns.add(tsn);
    association.tsnOrder.push(tsn);
    if (association.tsnOrder.length > MAX_TSNS) association.seenTsns.delete(association.tsnOrder.shift()!);
    return true;
  }

  private fragment(
    association: Association, group: string, fragment: Fragment, deliver: (message: Uint8Array, truncated: boolean) => void, stats: DecodeStats,
  ): void {
    if (association.fragmentBytes + fragment.bytes.length > MAX_FRAGMENT_BYTES) {
      for (const fragments of association.fragments.values()) skip(stats, 'sctpDropped', fragments.length);
      association.fragments.clear();
      association.fragmentBytes = 0;
    }
    let fragments = association.fragments.get(group);
    if (!fragments) {
      fragments = [];
      association.fragments.set(group, fragments);
    }
    fragments.push(fragment);
    association.fragmentBytes += fragment.bytes.length;
    fragments.sort((a, b) => ((a.order - b.order) | 0));
    // A message is complete when a run of consecutive fragments goes from a B to an E.
    for (let first = 0; first < fragments.length; first++) {
      if (!fragments[first].begin) continue;
      let last = first;
      while (!fragments[last].end && last + 1 < fragments.length && ((fragments[last + 1].order - fragments[last].order) | 0) === 1) last++;
      if (!fragments[last].end) continue;
      const parts = fragments.splice(first, last - first + 1);
      const size = parts.reduce((sum, p) => sum + p.bytes.length, 0);
      association.fragmentBytes -= size;
      const message = new Uint8Array(Math.min(size, MAX_MESSAGE));
      let at = 0;
      for (const part of parts) {
        const take = Math.min(part.bytes.length, message.length - at);
        message.set(part.bytes.subarray(0, take), at);
        at += take;
      }
      deliver(message, size > MAX_MESSAGE);
      if (fragments.length === 0) association.fragments.delete(group);
      return;
    }
  }
}
