import { findSipMessages, isSipStartLine } from './sip';
import { copyBytes, lineBreaksAt } from './streamBuffer';
import { skip, type DecodeStats, type Endpoint, type SipRecord, type SipTransport, type Skip, type Timestamp } from './types';

/**
 * What the transport decoders (TCP, WebSocket, SCTP, HEP) share: the passing on of a message they
 * framed as a SIP record.
 */

/** Where and when a message was seen, and how it travelled. */
export interface RecordOrigin {
  frame: number;
  time: Timestamp;
  transport: SipTransport;
  src: Endpoint;
  dst: Endpoint;
}

/** Whether `bytes` begin, after any line breaks, with a SIP start line. */
export function startsWithSip(bytes: Uint8Array): boolean {
  return isSipStartLine(bytes, lineBreaksAt(bytes, 0));
}

/**
 * Passes on a message framed by a transport (a WebSocket or SCTP user message, a HEP payload) as
 * records, one per SIP message in it (a HEP agent on TCP may put several in one payload), or counts
 * it under `notSip` when it is not SIP.
 */
export function emitMessage(
  bytes: Uint8Array, truncated: boolean, origin: RecordOrigin, emit: (record: SipRecord) => void, stats: DecodeStats, notSip: Skip,
): void {
  if (!startsWithSip(bytes)) {
    skip(stats, notSip);
    return;
  }
  const frames = findSipMessages(bytes);
  frames.forEach((frame, i) => {
    const whole = frame.start === 0 && frame.end === bytes.length;
    const cut = !frame.complete || (truncated && i === frames.length - 1);
    emit({ ...origin, bytes: whole ? bytes : copyBytes(bytes.subarray(frame.start, frame.end)), ...(cut ? { truncated: true } : {}) });
  });
}
