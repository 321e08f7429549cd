/**
 * Patterns over status codes, as Kamailio and OpenSIPS take them (t_check_status, status=~):
 * POSIX extended regular expressions searched (not anchored) in the three-digit code.
 *
 * The patterns come from the document, so they are never run by a backtracking engine: a pattern
 * such as "((4?){30}){30}x" would keep one busy for hours. JavaScript's RegExp only checks their
 * syntax; which codes they match is computed here, in time proportional to the pattern's length.
 */

import { isDigit } from './syntax/chars';

export type PatternMeaning =
  | { ok: true; codes: number[] }
  /** Not a valid pattern (`unchecked` false), or a valid one this evaluator does not take (`unchecked` true). */
  | { ok: false; error: string; unchecked?: boolean };

/** Longer patterns are not checked (nobody writes them; compiling one of megabytes takes seconds). */
export const MAX_PATTERN_CHARS = 1000;

const POSIX_CLASSES: Record<string, string> = {
  '[:digit:]': '0-9', '[:alnum:]': 'A-Za-z0-9', '[:alpha:]': 'A-Za-z', '[:space:]': ' \\t', '[:blank:]': ' \\t',
};

/** The POSIX ERE as a JavaScript pattern (character classes translated). */
function toJavaScript(pattern: string): string {
  return pattern.replace(/\[:(digit|alnum|alpha|space|blank):\]/g, (cls) => POSIX_CLASSES[cls]);
}

/** Columns of a code in a pattern (relative to the text the pattern is in). */
export interface PatternLiteral {
  start: number;
  end: number;
}

/** ( | ^ : where a branch of a pattern may start (a literal code, or one being typed, follows). */
export function isBranchStart(code: number): boolean {
  return code === 40 || code === 124 || code === 94;
}

/** ) | $ : where a branch of the pattern may end. */
function isBranchEnd(code: number): boolean {
  return code === 41 || code === 124 || code === 36;
}

/**
 * The literal codes of the pattern in text[start, end): three digits standing as a whole branch
 * ("486|408", "(408)|([56][0-9][0-9])", "^486$"), not escaped, not in a [class] or {quantifier}.
 * A hover on one explains that code; digits glued to more of the pattern ("5{100}", ")404") are
 * no code the pattern matches.
 */
export function literalCodesIn(text: string, start = 0, end = text.length): PatternLiteral[] {
  const found: PatternLiteral[] = [];
  let i = start;
  let inBracket = false;
  let inBrace = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (inBracket || inBrace) {
      if (c === 93 /* ] */) inBracket = false;
      else if (c === 125 /* } */) inBrace = false;
      i++;
      continue;
    }
    if (c === 91 /* [ */) inBracket = true;
    else if (c === 123 /* { */) inBrace = true;
    if (!isDigit(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    const startsBranch = i === start || isBranchStart(text.charCodeAt(i - 1));
    const endsBranch = j === end || isBranchEnd(text.charCodeAt(j));
    if (j - i === 3 && startsBranch && endsBranch) found.push({ start: i, end: j });
    i = j;
  }
  return found;
}

const meanings = new Map<string, PatternMeaning>();

/** Which codes from 100 to 699 the pattern matches, or why it is not a valid pattern. */
export function patternMeaning(pattern: string): PatternMeaning {
  let meaning = meanings.get(pattern);
  if (meaning) return meaning;
  meaning = evaluate(pattern);
  if (meanings.size > 10_000) meanings.clear();
  meanings.set(pattern, meaning);
  return meaning;
}

function evaluate(pattern: string): PatternMeaning {
  if (pattern.length > MAX_PATTERN_CHARS) {
    return { ok: false, unchecked: true, error: `longer than ${MAX_PATTERN_CHARS} characters` };
  }
  const source = toJavaScript(pattern);
  try {
    // Only the syntax is checked here (and the error worded as JavaScript words it); the pattern is never run.
    new RegExp(source);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error) };
  }
  let tree: Node;
  try {
    tree = new Parser(source).parse();
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, unchecked: true, error: error.message };
    throw error;
  }
  const codes: number[] = [];
  const digits = [0, 0, 0];
  for (let code = 100; code <= 699; code++) {
    digits[0] = Math.floor(code / 100);
    digits[1] = Math.floor(code / 10) % 10;
    digits[2] = code % 10;
    if (matrixOf(tree, digits) !== 0) codes.push(code);
  }
  return { ok: true, codes };
}

// ---------------------------------------------------------------------------------------------
// Evaluation: a part of a pattern, on a three-digit code, is the set of spans code[i..j) it can
// match (0 <= i <= j <= 3), a 4x4 boolean matrix kept in 16 bits (bit 4i + j). A sequence is the
// product of its parts' matrices, an alternation their union, a repetition a sum of powers; the
// pattern matches the code when any span is in its matrix (a search, not anchored).

/** A part of a parsed pattern. */
type Node =
  /** One character, from a set: which digits 0-9 it takes (a 10-bit mask; nothing else is ever in a code). */
  | { kind: 'char'; digits: number }
  /** A zero-width assertion (^, $, \b, \B): the positions 0-3 where it holds (a 4-bit mask). */
  | { kind: 'at'; positions: number }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  /** A repetition, its bounds at most MAX_COUNT. */
  | { kind: 'repeat'; item: Node; min: number; max: number };

/**
 * A code has three characters, so a repetition needs at most three non-empty rounds: from four
 * rounds on, every power of a part's matrix is the same, and larger bounds change nothing.
 */
const MAX_COUNT = 4;

const IDENTITY = 0b1000_0100_0010_0001;
const ALL_DIGITS = 0b11_1111_1111;

function multiply(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 4; i++) {
    for (let k = i; k < 4; k++) {
      if ((a >> (4 * i + k)) & 1) product |= ((b >> (4 * k)) & 0xf) << (4 * i);
    }
  }
  return product;
}

function matrixOf(node: Node, digits: readonly number[]): number {
  switch (node.kind) {
    case 'char': {
      let matrix = 0;
      for (let i = 0; i < 3; i++) if ((node.digits >> digits[i]) & 1) matrix |= 1 << (4 * i + i + 1);
      return matrix;
    }
    case 'at': {
      let matrix = 0;
      for (let p = 0; p < 4; p++) if ((node.positions >> p) & 1) matrix |= 1 << (5 * p);
      return matrix;
    }
    case 'seq': {
      let matrix = IDENTITY;
      for (const item of node.items) {
        matrix = multiply(matrix, matrixOf(item, digits));
        if (matrix === 0) break;
      }
      return matrix;
    }
    case 'alt': {
      let matrix = 0;
      for (const option of node.options) matrix |= matrixOf(option, digits);
      return matrix;
    }
    case 'repeat': {
      const one = matrixOf(node.item, digits);
      let power = IDENTITY;
      let sum = 0;
      for (let k = 0; k <= node.max; k++) {
        if (k >= node.min) sum |= power;
        if (k < node.max) power = multiply(power, one);
      }
      return sum;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing (JavaScript's syntax without flags, which RegExp has already accepted)

/** A valid pattern with something this evaluator does not take (back-references, look-arounds). */
class Unsupported extends Error {}

/** Which digits the character with this UTF-16 code is (one bit, or none). */
function digitOf(code: number): number {
  return code >= 48 && code <= 57 ? 1 << (code - 48) : 0;
}

function isOctalCode(code: number): boolean {
  return code >= 48 && code <= 55;
}

function isHex(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return text.length > 0;
}

/** A class escape's digits (\d, \w, \s and their negations), or undefined for other escapes. */
function classEscape(letter: string): number | undefined {
  switch (letter) {
    case 'd':
    case 'w':
    case 'S':
      return ALL_DIGITS;
    case 'D':
    case 'W':
    case 's':
      return 0;
    default:
      return undefined;
  }
}

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Unsupported(`unexpected "${this.source[this.at]}"`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantified(item: Node): Node {
    const c = this.source[this.at];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : MAX_COUNT;
    } else if (c === '{') {
      const bounds = this.bounds();
      if (!bounds) return item;
      [min, max] = bounds;
    } else {
      return item;
    }
    if (this.source[this.at] === '?') this.at++; // lazy: the same codes match
    return { kind: 'repeat', item, min, max };
  }

  /** {n}, {n,} or {n,m} (capped at MAX_COUNT); undefined (nothing read) when the "{" is a plain character. */
  private bounds(): [number, number] | undefined {
    const start = this.at;
    let i = start + 1;
    const number = (): number | undefined => {
      const from = i;
      let value = 0;
      while (isDigit(this.source.charCodeAt(i))) value = Math.min(MAX_COUNT, value * 10 + this.source.charCodeAt(i++) - 48);
      return i > from ? value : undefined;
    };
    const min = number();
    if (min === undefined) return undefined;
    let max = min;
    if (this.source[i] === ',') {
      i++;
      max = number() ?? MAX_COUNT;
    }
    if (this.source[i] !== '}') return undefined;
    this.at = i + 1;
    return [min, max];
  }

  private atom(): Node {
    const c = this.source[this.at++];
    switch (c) {
      case '^':
        return { kind: 'at', positions: 0b0001 };
      case '$':
        return { kind: 'at', positions: 0b1000 };
      case '.':
        return { kind: 'char', digits: ALL_DIGITS };
      case '[':
        return { kind: 'char', digits: this.characterClass() };
      case '\\':
        return this.escape();
      case '(': {
        if (this.source[this.at] === '?') {
          const next = this.source[this.at + 1];
          if (next === ':') this.at += 2;
          else if (next === '<' && this.source[this.at + 2] !== '=' && this.source[this.at + 2] !== '!') {
            const close = this.source.indexOf('>', this.at);
            this.at = close + 1;
          } else {
            throw new Unsupported('look-arounds are not evaluated');
          }
        }
        const inner = this.alternation();
        if (this.source[this.at] !== ')') throw new Unsupported('unclosed group');
        this.at++;
        return inner;
      }
      default:
        return { kind: 'char', digits: digitOf(c.charCodeAt(0)) };
    }
  }

  /** After a backslash, outside a class. */
  private escape(): Node {
    const letter = this.source[this.at++] ?? '';
    const digits = classEscape(letter);
    if (digits !== undefined) return { kind: 'char', digits };
    // Every character of a code is a word character: \b holds at its ends, \B inside it.
    if (letter === 'b') return { kind: 'at', positions: 0b1001 };
    if (letter === 'B') return { kind: 'at', positions: 0b0110 };
    return { kind: 'char', digits: digitOf(this.characterEscape(letter)) };
  }

  /** The character an escape stands for (after the backslash and `letter`), outside or inside a class. */
  private characterEscape(letter: string): number {
    if (letter === '0') {
      // \0, or a legacy octal escape: \0 and up to two more octal digits.
      let value = 0;
      for (let n = 0; n < 2 && isOctalCode(this.source.charCodeAt(this.at)); n++) value = value * 8 + this.source.charCodeAt(this.at++) - 48;
      return value;
    }
    if (isDigit(letter.charCodeAt(0))) throw new Unsupported('back-references are not evaluated');
    if (letter === 'k') throw new Unsupported('back-references are not evaluated');
    if (letter === 'x' && isHex(this.source.slice(this.at, this.at + 2)) && this.at + 2 <= this.source.length) {
      this.at += 2;
      return parseInt(this.source.slice(this.at - 2, this.at), 16);
    }
    if (letter === 'u' && isHex(this.source.slice(this.at, this.at + 4)) && this.at + 4 <= this.source.length) {
      this.at += 4;
      return parseInt(this.source.slice(this.at - 4, this.at), 16);
    }
    if (letter === 'c') {
      const next = this.source.charCodeAt(this.at);
      if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
        this.at++;
        return next % 32;
      }
      throw new Unsupported('"\\c" without a letter is not evaluated');
    }
    // \t \n \v \f \r, and identity escapes (\. \| \( ...) that stand for the character itself.
    return CONTROL_ESCAPES[letter] ?? letter.charCodeAt(0);
  }

  /** After "[": the digits the class takes. */
  private characterClass(): number {
    let negated = false;
    if (this.source[this.at] === '^') {
      negated = true;
      this.at++;
    }
    let digits = 0;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      const first = this.classAtom();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        this.at++;
        const last = this.classAtom();
        if (first.code === undefined || last.code === undefined) {
          // [\d-x]: no range, the three parts (the "-" included: not a digit).
          digits |= first.digits | last.digits;
        } else {
          for (let code = Math.max(48, first.code); code <= Math.min(57, last.code); code++) digits |= digitOf(code);
        }
      } else {
        digits |= first.digits;
      }
    }
    if (this.source[this.at] !== ']') throw new Unsupported('unclosed class');
    this.at++;
    return negated ? ~digits & ALL_DIGITS : digits;
  }

  /** One element of a class: a character (with its code) or a class escape. */
  private classAtom(): { digits: number; code?: number } {
    const c = this.source[this.at++];
    if (c !== '\\') return { digits: digitOf(c.charCodeAt(0)), code: c.charCodeAt(0) };
    const letter = this.source[this.at++] ?? '';
    const digits = classEscape(letter);
    if (digits !== undefined) return { digits };
    if (letter === 'b') return { digits: 0, code: 8 };
    if (letter === '-') return { digits: 0, code: 45 };
    const code = this.characterEscape(letter);
    return { digits: digitOf(code), code };
  }
}

/** "486, 408" or "500-599" style summary of a sorted code list. */
export function summarizeCodes(codes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    parts.push(j - i >= 2 ? `${codes[i]}-${codes[j]}` : codes.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
