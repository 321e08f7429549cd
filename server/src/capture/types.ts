import type { CaptureProblem, Skip } from '../../../common/capture';

export { problem, skipReasonOf, type CaptureProblem, type CaptureProblems, type ForeignFile, type Skip, type SkipReason } from '../../../common/capture';

/**
 * The capture decoder's shared types: bytes of a capture in, SIP messages out. Nothing here knows
 * the language service or any protocol of the editor; what it says is in the words of common/capture.ts.
 */

/** Since the epoch (UTC); nanosecond captures lose nothing. */
export interface Timestamp { seconds: number; nanos: number }

/** IPv4 dotted, IPv6 in RFC 5952 text (printed in brackets). */
export interface Endpoint { address: string; port: number }

/** What the network layers hand to a transport. */
export interface Segment {
  frame: number;
  time: Timestamp;
  transport: 'udp' | 'tcp' | 'sctp';
  src: Endpoint;
  dst: Endpoint;
  payload: Uint8Array;
  tcp?: { seq: number; ack: number; syn: boolean; fin: boolean; rst: boolean };
  /** The capture's snapshot length cut the frame: the payload ends early. */
  cut?: boolean;
}

/** How a SIP message travelled; printed as U T S W H. */
export type SipTransport = 'UDP' | 'TCP' | 'SCTP' | 'WS' | 'HEP';

export interface SipRecord {
  /** The frame (1-based, as Wireshark counts) that completed the message. */
  frame: number;
  time: Timestamp;
  transport: SipTransport;
  src: Endpoint;
  dst: Endpoint;
  /** The message as captured (owned by the record: a copy of its own, alone or beside other records' in a block of copies, never a view of the capture's bytes). */
  bytes: Uint8Array;
  /** The capture ended (or a length was cut) before the message did. */
  truncated?: boolean;
}

export interface DecodeStats {
  frames: number;
  sipMessages: number;
  /** Frames, segments or messages left out, by reason. */
  skipped: Partial<Record<Skip, number>>;
  /** Flows that look like TLS: they cannot be decrypted. */
  tlsFlows: number;
  /** One each: what a reader of the trace should know (cut-off file, unreadable frames). */
  notes: CaptureProblem[];
}


/** One module each: udp.ts here; tcp, sctp, websocket and hep beside it. */
export interface TransportDecoder {
  /** Takes a segment; returns false when it is not this transport's. */
  accept(segment: Segment, emit: (record: SipRecord) => void, stats: DecodeStats): boolean;
  /** End of capture: emit what is pending (a TCP message cut off by the end → truncated). */
  flush(emit: (record: SipRecord) => void, stats: DecodeStats): void;
}

/** Counts one skipped item (or `count`) under `reason`. */
export function skip(stats: DecodeStats, reason: Skip, count = 1): void {
  stats.skipped[reason] = (stats.skipped[reason] ?? 0) + count;
}

export function emptyStats(): DecodeStats {
  return { frames: 0, sipMessages: 0, skipped: {}, tlsFlows: 0, notes: [] };
}
