import { statusEntry } from '../../registry';
import type { LineSpan } from '../../scanner/occurrence';
import {
  CLOSE_PAREN, COMMA, DOT, EQUALS, GREATER, IDENT, LESS, OP, OPEN_PAREN, PVAR, SEMICOLON, STRING, TILDE, BANG, isScriptSpace,
} from './lexer';
import { isAllDigits, type Line } from './tokens';

/** What holds the code of a reply ($rs, status, KSR.pv.get("$rs")), how it is compared, and lists of codes. */

/** $rs, $(rs), $(rs{s.int}), $T_reply_code, $T_reply_last, $T_rpl($rs), $T(reply_code), $err.rcode, $notify_reply($rs) (presence: the reply to a NOTIFY). */
export function isCodeVariable(name: string): boolean {
  switch (name) {
    case '$rs':
    case '$T_reply_code':
    case '$T_reply_last':
    case '$err.rcode':
    case '$T(reply_code)':
      return true;
  }
  if (name.startsWith('$(rs')) return name.length === 5 || name[4] === '{' || name[4] === '[' || name[4] === ')';
  if (name.startsWith('$T_rpl(') && name.endsWith(')')) return isCodeVariable(name.slice(7, -1).trim());
  if (name.startsWith('$notify_reply(') && name.endsWith(')')) return isCodeVariable(name.slice(14, -1).trim());
  return false;
}

/** KEMI: KSR.kx.get_status(), KSR.kx.gets_status() (as a string), KSR.tm.t_get_status_code() (also t_get_status_code() in a script); KSR.pv.get("$rs"). */
const STATUS_GETTERS: ReadonlySet<string> = new Set(['get_status', 'gets_status', 't_get_status_code']);
const PV_GETTERS: ReadonlySet<string> = new Set(['get', 'getw', 'gete', 'getvn', 'getvs']);

/**
 * If a value that holds a reply code starts at token k, the index of its last token: a code
 * variable, the `status` keyword of reply routes, or a KEMI getter call.
 */
export function codeValueAt(line: Line, k: number): number | undefined {
  const type = line.type(k);
  if (type === PVAR) {
    if (line.end(k) - line.start(k) > 40) return undefined;
    return isCodeVariable(line.textOf(k).replace(/[ \t]+/g, '')) ? k : undefined;
  }
  if (type !== IDENT || line.end(k) - line.start(k) > 20) return undefined;
  const name = line.textOf(k);
  // The core keyword of reply routes (status == 200, status=~"18[0-9]"), not a member (obj.status).
  if (name === 'status') return line.isPunct(k - 1, DOT) ? undefined : k;
  if (STATUS_GETTERS.has(name) && line.isPunct(k + 1, OPEN_PAREN) && line.isPunct(k + 2, CLOSE_PAREN)) return k + 2;
  if (PV_GETTERS.has(name) && line.isPunct(k - 1, DOT) && line.isPunct(k + 1, OPEN_PAREN) && line.type(k + 2) === STRING
    && line.isPunct(k + 3, CLOSE_PAREN) && line.end(k + 2) - line.start(k + 2) < 40) {
    const content = line.contentOf(k + 2);
    return isCodeVariable(line.text.slice(content.start, content.end).trim()) ? k + 3 : undefined;
  }
  return undefined;
}

export type Comparison = 'equality' | 'order' | 'match';

export function comparisonOf(line: Line, k: number): Comparison | undefined {
  if (line.type(k) !== OP) return undefined;
  const c = line.text.charCodeAt(line.start(k));
  const next = line.end(k) - line.start(k) >= 2 ? line.text.charCodeAt(line.start(k) + 1) : 0;
  if (next === TILDE) return 'match';
  if ((c === EQUALS || c === BANG || c === TILDE) && next === EQUALS) return 'equality';
  if (c === LESS || c === GREATER) return 'order';
  return undefined;
}

export function isReversible(comparison: Comparison | undefined): boolean {
  return comparison === 'equality' || comparison === 'order';
}

/** An ordering bound ($rs >= 200, $rs <= 299) is a code only when it is one: 299 is a bound, not an unknown code. */
export function isKnownCode(digits: string): boolean {
  if (digits.length !== 3) return false;
  const status = statusEntry(Number(digits))?.status;
  return status === 'registered' || status === 'deprecated';
}


/**
 * The codes of a code-list parameter: "code=403;code=488;class=5" (tm, dispatcher), "2,405,486"
 * (usrloc: one digit is a class), "501, 403" (OpenSIPS probing). Classes are not codes.
 */
export function codeListItems(text: string, content: LineSpan): LineSpan[] {
  const found: LineSpan[] = [];
  let itemStart = content.start;
  for (let i = content.start; i <= content.end; i++) {
    if (i < content.end && text.charCodeAt(i) !== SEMICOLON && text.charCodeAt(i) !== COMMA) continue;
    let start = itemStart;
    let end = i;
    itemStart = i + 1;
    while (start < end && isScriptSpace(text.charCodeAt(start))) start++;
    while (end > start && isScriptSpace(text.charCodeAt(end - 1))) end--;
    let equals = start;
    while (equals < end && text.charCodeAt(equals) !== EQUALS) equals++;
    if (equals < end) {
      if (text.slice(start, equals).trim().toLowerCase() !== 'code') continue;
      start = equals + 1;
      while (start < end && isScriptSpace(text.charCodeAt(start))) start++;
      if (isAllDigits(text, { start, end })) found.push({ start, end });
    } else if (end - start > 1 && isAllDigits(text, { start, end })) {
      found.push({ start, end });
    }
  }
  return found;
}


/**
 * KEMI: a read of the reply code assigned to a variable, as written after `name =` (KSR.kx.get_status(),
 * KSR.kx.gets_status(), KSR.tm.t_get_status_code(), KSR.pv.get("$rs") and its other getters,
 * KSR::PV.get("$rs") in Ruby).
 */
const KEMI_CODE_READ = /^KSR(?:\.|::)[A-Za-z]{1,8}\.(?:(?:get_status|gets_status|t_get_status_code)[ \t]*\([ \t]*\)|(?:get|getw|gete|getvn|getvs)[ \t]*\([ \t]*(["'])([^"'\r\n]{1,40})\1)/;

export function isKemiCodeRead(value: string): boolean {
  const read = KEMI_CODE_READ.exec(value);
  return read !== null && (read[2] === undefined || isCodeVariable(read[2].replace(/[ \t]+/g, '')));
}
