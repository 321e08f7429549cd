/**
 * SIP header lines (RFC 3261 section 7.3 and 20): names with their compact forms, and the values
 * the trace model reads (Via, CSeq, From/To, Content-Length, Content-Type).
 */

import { isBlank } from './chars';

/** Compact header forms (RFC 3261 section 7.3.3 and the IANA header registry), to full lower-case names. Data only. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  a: 'accept-contact',
  b: 'referred-by',
  c: 'content-type',
  d: 'request-disposition',
  e: 'content-encoding',
  f: 'from',
  i: 'call-id',
  j: 'reject-contact',
  k: 'supported',
  l: 'content-length',
  m: 'contact',
  n: 'identity-info',
  o: 'event',
  r: 'refer-to',
  s: 'subject',
  t: 'to',
  u: 'allow-events',
  v: 'via',
  x: 'session-expires',
  y: 'identity',
};

/** A character of an RFC 3261 token (alphanumerics and -.!%*_+`'~). */
export function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    || code === 45 || code === 46 || code === 33 || code === 37 || code === 42 || code === 95 || code === 43
    || code === 96 || code === 39 || code === 126;
}

/** Whether a header line continues the previous one (RFC 3261 folding: it starts with a blank). */
export function isFoldedLine(text: string): boolean {
  return text.length > 0 && isBlank(text.charCodeAt(0)) && !isBlankLine(text);
}

/** Whether a line is empty or blanks only. */
export function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Where the value of a `Name: value` line starts (just after its colon); -1 for any other line. Cuts nothing out of it. */
export function headerValueAt(text: string): number {
  let i = 0;
  while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
  if (i === 0) return -1;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 58 ? i + 1 : -1;
}

/**
 * A reader of the names of a few headers (`wanted`: full names, lower case): for a header line,
 * the full name when the line's header is one of them, by its full or compact name in any case;
 * else undefined. It cuts nothing out of the line (the trace reader looks at every header line of
 * a big trace and wants a handful).
 */
export function headerNameReader(wanted: Iterable<string>): (text: string) => string | undefined {
  /** Spellings (lower case) at [length * 128 + first letter], each with the full name it stands for (an array: no hashing for each line). */
  const spellings: ({ spelling: string; name: string }[] | undefined)[] = [];
  let longest = 0;
  const add = (spelling: string, name: string): void => {
    (spellings[spelling.length * 128 + spelling.charCodeAt(0)] ??= []).push({ spelling, name });
    longest = Math.max(longest, spelling.length);
  };
  const names = new Set(wanted);
  for (const name of names) add(name, name);
  for (const [letter, name] of Object.entries(COMPACT_FORMS)) if (names.has(name)) add(letter, name);
  return (text) => {
    let end = 0;
    while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
    const candidates = end === 0 || end > longest ? undefined : spellings[end * 128 + lowerCode(text.charCodeAt(0))];
    if (!candidates) return undefined;
    for (const { spelling, name } of candidates) {
      let i = 1;
      while (i < end && lowerCode(text.charCodeAt(i)) === spelling.charCodeAt(i)) i++;
      if (i === end) return name;
    }
    return undefined;
  };
}

/** What String.prototype.trim takes off: JavaScript's white space and line terminators. */
function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `text.slice(from).trim()`, cut once (a header line's value, after the blank that follows its colon). */
export function trimmedFrom(text: string, from: number): string {
  let end = text.length;
  while (from < end && isWhiteSpace(text.charCodeAt(from))) from++;
  while (end > from && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(from, end);
}

/** An ASCII letter's lower-case code (any other code as it is). */
function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The first of a header's comma-separated values (commas inside quotes or <...> do not count). */
export function firstValue(value: string): string {
  // Most values (every Call-ID) hold no comma at all.
  if (value.indexOf(',') === -1) return value.trim();
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    else if (!quoted && !angle && ch === ',') return value.slice(0, i).trim();
  }
  return value.trim();
}

/** A `;name=value` parameter of a header value (name case-insensitive), outside quotes and <...>. */
export function paramOf(value: string, name: string, from = 0): string | undefined {
  const wanted = name.toLowerCase();
  let quoted = false;
  let angle = false;
  for (let i = from; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    else if (!quoted && !angle && ch === ';') {
      const eq = value.indexOf('=', i + 1);
      const next = value.indexOf(';', i + 1);
      const nameEnd = eq === -1 || (next !== -1 && next < eq) ? (next === -1 ? value.length : next) : eq;
      if (!isNameBetween(value, i + 1, nameEnd, wanted)) continue;
      if (nameEnd !== eq) return '';
      let end = eq + 1;
      while (end < value.length && value[end] !== ';' && value[end] !== ',') end++;
      return value.slice(eq + 1, end).trim();
    }
  }
  return undefined;
}

/**
 * Whether `value` between `start` and `end`, with what trim() takes off it aside, is `wanted` (lower
 * case ASCII) in any case: nothing is cut out of it.
 */
function isNameBetween(value: string, start: number, end: number, wanted: string): boolean {
  while (start < end && isWhiteSpace(value.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(value.charCodeAt(end - 1))) end--;
  if (end - start !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) if (lowerCode(value.charCodeAt(start + i)) !== wanted.charCodeAt(i)) return false;
  return true;
}

export interface Via {
  /** UDP, TCP, TLS, SCTP, WS, WSS (upper case). */
  transport: string;
  /** host[:port] as the sender put it (lower case). */
  sentBy: string;
  branch?: string;
}

/** The top Via of a Via header value: `SIP/2.0/UDP host:port;branch=z9hG4bK...`. */
export function readVia(value: string): Via | undefined {
  const first = firstValue(value);
  const protocol = /^SIP[ \t]*\/[ \t]*2\.0[ \t]*\/[ \t]*([A-Za-z0-9-]+)[ \t]+([^;, \t]+)/i.exec(first);
  if (!protocol) return undefined;
  const via: Via = { transport: protocol[1].toUpperCase(), sentBy: protocol[2].toLowerCase() };
  const branch = paramOf(first, 'branch', protocol[0].length);
  if (branch) via.branch = branch;
  return via;
}

/** The magic cookie of RFC 3261 branches (section 8.1.1.7): without it, a branch is RFC 2543's and not unique. */
export function isRfc3261Branch(branch: string): boolean {
  return branch.startsWith('z9hG4bK');
}

/** `CSeq: 102 INVITE`: the sequence number and method. */
export function readCSeq(value: string): { number: number; method: string } | undefined {
  const cseq = /^([0-9]{1,10})[ \t]+([A-Za-z!%*_+`'~.-]+)/.exec(value);
  return cseq ? { number: Number(cseq[1]), method: cseq[2].toUpperCase() } : undefined;
}

export interface NameAddr {
  /** Who engineers read in it: the URI's user part, else the display name, else the host. */
  who: string;
  tag?: string;
}

/** From/To: `"Alice" <sip:1001@pbx;user=phone>;tag=1928301774` or `sip:1001@pbx;tag=x`. */
export function readNameAddr(value: string): NameAddr {
  const first = value.trim();
  let uri: string;
  let paramsAt: number;
  const open = first.indexOf('<');
  if (open !== -1) {
    const close = first.indexOf('>', open);
    uri = first.slice(open + 1, close === -1 ? first.length : close);
    paramsAt = close === -1 ? first.length : close + 1;
  } else {
    const semicolon = first.indexOf(';');
    uri = semicolon === -1 ? first : first.slice(0, semicolon);
    paramsAt = semicolon === -1 ? first.length : semicolon;
  }
  // The display name only when the URI has no user part (nearly every From and To has one).
  const display = () => (open === -1 ? '' : first.slice(0, open).trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1'));
  const result: NameAddr = { who: userOf(uri.trim()) || display() || hostOf(uri.trim()) };
  const tag = paramOf(first, 'tag', paramsAt);
  if (tag) result.tag = tag;
  return result;
}

/** The user part of a sip:, sips: or tel: URI ('' when it has none). */
function userOf(uri: string): string {
  const colon = uri.indexOf(':');
  if (colon === -1) return '';
  const start = colon + 1;
  if (colon === 3 && isNameBetween(uri, 0, 3, 'tel')) return uri.slice(start, endOfUser(uri, start, uri.length));
  const at = uri.indexOf('@', start);
  return at === -1 ? '' : uri.slice(start, endOfUser(uri, start, at));
}

/** Where a user part that starts at `start` and runs at most to `end` ends: at its first ';' (its parameters). */
function endOfUser(uri: string, start: number, end: number): number {
  const semicolon = uri.indexOf(';', start);
  return semicolon === -1 || semicolon > end ? end : semicolon;
}

function hostOf(uri: string): string {
  const colon = uri.indexOf(':');
  const rest = colon === -1 ? uri : uri.slice(colon + 1);
  return rest.split(/[;?>]/, 1)[0];
}

/** A Content-Length value, or undefined when it is not a number. */
export function readContentLength(value: string): number | undefined {
  const length = /^[0-9]{1,9}/.exec(value);
  return length ? Number(length[0]) : undefined;
}

/** The media type of a Content-Type value, lower case, without parameters (`application/sdp`). */
export function readMediaType(value: string): string {
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}
