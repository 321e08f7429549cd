import type { Lines } from './text';

/** A position as the protocol gives it: a line and a UTF-16 column. */
export interface TextPosition {
  line: number;
  character: number;
}

/** An edit as the protocol sends it: a range and its new text, or the whole new text. */
export type TextChange = { range: { start: TextPosition; end: TextPosition }; text: string } | { text: string };

/** Where a sequential scan goes on: valid only for the same store with no edit in between. */
export interface ChunkCursor {
  store: TextStore;
  generation: number;
  block: number;
}

/** A run of whole lines of a text, as a sequential reader takes it. */
export interface TextChunk {
  text: string;
  /** Whether the chunk reaches the end of the text. */
  complete: boolean;
  /** Where the next chunk starts. */
  next: ChunkCursor;
  /** Offsets in `text` where each of its lines starts (the first is 0; after a final line break, `text.length`). */
  starts: Int32Array;
}

/** Which lines an edit replaced: [startLine, oldEndLine] before it, [startLine, newEndLine] after it. */
export interface ChangedLines {
  startLine: number;
  oldEndLine: number;
  newEndLine: number;
}

/** How long a block grows before it is cut (at the next LF). */
const BLOCK_CHARS = 16 * 1024;

/**
 * A document's text in blocks of whole lines (about 16 KB each, every block but the last ending
 * with an LF), so that an edit rewrites only the blocks it touches and finding a line costs a
 * binary search over blocks, never a pass over the whole text. Line breaks are \n, \r\n or a lone
 * \r, as the protocol counts them. Blocks start as slices of the opened text (no copy).
 */
export class TextStore implements Lines {
  private blocks: string[] = [];
  /** Line breaks per block; undefined until a line is looked up by number. */
  private breaks: number[] | undefined;
  /** Line breaks of the blocks a sequential read has passed, before the table exists (so that the first look-up after the opening scan costs no pass over the text). */
  private counted: number[] = [];
  /** First line of each block (prefix sums of breaks). */
  private firstLines: number[] | undefined;
  /** Line start offsets inside each block, computed when a line of that block is read. */
  private starts: (Int32Array | undefined)[] = [];
  /** The whole text, kept until the first edit (and rebuilt when asked for). */
  private whole: string | undefined;
  /** Where each block starts in the whole text; undefined until a chunk is cut from it. */
  private offsets: number[] | undefined;
  /** Counts edits, so that a chunk cursor from before an edit is not used after it. */
  private generation = 0;

  constructor(text: string) {
    this.reset(text);
  }

  private reset(text: string): void {
    this.whole = text;
    this.blocks = cutIntoBlocks(text);
    this.breaks = undefined;
    this.counted = [];
    this.firstLines = undefined;
    this.starts = [];
    this.offsets = undefined;
  }

  /** The whole text (joined from the blocks after an edit). */
  getText(): string {
    this.whole ??= this.blocks.join('');
    return this.whole;
  }

  get lineCount(): number {
    const { firstLines, breaks } = this.lineTable();
    const last = this.blocks.length - 1;
    return firstLines[last] + breaks[last] + 1;
  }

  lineAt(line: number): string {
    const found = this.lineBounds(line);
    return found ? found.text.slice(found.start, found.end) : '';
  }

  /** The length of a line without its line break (0 past the end), without cutting it out (nor making an object: a big trace's Outline asks for every message's last line). */
  lineLength(line: number): number {
    if (line < 0 || line >= this.lineCount) return 0;
    const block = this.blockOfLine(line);
    const index = line - this.lineTable().firstLines[block];
    const starts = this.startsOf(block);
    return lineEndIn(this.blocks[block], starts, index) - starts[index];
  }

  /** The block that holds a line and where the line starts and ends in it (before its line break). */
  private lineBounds(line: number): { text: string; start: number; end: number } | undefined {
    if (line < 0 || line >= this.lineCount) return undefined;
    const block = this.blockOfLine(line);
    const text = this.blocks[block];
    const starts = this.startsOf(block);
    const index = line - this.lineTable().firstLines[block];
    return { text, start: starts[index], end: lineEndIn(text, starts, index) };
  }

  /** The text of lines [from, to) with their line breaks. */
  textOfLines(from: number, to: number): string {
    const last = this.lineCount;
    from = Math.max(0, Math.min(from, last));
    to = Math.max(from, Math.min(to, last));
    if (from === to) return '';
    const first = this.blockOfLine(from);
    const end = this.blockOfLine(to - 1);
    const parts: string[] = [];
    for (let b = first; b <= end; b++) {
      const text = this.blocks[b];
      const starts = this.startsOf(b);
      const base = this.lineTable().firstLines[b];
      const startIndex = b === first ? from - base : 0;
      const endIndex = b === end ? to - base : starts.length;
      parts.push(text.slice(starts[startIndex], endIndex < starts.length ? starts[endIndex] : text.length));
    }
    return parts.join('');
  }

  /**
   * Text from line `from` on, of at least `maxChars` characters where the document has them,
   * ending after a line break or at the end; `complete` when it reaches the end; `starts`, where
   * each of its lines starts (found in one pass, which also counts the lines of its blocks: a
   * reader of the chunk walks no line break again). `resume` (the `next` of the previous chunk,
   * when nothing was edited since) continues without a line table.
   */
  chunkFrom(from: number, maxChars: number, resume?: ChunkCursor): TextChunk {
    let block: number;
    /** Characters of the first block before the chunk. */
    let skip: number;
    if (resume !== undefined && resume.store === this && resume.generation === this.generation) {
      block = resume.block;
      skip = 0;
    } else if (from <= 0) {
      // The first line needs no line table (counting the lines of a big text costs a pass over it).
      block = 0;
      skip = 0;
    } else {
      block = this.blockOfLine(from);
      skip = this.startsOf(block)[from - this.lineTable().firstLines[block]];
    }
    let last = block;
    let length = this.blocks[block].length - skip;
    while (length < maxChars && last + 1 < this.blocks.length) {
      last++;
      length += this.blocks[last].length;
    }
    const complete = last === this.blocks.length - 1;
    const next = { store: this, generation: this.generation, block: last + 1 };
    let text: string;
    if (this.whole !== undefined) {
      // A slice of the whole text costs no copy; joining blocks copies every character (about 7 ms a megabyte).
      const start = this.blockOffset(block) + skip;
      text = this.whole.slice(start, start + length);
    } else {
      const parts = [this.blocks[block].slice(skip)];
      for (let b = block + 1; b <= last; b++) parts.push(this.blocks[b]);
      text = parts.length === 1 ? parts[0] : parts.join('');
    }
    const starts = lineStartsOf(text);
    // Without a line table the chunk starts at a block's start (skip is 0).
    if (this.breaks === undefined) this.countFrom(starts, block, last);
    return { text, complete, next, starts };
  }

  /**
   * Keeps the line breaks of blocks [first, last] and where their lines start, read from the starts
   * of the lines of a chunk that holds them whole (a big trace's Outline then finds the end of
   * every message's last line without a pass over its block).
   */
  private countFrom(starts: Int32Array, first: number, last: number): void {
    let k = 1;
    let end = 0;
    for (let b = first; b <= last; b++) {
      const begin = end;
      end += this.blocks[b].length;
      const before = k;
      while (k < starts.length && starts[k] <= end) k++;
      this.counted[b] ??= k - before;
      if (this.starts[b] === undefined) {
        const own = new Int32Array(k - before + 1);
        for (let i = before; i < k; i++) own[i - before + 1] = starts[i] - begin;
        this.starts[b] = own;
      }
    }
  }

  /** Where block `block` starts in the whole text. */
  private blockOffset(block: number): number {
    if (!this.offsets) {
      const offsets = new Array<number>(this.blocks.length);
      let offset = 0;
      for (let b = 0; b < this.blocks.length; b++) {
        offsets[b] = offset;
        offset += this.blocks[b].length;
      }
      this.offsets = offsets;
    }
    return this.offsets[block];
  }

  /** Applies one edit and says which lines it replaced. */
  applyChange(change: TextChange): ChangedLines {
    this.generation++;
    if (!('range' in change)) {
      const oldEndLine = this.lineCount - 1;
      this.reset(change.text);
      return { startLine: 0, oldEndLine, newEndLine: this.lineCount - 1 };
    }
    const { start, end } = orderedRange(this.clamp(change.range.start), this.clamp(change.range.end));
    const table = this.lineTable();
    const firstBlock = this.blockOfLine(start.line);
    let lastBlock = this.blockOfLine(end.line);
    const regionFirstLine = table.firstLines[firstBlock];
    const region = this.blocks.slice(firstBlock, lastBlock + 1).join('');
    const regionStarts = lineStartsOf(region);
    const startOffset = regionStarts[start.line - regionFirstLine] + start.character;
    const endOffset = regionStarts[end.line - regionFirstLine] + end.character;
    let replaced = region.slice(0, startOffset) + change.text + region.slice(endOffset);
    // Every block but the last ends with an LF: a CR left at the end would join the next block's LF.
    while (lastBlock + 1 < this.blocks.length && !replaced.endsWith('\n')) {
      lastBlock++;
      replaced += this.blocks[lastBlock];
    }
    const fresh = cutIntoBlocks(replaced);
    const freshBreaks = fresh.map(countBreaks);
    let delta = 0;
    for (let b = firstBlock; b <= lastBlock; b++) delta -= table.breaks[b];
    for (const n of freshBreaks) delta += n;
    this.blocks.splice(firstBlock, lastBlock - firstBlock + 1, ...fresh);
    table.breaks.splice(firstBlock, lastBlock - firstBlock + 1, ...freshBreaks);
    this.starts.splice(firstBlock, lastBlock - firstBlock + 1, ...fresh.map(() => undefined));
    this.firstLines = undefined;
    this.whole = undefined;
    this.offsets = undefined;
    return { startLine: start.line, oldEndLine: end.line, newEndLine: end.line + delta };
  }

  /** A position inside the document: lines past the end go to the end, columns past a line's end to that end. */
  private clamp(position: TextPosition): TextPosition {
    const lineCount = this.lineCount;
    if (position.line >= lineCount) {
      const last = lineCount - 1;
      return { line: last, character: this.lineAt(last).length };
    }
    if (position.line < 0) return { line: 0, character: 0 };
    return { line: position.line, character: Math.max(0, Math.min(position.character, this.lineAt(position.line).length)) };
  }

  private lineTable(): { breaks: number[]; firstLines: number[] } {
    if (this.breaks === undefined) {
      this.breaks = this.blocks.map((text, b) => this.counted[b] ?? countBreaks(text));
      this.counted = [];
    }
    if (!this.firstLines) {
      const firstLines = new Array<number>(this.blocks.length);
      let line = 0;
      for (let b = 0; b < this.blocks.length; b++) {
        firstLines[b] = line;
        line += this.breaks[b];
      }
      this.firstLines = firstLines;
    }
    return { breaks: this.breaks, firstLines: this.firstLines };
  }

  /** The block that holds `line` (the last block for lines past the end). */
  private blockOfLine(line: number): number {
    const { firstLines } = this.lineTable();
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (firstLines[mid] <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private startsOf(block: number): Int32Array {
    let starts = this.starts[block];
    if (!starts) {
      starts = lineStartsOf(this.blocks[block]);
      this.starts[block] = starts;
    }
    return starts;
  }
}

/** Where line `index` of a text ends, before its line break (`starts`: the text's line starts). */
export function lineEndIn(text: string, starts: Int32Array, index: number): number {
  const start = starts[index];
  let end = index + 1 < starts.length ? starts[index + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function orderedRange(a: TextPosition, b: TextPosition): { start: TextPosition; end: TextPosition } {
  return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
}

/** Cuts text into blocks of about BLOCK_CHARS, each ending just after an LF (the last one anywhere). */
function cutIntoBlocks(text: string): string[] {
  const blocks: string[] = [];
  let start = 0;
  while (text.length - start > BLOCK_CHARS) {
    const lf = text.indexOf('\n', start + BLOCK_CHARS - 1);
    if (lf === -1) break;
    blocks.push(text.slice(start, lf + 1));
    start = lf + 1;
  }
  blocks.push(text.slice(start));
  return blocks;
}

/** Line breaks in `text`: every LF (alone or in a CRLF) and every lone CR. */
function countBreaks(text: string): number {
  let count = 0;
  forEachLine(text, () => count++);
  return count;
}

/**
 * Calls `each` with the start and end (before its line break) of every line of `text` that ends
 * with a line break (\n, \r\n or a lone \r); returns where the text after the last break starts.
 * The breaks are found with indexOf, the next LF and the next CR each looked for once: CRLF text,
 * and text with a lone CR here and there (a binary body), cost no regular expression.
 */
export function forEachLine(text: string, each: (start: number, end: number) => void): number {
  let start = 0;
  let cr = text.indexOf('\r');
  for (let lf = text.indexOf('\n'); ; lf = text.indexOf('\n', start)) {
    // Lone CRs before the next LF (or at the end) end lines of their own.
    while (cr !== -1 && (lf === -1 || cr < lf - 1)) {
      each(start, cr);
      start = cr + 1;
      cr = text.indexOf('\r', start);
    }
    if (lf === -1) return start;
    each(start, lf > 0 && cr === lf - 1 ? cr : lf);
    start = lf + 1;
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
}

/** Where lineStartsOf writes before it copies what it found (grown as needed: one block's lines). */
let scratchStarts = new Int32Array(1024);

/** Offsets where each line of `text` starts (the first is 0), in one pass (a big trace's Outline asks for every block's). */
export function lineStartsOf(text: string): Int32Array {
  let count = 1;
  scratchStarts[0] = 0;
  forEachLine(text, (_, end) => {
    if (count === scratchStarts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(scratchStarts);
      scratchStarts = grown;
    }
    scratchStarts[count++] = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  });
  return scratchStarts.slice(0, count);
}
