import { frameSipMessage, isSipStartLine } from './sip';
import { blankLineEnd, Budget, copyBytes, lineBreaksAt, StreamBuffer } from './streamBuffer';

/**
 * SIP messages framed out of one direction of a reassembled byte stream (SIP over TCP, RFC 3261
 * 18.3): each message ends after its Content-Length body; CRLF keep-alives between messages are
 * skipped; bytes that are not SIP (a capture that starts in the middle of a message, junk) are
 * skipped up to the next start line; a message larger than the cap is passed on cut at the cap and
 * its remaining bytes are dropped as they arrive; at a gap or at the end, a message in progress is
 * passed on as truncated.
 */

/** The largest message passed on whole; beyond it the message is cut (and marked truncated). */
export const MAX_MESSAGE = 2 * 1024 * 1024;
/** Headers that have not ended after this many bytes are not waited for any longer. */
const MAX_HEADERS = 256 * 1024;
/** A line this long without a line break is no start line. */
const MAX_START_LINE = 16 * 1024;

export type MessageSink = (bytes: Uint8Array, truncated: boolean) => void;

export interface StreamCounts {
  /** Bytes skipped because they were not part of a SIP message. */
  junk: number;
  /** Bytes dropped: over the message cap, or refused by the memory budget. */
  dropped: number;
}

const SIP_VERSION = Buffer.from('SIP/2.0', 'latin1');

/**
 * Where the first SIP start line after `from` begins, or -1: at a line start or anywhere (a
 * message follows the body of the one before it without a line break): a status line at its
 * `SIP/2.0 NNN`, a request line at the run of capital letters (its method) before its URI.
 */
export function findMessageStart(bytes: Uint8Array, from: number): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let at = haystack.indexOf(SIP_VERSION, from); at !== -1; at = haystack.indexOf(SIP_VERSION, at + 1)) {
    const after = bytes[at + SIP_VERSION.length];
    if (after === 0x20 && isSipStartLine(bytes, at)) return at;
    if ((after === 0x0d || after === 0x0a) && bytes[at - 1] === 0x20) {
      let uri = at - 1;
      while (uri > from && bytes[uri - 1] !== 0x20 && bytes[uri - 1] !== 0x0a) uri--;
      let method = uri - 1;
      while (method > from && bytes[method - 1] >= 0x41 && bytes[method - 1] <= 0x5a) method--;
      if (method < uri - 1 && isSipStartLine(bytes, method)) return method;
    }
  }
  return -1;
}

export class SipStreamFramer {
  private readonly buffer: StreamBuffer;
  /** Where the search for the end of the headers of the message at the front resumes. */
  private searched = 0;
  /** The length of the message at the front, once its headers are complete (-1 before). */
  private length = -1;
  /** Bytes of a message cut at MAX_MESSAGE still to drop. */
  private skipping = 0;

  constructor(budget: Budget, private readonly counts: StreamCounts) {
    this.buffer = new StreamBuffer(budget);
  }

  push(data: Uint8Array, sink: MessageSink): void {
    let bytes = data;
    if (this.skipping > 0) {
      const skip = Math.min(this.skipping, bytes.length);
      this.skipping -= skip;
      this.counts.dropped += skip;
      bytes = bytes.subarray(skip);
    }
    if (!this.buffer.append(bytes)) {
      this.counts.dropped += bytes.length;
      this.gap(sink);
      return;
    }
    this.frame(sink, false);
  }

  /** Bytes are missing from the stream here, or it ends (FIN, RST, end of the capture): the message in progress ends as truncated. */
  gap(sink: MessageSink): void {
    this.frame(sink, true);
    this.buffer.clear();
    this.restart();
    this.skipping = 0;
  }

  private frame(sink: MessageSink, final: boolean): void {
    for (;;) {
      const bytes = this.buffer.view();
      if (bytes.length === 0) return;
      const breaks = lineBreaksAt(bytes, 0);
      if (breaks > 0) {
        this.buffer.consume(breaks);
        this.restart();
        continue;
      }
      if (this.length === -1) {
        // The start line is judged whole (a prefix of one may still become one).
        const lineEnd = bytes.indexOf(0x0a);
        if (lineEnd === -1 && !final && bytes.length < MAX_START_LINE) return;
        if (!isSipStartLine(bytes, 0)) {
          if (!this.skipJunk(bytes, final)) return;
          continue;
        }
        const end = blankLineEnd(bytes, Math.max(0, this.searched - 2));
        if (end === -1) {
          if (!final && bytes.length < MAX_HEADERS) {
            this.searched = bytes.length;
            return;
          }
          this.cut(bytes, Math.min(bytes.length, MAX_MESSAGE), sink);
          continue;
        }
        const message = frameSipMessage(bytes, 0, false, end);
        this.length = message.headerEnd + (message.contentLength ?? 0);
      }
      if (this.length > MAX_MESSAGE && (bytes.length >= MAX_MESSAGE || final)) {
        this.cut(bytes, Math.min(bytes.length, MAX_MESSAGE), sink, this.length);
        continue;
      }
      if (bytes.length < this.length) {
        if (!final) return;
        sink(copyBytes(bytes), true);
        this.buffer.consume(bytes.length);
        this.restart();
        return;
      }
      sink(copyBytes(bytes.subarray(0, this.length)), false);
      this.buffer.consume(this.length);
      this.restart();
    }
  }

  /** The message at the front is done with: the next one's headers are searched from its start. */
  private restart(): void {
    this.searched = 0;
    this.length = -1;
  }

  /** Passes on the first `length` bytes as a truncated message and drops the rest of it (up to `total`). */
  private cut(bytes: Uint8Array, length: number, sink: MessageSink, total = length): void {
    sink(copyBytes(bytes.subarray(0, length)), true);
    this.buffer.consume(length);
    this.restart();
    this.skipping = total - length;
    const skip = Math.min(this.skipping, this.buffer.length);
    this.skipping -= skip;
    this.counts.dropped += skip;
    this.buffer.consume(skip);
  }

  /** Drops bytes up to the next start line; false when more bytes are needed to find it. */
  private skipJunk(bytes: Uint8Array, final: boolean): boolean {
    const next = findMessageStart(bytes, 1);
    if (next !== -1) {
      this.counts.junk += next;
      this.buffer.consume(next);
      this.restart();
      return true;
    }
    // The end may be the beginning of a start line: keep up to a start line's worth of it.
    const drop = final ? bytes.length : Math.max(1, bytes.length - MAX_START_LINE);
    this.counts.junk += drop;
    this.buffer.consume(drop);
    return false;
  }
}
