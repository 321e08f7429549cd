import { MAX_MESSAGE, type MessageSink, type StreamCounts } from './sipStream';
import { blankLineEnd, Budget, copyBytes, StreamBuffer } from './streamBuffer';

/**
 * One direction of a WebSocket connection (RFC 6455), as SIP over WebSocket (RFC 7118) uses it:
 * the HTTP Upgrade request or its 101 answer, then frames, masked (client to server) or not, text or
 * binary, fragmented over continuation frames and over TCP segments. Each complete data message is
 * passed on (RFC 7118 puts one SIP message in each); control frames are skipped; a Close frame ends
 * the direction. Payloads are unmasked as they arrive, so a frame of any declared length costs no
 * more than the message cap.
 */

/** HTTP headers longer than this are not a WebSocket handshake. */
const MAX_HANDSHAKE = 16 * 1024;

const UPGRADE_WEBSOCKET = /^upgrade[ \t]*:[ \t]*websocket[ \t]*\r?$/im;
const SWITCHING_PROTOCOLS = /^HTTP\/1\.[01] 101[ \r\n]/;

/** Whether an HTTP head (request or response, up to its empty line) opens a WebSocket. */
export function isWebSocketHandshake(head: string): boolean {
  return SWITCHING_PROTOCOLS.test(head) || (/^GET /.test(head) && UPGRADE_WEBSOCKET.test(head));
}

/** Whether bytes at the start of a stream may be the beginning of an HTTP request or response. */
export function mayBeHttp(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(5, bytes.length)).toString('latin1');
  return 'GET /'.startsWith(head) || 'HTTP/'.startsWith(head);
}

/** The first bytes of a SIP message's start line: `SIP/2.0 ` or a method and a SIP or tel URI. */
const SIP_START = /^(?:SIP\/2\.0 |[A-Z]{2,16} (?:sips?|tel):)/;

/**
 * Whether a stream whose Upgrade the capture missed (a long-lived WebSocket caught in the middle)
 * starts with a WebSocket data frame whose payload starts like SIP: true, false, or undefined when
 * more bytes are needed to tell.
 */
export function startsWithSipFrame(bytes: Uint8Array): boolean | undefined {
  if (bytes.length === 0 || (bytes[0] & 0x70) !== 0 || ((bytes[0] & 0x0f) !== 1 && (bytes[0] & 0x0f) !== 2)) return false;
  const header = parseFrameHeader(bytes, 0);
  if (!header) return undefined;
  const wanted = Math.min(header.frame.remaining, 24);
  if (wanted < 12) return false;
  if (bytes.length < header.size + wanted) return undefined;
  const head = copyBytes(bytes.subarray(header.size, header.size + wanted));
  if (header.frame.mask) for (let i = 0; i < head.length; i++) head[i] ^= header.frame.mask[i & 3];
  return SIP_START.test(Buffer.from(head).toString('latin1'));
}

export type HandshakeResult = 'websocket' | 'not-websocket' | 'incomplete';

/** Reads the HTTP head at the start of `bytes`: a WebSocket handshake, something else, or not complete yet. */
export function readHandshake(bytes: Uint8Array): { result: HandshakeResult; length: number } {
  const end = blankLineEnd(bytes, 0);
  if (end === -1) return { result: bytes.length > MAX_HANDSHAKE ? 'not-websocket' : 'incomplete', length: 0 };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1');
  return { result: isWebSocketHandshake(head) ? 'websocket' : 'not-websocket', length: end };
}

interface Frame {
  fin: boolean;
  opcode: number;
  mask: Uint8Array | undefined;
  /** Payload bytes still to come, and how many have been read (the mask's position). */
  remaining: number;
  read: number;
}

const OPCODE_CONTINUATION = 0;
const OPCODE_CLOSE = 8;

export class WebSocketStream {
  /** Frame headers not complete yet (at most 14 bytes, plus what followed them in the same segment). */
  private readonly pending: StreamBuffer;
  private frame: Frame | undefined;
  private message: Uint8Array[] = [];
  private messageLength = 0;
  private messageTruncated = false;
  private inMessage = false;
  private closed = false;

  constructor(budget: Budget, private readonly counts: StreamCounts) {
    this.pending = new StreamBuffer(budget);
  }

  /** Frames after the handshake. */
  push(data: Uint8Array, sink: MessageSink): void {
    if (this.closed) {
      this.counts.junk += data.length;
      return;
    }
    let bytes = data;
    if (this.pending.length > 0) {
      if (!this.pending.append(bytes)) {
        this.counts.dropped += bytes.length;
        this.gap(sink);
        return;
      }
      bytes = this.pending.view();
    }
    let at = 0;
    while (at < bytes.length && !this.closed) {
      if (!this.frame) {
        const header = parseFrameHeader(bytes, at);
        if (header === undefined) break;
        at += header.size;
        this.startFrame(header.frame, sink);
        if (!this.frame) continue;
      }
      at += this.payload(bytes, at, sink);
    }
    const rest = bytes.subarray(at);
    if (bytes === data) {
      if (rest.length > 0 && !this.closed && !this.pending.append(rest)) this.counts.dropped += rest.length;
    } else {
      this.pending.consume(at);
    }
  }

  /** Bytes are missing, or the direction ends: a message in progress is passed on as truncated, and nothing more is read. */
  gap(sink: MessageSink): void {
    this.finish(sink);
    this.closed = true;
  }

  private finish(sink: MessageSink): void {
    if (this.inMessage && this.messageLength > 0) this.emit(sink, true);
    this.pending.clear();
    this.frame = undefined;
  }

  private startFrame(frame: Frame, sink: MessageSink): void {
    if (frame.opcode >= OPCODE_CLOSE) {
      if (frame.opcode === OPCODE_CLOSE) {
        this.gap(sink);
        return;
      }
    } else if (frame.opcode !== OPCODE_CONTINUATION) {
      // A new data message: one left unfinished is passed on as it is.
      if (this.inMessage && this.messageLength > 0) this.emit(sink, true);
      this.inMessage = true;
    }
    this.frame = frame;
    if (frame.remaining === 0) this.endFrame(sink);
  }

  /** Reads payload bytes of the current frame at `at`; returns how many. */
  private payload(bytes: Uint8Array, at: number, sink: MessageSink): number {
    const frame = this.frame!;
    const count = Math.min(frame.remaining, bytes.length - at);
    if (frame.opcode < OPCODE_CLOSE && this.inMessage) {
      const room = Math.max(0, MAX_MESSAGE - this.messageLength);
      const keep = Math.min(room, count);
      if (keep > 0) {
        const part = copyBytes(bytes.subarray(at, at + keep));
        if (frame.mask) {
          for (let i = 0; i < part.length; i++) part[i] ^= frame.mask[(frame.read + i) & 3];
        }
        this.message.push(part);
        this.messageLength += keep;
      }
      if (keep < count) {
        this.messageTruncated = true;
        this.counts.dropped += count - keep;
      }
    }
    frame.read += count;
    frame.remaining -= count;
    if (frame.remaining === 0) this.endFrame(sink);
    return count;
  }

  private endFrame(sink: MessageSink): void {
    const frame = this.frame!;
    this.frame = undefined;
    if (frame.opcode < OPCODE_CLOSE && frame.fin && this.inMessage) this.emit(sink, this.messageTruncated);
  }

  private emit(sink: MessageSink, truncated: boolean): void {
    const bytes = new Uint8Array(this.messageLength);
    let at = 0;
    for (const part of this.message) {
      bytes.set(part, at);
      at += part.length;
    }
    this.message = [];
    this.messageLength = 0;
    this.messageTruncated = false;
    this.inMessage = false;
    sink(bytes, truncated);
  }
}

/** A frame header at `at`, or undefined when it is not complete. */
function parseFrameHeader(bytes: Uint8Array, at: number): { frame: Frame; size: number } | undefined {
  if (bytes.length - at < 2) return undefined;
  const first = bytes[at];
  const second = bytes[at + 1];
  let size = 2;
  let length = second & 0x7f;
  if (length === 126) {
    if (bytes.length - at < 4) return undefined;
    length = (bytes[at + 2] << 8) | bytes[at + 3];
    size = 4;
  } else if (length === 127) {
    if (bytes.length - at < 10) return undefined;
    // 64 bits; anything over 2^53 is kept at 2^53 (far more than any capture holds).
    const high = (bytes[at + 2] * 2 ** 24 + ((bytes[at + 3] << 16) | (bytes[at + 4] << 8) | bytes[at + 5])) % 2 ** 21;
    const low = bytes[at + 6] * 2 ** 24 + ((bytes[at + 7] << 16) | (bytes[at + 8] << 8) | bytes[at + 9]);
    length = high * 2 ** 32 + low;
    size = 10;
  }
  let mask: Uint8Array | undefined;
  if (second & 0x80) {
    if (bytes.length - at < size + 4) return undefined;
    mask = copyBytes(bytes.subarray(at + size, at + size + 4));
    size += 4;
  }
  return { frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, mask, remaining: length, read: 0 }, size };
}
