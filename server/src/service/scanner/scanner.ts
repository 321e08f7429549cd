import type { Dialect } from './dialect';
import type { Occurrence } from './occurrence';

/**
 * Finds line breaks (\n, \r\n or a lone \r, as editors count them) going forward through a text,
 * remembering where the next CR and LF are so that each is searched for once.
 */
class LineBreaks {
  private lf = -1;
  private cr = -1;

  constructor(private readonly text: string) {}

  /** The offset of the first line break at or after `from`, or -1. */
  next(from: number): number {
    if (this.lf !== Infinity && this.lf < from) this.lf = this.find('\n', from);
    if (this.cr !== Infinity && this.cr < from) this.cr = this.find('\r', from);
    const at = Math.min(this.lf, this.cr);
    return at === Infinity ? -1 : at;
  }

  /** The offset just after the line break at `at`. */
  endOf(at: number): number {
    return this.text.charCodeAt(at) === 13 && this.text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  }

  private find(ch: string, from: number): number {
    const at = this.text.indexOf(ch, from);
    return at === -1 ? Infinity : at;
  }
}

/** A set of dialects scanned together, with their triggers joined into one pattern. */
export class Scanner {
  private readonly trigger: RegExp | undefined;

  constructor(readonly dialects: readonly Dialect[]) {
    this.trigger = dialects.length === 0
      ? undefined
      : new RegExp(dialects.map((d) => `(?:${d.trigger.source})`).join('|'), 'gim');
  }

  /** Whether this scanner can find anything at all. */
  get isEmpty(): boolean {
    return this.trigger === undefined;
  }

  /** Scans one line (without its line break). */
  scanLine(text: string, line: number, out: Occurrence[]): void {
    for (const dialect of this.dialects) dialect.scanLine(text, line, out);
  }

  /**
   * Scans `text`, whose first line is line `firstLine` of the document, and appends what it finds
   * to `out`, in order. Only lines that contain a trigger are looked at. Returns the number of the
   * line that holds the end of the text.
   */
  scanText(text: string, firstLine: number, out: Occurrence[]): number {
    const breaks = new LineBreaks(text);
    const trigger = this.trigger;
    let line = firstLine;
    let lineStart = 0;
    while (trigger && lineStart < text.length) {
      trigger.lastIndex = lineStart;
      const match = trigger.exec(text);
      if (!match) break;
      // Move to the line that holds the match.
      let end = breaks.next(lineStart);
      while (end !== -1 && end < match.index) {
        line++;
        lineStart = breaks.endOf(end);
        end = breaks.next(lineStart);
      }
      this.scanLine(text.substring(lineStart, end === -1 ? text.length : end), line, out);
      if (end === -1) return line;
      // Continue on the next line: each line is scanned once, whatever it holds.
      line++;
      lineStart = breaks.endOf(end);
    }
    // Count the rest of the lines.
    for (let end = breaks.next(lineStart); end !== -1; end = breaks.next(lineStart)) {
      line++;
      lineStart = breaks.endOf(end);
    }
    return line;
  }
}
