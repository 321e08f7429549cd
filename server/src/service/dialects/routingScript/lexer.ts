/**
 * The lexer of Kamailio and OpenSIPS routing scripts: strings, pseudo-variables, names, numbers,
 * operators and comments (#, //, /* *\/ across lines, m4's dnl). Linear in the line length: tokens
 * live in typed arrays.
 */

import { isDigit, isLetter } from '../../syntax/chars';

/** Token types (numbers, to keep tokens in typed arrays). */
export const IDENT = 1;
export const NUMBER = 2;
/** A string whose closing quote is on the line. */
export const STRING = 3;
/** A string that runs to the end of the line. */
export const OPEN_STRING = 4;
export const PVAR = 5;
export const OP = 6;
export const PUNCT = 7;

/** The tokens of a line's code, as parallel arrays. */
export class Tokens {
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
export const QUOTE = 34;
const APOSTROPHE = 39;
const BACKTICK = 96;
const BACKSLASH = 92;
export const DOLLAR = 36;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
export const DOT = 46;
export const OPEN_PAREN = 40;
export const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const COMMA = 44;
export const EQUALS = 61;
export const BANG = 33;
export const LESS = 60;
export const GREATER = 62;
export const TILDE = 126;
const AMPERSAND = 38;
const PIPE = 124;
export const SEMICOLON = 59;
const MINUS = 45;
export const COLON = 58;

/** White space inside a script line: blanks, and the CR, form feed and vertical tab that C's isspace() also skips (a line never holds a LF). */
export function isScriptSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === 13 || code === 12 || code === 11;
}

export function isIdentStart(code: number): boolean {
  return isLetter(code) || code === 95;
}

export function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigit(code);
}

/** The length of the operator at `i` (==, !=, ===, !==, ~=, <=, >=, =~, !~, &&, ||, <, >, =), or 0. */
function operatorLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  // JavaScript's === and !== (KEMI), and Lua's ~= (not equal).
  if ((c === EQUALS || c === BANG) && next === EQUALS && text.charCodeAt(i + 2) === EQUALS) return 3;
  if ((c === EQUALS || c === BANG) && (next === EQUALS || next === TILDE)) return 2;
  if (c === TILDE && next === EQUALS) return 2;
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
 * Where a line starts: in code, inside a /* *\/ block comment opened on a line above, or inside a
 * KEMI Lua block comment (`--[[ ... ]]`, `--[==[ ... ]==]`): IN_LUA_COMMENT plus the number of
 * '=' of its long bracket, which its closing bracket must repeat.
 */
export const IN_CODE = 0;
export const IN_BLOCK_COMMENT = 1;
export const IN_LUA_COMMENT = 2;

/** Lua's long brackets may have any level; deeper than this is no comment anyone writes, and the state stays small. */
const MAX_LUA_LEVEL = 16;

/** Whether `state` is one a line can start in (the scanner's carried state, 0 at the top of a document). */
export function isLexState(state: number): boolean {
  return Number.isInteger(state) && state >= IN_CODE && state <= IN_LUA_COMMENT + MAX_LUA_LEVEL;
}

/** The bracket that closes a block comment open in `state`: *\/, or ]], ]=], ]==] ... */
function closerOf(state: number): string {
  return state === IN_BLOCK_COMMENT ? '*/' : `]${'='.repeat(state - IN_LUA_COMMENT)}]`;
}

/** The state a Lua long bracket `[[`, `[=[` ... at `at` opens, and its length; undefined when there is none. */
function luaLongBracket(text: string, at: number): { state: number; length: number } | undefined {
  if (text.charCodeAt(at) !== OPEN_BRACKET) return undefined;
  let level = 0;
  while (text.charCodeAt(at + 1 + level) === EQUALS && level <= MAX_LUA_LEVEL) level++;
  if (level > MAX_LUA_LEVEL || text.charCodeAt(at + 1 + level) !== OPEN_BRACKET) return undefined;
  return { state: IN_LUA_COMMENT + level, length: level + 2 };
}

/** A line lexed: the tokens of its code, the tokens of the text in its comments, and where it ends. */
export interface LexedLine {
  code: Tokens;
  /** What the line's comments hold, lexed as code (commented-out code, or prose that reads as nothing): one list per comment. */
  comments: Tokens[];
  /** IN_BLOCK_COMMENT or an IN_LUA_COMMENT state when a block comment is still open at the end of the line. */
  endState: number;
}

/** The kind of comment that stops the lexing of code. */
const LINE_COMMENT = 1;
const BLOCK_COMMENT = 2;

/**
 * Where lexCode stopped: at the end, or at a comment (`at` its opener, `body` the start of its
 * text; for a block comment, `state` the state it opens).
 */
interface Stop {
  comment: 0 | typeof LINE_COMMENT | typeof BLOCK_COMMENT;
  at: number;
  body: number;
  state?: number;
}

/**
 * Lexes a line of a routing script. `state` says whether the line starts inside a block comment
 * (the scanner carries it from the line above). Also, without that knowledge, a line whose first
 * character is "*" is taken for the inside of a block comment, "... *\/ code" for the end of one,
 * and "--" for a KEMI Lua comment ("--[[" opens a Lua block comment, wherever it stands).
 * `#!define` and the other preprocessor directives are neither code nor comment (recognition reads
 * them on their own).
 */
export function lexLine(text: string, state = IN_CODE): LexedLine {
  const n = text.length;
  const code = new Tokens();
  code.codeEnd = n;
  const comments: Tokens[] = [];
  let i = 0;
  const close = state === IN_CODE ? text.indexOf('*/') : text.indexOf(closerOf(state));
  if (state !== IN_CODE || (close !== -1 && text.lastIndexOf('/*', close) === -1)) {
    if (close === -1) {
      lexComment(comments, text, 0, n);
      code.codeEnd = 0;
      return { code, comments, endState: state === IN_CODE ? IN_BLOCK_COMMENT : state };
    }
    lexComment(comments, text, 0, close);
    i = close + closerOf(state === IN_CODE ? IN_BLOCK_COMMENT : state).length;
  } else {
    let first = 0;
    while (first < n && isScriptSpace(text.charCodeAt(first))) first++;
    const c = text.charCodeAt(first);
    const luaComment = c === MINUS && text.charCodeAt(first + 1) === MINUS;
    if (c === STAR || (luaComment && !luaLongBracket(text, first + 2))) {
      lexComment(comments, text, first, n);
      code.codeEnd = 0;
      return { code, comments, endState: IN_CODE };
    }
    if ((c === HASH || c === BANG) && text.charCodeAt(first + 1) === BANG) {
      code.codeEnd = first;
      return { code, comments, endState: IN_CODE };
    }
  }
  for (;;) {
    const stop = lexCode(text, i, n, code);
    if (stop.comment === 0) return { code, comments, endState: IN_CODE };
    if (code.codeEnd === n) code.codeEnd = stop.at;
    if (stop.comment === LINE_COMMENT) {
      lexComment(comments, text, stop.body, n);
      return { code, comments, endState: IN_CODE };
    }
    const blockState = stop.state ?? IN_BLOCK_COMMENT;
    const closer = closerOf(blockState);
    const end = text.indexOf(closer, stop.body);
    lexComment(comments, text, stop.body, end === -1 ? n : end);
    if (end === -1) return { code, comments, endState: blockState };
    // Code goes on after a block comment closed on the line: it no longer ends at the comment.
    code.codeEnd = n;
    i = end + closer.length;
  }
}

/** Whether the text of a comment can hold code that takes a code: a call, a comparison or a case label. */
function mayHoldCode(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === EQUALS || c === LESS || c === GREATER || c === COLON) return true;
  }
  return false;
}

/** Adds the text of a comment, from `from` to `to`, lexed as code after its leading #, /, * and - marks, when it can hold code. */
function lexComment(comments: Tokens[], text: string, from: number, to: number): void {
  if (to - from < 4 || !mayHoldCode(text, from, to)) return;
  const tokens = new Tokens();
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isScriptSpace(c) && c !== HASH && c !== SLASH && c !== STAR && c !== MINUS) break;
  }
  const stop = lexCode(text, i, to, tokens);
  tokens.codeEnd = stop.comment === 0 ? to : stop.at;
  comments.push(tokens);
}

/** The tokens of [from, to) (strings, pseudo-variables, names, numbers and operators), up to a comment. */
function lexCode(text: string, from: number, to: number, tokens: Tokens): Stop {
  const n = to;
  let i = from;
  let m4Quotes = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isScriptSpace(c)) {
      i++;
      continue;
    }
    if (c === HASH) return { comment: LINE_COMMENT, at: i, body: i + 1 };
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) return { comment: LINE_COMMENT, at: i, body: i + 2 };
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) return { comment: BLOCK_COMMENT, at: i, body: i + 2 };
    if (c === MINUS && text.charCodeAt(i + 1) === MINUS) {
      const bracket = luaLongBracket(text, i + 2);
      if (bracket) return { comment: BLOCK_COMMENT, at: i, body: i + 2 + bracket.length, state: bracket.state };
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
      const end = Math.min(n, pvarEnd(text, i));
      tokens.push(end > i + 1 ? PVAR : PUNCT, i, end);
      i = end;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      tokens.push(NUMBER, i, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      // m4's dnl discards the rest of the line.
      if (j - i === 3 && text.startsWith('dnl', i)) return { comment: LINE_COMMENT, at: i, body: j };
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
  return { comment: 0, at: n, body: n };
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

