import { Q850_CAUSES } from '../../data/q850';
import { isStandardPhrase, statusEntry } from '../registry';
import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { numberOf, type Occurrence } from '../scanner/occurrence';
import { reasonCauseOf } from './sipMessage';

/**
 * Asterisk configuration: extensions.conf dialplans (also AEL and extensions.lua calls), pjsip.conf
 * and sip.conf.
 *
 * - PJSIPHangup(486) / PJSIPHangup(BUSY_HERE): a SIP status code, of which Asterisk takes 400-699
 *   only (anything else: "Response code N is out of range 400 -> 699", and 603 Decline is sent).
 * - Hangup(17) / Hangup(USER_BUSY): a Q.850 cause (what Asterisk sends for it is the hover's business).
 * - "SIP 486 Busy Here": the tech cause string of HANGUPCAUSE(chan,tech) and chan_sip's SIP_CAUSE.
 * - Reason header values set from the dialplan (PJSIP_HEADER(add,Reason)=SIP\;cause=486).
 *
 * Everything else with digits is left alone: extension numbers (exten => 486,1,...), priorities,
 * Busy(20)/Congestion(10)/Wait(30)/Dial(...,30) seconds, pjsip.conf and sip.conf timers and limits.
 * Comments (';' up to the end of the line unless escaped as '\;') are not scanned.
 */
export const asteriskDialect: Dialect = {
  id: 'asterisk',
  trigger: /hangup[ \t]*\(|SIP[ \t]+[0-9]|reason[ \t]*[):]/,
  scanLine(text, line, out) {
    const code = codeRange(text);
    if (code.end <= code.start) return;
    scanApplications(text, code, line, out);
    scanSipCauseStrings(text, code, line, out);
    scanReasonValues(text, code, line, out);
  },
  completionAt(lines, line, character) {
    return pjsipHangupSlot(lines.lineAt(line), character);
  },
};

const DIALECT = 'asterisk';

/** PJSIPHangup's range, and what Asterisk does outside it (dialplan_functions.c response_code_validator). */
const PJSIP_HANGUP_ALLOWED = {
  min: 400,
  max: 699,
  why: {
    en: 'PJSIPHangup takes a failure response from 400 to 699; Asterisk logs "Response code is out of range 400 -> 699" and sends 603 Decline instead.',
    fa: 'PJSIPHangup فقط پاسخ خطا از 400 تا 699 را می‌پذیرد؛ Asterisk پیام «Response code is out of range 400 -> 699» را در لاگ می‌نویسد و به جای آن 603 Decline می‌فرستد.',
  },
};

/**
 * The names PJSIPHangup accepts for a code (res_pjsip.c ast_sip_str2rc: the pjsip_status_code
 * enum of pjproject's sip_msg.h, with or without its PJSIP_SC_ prefix, in any case).
 */
const PJSIP_STATUS_NAMES: Readonly<Record<string, number>> = {
  NULL: 0, TRYING: 100, RINGING: 180, CALL_BEING_FORWARDED: 181, QUEUED: 182, PROGRESS: 183,
  EARLY_DIALOG_TERMINATED: 199, OK: 200, ACCEPTED: 202, NO_NOTIFICATION: 204, MULTIPLE_CHOICES: 300,
  MOVED_PERMANENTLY: 301, MOVED_TEMPORARILY: 302, USE_PROXY: 305, ALTERNATIVE_SERVICE: 380, BAD_REQUEST: 400,
  UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406, PROXY_AUTHENTICATION_REQUIRED: 407, REQUEST_TIMEOUT: 408, CONFLICT: 409, GONE: 410,
  LENGTH_REQUIRED: 411, CONDITIONAL_REQUEST_FAILED: 412, REQUEST_ENTITY_TOO_LARGE: 413, REQUEST_URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415, UNSUPPORTED_URI_SCHEME: 416, UNKNOWN_RESOURCE_PRIORITY: 417, BAD_EXTENSION: 420,
  EXTENSION_REQUIRED: 421, SESSION_TIMER_TOO_SMALL: 422, INTERVAL_TOO_BRIEF: 423, BAD_LOCATION_INFORMATION: 424,
  USE_IDENTITY_HEADER: 428, PROVIDE_REFERRER_HEADER: 429, FLOW_FAILED: 430, ANONIMITY_DISALLOWED: 433,
  BAD_IDENTITY_INFO: 436, UNSUPPORTED_CERTIFICATE: 437, INVALID_IDENTITY_HEADER: 438,
  FIRST_HOP_LACKS_OUTBOUND_SUPPORT: 439, MAX_BREADTH_EXCEEDED: 440, BAD_INFO_PACKAGE: 469, CONSENT_NEEDED: 470,
  TEMPORARILY_UNAVAILABLE: 480, CALL_TSX_DOES_NOT_EXIST: 481, LOOP_DETECTED: 482, TOO_MANY_HOPS: 483,
  ADDRESS_INCOMPLETE: 484, BUSY_HERE: 486, REQUEST_TERMINATED: 487, NOT_ACCEPTABLE_HERE: 488, BAD_EVENT: 489,
  REQUEST_UPDATED: 490, REQUEST_PENDING: 491, UNDECIPHERABLE: 493, SECURITY_AGREEMENT_NEEDED: 494,
  INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, SERVER_TIMEOUT: 504,
  VERSION_NOT_SUPPORTED: 505, MESSAGE_TOO_LARGE: 513, PUSH_NOTIFICATION_SERVICE_NOT_SUPPORTED: 555,
  PRECONDITION_FAILURE: 580, BUSY_EVERYWHERE: 600, DECLINE: 603, DOES_NOT_EXIST_ANYWHERE: 604,
  NOT_ACCEPTABLE_ANYWHERE: 606, UNWANTED: 607, REJECTED: 608,
};

/** The code PJSIPHangup gives a name, or undefined when Asterisk does not know the name. */
export function pjsipStatusByName(name: string): number | undefined {
  const upper = name.toUpperCase();
  const short = upper.startsWith('PJSIP_SC_') ? upper.slice('PJSIP_SC_'.length) : upper;
  return Object.prototype.hasOwnProperty.call(PJSIP_STATUS_NAMES, short) ? PJSIP_STATUS_NAMES[short] : undefined;
}

/** Hangup()'s cause names (main/channel.c causes[], matched without regard to case). */
const HANGUP_CAUSE_NAMES: ReadonlyMap<string, number> = new Map(
  Q850_CAUSES.filter((entry) => entry.asteriskName).map((entry) => [entry.asteriskName!.toUpperCase(), entry.cause]),
);

/** The Q.850 cause Hangup() gives a name, or undefined. */
export function asteriskCauseByName(name: string): number | undefined {
  return HANGUP_CAUSE_NAMES.get(name.toUpperCase());
}

interface Range {
  start: number;
  end: number;
}

/**
 * The part of a line that is configuration, not comment: up to the first ';' that is not escaped
 * as '\;', after the "--;" that closes a block comment, and nothing of an AEL "//" comment line.
 */
export function codeRange(text: string): Range {
  let start = 0;
  const blockEnd = text.indexOf('--;');
  if (blockEnd !== -1 && firstComment(text, 0) === blockEnd + 2) start = blockEnd + 3;
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text.startsWith('//', i)) return { start, end: start };
  const comment = firstComment(text, start);
  return { start, end: comment === -1 ? text.length : comment };
}

/** The first unescaped ';' at or after `from`, or -1. */
function firstComment(text: string, from: number): number {
  let at = text.indexOf(';', from);
  while (at !== -1 && at > 0 && text[at - 1] === '\\') at = text.indexOf(';', at + 1);
  return at;
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

const APPLICATION = /hangup[ \t]*\(/gi;

/** The argument of an application call: a bare token (digits or a name) up to ')' or ','. */
function argumentAt(text: string, from: number, end: number): Range | undefined {
  let i = from;
  while (i < end && isBlank(text[i])) i++;
  const start = i;
  while (i < end && isWordChar(text[i])) i++;
  if (i === start) return undefined;
  const tokenEnd = i;
  while (i < end && isBlank(text[i])) i++;
  if (i < end && text[i] !== ')' && text[i] !== ',') return undefined;
  return { start, end: tokenEnd };
}

/** Hangup(cause) and PJSIPHangup(code), as often as they occur on the line (ExecIf(...?Hangup(17):Hangup(21))). */
function scanApplications(text: string, code: Range, line: number, out: Occurrence[]): void {
  const scope = text.slice(0, code.end);
  APPLICATION.lastIndex = code.start;
  for (let match = APPLICATION.exec(scope); match; match = APPLICATION.exec(scope)) {
    const at = match.index;
    const pjsip = at >= 5 && scope.slice(at - 5, at).toUpperCase() === 'PJSIP';
    const nameStart = pjsip ? at - 5 : at;
    if (nameStart < code.start || isWordChar(scope[nameStart - 1])) continue;
    const argument = argumentAt(scope, at + match[0].length, code.end);
    if (!argument) continue;
    const token = scope.slice(argument.start, argument.end);
    const occurrence = pjsip ? pjsipHangupCode(token, argument, line) : hangupCause(token, argument, line);
    if (occurrence) out.push(occurrence);
  }
}

function pjsipHangupCode(token: string, span: Range, line: number): Occurrence | undefined {
  if (/^[0-9]+$/.test(token)) {
    return {
      kind: 'status', context: 'dialplan-app', digits: token, value: numberOf(token), line, span,
      allowed: PJSIP_HANGUP_ALLOWED, dialect: DIALECT,
    };
  }
  const value = pjsipStatusByName(token);
  if (value === undefined) return undefined;
  // The name stands for the code: hover and rules read the code, the span covers the name.
  const occurrence: Occurrence = {
    kind: 'status', context: 'dialplan-app', digits: String(value), value, line, span,
    allowed: PJSIP_HANGUP_ALLOWED, dialect: DIALECT,
  };
  // BUSY_HERE says what 486 is called, so no inlay hint repeats it; UNSUPPORTED_CERTIFICATE keeps the hint (437 is Unsupported Credential now).
  const entry = statusEntry(value);
  if (entry && isStandardPhrase(entry, token)) occurrence.phrase = { text: token, span };
  return occurrence;
}

function hangupCause(token: string, span: Range, line: number): Occurrence | undefined {
  if (/^[0-9]+$/.test(token)) {
    return { kind: 'q850', context: 'dialplan-app', digits: token, value: numberOf(token), line, span, dialect: DIALECT };
  }
  const cause = asteriskCauseByName(token);
  if (cause === undefined) return undefined;
  return { kind: 'q850', context: 'dialplan-app', digits: token, value: cause, line, span, dialect: DIALECT };
}

/** Characters after which a "SIP 486 ..." string starts: a quote, or an operator or argument separator. */
const STRING_OPENERS = '"\'=([,?:';

/** Characters that end the code of a "SIP 486 ..." string. */
function endsCode(ch: string | undefined): boolean {
  return ch === undefined || isBlank(ch) || ch === '"' || ch === '\'' || ch === ']' || ch === ')';
}

/** Characters that end the phrase of a "SIP 486 Busy Here" string. */
const PHRASE_ENDS = '"\']()?$,|&';

const CAUSE_SOURCES = /HANGUPCAUSE|SIP_CAUSE/i;

/**
 * "SIP 486 Busy Here": the tech cause of HANGUPCAUSE(chan,tech) (chan_pjsip and chan_sip) and
 * chan_sip's SIP_CAUSE, on a line that reads one of them or in a $[...] expression (where it is
 * compared with one read before). A caller ID such as callerid="SIP 101" <101> is neither.
 */
function scanSipCauseStrings(text: string, code: Range, line: number, out: Occurrence[]): void {
  let readsCause: boolean | undefined;
  const expression = text.indexOf('$[', code.start);
  for (let at = text.indexOf('SIP', code.start); at !== -1 && at < code.end; at = text.indexOf('SIP', at + 3)) {
    if (isWordChar(text[at - 1]) || !opensString(text, at, code.start)) continue;
    readsCause ??= CAUSE_SOURCES.test(text.slice(code.start, code.end));
    if (!readsCause && (expression === -1 || expression > at)) continue;
    let i = at + 3;
    if (!isBlank(text[i])) continue;
    while (i < code.end && isBlank(text[i])) i++;
    const digitsStart = i;
    while (i < code.end && isDigit(text[i])) i++;
    // Exactly three digits: "SIP 4" is the class prefix of a substring comparison, not a code.
    if (i - digitsStart !== 3 || !endsCode(i < code.end ? text[i] : undefined)) continue;
    const digits = text.slice(digitsStart, i);
    const occurrence: Occurrence = {
      kind: 'status', context: 'channel-variable', digits, value: Number(digits), line,
      span: { start: digitsStart, end: i }, dialect: DIALECT,
    };
    const phrase = phraseAfter(text, i, code.end);
    if (phrase) occurrence.phrase = phrase;
    out.push(occurrence);
    at = i - 3;
  }
}

/** Whether the text before `at` (blanks skipped) ends with a quote, an operator or a separator. */
function opensString(text: string, at: number, start: number): boolean {
  let i = at - 1;
  while (i >= start && isBlank(text[i])) i--;
  return i >= start && STRING_OPENERS.includes(text[i]);
}

function phraseAfter(text: string, from: number, end: number): Occurrence['phrase'] {
  let start = from;
  while (start < end && isBlank(text[start])) start++;
  let stop = start;
  while (stop < end && !PHRASE_ENDS.includes(text[stop])) stop++;
  while (stop > start && isBlank(text[stop - 1])) stop--;
  if (stop <= start) return undefined;
  return { text: text.slice(start, stop), span: { start, end: stop } };
}

const REASON = /reason[ \t]*(?:\)[ \t]*=|:)/gi;

/**
 * A Reason header written from the dialplan: Set(PJSIP_HEADER(add,Reason)=SIP\;cause=486) or
 * SIPAddHeader(Reason: Q.850\;cause=16). The SIP cause is a status code, the Q.850 one is not.
 */
function scanReasonValues(text: string, code: Range, line: number, out: Occurrence[]): void {
  const scope = text.slice(0, code.end);
  REASON.lastIndex = code.start;
  const match = REASON.exec(scope);
  if (!match || isWordChar(scope[match.index - 1])) return;
  let valueStart = match.index + match[0].length;
  for (let i = valueStart; i <= scope.length; i++) {
    if (i < scope.length && (scope[i] !== ',' || scope[i - 1] === '\\')) continue;
    const value = scope.slice(valueStart, i);
    const cause = reasonCauseOf(value);
    if (cause) {
      const start = valueStart + cause.start;
      out.push({
        kind: cause.kind,
        context: 'reason-header',
        digits: cause.digits,
        value: numberOf(cause.digits),
        line,
        span: { start, end: start + cause.digits.length },
        dialect: DIALECT,
      });
    }
    valueStart = i + 1;
  }
}

const PJSIP_HANGUP_OPEN = /pjsiphangup[ \t]*\([ \t]*$/i;

/** Inside PJSIPHangup( : codes 400-699, the code alone goes in. */
function pjsipHangupSlot(text: string, character: number): CompletionSlot | undefined {
  const code = codeRange(text);
  if (character < code.start || character > code.end) return undefined;
  let start = character;
  while (start > code.start && isWordChar(text[start - 1])) start--;
  const before = text.slice(code.start, start);
  const open = PJSIP_HANGUP_OPEN.exec(before);
  if (!open || isWordChar(before[open.index - 1])) return undefined;
  let end = character;
  while (end < code.end && isWordChar(text[end])) end++;
  return {
    span: { start, end },
    accepts: (value) => value >= PJSIP_HANGUP_ALLOWED.min && value <= PJSIP_HANGUP_ALLOWED.max,
    insert: (value) => String(value),
  };
}
