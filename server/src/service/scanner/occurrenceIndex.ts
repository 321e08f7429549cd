import type { ChunkCursor, TextStore } from '../textStore';
import type { Occurrence } from './occurrence';
import type { Carry, Scanner } from './scanner';

/** The text an index scans. */
export type IndexedText = Pick<TextStore, 'chunkFrom' | 'textOfLines'>;

/** How much text one scan step covers before it lets other work run. */
export const SCAN_SLICE_CHARS = 4 * 1024 * 1024;

/**
 * The occurrences of one document, kept in line order and up to date edit by edit.
 *
 * Lines [0, scannedLines) are scanned; a scan proceeds in slices (scanStep) so that a huge
 * document never blocks other requests, and edits are applied at any time: an edit inside the
 * scanned part rescans only its own lines (recognition is line-local), an edit beyond it costs
 * nothing now. Where the scanner carries a state from line to line (a block comment open), the
 * index keeps the lines that may change it with their state at the end (`marks`): an edit that
 * changes the state at its end also rescans the lines after it, up to the first marked line whose
 * state at the end comes out as before.
 */
export class OccurrenceIndex {
  private items: Occurrence[] = [];
  private scanned = 0;
  /** Where the scan goes on, while no edit has happened (so a scan needs no line table). */
  private resume: ChunkCursor | undefined;
  /** Whether every line is scanned (kept without asking the text for its line count, which builds a line table). */
  private complete = false;
  /** The scanned lines that may change the carried state, in order, and the state at the end of each. */
  private markLines: number[] = [];
  private markStates: number[] = [];
  private changes = 0;

  constructor(private readonly scanner: Scanner) {}

  /** Lines scanned so far, from the top. */
  get scannedLines(): number {
    return this.scanned;
  }

  get isComplete(): boolean {
    return this.complete || this.scanner.isEmpty;
  }

  /** A number that changes whenever the occurrences do. */
  get generation(): number {
    return this.changes;
  }

  /** The carried state at the start of a scanned line (or of the first line not scanned yet). */
  stateAt(line: number): number {
    const k = lowerBound(this.markLines, line) - 1;
    return k >= 0 ? this.markStates[k] : 0;
  }

  /** All occurrences found so far, in line order. */
  get occurrences(): readonly Occurrence[] {
    return this.items;
  }

  /** Scans up to `maxChars` more characters; returns true when the whole text is scanned. */
  scanStep(text: IndexedText, maxChars = SCAN_SLICE_CHARS): boolean {
    if (this.isComplete) return true;
    const chunk = text.chunkFrom(this.scanned, maxChars, this.resume);
    this.changes++;
    const lineAtEnd = this.scanner.scanText(chunk.text, this.scanned, this.items, this.carryFrom(this.scanned, this.markLines, this.markStates), chunk.starts);
    this.complete = chunk.complete;
    // At the end of the text, lineAtEnd is the last line; elsewhere the first line of the next chunk.
    this.scanned = this.complete ? lineAtEnd + 1 : lineAtEnd;
    this.resume = chunk.next;
    return this.complete;
  }

  /** Scans everything that is left, at once. */
  scanAll(text: IndexedText): void {
    while (!this.scanStep(text, Infinity));
  }

  /**
   * Takes an edit that replaced lines [startLine, oldEndLine] of the previous text with lines
   * [startLine, newEndLine] of `text` (which already has the edit).
   */
  applyEdit(text: IndexedText, startLine: number, oldEndLine: number, newEndLine: number): void {
    this.resume = undefined;
    if (startLine >= this.scanned) return;
    this.changes++;
    const delta = newEndLine - oldEndLine;
    const first = this.firstAtOrAfter(startLine);
    const firstMark = lowerBound(this.markLines, startLine);
    if (oldEndLine >= this.scanned) {
      // The edit reaches past the scanned part: drop what it touched and let the scan resume there.
      this.items.length = first;
      this.markLines.length = firstMark;
      this.markStates.length = firstMark;
      this.scanned = startLine;
      this.complete = false;
      return;
    }
    const stateBefore = this.stateAt(oldEndLine + 1);
    const afterMark = lowerBound(this.markLines, oldEndLine + 1);
    const after = this.firstAtOrAfter(oldEndLine + 1);
    const fresh: Occurrence[] = [];
    const freshLines: number[] = [];
    const freshStates: number[] = [];
    const carry = this.carryFrom(startLine, freshLines, freshStates);
    this.scanner.scanText(text.textOfLines(startLine, newEndLine + 1), startLine, fresh, carry);
    if (delta !== 0) {
      for (let i = after; i < this.items.length; i++) this.items[i].line += delta;
      for (let k = afterMark; k < this.markLines.length; k++) this.markLines[k] += delta;
    }
    this.items = splice(this.items, first, after, fresh);
    this.markLines = splice(this.markLines, firstMark, afterMark, freshLines);
    this.markStates = splice(this.markStates, firstMark, afterMark, freshStates);
    this.scanned += delta;
    if (carry.state !== stateBefore) this.propagate(text, newEndLine + 1, carry.state);
  }

  /**
   * The state at the start of `line` changed to `state`: rescans from there to the next marked line,
   * and on while a marked line ends in another state than before, or to the end of the scanned part.
   */
  private propagate(text: IndexedText, line: number, state: number): void {
    while (line < this.scanned) {
      const nextMark = lowerBound(this.markLines, line);
      const last = nextMark < this.markLines.length ? this.markLines[nextMark] : this.scanned - 1;
      const stateBefore = nextMark < this.markLines.length ? this.markStates[nextMark] : undefined;
      const first = this.firstAtOrAfter(line);
      const after = this.firstAtOrAfter(last + 1);
      const fresh: Occurrence[] = [];
      const freshLines: number[] = [];
      const freshStates: number[] = [];
      const carry: Carry = { state, mark: (l, s) => { freshLines.push(l); freshStates.push(s); } };
      this.scanner.scanText(text.textOfLines(line, last + 1), line, fresh, carry);
      this.items = splice(this.items, first, after, fresh);
      const afterMark = lowerBound(this.markLines, last + 1);
      this.markLines = splice(this.markLines, nextMark, afterMark, freshLines);
      this.markStates = splice(this.markStates, nextMark, afterMark, freshStates);
      if (stateBefore === undefined || carry.state === stateBefore) return;
      line = last + 1;
      state = carry.state;
    }
  }

  /** A carry that starts in the state at `line` and records the marked lines it meets into the arrays given. */
  private carryFrom(line: number, lines: number[], states: number[]): Carry {
    const state = this.stateAt(line);
    return this.scanner.carriesState ? { state, mark: (l, s) => { lines.push(l); states.push(s); } } : { state };
  }

  private firstAtOrAfter(line: number): number {
    return firstOnOrAfter(this.items, line);
  }
}

/** Replaces items [from, to) of an array with `fresh`, in place when that is cheap. */
function splice<T>(items: T[], from: number, to: number, fresh: T[]): T[] {
  if (fresh.length === 0 && from === to) return items;
  return fresh.length < 10_000 ? (items.splice(from, to - from, ...fresh), items) : items.slice(0, from).concat(fresh, items.slice(to));
}

/** The index of the first number >= value in a sorted array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first occurrence on or after `line`. */
function firstOnOrAfter(items: readonly Occurrence[], line: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid].line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}
