import { isCodeVariable, isKemiCodeRead } from '../dialects/routingScript/values';
import { escapeRegExp, type Lines } from '../text';
import { OccurrenceBuilder } from './build';
import type { Occurrence, OccurrenceNote } from './occurrence';

/**
 * What a routing script's lines say about each other: the preprocessor names it defines
 * (#!define, #!trydef, #!substdef, #!subst, m4 define) and which of them stand where a code goes,
 * the subject of the switch around a `case` label, and what a variable compared with a number was
 * last assigned. `symbol` occurrences are resolved against it into status codes (a name that
 * stands for 603, the definition of a name used as a code, a label of a switch over $rs, a number
 * compared with a KEMI variable that holds the reply code) or into nothing; a phrase written as a
 * name gets the name's value.
 */
export interface SymbolTable {
  definitions: ReadonlyMap<string, Definition>;
  /** Names used where a code goes, with the lines of those uses (0-based). */
  usedAsCode: ReadonlyMap<string, number[]>;
  /** KEMI functions that pass a parameter on as a reply function's code: which argument, which one is the reason, where defined. */
  helpers: ReadonlyMap<string, Helper>;
  /** Variables that a reply function sends as its code ("$var(code)"), with the line of the first such reply. */
  sentAsCode: ReadonlyMap<string, number>;
}

interface Helper {
  code: number;
  reason: number | undefined;
  line: number;
}

interface Definition {
  value: string;
  line: number;
  inStrings: boolean;
}

const CODE_VALUE = /^[0-9]{3}$/;

/** A value that is a quoted phrase in a #!define ("Busy Here"), or any text in a #!subst or m4 define. */
function phraseValue(definition: Definition): string | undefined {
  const value = definition.value.trim();
  return value.length > 0 && !CODE_VALUE.test(value) ? value : undefined;
}

export function symbolTableOf(occurrences: readonly Occurrence[]): SymbolTable {
  const definitions = new Map<string, Definition>();
  const usedAsCode = new Map<string, number[]>();
  const helpers = new Map<string, Helper>();
  const sentAsCode = new Map<string, number>();
  let inFunction: { name: string; params: readonly string[]; line: number } | undefined;
  for (const o of occurrences) {
    if (o.kind !== 'symbol' || !o.symbol) continue;
    if (o.symbol.role === 'function') inFunction = { name: o.digits, params: o.symbol.params ?? [], line: o.line };
    if (o.symbol.role === 'sent' && !o.quiet && !sentAsCode.has(o.digits)) sentAsCode.set(o.digits, o.line);
    // A reply call in a function that gives a parameter as the code: the function is a helper that replies.
    const code = o.symbol.role === 'use' && o.context === 'reply-function' && !o.quiet && inFunction ? inFunction.params.indexOf(o.digits) : -1;
    if (code !== -1 && inFunction && !helpers.has(inFunction.name)) {
      const reason = o.phrase?.via === undefined ? -1 : inFunction.params.indexOf(o.phrase.via);
      helpers.set(inFunction.name, { code, reason: reason === -1 ? undefined : reason, line: inFunction.line });
    }
    if (o.symbol.role === 'definition' && o.symbol.value) {
      // The first definition counts (#!trydef defines only what is not defined yet).
      if (!definitions.has(o.digits)) definitions.set(o.digits, { value: o.symbol.value.text, line: o.line, inStrings: o.symbol.inStrings === true });
    }
  }
  for (const o of occurrences) {
    if (o.kind !== 'symbol' || o.symbol?.role !== 'use') continue;
    const definition = definitions.get(o.digits);
    if (!definition || !CODE_VALUE.test(definition.value) || (o.symbol.inStrings && !definition.inStrings)) continue;
    const lines = usedAsCode.get(o.digits);
    if (lines) {
      if (lines.length < 20) lines.push(o.line);
    } else {
      usedAsCode.set(o.digits, [o.line]);
    }
  }
  return { definitions, usedAsCode, helpers, sentAsCode };
}

/** How far above a `case` label the `switch` is looked for. */
const SWITCH_LOOKBACK_LINES = 200;
const SWITCH = /\bswitch[ \t]*\([ \t]*([^()]{1,40}?(?:\([^()]{0,20}\))?)[ \t]*\)/;

/** The subject of the nearest switch before the label at `column` of `line`, when it is a reply code. */
function codeSwitchAbove(lines: Lines, line: number, column: number): string | undefined {
  for (let l = line; l >= 0 && l >= line - SWITCH_LOOKBACK_LINES; l--) {
    const text = l === line ? lines.lineAt(l).slice(0, column) : lines.lineAt(l);
    if (!text.includes('switch')) continue;
    const subject = SWITCH.exec(text)?.[1].trim();
    // A switch over a variable that holds a reply code ($rs, $T_reply_code, $(rs{s.int}) ...) or over `status`.
    if (subject !== undefined) return subject === 'status' || isCodeVariable(subject.replace(/[ \t]+/g, '')) ? subject : undefined;
  }
  return undefined;
}

/** How far above a comparison the variable's assignment is looked for. */
const ASSIGNMENT_LOOKBACK_LINES = 200;

/**
 * The line of the nearest assignment to `name` before `column` of `line`, when what it assigns is
 * the reply code (code = KSR.kx.get_status()); undefined when it assigns anything else, or none is near.
 */
function codeAssignmentAbove(lines: Lines, line: number, column: number, name: string): number | undefined {
  const assignment = new RegExp(`(?:^|[^A-Za-z0-9_.$:])${escapeRegExp(name)}[ \\t]*=(?!=)[ \\t]*`, 'g');
  for (let l = line; l >= 0 && l >= line - ASSIGNMENT_LOOKBACK_LINES; l--) {
    const text = l === line ? lines.lineAt(l).slice(0, column) : lines.lineAt(l);
    if (!text.includes(name)) continue;
    let last: RegExpExecArray | null = null;
    assignment.lastIndex = 0;
    for (let found = assignment.exec(text); found; found = assignment.exec(text)) last = found;
    if (last) return isKemiCodeRead(text.slice(last.index + last[0].length)) ? l : undefined;
  }
  return undefined;
}

/** The helper a call names: as defined (reply.stateless), or a method called on self or this. */
function helperCalled(table: SymbolTable, callee: string): Helper | undefined {
  return table.helpers.get(callee) ?? table.helpers.get(callee.replace(/^(?:self|this)\./, ''));
}

function withNote(o: Occurrence, note: OccurrenceNote): OccurrenceNote[] {
  return [...(o.notes ?? []), note];
}

/** The phrase of an occurrence with its names replaced by their values (none when a name has no value here). */
function resolvePhrase(o: Occurrence, table: SymbolTable): Occurrence['phrase'] {
  const phrase = o.phrase;
  if (!phrase) return undefined;
  if (phrase.via !== undefined) {
    const definition = table.definitions.get(phrase.via);
    const value = definition && phraseValue(definition);
    return value === undefined ? undefined : { text: value, span: phrase.span, via: phrase.via };
  }
  const definition = table.definitions.get(phrase.text);
  const value = definition?.inStrings ? phraseValue(definition) : undefined;
  return value === undefined ? phrase : { text: value, span: phrase.span, via: phrase.text };
}

/** The occurrences with their symbols resolved (the others as they are), in the same order. */
export function resolveSymbols(occurrences: readonly Occurrence[], table: SymbolTable, lines: Lines): Occurrence[] {
  const out: Occurrence[] = [];
  for (const o of occurrences) {
    if (o.kind !== 'symbol') {
      if (!o.phrase || (o.phrase.via === undefined && !table.definitions.has(o.phrase.text))) {
        out.push(o);
        continue;
      }
      const phrase = resolvePhrase(o, table);
      const resolved: Occurrence = { ...o };
      if (phrase) resolved.phrase = phrase;
      else delete resolved.phrase;
      out.push(resolved);
      continue;
    }
    const resolved = resolveSymbol(o, table, lines);
    if (resolved) out.push(resolved);
  }
  return out;
}

function resolveSymbol(o: Occurrence, table: SymbolTable, lines: Lines): Occurrence | undefined {
  const role = o.symbol?.role;
  const build = new OccurrenceBuilder(o.dialect);
  if (role === 'case') {
    const subject = codeSwitchAbove(lines, o.line, o.span.start);
    if (subject === undefined) return undefined;
    return build.number('status', o.context, o.digits, o.line, o.span, { quiet: o.quiet, notes: withNote(o, { key: 'switchLabel', args: [subject] }) });
  }
  if (role === 'function' || role === 'sent') return undefined;
  if (role === 'assigned' || (role === 'compared' && table.sentAsCode.has(o.symbol?.subject ?? ''))) {
    const subject = o.symbol?.subject ?? '';
    const sent = table.sentAsCode.get(subject);
    if (sent === undefined) return undefined;
    return build.number('status', o.context, o.digits, o.line, o.span, { quiet: o.quiet, notes: withNote(o, { key: 'sentAsReply', args: [subject, String(sent + 1)] }) });
  }
  if (role === 'argument') {
    const callee = o.symbol?.subject ?? '';
    const helper = helperCalled(table, callee);
    if (!helper || helper.code !== o.symbol?.index) return undefined;
    return build.number('status', o.context, o.digits, o.line, o.span, {
      quiet: o.quiet,
      phrase: helper.reason === helper.code + 1 ? resolvePhrase(o, table) : undefined,
      notes: withNote(o, { key: 'sendsReply', args: [callee, String(helper.line + 1)] }),
    });
  }
  if (role === 'compared') {
    const subject = o.symbol?.subject;
    const assigned = subject === undefined ? undefined : codeAssignmentAbove(lines, o.line, o.span.start, subject);
    if (assigned === undefined) return undefined;
    return build.number('status', o.context, o.digits, o.line, o.span, {
      quiet: o.quiet, notes: withNote(o, { key: 'holdsReplyCode', args: [subject!, String(assigned + 1)] }),
    });
  }
  if (role === 'definition') {
    const uses = table.usedAsCode.get(o.digits);
    const value = o.symbol?.value;
    if (!uses || !value || !CODE_VALUE.test(value.text) || table.definitions.get(o.digits)?.line !== o.line) return undefined;
    return build.number('status', o.context, value.text, o.line, value.span, {
      quiet: true, notes: withNote(o, { key: 'definitionUsed', args: [o.digits, uses.map((l) => String(l + 1)).join(', ')] }),
    });
  }
  const definition = table.definitions.get(o.digits);
  if (!definition || !CODE_VALUE.test(definition.value) || (o.symbol?.inStrings && !definition.inStrings)) return undefined;
  return build.number('status', o.context, definition.value, o.line, o.span, {
    quiet: o.quiet,
    notes: withNote(o, { key: 'standsFor', args: [o.digits, definition.value, String(definition.line + 1)] }),
    phrase: resolvePhrase(o, table),
    allowed: o.allowed,
  });
}
