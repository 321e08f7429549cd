import { causeEntry, freeswitchCauseByName } from '../registry';
import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { OccurrenceBuilder, type NumberKind } from '../scanner/build';
import { numberOf, type Occurrence } from '../scanner/occurrence';
import { literalCodesIn } from '../statusPattern';
import { attribute, inRanges, xmlCommentRanges, xmlTagsOnLine, type Range, type XmlAttribute, type XmlTag } from '../syntax/xmlLine';

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

const build = new OccurrenceBuilder(freeswitchDialect.id);

/** The tags that carry applications (and their data), and conditions. */
const TAGS = ['action', 'anti-action', 'condition'];

/** Whether the start of a document is FreeSWITCH XML configuration (a dialplan, or the whole freeswitch.xml). */
export function looksLikeFreeswitchXml(head: string): boolean {
  return /<include>|<extension[\s>]|<(?:anti-)?action[ \t]+application[ \t]*=|<document[ \t]+type[ \t]*=[ \t]*["']freeswitch/i.test(head);
}

// ---------------------------------------------------------------------------------------------
// Causes.

/** Q.850 for 1-127; FreeSWITCH's own numbers (and numbers that are no cause at all) otherwise. */
function causeKind(cause: number): NumberKind {
  return cause >= 1 && cause <= 127 && !causeEntry('freeswitch-cause', cause) ? 'q850' : 'freeswitch-cause';
}

/** A cause given by number or by name at `start` (digits or a name), as FreeSWITCH reads it. */
function causeOccurrence(token: string, start: number, line: number, context: Occurrence['context']): Occurrence | undefined {
  const span = { start, end: start + token.length };
  if (/^[0-9]+$/.test(token)) return build.number(causeKind(numberOf(token)), context, token, line, span);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(token)) return undefined;
  const value = freeswitchCauseByName(token);
  return value === undefined ? undefined : build.name(causeKind(value), context, token, value, line, span);
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
  let phraseStart = i;
  while (phraseStart < value.length && value[phraseStart] === ' ') phraseStart++;
  let phraseEnd = value.length;
  while (phraseEnd > phraseStart && value[phraseEnd - 1] === ' ') phraseEnd--;
  const text = value.slice(phraseStart, phraseEnd);
  // A phrase made at run time (${reason}) is not a phrase the file gives.
  const phrase = text.length > 0 && !text.includes('$')
    ? { text, span: { start: data.valueStart + phraseStart, end: data.valueStart + phraseEnd } }
    : undefined;
  out.push(build.number('status', 'dialplan-app', value.slice(digitsStart, i), line, { start: data.valueStart + digitsStart, end: data.valueStart + i }, { phrase }));
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
    const cause = build.reasonCause(value.slice(start, i), offset + start, line);
    if (cause) out.push(cause);
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
    const span = { start: expression.valueStart + literal.start, end: expression.valueStart + literal.end };
    out.push(build.number('status', 'status-regex', expression.value.slice(literal.start, literal.end), line, span));
  }
  out.push(build.pattern('status-regex', expression.value, line, { start: expression.valueStart, end: expression.valueEnd }));
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
      out.push(build.number('status', 'channel-variable', text.slice(value.start, value.end), line, value));
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
