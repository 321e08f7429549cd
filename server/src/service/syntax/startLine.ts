/**
 * SIP start lines (RFC 3261 section 7.1 and 7.2): the one reader of request and status lines
 * that the dialects, the framing readers and the trace model share.
 */

import { isBlank, isDigit } from './chars';

const VERSION = 'SIP/2.0';
const VERSION_LENGTH = VERSION.length;


/** The methods of RFC 3261 and its extensions, as request lines spell them. */
export const SIP_METHODS: readonly string[] = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER',
  'MESSAGE', 'UPDATE',
];
const KNOWN_METHODS: ReadonlySet<string> = new Set(SIP_METHODS);

/** Whether `method` is one of SIP_METHODS. */
export function isKnownMethod(method: string): boolean {
  return KNOWN_METHODS.has(method);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Where the code of a status line sits: `SIP/2.0 NNN`, anywhere on the line (capture tools glue junk before it). */
export interface StatusCodeAt {
  /** Where "SIP/2.0" starts. */
  versionAt: number;
  /** The code's digits (any number of them: an impossible code is still the code of this line). */
  codeStart: number;
  codeEnd: number;
}

/**
 * Where the first "SIP/2.0" or "sip/2.0" at or after `from` starts, or -1: found by its "/2.0",
 * with no match object made (a regular expression made one for every Via line of a trace).
 */
function indexOfVersion(text: string, from: number): number {
  for (let at = text.indexOf('/2.0', from + 3); at !== -1; at = text.indexOf('/2.0', at + 1)) {
    if (text.startsWith('SIP', at - 3) || text.startsWith('sip', at - 3)) return at - 3;
  }
  return -1;
}

/**
 * The first `SIP/2.0 NNN` on the line whose digits end the line or are followed by a blank or
 * ngrep's "." (its rendering of CR).
 */
export function findStatusCode(text: string): StatusCodeAt | undefined {
  for (let at = indexOfVersion(text, 0); at !== -1; at = indexOfVersion(text, at + 1)) {
    let i = at + VERSION_LENGTH;
    if (i >= text.length || !isBlank(text.charCodeAt(i))) continue;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    const codeStart = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === codeStart) continue;
    if (i === text.length || isBlank(text.charCodeAt(i)) || text[i] === '.') return { versionAt: at, codeStart, codeEnd: i };
  }
  return undefined;
}

export interface RequestLine {
  kind: 'request';
  /** Where the method starts (after indentation or a capture tool's junk). */
  column: number;
  method: string;
  uri: string;
  /** Where the Request-URI starts. */
  uriAt: number;
}

export interface StatusLine {
  kind: 'response';
  column: number;
  /** The code as a number (may be impossible: 4860; the diagnostics say so). */
  status: number;
  codeStart: number;
  codeEnd: number;
  /** The reason phrase without ngrep's trailing "." (may be ''). */
  phrase: string;
}

export type StartLine = RequestLine | StatusLine;

/** The end of a line without trailing blanks and ngrep's "." for CR. */
function contentEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text[end - 1] === '.') end--;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether "SIP/2.0", in any case, is written at `at` (cutting nothing out of the line: every Via line is a candidate request line). */
function isVersionAt(text: string, at: number): boolean {
  for (let i = 0; i < VERSION_LENGTH; i++) {
    const code = text.charCodeAt(at + i);
    if ((code >= 97 && code <= 122 ? code - 32 : code) !== VERSION.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * A request line `METHOD Request-URI SIP/2.0` ending the line, possibly indented or glued to
 * capture junk (tcpdump -A): the method is the known method that ends the word before the URI, or
 * that whole word when it is upper-case letters.
 */
export function readRequestLine(text: string): RequestLine | undefined {
  const end = contentEnd(text);
  const versionAt = end - VERSION_LENGTH;
  if (versionAt < 4 || !isVersionAt(text, versionAt) || !isBlank(text.charCodeAt(versionAt - 1))) return undefined;
  let uriEnd = versionAt - 1;
  while (uriEnd > 0 && isBlank(text.charCodeAt(uriEnd - 1))) uriEnd--;
  let uriAt = uriEnd;
  while (uriAt > 0 && !isBlank(text.charCodeAt(uriAt - 1))) uriAt--;
  if (uriAt === uriEnd || uriAt === 0) return undefined;
  let methodEnd = uriAt - 1;
  while (methodEnd > 0 && isBlank(text.charCodeAt(methodEnd - 1))) methodEnd--;
  let methodAt = methodEnd;
  while (methodAt > 0 && isUpper(text.charCodeAt(methodAt - 1))) methodAt--;
  if (methodAt === methodEnd) return undefined;
  const word = text.slice(methodAt, methodEnd);
  const before = methodAt === 0 ? 32 : text.charCodeAt(methodAt - 1);
  let method = word;
  if (!isBlank(before) || !KNOWN_METHODS.has(word)) {
    // Glued to junk: the longest known method that ends the word.
    const known = SIP_METHODS.filter((m) => word.endsWith(m)).sort((a, b) => b.length - a.length)[0];
    if (known) method = known;
    else if (!isBlank(before)) return undefined;
    methodAt = methodEnd - method.length;
  }
  const uri = text.slice(uriAt, uriEnd);
  if (!uri.includes(':')) return undefined;
  return { kind: 'request', column: methodAt, method, uri, uriAt };
}

/**
 * A status line `SIP/2.0 NNN Phrase`: at the start of the line after blanks, or glued to capture
 * junk. The phrase runs to the end of the line.
 */
export function readStatusLine(text: string): StatusLine | undefined {
  const found = findStatusCode(text);
  if (!found) return undefined;
  const end = contentEnd(text);
  let phraseAt = found.codeEnd;
  while (phraseAt < end && isBlank(text.charCodeAt(phraseAt))) phraseAt++;
  return {
    kind: 'response',
    column: found.versionAt,
    status: Number(text.slice(found.codeStart, found.codeEnd).slice(0, 12)),
    codeStart: found.codeStart,
    codeEnd: found.codeEnd,
    phrase: phraseAt < end ? text.slice(phraseAt, end) : '',
  };
}

/** The start line on this line, if it is one (a status line anywhere, a request line ending the line). */
export function readStartLine(text: string): StartLine | undefined {
  // Cheap refusal: every start line holds the version.
  if (text.length < 12 || indexOfVersion(text, 0) === -1) return undefined;
  return readStatusLine(text) ?? readRequestLine(text);
}

/**
 * Whether a file's first line is a SIP start line at its very start, as the extension's
 * `firstLine` association reads it: `SIP/2.0 NNN ...` or `METHOD uri SIP/2.0`.
 */
export function isStartLineAtStart(text: string): boolean {
  const start = readStartLine(text);
  if (!start || start.column !== 0) return false;
  return start.kind === 'request' || start.codeEnd - start.codeStart === 3;
}

/** Whether a text shows a SIP start line at the start of one of its lines (or a status line anywhere). */
export function containsStartLine(text: string): boolean {
  for (let at = indexOfVersion(text, 0); at !== -1; at = indexOfVersion(text, at + 1)) {
    let lineStart = at;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    let lineEnd = at;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const start = readStartLine(text.slice(lineStart, lineEnd));
    if (start) return true;
    at = lineEnd;
  }
  return false;
}
