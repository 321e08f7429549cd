import { isBlank, isDigit, isLetter, isWordChar } from '../../syntax/chars';
import { OccurrenceBuilder } from '../../scanner/build';
import { anyOfLiterals } from '../../text';
import type { CauseKind } from '../../../data/causes';
import { causeTable } from '../../registry';
import { MAX_PHRASE_CHARS, type LineSpan, type Occurrence } from '../../scanner/occurrence';

/**
 * What the log dialects share: a "cue" is the fixed text a program prints just before a number
 * whose meaning it tells (`Got SIP response 486`, `T_code=100`, `entering state [terminated][486]`,
 * `(cause 20 - `). Only numbers behind such a cue are reported: log lines are full of numbers that
 * are not codes (byte counts, ports, pids, thread ids, source line numbers, timestamps, CPU
 * percentages), and the cue is what tells them apart, on the line itself.
 */
export interface Cue {
  /**
   * Text (case as written) that every line the cue applies to contains: lines without it are not
   * matched against the pattern. Cues that share a keyword are tried together.
   */
  readonly keyword: string;
  /**
   * A global pattern whose last capture group is the number's digits; what follows the group (a
   * closing quote, a lookahead) holds no digits.
   */
  readonly pattern: RegExp;
  /** What the number is (default: a SIP status code). */
  readonly kind?: LogKind;
  /** The cue applies only on lines that contain one of these strings (the program's own words). */
  readonly requires?: readonly string[];
  /** The cue does not apply on lines that contain one of these (e.g. HTTP clients' "response code 404"). */
  readonly rejects?: readonly string[];
  /** Where the line gives the reason phrase of the code. */
  readonly phrase?: PhraseRule;
}

export type LogKind = 'status' | CauseKind;

/** The span of the phrase, given the line and the columns of the digits. */
export type PhraseRule = (text: string, start: number, end: number) => LineSpan | undefined;

/** Whether `digits` can be what a cue of `kind` announces; anything else (0 = none yet, 9xx = stack-internal) is left alone. */
function acceptable(kind: LogKind, digits: string): boolean {
  if (digits.length > 3) return false;
  const value = Number(digits);
  // Stack-internal statuses (sofia-sip 9xx, pjsip 70x) and "no reply yet" (0) are not SIP codes.
  if (kind === 'status') return digits.length === 3 && value >= 100 && value <= 699;
  const { min, max } = causeTable(kind).logged;
  return value >= min && value <= max;
}

/** The number ends where the text says so: not glued to a word ("100ms") or a decimal/port tail ("500.5", "100:5060"). */
function endsCleanly(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (isWordChar(next)) return false;
  if ((next === 46 /* . */ || next === 58 /* : */ || next === 44 /* , */) && isDigit(text.charCodeAt(end + 1))) return false;
  return true;
}

/**
 * Appends the occurrences of one line to `out`, leaving out a number found already (two cues, or
 * two dialects, saw the same one). The columns taken are kept in a set, made at the first append:
 * a line that repeats a cue thousands of times costs no more per number than a short one.
 */
export class LineOccurrences {
  private starts: Set<number> | undefined;

  constructor(private readonly out: Occurrence[], private readonly line: number) {}

  push(occurrence: Occurrence): void {
    if (!this.starts) {
      this.starts = new Set();
      for (let i = this.out.length - 1; i >= 0 && this.out[i].line === this.line; i--) this.starts.add(this.out[i].span.start);
    }
    if (this.starts.has(occurrence.span.start)) return;
    this.starts.add(occurrence.span.start);
    this.out.push(occurrence);
  }
}

/**
 * A product's cues, grouped by keyword: a line is matched against the patterns of the groups whose
 * keyword it contains, found by one search for all the keywords, so that most lines cost a pass of
 * one regular expression.
 */
export class CueSet {
  private readonly groups: { keyword: string; cues: Cue[] }[] = [];
  /** Any keyword; where several start at one place, the longest. */
  private readonly anyKeyword: RegExp;
  /** For each keyword, the groups whose keyword starts it (itself included): those a match of it says are on the line. */
  private readonly groupsStarting = new Map<string, number[]>();

  private readonly build: OccurrenceBuilder;

  constructor(dialect: string, cues: readonly Cue[]) {
    this.build = new OccurrenceBuilder(dialect);
    for (const cue of cues) {
      if (!cue.pattern.global) throw new Error(`cue ${cue.pattern} must be global`);
      const group = this.groups.find((g) => g.keyword === cue.keyword);
      if (group) group.cues.push(cue);
      else this.groups.push({ keyword: cue.keyword, cues: [cue] });
    }
    const keywords = this.groups.map((g) => g.keyword);
    this.anyKeyword = anyOfLiterals(keywords, 'g');
    for (const keyword of keywords) this.groupsStarting.set(keyword, keywords.flatMap((k, g) => (keyword.startsWith(k) ? [g] : [])));
  }

  /** Appends the numbers behind the cues of one line. */
  scanLine(text: string, line: number, out: Occurrence[]): void {
    const anyKeyword = this.anyKeyword;
    let held: Uint8Array | undefined;
    anyKeyword.lastIndex = 0;
    for (let match = anyKeyword.exec(text); match; match = anyKeyword.exec(text)) {
      held ??= new Uint8Array(this.groups.length);
      for (const g of this.groupsStarting.get(match[0])!) held[g] = 1;
      // A keyword may start inside this one.
      anyKeyword.lastIndex = match.index + 1;
    }
    if (!held) return;
    const found = new LineOccurrences(out, line);
    for (let g = 0; g < this.groups.length; g++) {
      if (held[g]) for (const cue of this.groups[g].cues) scanCue(cue, this.build, text, line, found);
    }
  }
}

function scanCue(cue: Cue, build: OccurrenceBuilder, text: string, line: number, found: LineOccurrences): void {
  if (cue.requires && !cue.requires.some((word) => text.includes(word))) return;
  if (cue.rejects?.some((word) => text.includes(word))) return;
  const pattern = cue.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const digits = match[match.length - 1];
    if (!digits) continue;
    // The digits are the last group: the last place they stand in the match (a closing quote may follow).
    const start = match.index + match[0].lastIndexOf(digits);
    const end = start + digits.length;
    const kind = cue.kind ?? 'status';
    if (!acceptable(kind, digits) || !endsCleanly(text, end)) continue;
    const phrase = cue.phrase?.(text, start, end);
    found.push(build.number(kind, 'log-line', digits, line, { start, end }, { phrase: phrase && { text: text.slice(phrase.start, phrase.end), span: phrase } }));
  }
}

// ---------------------------------------------------------------------------------------------
// Phrase rules: where a program prints the reason phrase next to the code.

function hasLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLetter(text.charCodeAt(i))) return true;
  return false;
}

/** The span trimmed of spaces; undefined when nothing with a letter is left, or when it is too long to be a phrase. */
function trimmed(text: string, start: number, end: number): LineSpan | undefined {
  let s = start;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return e > s && e - s <= MAX_PHRASE_CHARS && hasLetter(text, s, e) ? { start: s, end: e } : undefined;
}

/**
 * Where `word` first stands in `text` from `from` on, looking no further than a phrase can reach
 * (-1: not there). Phrase rules run once per number: an unbounded search would make a line that
 * repeats a cue without the closing text cost quadratic time.
 */
function indexInReach(text: string, word: string, from: number): number {
  const at = text.slice(from, from + MAX_PHRASE_CHARS + word.length + 1).indexOf(word);
  return at === -1 ? -1 : from + at;
}

/** The end of the line, when a phrase can reach it from `from` (-1 otherwise). */
function lineEndInReach(text: string, from: number): number {
  return text.length - from <= MAX_PHRASE_CHARS + 1 ? text.length : -1;
}

/** `486 "Busy Here"`: the phrase inside the double quotes that follow the code. */
export const quotedPhrase: PhraseRule = (text, _start, end) => {
  let i = end;
  while (isBlank(text.charCodeAt(i))) i++;
  if (text[i] !== '"') return undefined;
  const close = indexInReach(text, '"', i + 1);
  return close === -1 ? undefined : trimmed(text, i + 1, close);
};

/** `200 (OK)`, `403 [Forbidden]`: the phrase inside the brackets that follow the code. */
export function enclosedPhrase(open: string, close: string): PhraseRule {
  return (text, _start, end) => {
    let i = end;
    while (isBlank(text.charCodeAt(i))) i++;
    if (text[i] !== open) return undefined;
    const closing = indexInReach(text, close, i + 1);
    return closing === -1 ? undefined : trimmed(text, i + 1, closing);
  };
}

/**
 * `Response is 200 OK`, `received 486 Busy Here for INVITE (1)`: the rest of the line after the
 * code, up to the first of `stops` (the fixed text the program prints after the phrase). The stops
 * are searched for together, in one pass over what a phrase can reach.
 */
export function restPhrase(...stops: string[]): PhraseRule {
  const anyStop = stops.length === 0 ? undefined : anyOfLiterals(stops);
  const longest = Math.max(0, ...stops.map((stop) => stop.length));
  return (text, _start, end) => {
    if (!isBlank(text.charCodeAt(end))) return undefined;
    const found = anyStop?.exec(text.slice(end, end + MAX_PHRASE_CHARS + longest + 1));
    const stop = found ? end + found.index : lineEndInReach(text, end);
    return stop === -1 ? undefined : trimmed(text, end, stop);
  };
}

/** `code=500;reason=Server Internal Error;...`: the value of the attribute that follows the code. */
export function attributePhrase(name: string, separator: string): PhraseRule {
  return (text, _start, end) => {
    if (!text.startsWith(name, end)) return undefined;
    const from = end + name.length;
    const next = indexInReach(text, separator, from);
    const stop = next === -1 ? lineEndInReach(text, from) : next;
    return stop === -1 ? undefined : trimmed(text, from, stop);
  };
}

/** The phrase of `rule` only when it starts with a capital letter (`Got 404 Not found on ...`, not `Got 202 accepted on ...`). */
export function capitalized(rule: PhraseRule): PhraseRule {
  return (text, start, end) => {
    const span = rule(text, start, end);
    if (!span) return undefined;
    const first = text.charCodeAt(span.start);
    return first >= 65 && first <= 90 ? span : undefined;
  };
}
