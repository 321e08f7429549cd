import { MAX_PHRASE_CHARS, type LineSpan, type Occurrence } from '../../scanner/occurrence';
import {
  CLOSE_PAREN, COMMA, DOLLAR, IDENT, NUMBER, OPEN_BRACE, OPEN_PAREN, OPEN_STRING, PUNCT, STRING, isIdentPart, isIdentStart,
  isScriptSpace, type Tokens,
} from './lexer';
import { isDigit } from '../../syntax/chars';

/** Reading the tokens of a line: calls and their arguments, literal codes, phrases. */

/** A line and the tokens of its code (or of one of its comments). */
export class Line {
  private brackets: Brackets | undefined;

  constructor(readonly text: string, readonly tokens: Tokens) {}

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

export type CallArgs = { from: number; to: number; start: number; end: number }[];

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

export function isAllDigits(text: string, span: LineSpan): boolean {
  if (span.end <= span.start) return false;
  for (let i = span.start; i < span.end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The only token of an argument, if it has exactly one. */
export function single(args: CallArgs, index: number): number | undefined {
  const arg = args[index];
  return arg && arg.to - arg.from === 1 ? arg.from : undefined;
}

/**
 * A code as written: a number or a string of digits alone in its argument or operand, or a name
 * that a preprocessor may replace by one (ACL_CODE, or "ACL_CODE" for #!subst and m4), which the
 * document resolves later (`name` set).
 */
export interface WrittenCode {
  digits: string;
  span: LineSpan;
  name?: { inString: boolean };
}

export function literalCode(line: Line, k: number | undefined): WrittenCode | undefined {
  if (k === undefined) return undefined;
  const type = line.type(k);
  if (type === NUMBER) return { digits: line.textOf(k), span: { start: line.start(k), end: line.end(k) } };
  if (type === IDENT && line.end(k) - line.start(k) <= MAX_NAME_CHARS && !line.isPunct(k + 1, OPEN_PAREN)) {
    return { digits: line.textOf(k), span: { start: line.start(k), end: line.end(k) }, name: { inString: false } };
  }
  if (type === STRING) {
    const content = line.contentOf(k);
    if (isAllDigits(line.text, content)) return { digits: line.text.slice(content.start, content.end), span: content };
    if (isName(line.text, content)) return { digits: line.text.slice(content.start, content.end), span: content, name: { inString: true } };
  }
  return undefined;
}

/** The longest preprocessor name taken for one. */
export const MAX_NAME_CHARS = 64;

/** Whether the span is a name (BUSY_CODE), as a preprocessor defines one. */
export function isName(text: string, span: LineSpan): boolean {
  if (span.end <= span.start || span.end - span.start > MAX_NAME_CHARS || !isIdentStart(text.charCodeAt(span.start))) return false;
  for (let i = span.start + 1; i < span.end; i++) if (!isIdentPart(text.charCodeAt(i))) return false;
  return true;
}

/** A pseudo-variable used alone as a string ("$var(reason)", "$rr"): a phrase only known at run time. */
const LONE_PVAR = /^[ \t]*\$[A-Za-z_][\w.]*(?:\([^()]*\))?[ \t]*$/;

/**
 * The reason argument as the phrase the script sends, when it is a plain string. A string with
 * pseudo-variables in it ("Invalid user - $fU") is still the phrase: custom text, as on the wire.
 */
export function phraseOf(line: Line, k: number | undefined): Occurrence['phrase'] {
  if (k === undefined) return undefined;
  const text = line.text;
  if (line.type(k) === IDENT && line.end(k) - line.start(k) <= MAX_NAME_CHARS) {
    // A name the preprocessor replaces (sl_send_reply("403", DENY_TEXT)): the document resolves it.
    const name = line.textOf(k);
    return { text: name, span: { start: line.start(k), end: line.end(k) }, via: name };
  }
  if (line.type(k) !== STRING) return undefined;
  let { start, end } = line.contentOf(k);
  while (start < end && isScriptSpace(text.charCodeAt(start))) start++;
  while (end > start && isScriptSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start || end - start > MAX_PHRASE_CHARS) return undefined;
  const phrase = text.slice(start, end);
  if (LONE_PVAR.test(phrase)) return undefined;
  return { text: phrase, span: { start, end } };
}

/** Whether a pattern over codes is built at run time ("$avp(codes)"): then it is not checked. A "$" at the end of a branch is an anchor. */
export function hasPseudoVariable(text: string, span: LineSpan): boolean {
  for (let i = span.start; i < span.end - 1; i++) {
    if (text.charCodeAt(i) !== DOLLAR) continue;
    const next = text.charCodeAt(i + 1);
    if (isIdentStart(next) || next === OPEN_PAREN || next === OPEN_BRACE) return true;
  }
  return false;
}
