import type { ModparamSpec, ReplyFunction, RoutingScriptCodeTables } from '../../data/types';
import { statusEntry } from '../registry';
import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { numberOf, type LineSpan, type Occurrence } from '../scanner/occurrence';
import { isBranchStart, literalCodesIn } from '../statusPattern';
import type { Lines } from '../text';

/**
 * What Kamailio and OpenSIPS routing scripts have in common (both descend from SER): the reply
 * functions whose argument is a status code, the variables that hold the code of a reply
 * ($rs, $T_reply_code ...), the regular expressions over codes (t_check_status, status=~) and the
 * module parameters that take codes. Each product's dialect is this engine with its own tables.
 *
 * A line is read by a small lexer that knows the script's strings, pseudo-variables and comments
 * (#, //, and /* *\/ on the line), so nothing inside a comment, an xlog text or a route name is
 * ever taken for a code. Everything is line-local and linear in the line length (tokens live in
 * typed arrays, brackets are matched in one pass), so a 10 MB line costs a fraction of a second.
 */

/** A product's tables of what takes a code (server/src/data/routingScripts.ts) and how it writes codes. */
export interface RoutingScriptConfig extends RoutingScriptCodeTables {
  id: 'kamailio' | 'opensips';
  /**
   * How the code argument of a reply function is written when completion inserts it:
   * Kamailio's scripts quote it (sl_send_reply("486", ...)), OpenSIPS 3.x wants an integer.
   * What the user already typed (a quote, a bare digit, a KEMI call) wins over this.
   */
  codeStyle: 'quoted' | 'bare';
}

// ---------------------------------------------------------------------------------------------
// The lexer

/** Token types (numbers, to keep tokens in typed arrays). */
const IDENT = 1;
const NUMBER = 2;
/** A string whose closing quote is on the line. */
const STRING = 3;
/** A string that runs to the end of the line. */
const OPEN_STRING = 4;
const PVAR = 5;
const OP = 6;
const PUNCT = 7;

/** The tokens of a line's code, as parallel arrays. */
class Tokens {
  type = new Uint8Array(16);
  start = new Int32Array(16);
  end = new Int32Array(16);
  length = 0;
  /** Where the code of the line ends (the start of a trailing comment, or the line length). */
  codeEnd = 0;

  push(type: number, start: number, end: number): void {
    if (this.length === this.type.length) {
      const size = this.length * 2;
      const type = new Uint8Array(size);
      type.set(this.type);
      const starts = new Int32Array(size);
      starts.set(this.start);
      const ends = new Int32Array(size);
      ends.set(this.end);
      this.type = type;
      this.start = starts;
      this.end = ends;
    }
    this.type[this.length] = type;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }
}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;
const BACKSLASH = 92;
const DOLLAR = 36;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
const DOT = 46;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const COMMA = 44;
const EQUALS = 61;
const BANG = 33;
const LESS = 60;
const GREATER = 62;
const TILDE = 126;
const AMPERSAND = 38;
const PIPE = 124;
const SEMICOLON = 59;
const MINUS = 45;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === 13 || code === 12 || code === 11;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigitCode(code);
}

/** The length of the operator at `i` (==, !=, <=, >=, =~, !~, &&, ||, <, >, =), or 0. */
function operatorLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if ((c === EQUALS || c === BANG) && (next === EQUALS || next === TILDE)) return 2;
  if ((c === LESS || c === GREATER) && next === EQUALS) return 2;
  if ((c === AMPERSAND && next === AMPERSAND) || (c === PIPE && next === PIPE)) return 2;
  return c === LESS || c === GREATER || c === EQUALS ? 1 : 0;
}

/** The index just after the bracket that closes the one at `open` (or the line length). */
function skipBalanced(text: string, open: number, openCode: number, closeCode: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === openCode) depth++;
    else if (c === closeCode && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * Where the code of a line starts: after the end of a block comment begun on an earlier line
 * ("... *\/ code"), nowhere on a comment continuation line (" * text") or a KEMI Lua comment.
 */
function codeStartOf(text: string): number {
  const close = text.indexOf('*/');
  if (close !== -1) {
    const open = text.indexOf('/*');
    if (open === -1 || open > close) return close + 2;
  }
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === STAR || (text.charCodeAt(i) === MINUS && text.charCodeAt(i + 1) === MINUS)) return text.length;
  return 0;
}

/** The tokens of a line's code: strings, pseudo-variables, names, numbers and operators. */
function lexLine(text: string): Tokens {
  const tokens = new Tokens();
  const n = text.length;
  let i = codeStartOf(text);
  let m4Quotes = 0;
  tokens.codeEnd = n;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
      tokens.codeEnd = i;
      break;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        tokens.codeEnd = i;
        break;
      }
      i = close + 2;
      continue;
    }
    if (c === QUOTE || (c === APOSTROPHE && m4Quotes === 0)) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== c) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
      if (j < n) {
        tokens.push(STRING, i, j + 1);
        i = j + 1;
      } else {
        tokens.push(OPEN_STRING, i, n);
        i = n;
      }
      continue;
    }
    // m4 templates (OpenSIPS) quote with `...': a backtick opens, the next apostrophe closes.
    if (c === BACKTICK || c === APOSTROPHE) {
      m4Quotes += c === BACKTICK ? 1 : -1;
      tokens.push(PUNCT, i, i + 1);
      i++;
      continue;
    }
    if (c === DOLLAR) {
      const end = pvarEnd(text, i);
      tokens.push(end > i + 1 ? PVAR : PUNCT, i, end);
      i = end;
      continue;
    }
    if (isDigitCode(c)) {
      let j = i + 1;
      while (j < n && isDigitCode(text.charCodeAt(j))) j++;
      tokens.push(NUMBER, i, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      // m4's dnl discards the rest of the line.
      if (j - i === 3 && text.startsWith('dnl', i)) {
        tokens.codeEnd = i;
        break;
      }
      tokens.push(IDENT, i, j);
      i = j;
      continue;
    }
    const op = operatorLength(text, i);
    if (op > 0) {
      tokens.push(OP, i, i + op);
      i += op;
      continue;
    }
    tokens.push(PUNCT, i, i + 1);
    i++;
  }
  return tokens;
}

/** The end of the pseudo-variable at `at` ("$rs", "$T_rpl($rs)", "$(rs{s.int})", "$avp(x)[0]", "$err.rcode"); at + 1 if none. */
function pvarEnd(text: string, at: number): number {
  let j = at + 1;
  if (text.charCodeAt(j) === OPEN_PAREN) return skipBalanced(text, j, OPEN_PAREN, CLOSE_PAREN);
  if (j >= text.length || !isIdentPart(text.charCodeAt(j))) return j;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isIdentPart(c) || (c === DOT && isIdentStart(text.charCodeAt(j + 1)))) j++;
    else break;
  }
  if (text.charCodeAt(j) === OPEN_PAREN) j = skipBalanced(text, j, OPEN_PAREN, CLOSE_PAREN);
  if (text.charCodeAt(j) === OPEN_BRACKET) j = skipBalanced(text, j, OPEN_BRACKET, CLOSE_BRACKET);
  return j;
}

// ---------------------------------------------------------------------------------------------
// Reading tokens

/** A line and its tokens. */
class Line {
  readonly tokens: Tokens;
  private brackets: Brackets | undefined;

  constructor(readonly text: string) {
    this.tokens = lexLine(text);
  }

  get count(): number {
    return this.tokens.length;
  }

  type(k: number): number {
    return k >= 0 && k < this.tokens.length ? this.tokens.type[k] : 0;
  }

  start(k: number): number {
    return this.tokens.start[k];
  }

  end(k: number): number {
    return this.tokens.end[k];
  }

  textOf(k: number): string {
    return this.text.slice(this.tokens.start[k], this.tokens.end[k]);
  }

  /** Whether token k is the one-character punctuation `code`. */
  isPunct(k: number, code: number): boolean {
    return this.type(k) === PUNCT && this.text.charCodeAt(this.tokens.start[k]) === code;
  }

  isString(k: number): boolean {
    const type = this.type(k);
    return type === STRING || type === OPEN_STRING;
  }

  /** The inside of string token k (without its quotes). */
  contentOf(k: number): LineSpan {
    const start = this.tokens.start[k] + 1;
    const end = this.tokens.type[k] === STRING ? this.tokens.end[k] - 1 : this.tokens.end[k];
    return { start, end };
  }

  /** The arguments of the call whose "(" is token `open`: token ranges [from, to) and the columns between brackets and commas. */
  argsOf(open: number): CallArgs {
    this.brackets ??= new Brackets(this);
    return this.brackets.args(this, open);
  }
}

type CallArgs = { from: number; to: number; start: number; end: number }[];

/**
 * The round brackets and commas of a line, matched in one pass, so that the arguments of any
 * call are found without rescanning nested calls (a line of nested calls stays linear).
 */
class Brackets {
  /** For each "(" token, the index of its ")" token (-1 while unmatched). */
  private readonly closeOf: Int32Array;
  /** For each "(" token, its first direct comma; for each comma, the next comma of the same call (-1: none). */
  private readonly nextComma: Int32Array;

  constructor(line: Line) {
    const count = line.count;
    this.closeOf = new Int32Array(count).fill(-1);
    this.nextComma = new Int32Array(count).fill(-1);
    /** The open brackets, and the last comma seen directly inside each. */
    const open: number[] = [];
    const lastComma: number[] = [];
    for (let k = 0; k < count; k++) {
      if (line.type(k) !== PUNCT) continue;
      const c = line.text.charCodeAt(line.start(k));
      if (c === OPEN_PAREN) {
        open.push(k);
        lastComma.push(k);
      } else if (c === CLOSE_PAREN && open.length > 0) {
        this.closeOf[open.pop()!] = k;
        lastComma.pop();
      } else if (c === COMMA && open.length > 0) {
        this.nextComma[lastComma[lastComma.length - 1]] = k;
        lastComma[lastComma.length - 1] = k;
      }
    }
  }

  args(line: Line, open: number): CallArgs {
    const args: CallArgs = [];
    let from = open + 1;
    let start = line.end(open);
    // Only the first few arguments matter (at most the fourth, t_reply_callid's reason).
    for (let comma = this.nextComma[open]; comma !== -1 && args.length < 8; comma = this.nextComma[comma]) {
      args.push({ from, to: comma, start, end: line.start(comma) });
      from = comma + 1;
      start = line.end(comma);
    }
    const close = this.closeOf[open];
    if (close === -1) args.push({ from, to: line.count, start, end: line.tokens.codeEnd });
    else args.push({ from, to: close, start, end: line.start(close) });
    return args;
  }
}

function isAllDigits(text: string, span: LineSpan): boolean {
  if (span.end <= span.start) return false;
  for (let i = span.start; i < span.end; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** The only token of an argument, if it has exactly one. */
function single(args: CallArgs, index: number): number | undefined {
  const arg = args[index];
  return arg && arg.to - arg.from === 1 ? arg.from : undefined;
}

/** A literal code: a number or a string of digits, alone in its argument or operand. */
function literalCode(line: Line, k: number | undefined): { digits: string; span: LineSpan } | undefined {
  if (k === undefined) return undefined;
  const type = line.type(k);
  if (type === NUMBER) return { digits: line.textOf(k), span: { start: line.start(k), end: line.end(k) } };
  if (type === STRING) {
    const content = line.contentOf(k);
    if (isAllDigits(line.text, content)) return { digits: line.text.slice(content.start, content.end), span: content };
  }
  return undefined;
}

/** A pseudo-variable used alone as a string ("$var(reason)", "$rr"): a phrase only known at run time. */
const LONE_PVAR = /^[ \t]*\$[A-Za-z_][\w.]*(?:\([^()]*\))?[ \t]*$/;

/**
 * The reason argument as the phrase the script sends, when it is a plain string. A string with
 * pseudo-variables in it ("Invalid user - $fU") is still the phrase: custom text, as on the wire.
 */
function phraseOf(line: Line, k: number | undefined): Occurrence['phrase'] {
  if (k === undefined || line.type(k) !== STRING) return undefined;
  const text = line.text;
  let { start, end } = line.contentOf(k);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start || end - start > 1000) return undefined;
  const phrase = text.slice(start, end);
  if (LONE_PVAR.test(phrase)) return undefined;
  return { text: phrase, span: { start, end } };
}

/** Whether a pattern over codes is built at run time ("$avp(codes)"): then it is not checked. A "$" at the end of a branch is an anchor. */
function hasPseudoVariable(text: string, span: LineSpan): boolean {
  for (let i = span.start; i < span.end - 1; i++) {
    if (text.charCodeAt(i) !== DOLLAR) continue;
    const next = text.charCodeAt(i + 1);
    if (isIdentStart(next) || next === OPEN_PAREN || next === OPEN_BRACE) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Values that hold the code of a reply

/** $rs, $(rs), $(rs{s.int}), $T_reply_code, $T_reply_last, $T_rpl($rs), $T(reply_code), $err.rcode. */
function isCodeVariable(name: string): boolean {
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
  return false;
}

/** KEMI: KSR.kx.get_status(), KSR.tm.t_get_status_code() (also t_get_status_code() in a script); KSR.pv.get("$rs"). */
const STATUS_GETTERS: ReadonlySet<string> = new Set(['get_status', 't_get_status_code']);
const PV_GETTERS: ReadonlySet<string> = new Set(['get', 'getw', 'gete', 'getvn', 'getvs']);

/**
 * If a value that holds a reply code starts at token k, the index of its last token: a code
 * variable, the `status` keyword of reply routes, or a KEMI getter call.
 */
function codeValueAt(line: Line, k: number): number | undefined {
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

type Comparison = 'equality' | 'order' | 'match';

function comparisonOf(line: Line, k: number): Comparison | undefined {
  if (line.type(k) !== OP) return undefined;
  const c = line.text.charCodeAt(line.start(k));
  const next = line.end(k) - line.start(k) === 2 ? line.text.charCodeAt(line.start(k) + 1) : 0;
  if (next === TILDE) return 'match';
  if ((c === EQUALS || c === BANG) && next === EQUALS) return 'equality';
  if (c === LESS || c === GREATER) return 'order';
  return undefined;
}

function isReversible(comparison: Comparison | undefined): boolean {
  return comparison === 'equality' || comparison === 'order';
}

/** An ordering bound ($rs >= 200, $rs <= 299) is a code only when it is one: 299 is a bound, not an unknown code. */
function isKnownCode(digits: string): boolean {
  if (digits.length !== 3) return false;
  const status = statusEntry(Number(digits))?.status;
  return status === 'registered' || status === 'deprecated';
}

// ---------------------------------------------------------------------------------------------
// Patterns over codes

/**
 * The codes of a code-list parameter: "code=403;code=488;class=5" (tm, dispatcher), "2,405,486"
 * (usrloc: one digit is a class), "501, 403" (OpenSIPS probing). Classes are not codes.
 */
function codeListItems(text: string, content: LineSpan): LineSpan[] {
  const found: LineSpan[] = [];
  let itemStart = content.start;
  for (let i = content.start; i <= content.end; i++) {
    if (i < content.end && text.charCodeAt(i) !== SEMICOLON && text.charCodeAt(i) !== COMMA) continue;
    let start = itemStart;
    let end = i;
    itemStart = i + 1;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    let equals = start;
    while (equals < end && text.charCodeAt(equals) !== EQUALS) equals++;
    if (equals < end) {
      if (text.slice(start, equals).trim().toLowerCase() !== 'code') continue;
      start = equals + 1;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
      if (isAllDigits(text, { start, end })) found.push({ start, end });
    } else if (end - start > 1 && isAllDigits(text, { start, end })) {
      found.push({ start, end });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The dialect

const MODPARAM_FUNCTIONS: ReadonlySet<string> = new Set(['modparam', 'modparamx']);

/** Every line with an occurrence has one of these: reply functions, *_status checks, $rs, $err.rcode, the code modparams. */
const TRIGGER = /reply|status|\$\(?rs|rcode|_codes?\b/;

export function createRoutingScriptDialect(config: RoutingScriptConfig): Dialect {
  return {
    id: config.id,
    trigger: TRIGGER,
    scanLine: (text, line, out) => scanLine(config, text, line, out),
    completionAt: (lines, line, character) => completionSlot(config, lines, line, character),
  };
}

function replyFunctionOf(config: RoutingScriptConfig, name: string): ReplyFunction | undefined {
  return Object.prototype.hasOwnProperty.call(config.replyFunctions, name) ? config.replyFunctions[name] : undefined;
}

/** What a call by this name is, if it takes codes. */
function callKind(config: RoutingScriptConfig, name: string): 'reply' | 'pattern' | 'check' | 'modparam' | undefined {
  if (name.length > 40) return undefined;
  if (replyFunctionOf(config, name)) return 'reply';
  if (config.statusPatternFunctions.includes(name)) return 'pattern';
  if (config.statusCheckFunctions.includes(name)) return 'check';
  return MODPARAM_FUNCTIONS.has(name) ? 'modparam' : undefined;
}

function scanLine(config: RoutingScriptConfig, text: string, lineNumber: number, out: Occurrence[]): void {
  const line = new Line(text);
  const emit = new Emitter(config.id, lineNumber, out);
  for (let k = 0; k < line.count; k++) {
    const type = line.type(k);
    if (type === IDENT && line.isPunct(k + 1, OPEN_PAREN)) scanCall(config, line, k, emit);
    const valueEnd = codeValueAt(line, k);
    if (valueEnd !== undefined) {
      scanComparison(line, valueEnd + 1, valueEnd + 2, emit);
    } else if ((type === NUMBER || type === STRING) && isReversible(comparisonOf(line, k + 1)) && codeValueAt(line, k + 2) !== undefined) {
      // Reversed: 486 == $rs (a pattern is never on the left of =~).
      scanComparison(line, k + 1, k, emit);
    }
  }
}

function scanCall(config: RoutingScriptConfig, line: Line, k: number, emit: Emitter): void {
  const name = line.textOf(k);
  const kind = callKind(config, name);
  if (!kind) return;
  const args = line.argsOf(k + 1);
  switch (kind) {
    case 'reply': {
      const reply = replyFunctionOf(config, name)!;
      const code = literalCode(line, single(args, reply.code));
      if (!code) return;
      const occurrence = emit.status('reply-function', code, reply.reason === undefined ? undefined : phraseOf(line, single(args, reply.reason)));
      if (reply.keepsReceivedClass) occurrence.keepsReceivedClass = true;
      return;
    }
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

function modparamSpec(config: RoutingScriptConfig, line: Line, args: CallArgs): ModparamSpec | undefined {
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

/** Builds the occurrences of one line. */
class Emitter {
  constructor(private readonly dialect: string, private readonly line: number, private readonly out: Occurrence[]) {}

  status(
    context: Occurrence['context'], code: { digits: string; span: LineSpan }, phrase?: Occurrence['phrase'], allowed?: Occurrence['allowed'],
  ): Occurrence {
    const occurrence: Occurrence = {
      kind: 'status', context, digits: code.digits, value: numberOf(code.digits), line: this.line, span: code.span, dialect: this.dialect,
    };
    if (phrase) occurrence.phrase = phrase;
    if (allowed) occurrence.allowed = allowed;
    this.out.push(occurrence);
    return occurrence;
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
    this.out.push({
      kind: 'status-pattern', context, digits: text.slice(content.start, content.end), value: NaN, line: this.line,
      span: { start: line.start(k), end: line.end(k) }, dialect: this.dialect,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Completion

/**
 * The start of a route block (route[NAME] {, failure_route[X], request_route {), not a call
 * (route(NATMANAGE);). Only failure_route matters: it runs on a negative final reply.
 */
const ROUTE_HEADER = /^[ \t]*(request_route|route|failure_route|onreply_route|reply_route|branch_route|event_route|onsend_route|error_route|local_route|startup_route|timer_route)[ \t]*(?:\[|\{|$)/;

/** How far up completion looks for the route block around the cursor. */
const ROUTE_LOOKBACK_LINES = 5000;

/**
 * Whether `line` is inside a failure_route: the nearest route header above it (route blocks do
 * not nest), looked up only when completion asks.
 */
export function isInFailureRoute(lines: Lines, line: number): boolean {
  for (let l = line, seen = 0; l >= 0 && seen < ROUTE_LOOKBACK_LINES; l--, seen++) {
    const header = ROUTE_HEADER.exec(lines.lineAt(l));
    if (header) return header[1] === 'failure_route';
  }
  return false;
}

function completionSlot(config: RoutingScriptConfig, lines: Lines, lineNumber: number, character: number): CompletionSlot | undefined {
  const line = new Line(lines.lineAt(lineNumber));
  if (character > line.tokens.codeEnd) return undefined;
  for (let k = 0; k < line.count && line.start(k) <= character; k++) {
    if (line.type(k) === IDENT && line.isPunct(k + 1, OPEN_PAREN)) {
      const slot = callSlot(config, lines, lineNumber, line, k, character);
      if (slot) return slot;
    }
    const valueEnd = codeValueAt(line, k);
    if (valueEnd !== undefined) {
      const slot = comparisonSlot(line, valueEnd + 1, character);
      if (slot) return slot;
    }
  }
  return undefined;
}

/** Where the cursor stands in an argument or operand that holds (or will hold) a code. */
type CodePlace =
  | { at: 'empty'; span: LineSpan }
  | { at: 'number'; span: LineSpan }
  | { at: 'string'; span: LineSpan; quote: string; closed: boolean };

/** The place at the cursor in the tokens [from, to) between columns [start, end]. */
function codePlace(line: Line, from: number, to: number, start: number, end: number, character: number): CodePlace | undefined {
  if (character < start || character > end) return undefined;
  if (to === from) return { at: 'empty', span: { start: character, end: character } };
  if (to - from !== 1 || character < line.start(from)) return undefined;
  const type = line.type(from);
  if (type === NUMBER && character <= line.end(from)) return { at: 'number', span: { start: line.start(from), end: line.end(from) } };
  if (!line.isString(from)) return undefined;
  const text = line.text;
  const content = line.contentOf(from);
  if (character < content.start || character > content.end) return undefined;
  let digitsEnd = content.start;
  while (digitsEnd < content.end && isDigitCode(text.charCodeAt(digitsEnd))) digitsEnd++;
  if (character > digitsEnd) return undefined;
  const closed = type === STRING;
  // A closed string holding more than digits is not a code being typed.
  if (closed && digitsEnd !== content.end) return undefined;
  return { at: 'string', span: { start: content.start, end: digitsEnd }, quote: text[line.start(from)], closed };
}

function callSlot(config: RoutingScriptConfig, lines: Lines, lineNumber: number, line: Line, k: number, character: number): CompletionSlot | undefined {
  const name = line.textOf(k);
  const kind = callKind(config, name);
  if (!kind) return undefined;
  const args = line.argsOf(k + 1);
  const placeIn = (index: number): CodePlace | undefined => {
    const arg = args[index];
    return arg ? codePlace(line, arg.from, arg.to, arg.start, arg.end, character) : undefined;
  };
  switch (kind) {
    case 'reply': {
      const reply = replyFunctionOf(config, name)!;
      const place = placeIn(reply.code);
      if (!place) return undefined;
      const fillReason = reply.reason !== undefined && args.length <= reply.reason;
      // KEMI functions take an integer code (KSR.sl.sl_send_reply(486, "Busy Here")).
      const style = line.isPunct(k - 1, DOT) ? 'bare' : config.codeStyle;
      const inFailureRoute = isInFailureRoute(lines, lineNumber);
      return {
        span: place.span,
        ...(inFailureRoute ? { accepts: (code: number) => code >= 300 } : {}),
        insert: (code, phrase) => replyInsert(place, style, fillReason, code, phrase),
      };
    }
    case 'pattern': {
      const pattern = single(args, 0);
      return pattern !== undefined && line.isString(pattern) ? patternSlot(line.text, line.contentOf(pattern), character) : undefined;
    }
    case 'check': {
      const place = placeIn(0);
      if (!place) return undefined;
      return { span: place.span, insert: (code) => (place.at === 'empty' && config.codeStyle === 'quoted' ? `"${code}"` : String(code)) };
    }
    case 'modparam':
      return modparamSlot(config, line, args, character);
  }
}

/** The text for a code in a reply function: the phrase goes in too when the call has no reason yet. */
function replyInsert(place: CodePlace, style: 'quoted' | 'bare', fillReason: boolean, code: number, phrase: string): string {
  if (place.at === 'string') {
    if (!fillReason) return String(code);
    const q = place.quote;
    // The code string's closing quote (when typed) now closes the phrase.
    return place.closed ? `${code}${q}, ${q}${phrase}` : `${code}${q}, ${q}${phrase}${q}`;
  }
  const codeText = place.at === 'empty' && style === 'quoted' ? `"${code}"` : String(code);
  return fillReason ? `${codeText}, "${phrase}"` : codeText;
}

/** The run of digits around the cursor inside [content.start, content.end]. */
function digitsAround(text: string, content: LineSpan, character: number): LineSpan {
  let start = character;
  while (start > content.start && isDigitCode(text.charCodeAt(start - 1))) start--;
  let end = character;
  while (end < content.end && isDigitCode(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Inside a pattern: the run of digits at the cursor, where a literal code can stand (at the start of a branch). */
function patternSlot(text: string, content: LineSpan, character: number): CompletionSlot | undefined {
  if (character < content.start || character > content.end) return undefined;
  const span = digitsAround(text, content, character);
  if (span.start > content.start && !isBranchStart(text.charCodeAt(span.start - 1))) return undefined;
  return { span, insert: (code) => String(code) };
}

/** After `$rs == `, `status != `, `$T_reply_code >= `: the code alone; after `=~`, inside the pattern. */
function comparisonSlot(line: Line, op: number, character: number): CompletionSlot | undefined {
  const comparison = comparisonOf(line, op);
  if (!comparison || character < line.end(op)) return undefined;
  const next = op + 1;
  if (comparison === 'match') {
    return line.isString(next) ? patternSlot(line.text, line.contentOf(next), character) : undefined;
  }
  const operand = line.type(next) === NUMBER || line.isString(next);
  const end = next >= line.count ? line.text.length : operand ? line.end(next) : line.start(next);
  const place = codePlace(line, next, operand ? next + 1 : next, line.end(op), end, character);
  return place ? { span: place.span, insert: (code) => String(code) } : undefined;
}

function modparamSlot(config: RoutingScriptConfig, line: Line, args: CallArgs, character: number): CompletionSlot | undefined {
  const spec = modparamSpec(config, line, args);
  if (!spec) return undefined;
  const allowed = spec.allowed;
  const accepts = allowed ? { accepts: (code: number) => code >= allowed.min && code <= allowed.max } : {};
  const arg = args[2];
  if (spec.kind === 'code') {
    const place = codePlace(line, arg.from, arg.to, arg.start, arg.end, character);
    return place ? { span: place.span, ...accepts, insert: (code) => String(code) } : undefined;
  }
  const value = single(args, 2);
  if (value === undefined || !line.isString(value)) return undefined;
  const text = line.text;
  const content = line.contentOf(value);
  if (spec.kind === 'regex') return patternSlot(text, content, character);
  if (character < content.start || character > content.end) return undefined;
  const span = digitsAround(text, content, character);
  // A code stands after "code=" or, in plain lists, at the start of an item.
  let before = span.start;
  while (before > content.start && isSpace(text.charCodeAt(before - 1))) before--;
  const previous = before > content.start ? text.charCodeAt(before - 1) : 0;
  const afterCodeEquals = previous === EQUALS && /code[ \t]*$/i.test(text.slice(Math.max(content.start, before - 12), before - 1));
  if (!afterCodeEquals && previous !== 0 && previous !== COMMA && previous !== SEMICOLON) return undefined;
  return { span, ...accepts, insert: (code) => String(code) };
}

// ---------------------------------------------------------------------------------------------
// Recognition by content (a configuration opened as plain text)

/** The first line of a Kamailio/SER configuration (#!KAMAILIO, #!SER, #!OPENSER, #!MAXCOMPAT, #!ALL), or #!OPENSIPS. */
const SHEBANG = /^\uFEFF?#!(KAMAILIO|SER|OPENSER|MAXCOMPAT|ALL|OPENSIPS)\b/;
const LOADMODULE = /^[ \t]*loadmodule[ \t]+"/m;
const MODPARAM = /^[ \t]*modparam[ \t]*\(/m;
const ROUTE_BLOCK = /^[ \t]*(?:request_|failure_|onreply_|branch_)?route[ \t]*[[{]/m;

/**
 * Whether a document is a Kamailio or an OpenSIPS routing script, by its first line or, failing
 * that, by what only such scripts have: loadmodule "..." and modparam(...) lines, or modparam and
 * route blocks. OpenSIPS when it names OpenSIPS and not Kamailio.
 */
export function routingScriptKindOf(head: string): 'kamailio' | 'opensips' | undefined {
  const shebang = SHEBANG.exec(head);
  if (shebang) return shebang[1] === 'OPENSIPS' ? 'opensips' : 'kamailio';
  if (!MODPARAM.test(head) || !(LOADMODULE.test(head) || ROUTE_BLOCK.test(head))) return undefined;
  return /opensips/i.test(head) && !/kamailio/i.test(head) ? 'opensips' : 'kamailio';
}
