import { FREESWITCH_INTERNAL_CAUSES, Q850_CAUSES } from '../../data/q850';
import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { numberOf, type Occurrence, type OccurrenceKind } from '../scanner/occurrence';
import { literalCodesIn } from '../statusPattern';
import { reasonCauseOf } from './sipMessage';

/**
 * FreeSWITCH XML dialplans (and other FreeSWITCH XML configuration):
 *
 * - <action application="respond" data="486 Busy Here"/>: a SIP status code and its phrase (custom
 *   phrases such as "603 Network Blocked" are legal; a bare "407" is common).
 * - <action application="hangup" data="USER_BUSY"/> or data="17": a FreeSWITCH hangup cause (Q.850
 *   for 1-127, FreeSWITCH-internal for 487 ORIGINATOR_CANCEL and 700-825), never a SIP code.
 * - continue_on_fail / failure_causes lists (data="continue_on_fail=USER_BUSY,603"): compared with
 *   FreeSWITCH cause names and numbers, so 603 there is a cause number, not SIP 603.
 * - sip_reason=SIP;cause=603 / Q.850;cause=21: the Reason header FreeSWITCH adds.
 * - Channel variables that carry a SIP code: sip_term_status, sip_invite_failure_status,
 *   (last_bridge_)proto_specific_hangup_cause=sip:486, in comparisons and assignments, and
 *   <condition field="${sip_term_status}" expression="^(486|600)$"> (a pattern over codes).
 *
 * Ports, RTP payload types, timers and extension numbers in the same files are left alone, and so
 * is whatever sits inside an XML comment on the line.
 */
export const freeswitchDialect: Dialect = {
  id: 'freeswitch',
  trigger: /application[ \t]*=|sip_term_status|sip_invite_failure_status|proto_specific_hangup_cause|continue_on_fail|failure_causes|sip_reason/,
  scanLine(text, line, out) {
    const comments = xmlCommentRanges(text);
    for (const tag of xmlTagsOnLine(text, TAGS)) {
      if (inRanges(comments, tag.start)) continue;
      scanTag(tag, line, out);
    }
    scanChannelVariables(text, comments, line, out);
  },
  completionAt(lines, line, character) {
    return respondSlot(lines.lineAt(line), character);
  },
};

const DIALECT = 'freeswitch';

/** The tags that carry applications (and their data), and conditions. */
const TAGS = ['action', 'anti-action', 'condition'];

/** Whether the start of a document is FreeSWITCH XML configuration (a dialplan, or the whole freeswitch.xml). */
export function looksLikeFreeswitchXml(head: string): boolean {
  return /<include>|<extension[\s>]|<(?:anti-)?action[ \t]+application[ \t]*=|<document[ \t]+type[ \t]*=[ \t]*["']freeswitch/i.test(head);
}

// ---------------------------------------------------------------------------------------------
// XML on one line (shared with the SIPp dialect): comments and tags, read without backtracking.

export interface Range {
  start: number;
  end: number;
}

/**
 * The parts of a line that are inside XML comments, as far as the line itself tells: a comment
 * opened and closed on the line, the tail of one that ends here ("... -->") and the head of one
 * that goes on ("<!-- ..."). Lines in the middle of a long comment cannot be told apart.
 */
export function xmlCommentRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  const firstOpen = text.indexOf('<!--');
  const firstClose = text.indexOf('-->');
  if (firstClose !== -1 && (firstOpen === -1 || firstClose < firstOpen)) {
    ranges.push({ start: 0, end: firstClose + 3 });
    from = firstClose + 3;
  }
  for (let open = text.indexOf('<!--', from); open !== -1; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    ranges.push({ start: open, end });
    if (close === -1) break;
    from = end;
  }
  return ranges;
}

/** Whether `at` is inside one of `ranges` (sorted and disjoint, as xmlCommentRanges gives them). */
export function inRanges(ranges: readonly Range[], at: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (at < range.start) high = middle - 1;
    else if (at >= range.end) low = middle + 1;
    else return true;
  }
  return false;
}

export interface XmlAttribute {
  name: string;
  /** The value as written (entities left as they are). */
  value: string;
  /** Columns of the value, without its quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlTag {
  name: string;
  /** Column of its '<'. */
  start: number;
  /** Column just after its '>' (or the line end when the tag goes on). */
  end: number;
  attributes: XmlAttribute[];
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 58) || code === 45 || code === 46;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/** Characters that end an attribute name: = / > " ' < and white space. */
function endsAttributeName(code: number): boolean {
  return isSpace(code) || code === 61 || code === 47 || code === 62 || code === 34 || code === 39 || code === 60;
}

/**
 * The start tags named `names` on a line (<name attr="value" ...>), each character read once.
 * Other tags are read past (their quoted values may hold '<' and '>') without being kept.
 */
export function xmlTagsOnLine(text: string, names: readonly string[]): XmlTag[] {
  const tags: XmlTag[] = [];
  const length = text.length;
  let i = text.indexOf('<');
  while (i !== -1 && i < length) {
    const start = i;
    i++;
    if (i >= length || !isLetter(text.charCodeAt(i))) {
      i = text.indexOf('<', i);
      continue;
    }
    const nameStart = i;
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    const name = names.find((wanted) => wanted.length === i - nameStart && text.startsWith(wanted, nameStart));
    const tag: XmlTag = { name: name ?? '', start, end: length, attributes: [] };
    while (i < length) {
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) break;
      const code = text.charCodeAt(i);
      if (code === 62 /* > */) {
        tag.end = i + 1;
        break;
      }
      if (code === 60 /* < */) {
        tag.end = i;
        break;
      }
      const attrStart = i;
      while (i < length && !endsAttributeName(text.charCodeAt(i))) i++;
      if (i === attrStart) {
        i++;
        continue;
      }
      const attrEnd = i;
      let j = i;
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61 /* = */) continue;
      j++;
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      let valueStart: number;
      let valueEnd: number;
      if (quote === '"' || quote === '\'') {
        const close = text.indexOf(quote, j + 1);
        valueStart = j + 1;
        valueEnd = close === -1 ? length : close;
        i = close === -1 ? length : close + 1;
      } else {
        valueStart = j;
        while (j < length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
        valueEnd = j;
        i = j;
      }
      if (name !== undefined) {
        tag.attributes.push({ name: text.slice(attrStart, attrEnd), value: text.slice(valueStart, valueEnd), valueStart, valueEnd });
      }
    }
    if (name !== undefined) tags.push(tag);
    i = tag.end >= length ? -1 : text.indexOf('<', Math.max(tag.end, start + 1));
  }
  return tags;
}

export function attribute(tag: XmlTag, name: string): XmlAttribute | undefined {
  return tag.attributes.find((a) => a.name === name);
}

// ---------------------------------------------------------------------------------------------
// Causes.

/** FreeSWITCH cause names (switch_channel.c CAUSE_CHART, compared without regard to case). */
const CAUSE_NAMES: ReadonlyMap<string, number> = new Map(
  [...Q850_CAUSES, ...FREESWITCH_INTERNAL_CAUSES]
    .filter((entry) => entry.freeswitchName)
    .map((entry) => [entry.freeswitchName!.toUpperCase(), entry.cause]),
);

const INTERNAL_CAUSES: ReadonlySet<number> = new Set(FREESWITCH_INTERNAL_CAUSES.map((entry) => entry.cause));

/** The FreeSWITCH cause a name stands for, or undefined. */
export function freeswitchCauseByName(name: string): number | undefined {
  return CAUSE_NAMES.get(name.toUpperCase());
}

/** Q.850 for 1-127; FreeSWITCH's own numbers (and numbers that are no cause at all) otherwise. */
function causeKind(cause: number): OccurrenceKind {
  return cause >= 1 && cause <= 127 && !INTERNAL_CAUSES.has(cause) ? 'q850' : 'freeswitch-cause';
}

/** A cause given by number or by name at `start` (digits or a name), as FreeSWITCH reads it. */
function causeOccurrence(token: string, start: number, line: number, context: Occurrence['context']): Occurrence | undefined {
  if (/^[0-9]+$/.test(token)) {
    const value = numberOf(token);
    return { kind: causeKind(value), context, digits: token, value, line, span: { start, end: start + token.length }, dialect: DIALECT };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(token)) return undefined;
  const value = freeswitchCauseByName(token);
  if (value === undefined) return undefined;
  return { kind: causeKind(value), context, digits: token, value, line, span: { start, end: start + token.length }, dialect: DIALECT };
}

// ---------------------------------------------------------------------------------------------
// Applications.

function scanTag(tag: XmlTag, line: number, out: Occurrence[]): void {
  const application = attribute(tag, 'application');
  const data = attribute(tag, 'data');
  if (application && data) {
    switch (application.value.trim().toLowerCase()) {
      case 'respond':
        scanRespond(data, line, out);
        return;
      case 'hangup':
        scanHangup(data, line, out);
        return;
      case 'set':
      case 'export':
      case 'set_global':
        scanAssignment(data, line, out);
        return;
      default:
        return;
    }
  }
  if (tag.name === 'condition') scanCondition(tag, line, out);
}

/** respond data="486 Busy Here": the code, then everything after the first space is the phrase (mod_sofia). */
function scanRespond(data: XmlAttribute, line: number, out: Occurrence[]): void {
  const value = data.value;
  let i = 0;
  while (i < value.length && value[i] === ' ') i++;
  const digitsStart = i;
  while (i < value.length && value[i] >= '0' && value[i] <= '9') i++;
  if (i === digitsStart || (i < value.length && value[i] !== ' ')) return;
  const digits = value.slice(digitsStart, i);
  const occurrence: Occurrence = {
    kind: 'status', context: 'dialplan-app', digits, value: numberOf(digits), line,
    span: { start: data.valueStart + digitsStart, end: data.valueStart + i }, dialect: DIALECT,
  };
  let phraseStart = i;
  while (phraseStart < value.length && value[phraseStart] === ' ') phraseStart++;
  let phraseEnd = value.length;
  while (phraseEnd > phraseStart && value[phraseEnd - 1] === ' ') phraseEnd--;
  const phrase = value.slice(phraseStart, phraseEnd);
  // A phrase made at run time (${reason}) is not a phrase the file gives.
  if (phrase.length > 0 && !phrase.includes('$')) {
    occurrence.phrase = { text: phrase, span: { start: data.valueStart + phraseStart, end: data.valueStart + phraseEnd } };
  }
  out.push(occurrence);
}

/** hangup data="USER_BUSY" / data="17": one cause. */
function scanHangup(data: XmlAttribute, line: number, out: Occurrence[]): void {
  const trimmed = data.value.trim();
  const occurrence = causeOccurrence(trimmed, data.valueStart + data.value.indexOf(trimmed), line, 'dialplan-app');
  if (occurrence) out.push(occurrence);
}

/** What switch_true() takes for yes: then continue_on_fail is not a list. */
function isTrue(value: string): boolean {
  return /^(?:yes|on|true|t|enabled|active|allow)$/i.test(value) || (/^[0-9]+$/.test(value) && Number(value) !== 0);
}

/** set data="continue_on_fail=USER_BUSY,603", export data="nolocal:sip_reason=...". */
function scanAssignment(data: XmlAttribute, line: number, out: Occurrence[]): void {
  const value = data.value;
  const prefix = /^[ \t]*(?:nolocal:)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(value);
  if (!prefix) return;
  const name = prefix[1].toLowerCase();
  const from = prefix[0].length;
  if (name === 'continue_on_fail' || name === 'failure_causes') {
    const list = value.slice(from);
    // A lone "true" or number switches continue_on_fail on for every failure: no cause is compared.
    if (name === 'continue_on_fail' && (isTrue(list.trim()) || /^(?:false|no|off|f)?$/i.test(list.trim()))) return;
    let start = from;
    for (let i = from; i <= value.length; i++) {
      if (i < value.length && value[i] !== ',') continue;
      const item = value.slice(start, i);
      const token = item.trim();
      const occurrence = token.length > 0
        ? causeOccurrence(token, data.valueStart + start + item.indexOf(token), line, 'channel-variable')
        : undefined;
      if (occurrence) out.push(occurrence);
      start = i + 1;
    }
  } else if (name === 'sip_reason') {
    scanReason(value, from, data.valueStart, line, out);
  }
}


/** sip_reason=SIP;cause=603;text="..." (or Q.850;cause=21): the values of the Reason header FreeSWITCH sends. */
function scanReason(value: string, from: number, offset: number, line: number, out: Occurrence[]): void {
  let start = from;
  let quoted = false;
  for (let i = from; i <= value.length; i++) {
    if (i < value.length) {
      if (value[i] === '"') quoted = !quoted;
      if (value.startsWith('&quot;', i)) quoted = !quoted;
      if (value[i] !== ',' || quoted) continue;
    }
    const item = value.slice(start, i);
    const cause = reasonCauseOf(item);
    if (cause) {
      const at = offset + start + cause.start;
      out.push({
        kind: cause.kind,
        context: 'reason-header',
        digits: cause.digits,
        value: numberOf(cause.digits),
        line,
        span: { start: at, end: at + cause.digits.length },
        dialect: DIALECT,
      });
    }
    start = i + 1;
  }
}

/** The fields whose value is a bare SIP status code, so that an expression on them is a pattern over codes. */
const STATUS_FIELDS = /^\$\{(?:sip_term_status|sip_invite_failure_status)\}$/;

/** <condition field="${sip_term_status}" expression="^(486|600)$">: the pattern, and each literal code in it. */
function scanCondition(tag: XmlTag, line: number, out: Occurrence[]): void {
  const field = attribute(tag, 'field');
  const expression = attribute(tag, 'expression');
  if (!field || !expression || !STATUS_FIELDS.test(field.value.trim()) || expression.value.length === 0) return;
  for (const literal of literalCodesIn(expression.value)) {
    const digits = expression.value.slice(literal.start, literal.end);
    out.push({
      kind: 'status', context: 'status-regex', digits, value: Number(digits), line,
      span: { start: expression.valueStart + literal.start, end: expression.valueStart + literal.end }, dialect: DIALECT,
    });
  }
  out.push({
    kind: 'status-pattern', context: 'status-regex', digits: expression.value, value: NaN, line,
    span: { start: expression.valueStart, end: expression.valueEnd }, dialect: DIALECT,
  });
}

// ---------------------------------------------------------------------------------------------
// Channel variables.

const STATUS_VARIABLES = ['sip_term_status', 'sip_invite_failure_status'];
const PROTO_VARIABLE = 'proto_specific_hangup_cause';

/**
 * sip_term_status=486, ${sip_term_status} == 486, sip_invite_failure_status='487',
 * proto_specific_hangup_cause=sip:486 (also last_bridge_...): the code the variable holds.
 */
function scanChannelVariables(text: string, comments: readonly Range[], line: number, out: Occurrence[]): void {
  for (const name of [...STATUS_VARIABLES, PROTO_VARIABLE]) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      if (/[A-Za-z0-9]/.test(text[at + name.length] ?? '') || text[at + name.length] === '_') continue;
      if (inRanges(comments, at)) continue;
      const value = assignedCode(text, at + name.length, name === PROTO_VARIABLE);
      if (!value) continue;
      const digits = text.slice(value.start, value.end);
      out.push({
        kind: 'status', context: 'channel-variable', digits, value: numberOf(digits), line, span: value, dialect: DIALECT,
      });
    }
  }
}

/** After a variable's name: "}"? then =, == or != then a quote? then (sip:)? and the digits. */
function assignedCode(text: string, from: number, sipPrefix: boolean): Range | undefined {
  let i = from;
  if (text[i] === '}') i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '=' || text[i] === '!') {
    if (text[i] === '!' && text[i + 1] !== '=') return undefined;
    i += text[i + 1] === '=' ? 2 : 1;
  } else {
    return undefined;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\'' || text[i] === '"') i++;
  if (sipPrefix) {
    if (text.slice(i, i + 4).toLowerCase() !== 'sip:') return undefined;
    i += 4;
  }
  const start = i;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  if (i === start || /[A-Za-z0-9_]/.test(text[i] ?? '')) return undefined;
  return { start, end: i };
}

// ---------------------------------------------------------------------------------------------
// Completion.

/** In data="..." of a respond action, where only digits are typed so far: "486 Busy Here" goes in. */
function respondSlot(text: string, character: number): CompletionSlot | undefined {
  const tag = xmlTagsOnLine(text, TAGS).find((t) => t.start < character && character <= t.end);
  if (!tag || inRanges(xmlCommentRanges(text), tag.start)) return undefined;
  if (attribute(tag, 'application')?.value.trim().toLowerCase() !== 'respond') return undefined;
  const data = attribute(tag, 'data');
  if (!data || character < data.valueStart || character > data.valueEnd) return undefined;
  if (!/^[0-9]*$/.test(text.slice(data.valueStart, character))) return undefined;
  return {
    span: { start: data.valueStart, end: data.valueEnd },
    insert: (code, phrase) => `${code} ${phrase}`,
  };
}
