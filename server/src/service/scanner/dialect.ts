import type { Lines } from '../text';
import type { LineSpan, Occurrence } from './occurrence';

/** A place where a status code can be typed, as a dialect sees it at the cursor. */
export interface CompletionSlot {
  /** The text the chosen code replaces (what is typed so far, and what belongs to it). */
  span: LineSpan;
  /** The codes that fit here (PJSIPHangup: 400-699); all registered codes when absent. */
  accepts?: (code: number) => boolean;
  /** The text that goes in for a code, e.g. `486", "Busy Here` in sl_send_reply("|"). */
  insert: (code: number, phrase: string) => string;
}

/**
 * A recogniser for one kind of text (SIP messages, Kamailio, Asterisk ...).
 *
 * Recognition is line-local: whether a line holds an occurrence depends on that line alone (and on
 * the small state a dialect may carry from line to line, see `carried`), so an edit only needs the
 * edited lines rescanned. Context that needs other lines (the CSeq method of a response, a sipfrag
 * body, the route block around a reply) is looked up when a feature asks for it, not while
 * scanning; what a dialect cannot know from its line (a preprocessor name's value) it reports as a
 * `symbol` occurrence that the document resolves (`symbols`).
 */
export interface Dialect {
  readonly id: string;
  /**
   * A pattern that every line with an occurrence contains (flags are ignored: it is matched
   * case-insensitively and in multiline mode; it must not match the empty string). It lets the
   * scanner skip the other lines without looking at them.
   */
  readonly trigger: RegExp;
  /**
   * Texts one of which every match of `trigger` contains, in lower case (they are compared
   * case-insensitively). When every dialect of a scanner has them, the scanner searches a text for
   * all of them at once and tests the triggers only on the lines that hold one: a search for words
   * costs a fraction of a long alternation of patterns, and most lines of a log hold none.
   */
  readonly keywords?: readonly string[];
  /**
   * A state carried from line to line (whether a block comment is open): lines that may change it
   * contain `marker` (it must not match the empty string); `stateAfter` gives the state at the end
   * of such a line from the state at its start (0 at the top of the document). A scanner holds at
   * most one dialect that carries state.
   */
  readonly carried?: { marker: RegExp; stateAfter(text: string, state: number): number };
  /** Whether the dialect reports `symbol` occurrences, which the document resolves (scanner/symbols.ts). */
  readonly symbols?: boolean;
  /** Appends the occurrences of one line (without its line break) to `out`; `state` is the carried state at its start. */
  scanLine(text: string, line: number, out: Occurrence[], state?: number): void;
  /** The completion slot at `character` of line `line`, if a status code can be typed there. */
  completionAt?(lines: Lines, line: number, character: number): CompletionSlot | undefined;
}
