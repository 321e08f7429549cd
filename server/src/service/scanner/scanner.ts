import { anyOfLiterals } from '../text';
import { lineEndIn, lineStartsOf } from '../textStore';
import type { Dialect } from './dialect';
import type { Occurrence } from './occurrence';

/**
 * The carried state while a text is scanned: the state at the start of the next line, and where to
 * report each line that may change it (a line with the dialect's marker) with its state at the end.
 */
export interface Carry {
  state: number;
  mark?: (line: number, stateAtEnd: number) => void;
}

/** A set of dialects scanned together, with their triggers joined into one pattern. */
export class Scanner {
  private readonly trigger: RegExp | undefined;
  /** The dialects' keywords, when all have some: found first, then the trigger tested on their lines. */
  private readonly keywords: RegExp | undefined;
  /** The trigger, tested on a line that holds a keyword. */
  private readonly lineTrigger: RegExp | undefined;
  private readonly carried: Dialect['carried'];
  private readonly marker: RegExp | undefined;
  /** Whether the occurrences hold symbols that the document resolves. */
  readonly resolvesSymbols: boolean;

  constructor(readonly dialects: readonly Dialect[]) {
    this.carried = dialects.find((d) => d.carried)?.carried;
    this.marker = this.carried && new RegExp(this.carried.marker.source);
    const patterns = dialects.map((d) => `(?:${d.trigger.source})`);
    if (this.carried) patterns.push(`(?:${this.carried.marker.source})`);
    this.trigger = dialects.length === 0 ? undefined : new RegExp(patterns.join('|'), 'gim');
    const keywords = dialects.flatMap((d) => d.keywords ?? []);
    if (this.trigger && !this.carried && dialects.every((d) => d.keywords)) {
      this.keywords = anyOfLiterals([...new Set(keywords)], 'gi');
      this.lineTrigger = new RegExp(this.trigger.source, 'im');
    }
    this.resolvesSymbols = dialects.some((d) => d.symbols);
  }

  /** Whether a state is carried from line to line. */
  get carriesState(): boolean {
    return this.carried !== undefined;
  }

  /** The state at the end of a line, from the state at its start. */
  stateAfter(text: string, state: number): number {
    return this.carried && this.marker!.test(text) ? this.carried.stateAfter(text, state) : state;
  }

  /** Whether this scanner can find anything at all. */
  get isEmpty(): boolean {
    return this.trigger === undefined;
  }

  /** Scans one line (without its line break) that starts in the carried `state`. */
  scanLine(text: string, line: number, out: Occurrence[], state = 0): void {
    for (const dialect of this.dialects) dialect.scanLine(text, line, out, state);
  }

  /**
   * Scans `text`, whose first line is line `firstLine` of the document, and appends what it finds
   * to `out`, in order. Only lines that contain a trigger are looked at. Returns the number of the
   * line that holds the end of the text. `carry` starts with the state at the start of the text
   * and ends with the state at its end. `starts` are where the text's lines start (as lineStartsOf
   * finds them), when the caller has them already.
   */
  scanText(text: string, firstLine: number, out: Occurrence[], carry: Carry = { state: 0 }, starts = lineStartsOf(text)): number {
    const search = this.keywords ?? this.trigger;
    const last = starts.length - 1;
    let k = 0;
    while (search && k <= last && starts[k] < text.length) {
      search.lastIndex = starts[k];
      const match = search.exec(text);
      if (!match) break;
      // Move to the line that holds the match.
      while (k < last && starts[k + 1] <= match.index) k++;
      const lineText = text.substring(starts[k], lineEndIn(text, starts, k));
      const line = firstLine + k;
      if (!this.lineTrigger || this.lineTrigger.test(lineText)) this.scanLine(lineText, line, out, carry.state);
      if (this.carried && this.marker!.test(lineText)) {
        carry.state = this.carried.stateAfter(lineText, carry.state);
        carry.mark?.(line, carry.state);
      }
      // Continue on the next line: each line is scanned once, whatever it holds.
      k++;
    }
    return firstLine + last;
  }
}
