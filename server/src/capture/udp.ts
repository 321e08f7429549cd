import { findSipMessages } from './sip';
import { CopyArena } from './streamBuffer';
import type { DecodeStats, Segment, SipRecord, TransportDecoder } from './types';

/** SIP over UDP: every message in a datagram, found by content on any port. */
export class UdpDecoder implements TransportDecoder {
  /** Where each record's bytes are copied (a record owns its bytes, never a view of the capture's). */
  private readonly copies = new CopyArena();

  accept(segment: Segment, emit: (record: SipRecord) => void, _stats: DecodeStats): boolean {
    if (segment.transport !== 'udp') return false;
    const frames = findSipMessages(segment.payload);
    if (frames.length === 0) return false;
    for (const frame of frames) {
      const record: SipRecord = {
        frame: segment.frame, time: segment.time, transport: 'UDP', src: segment.src, dst: segment.dst, bytes: this.copies.copy(segment.payload.subarray(frame.start, frame.end)),
      };
      if (!frame.complete || (segment.cut && frame.end === segment.payload.length)) record.truncated = true;
      emit(record);
    }
    return true;
  }

  flush(): void {}
}
