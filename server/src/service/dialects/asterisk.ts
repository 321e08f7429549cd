import { asteriskCauseByName, isStandardPhrase, pjsipStatusByName, statusEntry } from '../registry';
import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { OccurrenceBuilder } from '../scanner/build';
import type { Occurrence } from '../scanner/occurrence';
import { isBlank, isDigit, isWordChar } from '../syntax/chars';

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

const build = new OccurrenceBuilder(asteriskDialect.id);

/** PJSIPHangup's range, and what Asterisk does outside it (dialplan_functions.c response_code_validator). */
const PJSIP_HANGUP_ALLOWED = {
  min: 400,
  max: 699,
  why: {
    en: 'PJSIPHangup takes a failure response from 400 to 699; Asterisk logs "Response code is out of range 400 -> 699" and sends 603 Decline instead.',
    fa: 'PJSIPHangup فقط پاسخ خطا از 400 تا 699 را می‌پذیرد؛ Asterisk پیام «Response code is out of range 400 -> 699» را در لاگ می‌نویسد و به جای آن 603 Decline می‌فرستد.',
  },
};

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

const APPLICATION = /hangup[ \t]*\(/gi;

/** The argument of an application call: a bare token (digits or a name) up to ')' or ','. */
function argumentAt(text: string, from: number, end: number): Range | undefined {
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const start = i;
  while (i < end && isWordChar(text.charCodeAt(i))) i++;
  if (i === start) return undefined;
  const tokenEnd = i;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
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
    if (nameStart < code.start || isWordChar(scope.charCodeAt(nameStart - 1))) continue;
    const argument = argumentAt(scope, at + match[0].length, code.end);
    if (!argument) continue;
    const token = scope.slice(argument.start, argument.end);
    const occurrence = pjsip ? pjsipHangupCode(token, argument, line) : hangupCause(token, argument, line);
    if (occurrence) out.push(occurrence);
  }
}

function pjsipHangupCode(token: string, span: Range, line: number): Occurrence | undefined {
  if (/^[0-9]+$/.test(token)) return build.number('status', 'dialplan-app', token, line, span, { allowed: PJSIP_HANGUP_ALLOWED });
  const value = pjsipStatusByName(token);
  if (value === undefined) return undefined;
  // The name stands for the code: hover and rules read the code (its digits), the span covers the name.
  // BUSY_HERE says what 486 is called, so no inlay hint repeats it; UNSUPPORTED_CERTIFICATE keeps the hint (437 is Unsupported Credential now).
  const entry = statusEntry(value);
  const phrase = entry && isStandardPhrase(entry, token) ? { text: token, span } : undefined;
  return build.number('status', 'dialplan-app', String(value), line, span, { allowed: PJSIP_HANGUP_ALLOWED, phrase });
}

function hangupCause(token: string, span: Range, line: number): Occurrence | undefined {
  if (/^[0-9]+$/.test(token)) return build.number('q850', 'dialplan-app', token, line, span);
  const cause = asteriskCauseByName(token);
  return cause === undefined ? undefined : build.name('q850', 'dialplan-app', token, cause, line, span);
}

/** Characters after which a "SIP 486 ..." string starts: a quote, or an operator or argument separator. */
const STRING_OPENERS = '"\'=([,?:';

/** Characters that end the code of a "SIP 486 ..." string. */
function endsCode(ch: string | undefined): boolean {
  return ch === undefined || isBlank(ch.charCodeAt(0)) || ch === '"' || ch === '\'' || ch === ']' || ch === ')';
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
    if (isWordChar(text.charCodeAt(at - 1)) || !opensString(text, at, code.start)) continue;
    readsCause ??= CAUSE_SOURCES.test(text.slice(code.start, code.end));
    if (!readsCause && (expression === -1 || expression > at)) continue;
    let i = at + 3;
    if (!isBlank(text.charCodeAt(i))) continue;
    while (i < code.end && isBlank(text.charCodeAt(i))) i++;
    const digitsStart = i;
    while (i < code.end && isDigit(text.charCodeAt(i))) i++;
    // Exactly three digits: "SIP 4" is the class prefix of a substring comparison, not a code.
    if (i - digitsStart !== 3 || !endsCode(i < code.end ? text[i] : undefined)) continue;
    const phrase = phraseAfter(text, i, code.end);
    out.push(build.number('status', 'channel-variable', text.slice(digitsStart, i), line, { start: digitsStart, end: i }, { phrase }));
    at = i - 3;
  }
}

/** Whether the text before `at` (blanks skipped) ends with a quote, an operator or a separator. */
function opensString(text: string, at: number, start: number): boolean {
  let i = at - 1;
  while (i >= start && isBlank(text.charCodeAt(i))) i--;
  return i >= start && STRING_OPENERS.includes(text[i]);
}

function phraseAfter(text: string, from: number, end: number): Occurrence['phrase'] {
  let start = from;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  let stop = start;
  while (stop < end && !PHRASE_ENDS.includes(text[stop])) stop++;
  while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
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
  if (!match || isWordChar(scope.charCodeAt(match.index - 1))) return;
  let valueStart = match.index + match[0].length;
  for (let i = valueStart; i <= scope.length; i++) {
    if (i < scope.length && (scope[i] !== ',' || scope[i - 1] === '\\')) continue;
    const cause = build.reasonCause(scope.slice(valueStart, i), valueStart, line);
    if (cause) out.push(cause);
    valueStart = i + 1;
  }
}

const PJSIP_HANGUP_OPEN = /pjsiphangup[ \t]*\([ \t]*$/i;

/** Inside PJSIPHangup( : codes 400-699, the code alone goes in. */
function pjsipHangupSlot(text: string, character: number): CompletionSlot | undefined {
  const code = codeRange(text);
  if (character < code.start || character > code.end) return undefined;
  let start = character;
  while (start > code.start && isWordChar(text.charCodeAt(start - 1))) start--;
  const before = text.slice(code.start, start);
  const open = PJSIP_HANGUP_OPEN.exec(before);
  if (!open || isWordChar(before.charCodeAt(open.index - 1))) return undefined;
  let end = character;
  while (end < code.end && isWordChar(text.charCodeAt(end))) end++;
  return {
    span: { start, end },
    accepts: (value) => value >= PJSIP_HANGUP_ALLOWED.min && value <= PJSIP_HANGUP_ALLOWED.max,
    insert: (value) => String(value),
  };
}
