/**
 * Where SIP messages start and end in bytes that arrive as a stream (TCP, a WebSocket message, an
 * SCTP user message): the start line, the end of the headers (CRLF CRLF, or LF LF for LF-only
 * senders) and the body length from Content-Length (or its compact form `l:`).
 */

const CR = 0x0d;
const LF = 0x0a;

/** The longest start line looked at before a line is declared not SIP. */
export const MAX_START_LINE = 8 * 1024;

const SIP_VERSION = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30]; // SIP/2.0

/** Whether `SIP/2.0` is at `at` (the letters in any case); with `partial`, also a beginning of it that the bytes end in. */
function isVersionAt(bytes: Uint8Array, at: number, partial = false): boolean {
  if (at < 0 || (!partial && at + SIP_VERSION.length > bytes.length)) return false;
  for (let i = 0; i < SIP_VERSION.length && at + i < bytes.length; i++) {
    if ((bytes[at + i] & (i < 3 ? 0xdf : 0xff)) !== SIP_VERSION[i]) return false;
  }
  return true;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** A token character of RFC 3261 (methods are tokens). */
function isTokenChar(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || isDigit(byte) || '-.!%*_+`\'~'.includes(String.fromCharCode(byte));
}

/**
 * Whether the line at `at` is a SIP start line (`SIP/2.0 486 ...` or `METHOD uri SIP/2.0`): true,
 * false, or undefined when the line is not complete yet and may still become one.
 */
export function isSipStartLine(bytes: Uint8Array, at: number): boolean | undefined {
  const limit = Math.min(bytes.length, at + MAX_START_LINE);
  let lineEnd = -1;
  for (let i = at; i < limit; i++) {
    if (bytes[i] === LF) {
      lineEnd = i;
      break;
    }
  }
  if (at < bytes.length && isVersionAt(bytes, at, true)) {
    if (at + 11 > bytes.length) return lineEnd === -1 ? undefined : false;
    return bytes[at + 7] === 0x20 && isDigit(bytes[at + 8]) && isDigit(bytes[at + 9]) && isDigit(bytes[at + 10]);
  }
  let i = at;
  while (i < limit && isTokenChar(bytes[i])) i++;
  if (i === at || (i < limit && bytes[i] !== 0x20)) return false;
  if (lineEnd === -1) return limit - at >= MAX_START_LINE ? false : undefined;
  let end = lineEnd;
  if (end > at && bytes[end - 1] === CR) end--;
  return end - 8 > i && bytes[end - 8] === 0x20 && isVersionAt(bytes, end - 7);
}

/**
 * Where the first SIP start line at or after `from` begins, or -1: at a line start, or anywhere
 * (a message follows the body of the one before it without a line break): a status line at its
 * `SIP/2.0 NNN`, a request line at the run of capital letters (its method) before its URI.
 */
export function findSipStart(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x53, from); at !== -1; at = bytes.indexOf(0x53, at + 1)) {
    if (!isVersionAt(bytes, at)) continue;
    const after = bytes[at + 7];
    if (after === 0x20 && isSipStartLine(bytes, at) === true) return at;
    if ((after === CR || after === LF) && bytes[at - 1] === 0x20) {
      let uri = at - 1;
      while (uri > from && bytes[uri - 1] !== 0x20 && bytes[uri - 1] !== LF) uri--;
      let method = uri - 1;
      while (method > from && bytes[method - 1] >= 0x41 && bytes[method - 1] <= 0x5a) method--;
      if (method < uri - 1 && uri - 1 > from && isSipStartLine(bytes, method) === true) return method;
    }
  }
  return -1;
}

/** The number of CR and LF bytes at `at` (keep-alives between messages: RFC 5626's CRLF CRLF ping and CRLF pong). */
export function lineBreaksAt(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && (bytes[i] === CR || bytes[i] === LF)) i++;
  return i - at;
}

/** The offset just after the empty line that ends the headers, searching from `from`, or -1. */
export function headerEnd(bytes: Uint8Array, from: number): number {
  let i = bytes.indexOf(LF, from);
  while (i !== -1) {
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3;
    i = bytes.indexOf(LF, i + 1);
  }
  return -1;
}

const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*([0-9]{1,15})[ \t]*\r?$/im;

/** The Content-Length of the headers between `start` and `end` (0 when there is none or it is not a number). */
export function contentLength(bytes: Uint8Array, start: number, end: number): number {
  const match = CONTENT_LENGTH.exec(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
  return match ? Number(match[1]) : 0;
}
