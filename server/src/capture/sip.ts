/**
 * SIP messages found by content in a byte payload: a request line or a status line on any port,
 * CRLF or bare LF line ends, several messages in one payload split by Content-Length.
 */

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HTAB = 0x09;
/** A start line longer than this is not one (a request URI may be long, not endless). */
const MAX_START_LINE = 16384;
const VERSION = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30]; // SIP/2.0

/** A message located in a payload: bytes [start, end). */
export interface SipFrame {
  start: number;
  /** Just past the blank line that ends the header block (end when the block is unterminated). */
  headerEnd: number;
  end: number;
  /** The declared body length; undefined when absent or not a number. */
  contentLength: number | undefined;
  /** False when the payload ends before the header block or the declared body does. */
  complete: boolean;
}

/** RFC 3261 token characters (a method is a token). */
function isTokenByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39)
    || b === 0x2d || b === 0x2e || b === 0x21 || b === 0x25 || b === 0x2a || b === 0x5f
    || b === 0x2b || b === 0x60 || b === 0x27 || b === 0x7e;
}

function isVersionAt(bytes: Uint8Array, at: number, limit: number): boolean {
  if (at + VERSION.length > limit) return false;
  for (let i = 0; i < VERSION.length; i++) {
    const b = bytes[at + i];
    // "SIP" is case-insensitive (RFC 3261 §7.1).
    if (b !== VERSION[i] && !(i < 3 && b === VERSION[i] + 0x20)) return false;
  }
  return true;
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** The end of the line that starts at `from` (the index of its LF, or `limit` when none). */
function lineEnd(bytes: Uint8Array, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (bytes[i] === LF) return i;
  return limit;
}

/**
 * Whether a SIP start line begins at `at`: `SIP/2.0 NNN ...` or `METHOD URI SIP/2.0` ending the
 * line. A line cut off by the end of the payload counts when what is there fits.
 */
export function isSipStartLine(bytes: Uint8Array, at: number, limit = bytes.length): boolean {
  const stop = Math.min(limit, at + MAX_START_LINE);
  if (isVersionAt(bytes, at, stop)) {
    const code = at + VERSION.length;
    if (code + 4 > stop || bytes[code] !== SP) return false;
    if (!isDigit(bytes[code + 1]) || !isDigit(bytes[code + 2]) || !isDigit(bytes[code + 3])) return false;
    const after = bytes[code + 4];
    return code + 4 === stop || after === SP || after === CR || after === LF;
  }
  let i = at;
  while (i < stop && isTokenByte(bytes[i])) i++;
  if (i === at || i >= stop || bytes[i] !== SP) return false;
  const uriStart = ++i;
  let colon = false;
  while (i < stop && bytes[i] > SP && bytes[i] < 0x7f) {
    if (bytes[i] === 0x3a) colon = true;
    i++;
  }
  if (i === uriStart || !colon || i >= stop || bytes[i] !== SP) return false;
  if (!isVersionAt(bytes, i + 1, stop)) return false;
  const after = i + 1 + VERSION.length;
  return after === limit || bytes[after] === CR || bytes[after] === LF;
}

/** The first offset ≥ `from` where a line starts with a SIP start line; -1 when none. */
export function findSipStart(bytes: Uint8Array, from = 0, limit = bytes.length): number {
  let at = from;
  while (at < limit) {
    if (isSipStartLine(bytes, at, limit)) return at;
    const eol = lineEnd(bytes, at, limit);
    if (eol >= limit) return -1;
    at = eol + 1;
  }
  return -1;
}

const CONTENT_LENGTH = [0x63, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x2d, 0x6c, 0x65, 0x6e, 0x67, 0x74, 0x68]; // content-length

/** The end of a header name at `from` when it is Content-Length or its compact form `l`; -1 otherwise. */
function contentLengthName(bytes: Uint8Array, from: number, to: number): number {
  if ((bytes[from] | 0x20) === 0x6c && from + 1 < to && !isTokenByte(bytes[from + 1])) return from + 1;
  if (to - from <= CONTENT_LENGTH.length) return -1;
  for (let k = 0; k < CONTENT_LENGTH.length; k++) if ((bytes[from + k] | 0x20) !== CONTENT_LENGTH[k]) return -1;
  return isTokenByte(bytes[from + CONTENT_LENGTH.length]) ? -1 : from + CONTENT_LENGTH.length;
}

/** The value of a Content-Length (or compact `l`) header line in [from, to); undefined otherwise. */
function contentLengthOf(bytes: Uint8Array, from: number, to: number): number | undefined {
  let i = contentLengthName(bytes, from, to);
  if (i === -1) return undefined;
  while (i < to && (bytes[i] === SP || bytes[i] === HTAB)) i++;
  if (bytes[i] !== 0x3a) return undefined;
  i++;
  while (i < to && (bytes[i] === SP || bytes[i] === HTAB)) i++;
  let value = 0;
  let digits = 0;
  while (i < to && isDigit(bytes[i]) && digits < 10) {
    value = value * 10 + bytes[i++] - 0x30;
    digits++;
  }
  while (i < to && (bytes[i] === SP || bytes[i] === HTAB || bytes[i] === CR)) i++;
  return digits > 0 && i === to ? value : undefined;
}

/**
 * The message whose start line is at `start` (see isSipStartLine). In a datagram a message with no
 * usable Content-Length runs to the end of the payload; in a stream its body is empty.
 */
export function frameSipMessage(bytes: Uint8Array, start: number, datagram: boolean, limit = bytes.length): SipFrame {
  let contentLength: number | undefined;
  let at = lineEnd(bytes, start, limit) + 1;
  let headerEnd = -1;
  while (at < limit) {
    const eol = lineEnd(bytes, at, limit);
    const blank = eol === at || (eol === at + 1 && bytes[at] === CR);
    if (blank && eol < limit) {
      headerEnd = eol + 1;
      break;
    }
    if (eol >= limit) break;
    const value = contentLengthOf(bytes, at, eol);
    if (value !== undefined) contentLength = value;
    at = eol + 1;
  }
  if (headerEnd === -1) return { start, headerEnd: limit, end: limit, contentLength, complete: datagram };
  if (contentLength === undefined) return { start, headerEnd, end: datagram ? limit : headerEnd, contentLength, complete: true };
  const end = headerEnd + contentLength;
  if (end > limit) return { start, headerEnd, end: limit, contentLength, complete: false };
  return { start, headerEnd, end, contentLength, complete: true };
}

/**
 * Every SIP message in a datagram-like payload, in order. Bytes before the first start line and
 * between messages (keep-alives, junk) are passed over; a message whose declared body runs past the
 * payload ends with the payload and is marked incomplete.
 */
export function findSipMessages(bytes: Uint8Array, limit = bytes.length): SipFrame[] {
  const frames: SipFrame[] = [];
  let at = findSipStart(bytes, 0, limit);
  while (at !== -1 && at < limit) {
    const frame = frameSipMessage(bytes, at, true, limit);
    frames.push(frame);
    if (frame.end <= at) break;
    at = findSipStart(bytes, frame.end, limit);
  }
  return frames;
}
