import type { ChunkCursor, TextStore } from '../textStore';
import type { Occurrence } from './occurrence';
import type { Scanner } from './scanner';

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
 * nothing now.
 */
export class OccurrenceIndex {
  private items: Occurrence[] = [];
  private scanned = 0;
  /** Where the scan goes on, while no edit has happened (so a scan needs no line table). */
  private resume: ChunkCursor | undefined;
  /** Whether every line is scanned (kept without asking the text for its line count, which builds a line table). */
  private complete = false;

  constructor(private readonly scanner: Scanner) {}

  /** Lines scanned so far, from the top. */
  get scannedLines(): number {
    return this.scanned;
  }

  get isComplete(): boolean {
    return this.complete || this.scanner.isEmpty;
  }

  /** All occurrences found so far, in line order. */
  get occurrences(): readonly Occurrence[] {
    return this.items;
  }

  /** Scans up to `maxChars` more characters; returns true when the whole text is scanned. */
  scanStep(text: IndexedText, maxChars = SCAN_SLICE_CHARS): boolean {
    if (this.isComplete) return true;
    const chunk = text.chunkFrom(this.scanned, maxChars, this.resume);
    const lineAtEnd = this.scanner.scanText(chunk.text, this.scanned, this.items);
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
    const delta = newEndLine - oldEndLine;
    const first = this.firstAtOrAfter(startLine);
    if (oldEndLine >= this.scanned) {
      // The edit reaches past the scanned part: drop what it touched and let the scan resume there.
      this.items.length = first;
      this.scanned = startLine;
      this.complete = false;
      return;
    }
    const after = this.firstAtOrAfter(oldEndLine + 1);
    const fresh: Occurrence[] = [];
    const changed = text.textOfLines(startLine, newEndLine + 1);
    this.scanner.scanText(changed, startLine, fresh);
    if (delta !== 0) {
      for (let i = after; i < this.items.length; i++) this.items[i].line += delta;
    }
    this.items = fresh.length < 10_000
      ? (this.items.splice(first, after - first, ...fresh), this.items)
      : this.items.slice(0, first).concat(fresh, this.items.slice(after));
    this.scanned += delta;
  }

  private firstAtOrAfter(line: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.items[mid].line < line) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
