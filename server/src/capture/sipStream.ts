import { contentLength, findSipStart, headerEnd, isSipStartLine, lineBreaksAt, MAX_START_LINE } from './sipFraming';
import { Budget, copyBytes, StreamBuffer } from './streamBuffer';

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

export type MessageSink = (bytes: Uint8Array, truncated: boolean) => void;

export interface StreamCounts {
  /** Bytes skipped because they were not part of a SIP message. */
  junk: number;
  /** Bytes dropped: over the message cap, or refused by the memory budget. */
  dropped: number;
}

export class SipStreamFramer {
  private readonly buffer: StreamBuffer;
  /** Where the search for the end of the headers of the message at the front resumes. */
  private searched = 0;
  /** The end of the headers of the message at the front, once found (-1 before). */
  private headersEnd = -1;
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

  /** Bytes are missing from the stream here: the message in progress ends as truncated. */
  gap(sink: MessageSink): void {
    this.frame(sink, true);
    this.buffer.clear();
    this.restart();
    this.skipping = 0;
  }

  /** The stream ends (FIN, RST, end of the capture). */
  end(sink: MessageSink): void {
    this.gap(sink);
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
      const start = isSipStartLine(bytes, 0);
      if (start === undefined && !final) return;
      if (start !== true) {
        if (!this.skipJunk(bytes, final)) return;
        continue;
      }
      const end = this.headersEnd !== -1 ? this.headersEnd : headerEnd(bytes, Math.max(0, this.searched - 2));
      if (end === -1) {
        if (!final && bytes.length < MAX_HEADERS) {
          this.searched = bytes.length;
          return;
        }
        this.cut(bytes, Math.min(bytes.length, MAX_MESSAGE), sink);
        continue;
      }
      const total = end + contentLength(bytes, 0, end);
      if (total > MAX_MESSAGE) {
        if (bytes.length < MAX_MESSAGE && !final) {
          this.headersEnd = end;
          return;
        }
        this.cut(bytes, Math.min(bytes.length, MAX_MESSAGE), sink, total);
        continue;
      }
      if (bytes.length < total) {
        if (!final) {
          this.headersEnd = end;
          return;
        }
        sink(copyBytes(bytes), true);
        this.buffer.consume(bytes.length);
        this.restart();
        return;
      }
      sink(copyBytes(bytes.subarray(0, total)), false);
      this.buffer.consume(total);
      this.restart();
    }
  }

  /** The message at the front is done with: the next one's headers are searched from its start. */
  private restart(): void {
    this.searched = 0;
    this.headersEnd = -1;
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
    const next = findSipStart(bytes, 1);
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
