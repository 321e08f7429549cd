import type { ModparamSpec, ReplyFunction } from '../../../data/types';
import type { Dialect } from '../../scanner/dialect';
import { OccurrenceBuilder } from '../../scanner/build';
import { MAX_PHRASE_CHARS, type LineSpan, type Occurrence, type OccurrenceNote } from '../../scanner/occurrence';
import { literalCodesIn } from '../../statusPattern';
import { completionSlot } from './completion';
import { COLON, DOT, EQUALS, IDENT, IN_CODE, NUMBER, OP, OPEN_PAREN, PVAR, SEMICOLON, STRING, isLexState, lexLine, type Tokens } from './lexer';
import type { RoutingScriptConfig } from './index';
import {
  Line, hasPseudoVariable, isAllDigits, literalCode, phraseOf, single, type CallArgs, type WrittenCode,
} from './tokens';
import { codeListItems, codeValueAt, comparisonOf, isKnownCode, isReversible, type Comparison } from './values';

/**
 * Recognition: what in a routing script's line is a status code. The code of the line, and the
 * code-like text of its comments (commented-out code, which is explained but never diagnosed;
 * prose in comments reads as nothing), `#!define`/`#!trydef`/`#!substdef`/`#!subst` and m4
 * `define` lines, names where a code goes, `case` labels, acc comments and JSON-RPC `tm.reply`
 * and MI `t_reply` commands built in strings. What needs other lines (a name's value, a switch's
 * subject) comes out as a `symbol` that the document resolves (scanner/symbols.ts).
 */

const MODPARAM_FUNCTIONS: ReadonlySet<string> = new Set(['modparam', 'modparamx']);

/**
 * Every line with an occurrence has one of these: reply functions, *_status checks, $rs,
 * $err.rcode, the code modparams, preprocessor definitions, case labels, acc functions, or a
 * number assigned to or compared with a variable (which may be one that a reply sends). The acc
 * functions' prefix has no word boundary before it: the lexer reads `2.0acc_log_request(` as a
 * number and a call.
 */
const TRIGGER = /reply|status|\$\(?rs|rcode|_codes?\b|define|trydef|subst|\bcase\b|acc_|[=<>][ \t]*["']?[1-6][0-9][0-9]\b|\b[1-6][0-9][0-9]["']?[ \t]*[=<>!]/;
/** KEMI scripts: also a function's head and a number passed to a call. */
const KEMI_TRIGGER = new RegExp(`${TRIGGER.source}|\\b(?:function|def)[ \\t]|[(,][ \\t]*[1-6][0-9][0-9][ \\t]*[,)]`);

/** Lines that may open or close a block comment: /* *\/, and KEMI Lua's --[[ ]] (--[==[ ]==] ...). */
const BLOCK_COMMENT_MARKER = /\/\*|\*\/|--\[=*\[|\]=*\]/;

export function createRoutingScriptDialect(config: RoutingScriptConfig): Dialect {
  const build = new OccurrenceBuilder(config.id);
  return {
    id: config.id,
    trigger: config.kemi ? KEMI_TRIGGER : TRIGGER,
    carried: { marker: BLOCK_COMMENT_MARKER, stateAfter: (text, state) => lexLine(text, state).endState },
    symbols: true,
    scanLine: (text, line, out, state) => scanLine(config, build, text, line, out, state !== undefined && isLexState(state) ? state : IN_CODE),
    completionAt: (lines, line, character) => completionSlot(config, lines, line, character),
  };
}

export function replyFunctionOf(config: RoutingScriptConfig, name: string): ReplyFunction | undefined {
  return Object.prototype.hasOwnProperty.call(config.replyFunctions, name) ? config.replyFunctions[name] : undefined;
}

/** What a call by this name is, if it takes codes. */
export function callKind(config: RoutingScriptConfig, name: string): 'reply' | 'pattern' | 'check' | 'modparam' | 'accounting' | undefined {
  if (name.length > 40) return undefined;
  if (replyFunctionOf(config, name)) return 'reply';
  if (config.statusPatternFunctions.includes(name)) return 'pattern';
  if (config.statusCheckFunctions.includes(name)) return 'check';
  if (config.accountingFunctions.includes(name)) return 'accounting';
  return MODPARAM_FUNCTIONS.has(name) ? 'modparam' : undefined;
}

function scanLine(config: RoutingScriptConfig, build: OccurrenceBuilder, text: string, lineNumber: number, out: Occurrence[], state: number): void {
  const lexed = lexLine(text, state);
  scanDefinition(build, text, lineNumber, out);
  if (config.kemi && state === IN_CODE) scanFunctionHead(build, text, lineNumber, out);
  scanTokens(config, new Line(text, lexed.code), new Emitter(build, lineNumber, out, false));
  for (const comment of lexed.comments) scanComment(config, build, text, comment, lineNumber, out);
}

/** Commented-out code: a comment that holds a call or a comparison is read as code, found quiet. */
function scanComment(config: RoutingScriptConfig, build: OccurrenceBuilder, text: string, comment: Tokens, lineNumber: number, out: Occurrence[]): void {
  if (comment.length < 3) return;
  scanTokens(config, new Line(text, comment), new Emitter(build, lineNumber, out, true));
}

function scanTokens(config: RoutingScriptConfig, line: Line, emit: Emitter): void {
  for (let k = 0; k < line.count; k++) {
    const type = line.type(k);
    if (type === IDENT && line.isPunct(k + 1, OPEN_PAREN)) scanCall(config, line, k, emit);
    else if (type === IDENT && isCaseLabel(line, k)) emit.caseLabel(line, k + 1);
    else if (type === STRING) scanRpcReply(line, k, emit);
    const valueEnd = codeValueAt(line, k);
    if (valueEnd !== undefined) {
      scanComparison(line, valueEnd + 1, valueEnd + 2, emit);
    } else if ((type === NUMBER || type === STRING) && isReversible(comparisonOf(line, k + 1)) && codeValueAt(line, k + 2) !== undefined) {
      // Reversed: 486 == $rs (a pattern is never on the left of =~).
      scanComparison(line, k + 1, k, emit);
    } else if (isVariable(config, line, k)) {
      if (line.type(k) === PVAR && isAssignment(line, k + 1)) scanAssignment(line, k, emit);
      else scanVariableComparison(line, k, k + 1, k + 2, emit);
    } else if (isVariable(config, line, k + 2)) {
      scanVariableComparison(line, k + 2, k + 1, k, emit);
    }
  }
}

/** A variable that may hold a code: a pseudo-variable ($var(code), $avp(rc)), or in KEMI scripts a local (code, rc ...). */
function isVariable(config: RoutingScriptConfig, line: Line, k: number): boolean {
  if (k >= line.count) return false;
  if (line.type(k) === PVAR) return line.end(k) - line.start(k) <= MAX_HOLDER_CHARS;
  return config.kemi === true && isPlainVariable(line, k);
}

/** `=` alone: an assignment, not a comparison. */
function isAssignment(line: Line, k: number): boolean {
  return k < line.count && line.type(k) === OP && line.end(k) - line.start(k) === 1 && line.text.charCodeAt(line.start(k)) === EQUALS;
}

/** `$var(code) = 403;`: a code when a reply sends the variable (the document decides). */
function scanAssignment(line: Line, variable: number, emit: Emitter): void {
  const value = variable + 2;
  if (value >= line.count || line.type(value) !== NUMBER || line.end(value) - line.start(value) !== 3) return;
  if (value + 1 < line.count && !line.isPunct(value + 1, SEMICOLON)) return;
  emit.assigned({ digits: line.textOf(value), span: { start: line.start(value), end: line.end(value) } }, line.textOf(variable));
}

/** The longest pseudo-variable taken as a holder of a code ($(sel(cfg_get.group.name){s.int}) included). */
const MAX_HOLDER_CHARS = 100;

/** A pseudo-variable that a reply function sends as its code, written alone in the code argument ("$var(code)", $var(code)). */
function sentHolder(line: Line, k: number | undefined): { text: string; span: LineSpan } | undefined {
  if (k === undefined) return undefined;
  const span = line.type(k) === PVAR ? { start: line.start(k), end: line.end(k) } : line.type(k) === STRING ? line.contentOf(k) : undefined;
  if (!span || span.end - span.start > MAX_HOLDER_CHARS || span.end - span.start < 2) return undefined;
  const text = line.text.slice(span.start, span.end);
  return text[0] === '$' && text.indexOf('$', 1) === -1 && !/[ \t]/.test(text) ? { text, span } : undefined;
}

/** A script's own variable (a KEMI local: code, rc ...): a name alone, neither called nor a member nor a member's owner. */
function isPlainVariable(line: Line, k: number): boolean {
  return k < line.count && line.type(k) === IDENT && line.end(k) - line.start(k) <= 40 && !line.isPunct(k - 1, DOT) && !line.isPunct(k - 1, COLON)
    && !line.isPunct(k + 1, OPEN_PAREN) && !line.isPunct(k + 1, DOT);
}

/**
 * A number compared with a variable of the script (code >= 180, 200 == rc): a code when the
 * variable holds the reply code, which the lines above tell (a symbol the document resolves).
 */
function scanVariableComparison(line: Line, variable: number, op: number, value: number, emit: Emitter): void {
  const comparison: Comparison | undefined = comparisonOf(line, op);
  if (!isReversible(comparison) || value < 0 || value >= line.count) return;
  const type = line.type(value);
  const span = type === NUMBER ? { start: line.start(value), end: line.end(value) } : type === STRING ? line.contentOf(value) : undefined;
  if (!span || span.end - span.start !== 3 || !isAllDigits(line.text, span)) return;
  const digits = line.text.slice(span.start, span.end);
  if (comparison === 'order' && !isKnownCode(digits)) return;
  emit.compared({ digits, span }, line.textOf(variable));
}

/** `case 486:` at the start of a statement: a code when the switch is over one (the document decides). */
function isCaseLabel(line: Line, k: number): boolean {
  if (line.type(k + 1) !== NUMBER || !line.isPunct(k + 2, COLON) || line.end(k) - line.start(k) !== 4 || !line.text.startsWith('case', line.start(k))) return false;
  return k === 0 || line.isPunct(k - 1, SEMICOLON) || line.isPunct(k - 1, 123) || line.isPunct(k - 1, 125);
}

// ---------------------------------------------------------------------------------------------
// Preprocessor names

/** Kamailio: #!define NAME value, #!trydef, #!redefine (also with !! for #!); the value runs to the end of the line. */
const KAMAILIO_DEFINE = /^[ \t]*(?:#!|!!)(?:define|trydef|redefine)[ \t]+([A-Za-z_][A-Za-z0-9_]{0,63})(?:[ \t]+([^ \t][^\r\n]*))?$/;
/** Kamailio: #!subst "/NAME/value/flags", #!substdef (also defines NAME): replaced inside strings too. */
const KAMAILIO_SUBST = /^[ \t]*(?:#!|!!)(?:subst|substdef|substdefs)[ \t]+"/;
/** m4 (OpenSIPS templates): define(`NAME', `value') or define(NAME, value); replaced wherever the name stands, strings included. */
const M4_DEFINE = /^[ \t]*define\([ \t]*`?([A-Za-z_][A-Za-z0-9_]{0,63})'?[ \t]*,/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A name's definition on a line: the name, its value and where the value starts. */
function definitionOn(text: string): { name: string; value: string; start: number; inStrings: boolean } | undefined {
  const define = KAMAILIO_DEFINE.exec(text);
  if (define) {
    const value = (define[2] ?? '').trimEnd();
    return { name: define[1], value, start: text.length - define[2]?.length, inStrings: false };
  }
  const subst = KAMAILIO_SUBST.exec(text);
  if (subst) {
    // "/NAME/value/flags": the first character is the separator.
    const separator = text[subst[0].length];
    const nameStart = subst[0].length + 1;
    const nameEnd = text.indexOf(separator, nameStart);
    const valueEnd = nameEnd === -1 ? -1 : text.indexOf(separator, nameEnd + 1);
    if (valueEnd === -1 || !NAME.test(text.slice(nameStart, nameEnd))) return undefined;
    return { name: text.slice(nameStart, nameEnd), value: text.slice(nameEnd + 1, valueEnd), start: nameEnd + 1, inStrings: true };
  }
  const m4 = M4_DEFINE.exec(text);
  if (m4) {
    let start = m4[0].length;
    while (text[start] === ' ' || text[start] === '\t') start++;
    const quoted = text[start] === '`';
    if (quoted) start++;
    let end = start;
    while (end < text.length && end - start <= MAX_PHRASE_CHARS && !(quoted ? text[end] === "'" : text[end] === ')' || text[end] === ',')) end++;
    return { name: m4[1], value: quoted ? text.slice(start, end) : text.slice(start, end).trimEnd(), start, inStrings: true };
  }
  return undefined;
}

/** A definition line: its name, and the value it stands for (a number or a phrase, inside its quotes when quoted). */
function scanDefinition(build: OccurrenceBuilder, text: string, lineNumber: number, out: Occurrence[]): void {
  if (text.length > 2000 || !/def|subst/.test(text)) return;
  const definition = definitionOn(text);
  if (!definition || definition.value.length === 0) return;
  const { name, value } = definition;
  let span: LineSpan = { start: definition.start, end: definition.start + value.length };
  // A quoted value stands for what is inside the quotes.
  if (value.length >= 2 && value[0] === '"' && value[value.length - 1] === '"') span = { start: span.start + 1, end: span.end - 1 };
  out.push(build.symbol('definition', name, lineNumber, span, {
    role: 'definition', value: { text: text.slice(span.start, span.end), span }, inStrings: definition.inStrings,
  }));
}

// ---------------------------------------------------------------------------------------------
// Strings that build a reply command: JSON-RPC tm.reply (Kamailio), MI t_reply (OpenSIPS)

/** The method of a JSON-RPC or MI request that replies to a transaction, in a string (its quotes may be escaped). */
const RPC_REPLY_METHOD = /\\?"method\\?"[ \t]*:[ \t]*\\?"(?:tm\.reply|t_reply)\\?"/;
/** Its code: the first of positional params, or the named "code". */
const RPC_POSITIONAL = /\\?"params\\?"[ \t]*:[ \t]*\[[ \t]*(\\?"?)([0-9]{1,6})\1(?:[ \t]*,[ \t]*\\?"([^"\\]{1,200})\\?")?/;
const RPC_NAMED_CODE = /\\?"code\\?"[ \t]*:[ \t]*(\\?"?)([0-9]{1,6})\1/;
const RPC_NAMED_REASON = /\\?"reason\\?"[ \t]*:[ \t]*\\?"([^"\\]{1,200})\\?"/;

/** The code and reason of a tm.reply/t_reply request written in string token k. */
function scanRpcReply(line: Line, k: number, emit: Emitter): void {
  const content = line.contentOf(k);
  // The shortest such request names its method and a code: {"method":"t_reply","params":[486]}.
  if (content.end - content.start < 30 || content.end - content.start > 4000) return;
  const body = line.text.slice(content.start, content.end);
  if (!body.includes('reply') || !RPC_REPLY_METHOD.test(body)) return;
  const positional = RPC_POSITIONAL.exec(body);
  const named = positional ? null : RPC_NAMED_CODE.exec(body);
  const match = positional ?? named;
  if (!match) return;
  const codeStart = content.start + match.index + match[0].indexOf(match[2], match[0].search(/[\[:]/));
  const code: WrittenCode = { digits: match[2], span: { start: codeStart, end: codeStart + match[2].length } };
  let reason: string | undefined;
  let reasonStart = -1;
  if (positional && positional[3] !== undefined) {
    reason = positional[3];
    reasonStart = content.start + positional.index + positional[0].lastIndexOf(reason);
  } else if (named) {
    const r = RPC_NAMED_REASON.exec(body);
    if (r) {
      reason = r[1];
      reasonStart = content.start + r.index + r[0].lastIndexOf(reason);
    }
  }
  const phrase = reason === undefined ? undefined : { text: reason, span: { start: reasonStart, end: reasonStart + reason.length } };
  emit.status('reply-function', code, phrase, undefined, [{ key: 'rpcReply', args: [] }]);
}

// ---------------------------------------------------------------------------------------------
// KEMI helper functions: function reply.busy(code, text) KSR.sl.sl_send_reply(code, text) end

/** The head of a KEMI function: Lua `[local] function a.b(x, y)`, Python and Ruby `def f(self, x, y=1)`, JavaScript and Squirrel `function f(x, y) {`. */
const FUNCTION_HEAD = /^[ \t]*(?:local[ \t]+)?(?:function|def)[ \t]+([A-Za-z_][A-Za-z0-9_.:]{0,80})[ \t]*\(([^()]{0,300})\)/;
const PARAM = /^[ \t]*([A-Za-z_][A-Za-z0-9_]{0,40})/;

/** A function's head, with its parameters (a default value and a method's self left out): the document decides whether it replies. */
function scanFunctionHead(build: OccurrenceBuilder, text: string, lineNumber: number, out: Occurrence[]): void {
  if (text.length > 2000 || !/function|def/.test(text)) return;
  const head = FUNCTION_HEAD.exec(text);
  if (!head) return;
  const params = head[2].split(',').map((param) => PARAM.exec(param)?.[1] ?? '');
  if (params[0] === 'self') params.shift();
  const start = head[0].indexOf(head[1], head[0].search(/function|def/));
  out.push(build.symbol('reply-function', head[1], lineNumber, { start, end: start + head[1].length }, { role: 'function', params }));
}

/** A call of a function that is not the script's own (reply.stateless(486, "Busy Here")): each number argument may be a helper's code. */
function scanHelperCall(line: Line, k: number, emit: Emitter): void {
  let first = k;
  while (first >= 2 && line.isPunct(first - 1, DOT) && line.type(first - 2) === IDENT) first -= 2;
  const callee = line.text.slice(line.start(first), line.end(k));
  if (callee.length > 80) return;
  const args = line.argsOf(k + 1);
  for (let index = 0; index < args.length && index < 8; index++) {
    const arg = single(args, index);
    if (arg === undefined || line.type(arg) !== NUMBER || line.end(arg) - line.start(arg) !== 3) continue;
    emit.argument({ digits: line.textOf(arg), span: { start: line.start(arg), end: line.end(arg) } }, callee, index, phraseOf(line, single(args, index + 1)));
  }
}

function scanCall(config: RoutingScriptConfig, line: Line, k: number, emit: Emitter): void {
  const name = line.textOf(k);
  const kind = callKind(config, name);
  if (!kind) {
    if (config.kemi) scanHelperCall(line, k, emit);
    return;
  }
  const args = line.argsOf(k + 1);
  switch (kind) {
    case 'reply': {
      const reply = replyFunctionOf(config, name)!;
      const code = literalCode(line, single(args, reply.code));
      if (!code) {
        const holder = sentHolder(line, single(args, reply.code));
        if (holder) emit.sent(holder.text, holder.span);
        return;
      }
      const phrase = reply.reason === undefined ? undefined : phraseOf(line, single(args, reply.reason));
      emit.status('reply-function', code, phrase, undefined, reply.keepsReceivedClass ? [{ key: 'keepsReceivedClass', args: [] }] : undefined);
      return;
    }
    case 'accounting':
      scanAccountingComment(line, single(args, 0), emit);
      return;
    case 'pattern': {
      const pattern = single(args, 0);
      if (pattern !== undefined && line.type(pattern) === STRING) emit.pattern(line, pattern);
      return;
    }
    case 'check': {
      // t_grep_status("486") takes one code (not a pattern): did any branch get it?
      const code = literalCode(line, single(args, 0));
      if (code) emit.status('status-comparison', code);
      return;
    }
    case 'modparam':
      scanModparam(config, line, args, emit);
  }
}

export function modparamSpec(config: RoutingScriptConfig, line: Line, args: CallArgs): ModparamSpec | undefined {
  const module = single(args, 0);
  const param = single(args, 1);
  if (module === undefined || param === undefined || line.type(module) !== STRING || line.type(param) !== STRING || !args[2]) return undefined;
  const moduleSpan = line.contentOf(module);
  const paramSpan = line.contentOf(param);
  if (moduleSpan.end - moduleSpan.start > 40 || paramSpan.end - paramSpan.start > 60) return undefined;
  const key = `${line.text.slice(moduleSpan.start, moduleSpan.end).trim()}/${line.text.slice(paramSpan.start, paramSpan.end).trim()}`;
  return Object.prototype.hasOwnProperty.call(config.modparams, key) ? config.modparams[key] : undefined;
}

function scanModparam(config: RoutingScriptConfig, line: Line, args: CallArgs, emit: Emitter): void {
  const spec = modparamSpec(config, line, args);
  const value = single(args, 2);
  if (!spec || value === undefined) return;
  if (spec.kind === 'code') {
    const code = literalCode(line, value);
    if (code) emit.status('modparam', code, undefined, spec.allowed);
    return;
  }
  if (line.type(value) !== STRING) return;
  if (spec.kind === 'regex') {
    emit.pattern(line, value, 'modparam');
    return;
  }
  for (const item of codeListItems(line.text, line.contentOf(value))) {
    emit.status('modparam', { digits: line.text.slice(item.start, item.end), span: item }, undefined, spec.allowed);
  }
}

/** The comparison `op` of a code value with the token `value` (after it, or before it when reversed: 486 == $rs). */
function scanComparison(line: Line, op: number, value: number, emit: Emitter): void {
  const comparison = comparisonOf(line, op);
  if (!comparison || value >= line.count) return;
  if (comparison === 'match') {
    if (line.type(value) === STRING) emit.pattern(line, value);
    return;
  }
  const code = literalCode(line, value);
  if (!code) return;
  if (comparison === 'order' && !isKnownCode(code.digits)) return;
  emit.status('status-comparison', code);
}

/**
 * acc's comment argument (acc_log_request("200 Dialog Timeout")): acc takes three leading digits
 * for the record's SIP code and the rest for its reason (acc_parse_code in acc_logic.c), when the
 * comment holds no pseudo-variable.
 */
function scanAccountingComment(line: Line, k: number | undefined, emit: Emitter): void {
  if (k === undefined || line.type(k) !== STRING) return;
  const text = line.text;
  const content = line.contentOf(k);
  if (content.end - content.start > MAX_PHRASE_CHARS || hasPseudoVariable(text, content)) return;
  const digits = /^[0-9]{3}(?![0-9])/.exec(text.slice(content.start, content.start + 4));
  if (!digits) return;
  const code: WrittenCode = { digits: digits[0], span: { start: content.start, end: content.start + 3 } };
  let start = content.start + 3;
  while (start < content.end && (text[start] === ' ' || text[start] === '\t')) start++;
  let end = content.end;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const phrase = end > start ? { text: text.slice(start, end), span: { start, end } } : undefined;
  emit.status('accounting', code, phrase, undefined, [{ key: 'accounting', args: [] }]);
}

/** Builds the occurrences of one line, of its code or of one of its comments (`quiet`: commented-out code, noted as such). */
class Emitter {
  constructor(private readonly build: OccurrenceBuilder, private readonly line: number, private readonly out: Occurrence[], private readonly quiet: boolean) {}

  /** A code as written, or a name written in its place (a symbol the document resolves). */
  status(
    context: Occurrence['context'], code: WrittenCode, phrase?: Occurrence['phrase'], allowed?: Occurrence['allowed'], notes?: OccurrenceNote[],
  ): void {
    const details = { phrase, allowed, ...this.quietness(notes) };
    this.out.push(code.name
      ? this.build.symbol(context, code.digits, this.line, code.span, { role: 'use', inStrings: code.name.inString }, details)
      : this.build.number('status', context, code.digits, this.line, code.span, details));
  }

  /** A number compared with a script variable: a symbol until the document knows what the variable holds. */
  compared(code: WrittenCode, subject: string): void {
    this.out.push(this.build.symbol('status-comparison', code.digits, this.line, code.span, { role: 'compared', subject }, this.quietness()));
  }

  /** A variable that a reply function sends as its code: what the document knows its assignments and comparisons by. */
  sent(holder: string, span: LineSpan): void {
    this.out.push(this.build.symbol('reply-function', holder, this.line, span, { role: 'sent' }, this.quietness()));
  }

  /** A number assigned to a variable: a symbol until the document knows whether a reply sends the variable. */
  assigned(code: WrittenCode, variable: string): void {
    this.out.push(this.build.symbol('reply-function', code.digits, this.line, code.span, { role: 'assigned', subject: variable }, this.quietness()));
  }

  /** A number passed to a function: a symbol until the document knows whether the function replies with it. */
  argument(code: WrittenCode, callee: string, index: number, phrase: Occurrence['phrase']): void {
    this.out.push(this.build.symbol('reply-function', code.digits, this.line, code.span, { role: 'argument', subject: callee, index }, { phrase, ...this.quietness() }));
  }

  /** A `case` label's number: a symbol until the document knows what the switch is over. */
  caseLabel(line: Line, k: number): void {
    this.out.push(this.build.symbol('status-comparison', line.textOf(k), this.line, { start: line.start(k), end: line.end(k) }, { role: 'case' }, this.quietness()));
  }

  /**
   * The literal codes of the pattern in string token k (first, so that a hover on one explains the
   * code; no phrase, so that inlay hints name them), then the pattern itself, which the
   * status-regex rule checks. The pattern spans the whole string, quotes included, so that it can
   * be hovered even when its codes fill it ("486|408").
   */
  pattern(line: Line, k: number, context: Occurrence['context'] = 'status-regex'): void {
    const text = line.text;
    const content = line.contentOf(k);
    if (hasPseudoVariable(text, content)) return;
    for (const code of literalCodesIn(text, content.start, content.end)) this.status(context, { digits: text.slice(code.start, code.end), span: code });
    const pattern = text.slice(content.start, content.end);
    this.out.push(this.build.pattern(context, pattern, this.line, { start: line.start(k), end: line.end(k) }, this.quietness()));
  }

  /** The notes of an occurrence, and for commented-out code, quiet with a note that says so. */
  private quietness(notes: OccurrenceNote[] = []): { notes: OccurrenceNote[]; quiet?: true } {
    return this.quiet ? { notes: [...notes, { key: 'commentedOut', args: [] }], quiet: true } : { notes };
  }
}
