import type { Occurrence } from './occurrence';
import type { Carry, Scanner } from './scanner';

/** The longest line a streamed scan holds while it waits for the line's end (in characters). */
export const MAX_STREAMED_LINE = 16_000_000;

/** A line longer than MAX_STREAMED_LINE: the scan cannot go on past it. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line ${line + 1} is longer than ${MAX_STREAMED_LINE} characters`);
  }
}

/**
 * A text scanned as it arrives, piece by piece (a file too big to hold, a capture as it is
 * decoded): the lines each piece completes are scanned with the state carried from the lines
 * before them, as a document's scan does, and their occurrences handed back; nothing is kept but
 * the end of a line not yet complete.
 */
export class StreamedScan {
  private rest = '';
  private line = 0;
  private readonly carry: Carry = { state: 0 };

  constructor(private readonly scanner: Scanner) {}

  /** The occurrences on the lines that `text` completes. */
  push(text: string): Occurrence[] {
    const pending = this.rest + text;
    // Cut after the last LF, or after a CR that is not the last character (which may be the first
    // half of a CRLF; lastIndexOf would look at a first character from a negative index too).
    const lastCr = pending.length > 1 ? pending.lastIndexOf('\r', pending.length - 2) : -1;
    const cut = Math.max(pending.lastIndexOf('\n'), lastCr) + 1;
    this.rest = pending.slice(cut);
    if (this.rest.length > MAX_STREAMED_LINE) throw new LineTooLong(this.line + (cut === 0 ? 0 : 1));
    if (cut === 0) return [];
    const found: Occurrence[] = [];
    // A piece that ends with a line break ends on the first line of the next one.
    this.line = this.scanner.scanText(pending.slice(0, cut), this.line, found, this.carry);
    return found;
  }

  /** The occurrences on the last line (the text's end, without a line break after it). */
  end(): Occurrence[] {
    const found: Occurrence[] = [];
    if (this.rest.length > 0) this.scanner.scanText(this.rest, this.line, found, this.carry);
    this.rest = '';
    return found;
  }
}
