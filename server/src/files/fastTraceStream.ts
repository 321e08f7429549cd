import { isAscii } from 'node:buffer';
import { wordsOf } from '../capture/words';
import { COMPACT_FORMS, isTokenChar } from '../service/syntax/headers';
import { readStartLine } from '../service/syntax/startLine';
import { readEndpoint } from '../service/trace/framing/facts';
import { TRANSPORT_LETTERS } from '../service/trace/framing/ngrep';
import { isPageFooter } from '../service/trace/framing/pageBreaks';
import { CLOSER_LOOK, frameOf, HEADER_VALUE_READERS, MAX_FRAME_GAP, newMessage, READ_HEADERS, readHeaderValue, type HeaderValueReaders, type MessageInProgress } from '../service/trace/reader';
import type { SipMessage } from '../service/trace/types';
import { TraceStream, type Anchor, type MessageSink, type TextStream } from './traceStream';

/**
 * The trace reader of files read from disk for their calls, at the speed of their bytes: the same
 * message records and anchors as TraceStream hands its sink, without a string for each line.
 *
 * Text in `ngrep -W byline` framing (the capture decoder's, ngrep's, sipgrep's) is read as bytes:
 * lines are cut with Buffer.indexOf, the lines a message reader would look at more closely
 * (framing cues, "/2.0" of start lines) are found for 64 KB of lines at once, header names are
 * matched as bytes, and only the start line and the values of the headers the model reads are
 * decoded, then read by the trace model's own readers. A packet whose lines ask for more than
 * that (folded headers, a sipfrag body, page breaks, ngrep's "####" lines, a framing line of
 * another kind, a line longer than MAX_FAST_LINE, more than MAX_BLOCK when the buffer is full) is
 * read again from its framing line by a TraceStream, as is all text before the first ngrep
 * framing line and text in any other framing. A framing line resets the message reader (it ends
 * what was read before it), so a packet read on its own from its framing line is read as the
 * whole file's reader reads it.
 */

/**
 * How much of a packet is kept for reading it again when the buffer is full (a longer packet goes
 * to TraceStream then, and the buffer keeps its size: 8 MB, or about twice a bigger chunk pushed).
 */
const MAX_BLOCK = 1024 * 1024;
/** A line longer than this is read by TraceStream. */
const MAX_FAST_LINE = 64 * 1024;
/** How many bytes of lines are looked at closely at once. */
const SCAN_PIECE = 64 * 1024;
/** How many header values are remembered by their bytes, and the longest remembered. */
const VALUE_SLOTS = 16_384;
const VALUE_BYTES = 128;
/** How many bytes at either end of a longer value its slot is chosen by. */
const HASHED_ENDS = 12;
/** The model's header value readers, by name. */
const READERS = Object.keys(HEADER_VALUE_READERS) as (keyof HeaderValueReaders)[];
/** The index of readStartLine's and readEndpoint's answers beside those of READERS (see answer). */
const START_LINE_READER = READERS.length;
const ENDPOINT_READER = READERS.length + 1;
/** 10 to the power of each number of fraction digits an ngrep framing line holds (at most 9). */
const POWERS_OF_TEN = Array.from({ length: 10 }, (_, n) => 10 ** n);
/** The longest ngrep framing line read as bytes. */
const MAX_FRAME_LINE = 512;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;

/** RFC 3261 token bytes. */
const TOKEN = Uint8Array.from({ length: 256 }, (_, code) => (isTokenChar(code) ? 1 : 0));
/** Bytes of an address as readEndpoint takes it (with IPv6 brackets). */
const ENDPOINT = Uint8Array.from({ length: 256 }, (_, code) => (/^[A-Za-z0-9_.:[\]-]$/.test(String.fromCharCode(code)) ? 1 : 0));

/** The longest name of a header the model reads. */
const LONGEST_NAME = Math.max(...[...READ_HEADERS].map((name) => name.length));
/**
 * The names of the headers the model reads (full and compact), by length and first byte (lower
 * case): at [length * 256 + byte], the spellings (lower case) and full names of that slot, in turns.
 */
const HEADER_NAMES: (readonly (Buffer | string)[] | undefined)[] = (() => {
  const names: (Buffer | string)[][] = [];
  const add = (spelling: string, name: string): void => {
    const key = spelling.length * 256 + spelling.charCodeAt(0);
    (names[key] ??= []).push(Buffer.from(spelling, 'latin1'), name);
  };
  for (const name of READ_HEADERS) add(name, name);
  for (const [letter, name] of Object.entries(COMPACT_FORMS)) if (READ_HEADERS.has(name)) add(letter, name);
  return Array.from({ length: (LONGEST_NAME + 1) * 256 }, (_, key) => names[key]);
})();

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte;
}

function isDigitByte(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** What an ngrep framing line says (as ngrepFraming.frame reads it). */
interface FrameFacts {
  time: number;
  transport?: string;
  source: string;
  destination: string;
}

interface Building extends MessageInProgress {
  /** A header line was read last (a blank-led line after it would fold into it). */
  inHeader: boolean;
  /** The message's last line so far (its record takes it when it ends). */
  endLine: number;
}

export class FastTraceStream implements TextStream {
  private buf = Buffer.allocUnsafe(8 * 1024 * 1024);
  /** The buffer read four bytes at a time (values are hashed and compared by words). */
  private words = wordsOf(this.buf);
  private length = 0;
  /** The file offset of buf[0]. */
  private base = 0;
  /** Where the next line starts, and its number. */
  private at = 0;
  private line = 0;
  /** The current line started before the buffer (a line too long to keep, read by TraceStream). */
  private longLine = false;
  /** Lines up to here have been looked at closely; where the cues and "/2.0" of those not yet read are. */
  private scanned = 0;
  private ascii = true;
  private cues: number[] = [];
  private cueAt = 0;
  private versions: number[] = [];
  private versionAt = 0;

  /** The part being read: from its framing line (or the file's start), read as bytes or by TraceStream. */
  private fast = false;
  private blockStart = 0;
  private blockLine = 0;
  private blockOffset = 0;
  private frame: FrameFacts | undefined;
  private started = false;
  private building: Building | undefined;
  private pending: SipMessage[] = [];
  /** The TraceStream of a part read by it, and how far into the buffer it has been given bytes. */
  private general: TraceStream | undefined;
  private givenTo = 0;

  /** Dates of framing lines to the second, as seconds since 1970 (consecutive packets share them). */
  private lastDate = Buffer.alloc(19);
  private lastSeconds = Number.NaN;
  /**
   * Header values and start lines remembered by their bytes (see value), a slot each (VALUE_BYTES
   * of bytes a slot), with the answer of the reader that read the text last (see answer).
   */
  private readonly valueKeys = new Uint8Array(VALUE_SLOTS * VALUE_BYTES);
  private readonly valueKeyWords = wordsOf(this.valueKeys);
  private readonly valueLengths = new Int32Array(VALUE_SLOTS).fill(-1);
  private readonly valueTrimmed = new Uint8Array(VALUE_SLOTS);
  private readonly valueTexts: string[] = new Array<string>(VALUE_SLOTS).fill('');
  private readonly valueReaders = new Int8Array(VALUE_SLOTS).fill(-1);
  private readonly valueAnswers: unknown[] = new Array<unknown>(VALUE_SLOTS).fill(undefined);
  /** The slot of the value read last (-1: none). */
  private slot = -1;
  /** The model's header value readers, answering from the slot of the value when they read it again. */
  private readonly readers = Object.fromEntries(READERS.map((name, index) => {
    const read = HEADER_VALUE_READERS[name] as (value: string) => unknown;
    return [name, (value: string) => this.answer(index, value, read)];
  })) as unknown as HeaderValueReaders;

  /** How many packets were read as bytes (the others went to TraceStream). */
  packetsReadAsBytes = 0;

  /** Bytes may start at a line of a file other than its first (`from`: an ngrep framing line, or the file's start). */
  constructor(private readonly sink: MessageSink, from: Anchor = { line: 0, offset: 0 }) {
    this.base = from.offset;
    this.line = from.line;
    this.blockLine = from.line;
    this.blockOffset = from.offset;
  }

  get bytesRead(): number {
    return this.base + this.length;
  }

  /** How many bytes of the file the reader holds (bounded whatever the file: see reserve). */
  get heldBytes(): number {
    return this.buf.length;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.reserve(chunk.length);
    chunk.copy(this.buf, this.length);
    this.length += chunk.length;
    this.readLines(false);
  }

  end(): { lines: number; bytes: number } {
    this.readLines(true);
    this.closePart(this.length, true);
    return { lines: this.line, bytes: this.base + this.length };
  }

  /** Room for `bytes` more: what no longer needs keeping is dropped (a part too big to keep goes to TraceStream). */
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buf.length) return;
    if (this.fast && this.length - this.blockStart > MAX_BLOCK) this.toGeneral();
    if (!this.fast) {
      this.giveGeneral(this.longLine ? this.length : this.at);
      if (this.length - this.at > MAX_BLOCK) {
        // A line too long to keep: what there is of it goes to TraceStream now.
        this.giveGeneral(this.length);
        this.longLine = true;
        this.at = this.length;
        this.scanned = this.length;
      }
    }
    const keep = this.fast ? this.blockStart : Math.min(this.at, this.givenTo);
    const kept = this.length - keep;
    if (kept + bytes > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, kept + bytes));
      this.buf.copy(bigger, 0, keep, this.length);
      this.buf = bigger;
      this.words = wordsOf(bigger);
    } else {
      this.buf.copy(this.buf, 0, keep, this.length);
    }
    this.base += keep;
    this.length = kept;
    this.at -= keep;
    this.scanned -= keep;
    this.blockStart -= keep;
    this.givenTo -= keep;
    this.cues = this.cues.slice(this.cueAt).map((position) => position - keep);
    this.cueAt = 0;
    this.versions = this.versions.slice(this.versionAt).map((position) => position - keep);
    this.versionAt = 0;
  }

  /** Reads the whole lines in the buffer (and, at the end, the last line, ended or not). */
  private readLines(last: boolean): void {
    const buf = this.buf;
    let end: number;
    if (last) {
      end = this.length;
    } else {
      // Up to the last line break, not a CR that ends the buffer (an LF may follow it in the next chunk).
      const lf = buf.lastIndexOf(LF, this.length - 1);
      const cr = this.length < 2 ? -1 : buf.lastIndexOf(CR, this.length - 2);
      end = Math.max(lf, cr) + 1;
      if (end > 0 && end < this.length && buf[end - 1] === CR && buf[end] === LF) end++;
      if (end <= this.at) return;
    }
    if (this.longLine) {
      const lf = buf.indexOf(LF, this.at);
      const cr = buf.indexOf(CR, this.at);
      const eol = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (eol === -1 || eol >= end) {
        if (last) this.line++;
        return;
      }
      this.at = eol + (buf[eol] === CR && eol + 1 < end && buf[eol + 1] === LF ? 2 : 1);
      this.scanned = this.at;
      this.line++;
      this.longLine = false;
    }
    this.scan(end);
    let lf = -2;
    let cr = -2;
    while (this.at < end || (last && this.at === end)) {
      const from = this.at;
      if (lf !== -1 && lf < from) lf = buf.indexOf(LF, from);
      if (cr !== -1 && cr < from) cr = buf.indexOf(CR, from);
      let eol = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (eol === -1 || eol >= end) eol = end;
      const next = eol === end ? end : eol + (buf[eol] === CR && eol + 1 < end && buf[eol + 1] === LF ? 2 : 1);
      this.readLine(from, eol, next);
      this.at = next;
      this.line++;
      if (eol === end) break;
    }
  }

  /**
   * Finds the cues and "/2.0" of lines [scanned, end) (neither holds a line break, so none crosses
   * a line), in pieces of whole lines small enough for strings that die young.
   */
  private scan(end: number): void {
    if (end <= this.scanned) return;
    this.ascii = isAscii(this.buf.subarray(this.scanned, end));
    while (this.scanned < end) {
      const from = this.scanned;
      const piece = from + SCAN_PIECE >= end ? end : this.buf.lastIndexOf(LF, from + SCAN_PIECE) + 1;
      const to = piece > from ? piece : end;
      const text = this.buf.toString('latin1', from, to);
      // test, not exec: no match object a match. A match ends where lastIndex is; one that ends
      // with "/2.0" is "/2.0" (no cue holds a "/"), a cue is noted at its last character (within
      // its line: no cue holds a line break), and the search goes on after it: what starts inside
      // a match is a cue of the same line (a "/2.0" starts with no cue's character).
      CLOSER_LOOK.lastIndex = 0;
      while (CLOSER_LOOK.test(text)) {
        const end = CLOSER_LOOK.lastIndex;
        if (text.charCodeAt(end - 4) === SLASH && text.charCodeAt(end - 1) === 0x30 && text.charCodeAt(end - 2) === DOT && text.charCodeAt(end - 3) === 0x32) this.versions.push(from + end - 4);
        else this.cues.push(from + end - 1);
      }
      this.scanned = to;
    }
  }

  /** One line: bytes [from, eol), the next line at `next`. */
  private readLine(from: number, eol: number, next: number): void {
    let cue = false;
    while (this.cueAt < this.cues.length && this.cues[this.cueAt] < next) {
      if (this.cues[this.cueAt] < eol) cue = true;
      this.cueAt++;
    }
    let version = false;
    while (this.versionAt < this.versions.length && this.versions[this.versionAt] < next) {
      if (this.versions[this.versionAt] < eol && this.maybeStartLine(this.versions[this.versionAt] + 4, eol)) version = true;
      this.versionAt++;
    }
    if (cue) {
      const facts = this.ngrepFrame(from, eol);
      if (facts) {
        this.closePart(from, false);
        this.fast = true;
        this.blockStart = from;
        this.blockLine = this.line;
        this.blockOffset = this.base + from;
        this.frame = facts;
        this.started = false;
        return;
      }
      if (this.fast && frameOf(this.text(from, eol)) !== undefined) this.toGeneral();
    }
    if (this.fast) this.readPacketLine(from, eol, version);
  }

  /** A line of a packet read as bytes (MessageReader.push and read, for ngrep framing). */
  private readPacketLine(from: number, eol: number, version: boolean): void {
    const buf = this.buf;
    if (eol - from > MAX_FAST_LINE) return this.toGeneral();
    // A page footer (with the blank lines before it and what follows it, none of the message's).
    if (eol > from && buf[eol - 1] === 0x5d && isPageFooter(this.text(from, eol))) return this.toGeneral();
    // ngrep's lines of "#" (a packet that did not match) end the framed message.
    if (buf[from] === 0x23 && /^#+[ \t]*$/.test(this.text(from, eol))) return this.toGeneral();
    // ngrep prints a CR as a trailing ".".
    const end = eol > from && buf[eol - 1] === DOT ? eol - 1 : eol;
    let building = this.building;
    if (version && !(building?.body && building.sipfrag && !bodyDone(building))) {
      const start = this.answer(START_LINE_READER, this.value(from, end, false), readStartLine) as ReturnType<typeof readStartLine>;
      if (start) {
        this.finish();
        const frame = this.frame as FrameFacts;
        const message = newMessage(start, this.line, start.column);
        if (!this.started) {
          message.frameLine = this.blockLine;
          message.offset = this.blockOffset;
        } else {
          message.offset = this.base + from;
          message.sharesFrame = true;
        }
        this.started = true;
        message.time = frame.time;
        if (frame.transport !== undefined) message.transport = frame.transport;
        message.source = frame.source;
        message.destination = frame.destination;
        // Every field from the start (contentLength too), so that all buildings share one shape.
        this.building = { message, body: false, headers: 0, contentLength: undefined, bodyChars: 0, sipfrag: false, inHeader: false, endLine: this.line };
        return;
      }
    }
    if (!building) {
      if (!this.started && this.line - this.blockLine > MAX_FRAME_GAP) this.toGeneral();
      return;
    }
    if (building.sipfrag) return this.toGeneral();
    const blank = isBlankBytes(buf, from, end);
    if (building.body) {
      if (blank && (building.contentLength === undefined || bodyDone(building))) {
        this.finish();
        return;
      }
      building.bodyChars += (this.ascii ? end - from : this.text(from, end).length) + 2;
      building.endLine = this.line;
      if (end - from === 3 && buf[from] === 0x76 && buf[from + 1] === 0x3d && buf[from + 2] === 0x30) building.message.hasSdp = true;
      if (building.contentLength !== undefined && bodyDone(building)) this.finish();
      return;
    }
    if (blank) {
      building.inHeader = false;
      building.body = true;
      if (building.contentLength === 0) this.finish();
      return;
    }
    const first = buf[from];
    if (first === SPACE || first === TAB) {
      // A folded line (read by TraceStream), or, with no header before it, the end of the message.
      if (building.inHeader) return this.toGeneral();
      this.finish();
      return;
    }
    let nameEnd = from;
    while (nameEnd < end && TOKEN[buf[nameEnd]] === 1) nameEnd++;
    let colon = nameEnd;
    while (colon < end && (buf[colon] === SPACE || buf[colon] === TAB)) colon++;
    if (nameEnd === from || colon >= end || buf[colon] !== COLON) {
      // Text that is no header: the message ended without its blank line.
      this.finish();
      return;
    }
    building.inHeader = true;
    building.headers++;
    building.endLine = this.line;
    const name = this.headerName(from, nameEnd);
    if (name !== undefined) {
      building = this.building as Building;
      readHeaderValue(building.message, building, name, this.value(colon + 1, end, true), this.readers);
    }
  }

  /**
   * Whether the "/2.0" ending at `after` may be a start line's (readStartLine needs a blank after
   * a status line's version, and nothing but blanks and ngrep's "." after a request line's); a
   * Via's "SIP/2.0/UDP" is neither.
   */
  private maybeStartLine(after: number, eol: number): boolean {
    const buf = this.buf;
    if (after === eol || buf[after] === SPACE || buf[after] === TAB) return true;
    for (let i = after; i < eol; i++) if (buf[i] !== SPACE && buf[i] !== TAB && buf[i] !== DOT) return false;
    return true;
  }

  /** The full name of the header the model reads named by bytes [from, to), if it is one. */
  private headerName(from: number, to: number): string | undefined {
    const buf = this.buf;
    const length = to - from;
    if (length > LONGEST_NAME) return undefined;
    const candidates = HEADER_NAMES[length * 256 + lower(buf[from])];
    if (candidates === undefined) return undefined;
    for (let c = 0; c < candidates.length; c += 2) {
      const spelling = candidates[c] as Buffer;
      let i = 1;
      while (i < length && lower(buf[from + i]) === spelling[i]) i++;
      if (i === length) return candidates[c + 1] as string;
    }
    return undefined;
  }

  /** Ends the message being read; a start line without a single header line is prose, not a message. */
  private finish(): void {
    const building = this.building;
    if (!building) return;
    this.building = undefined;
    building.message.endLine = building.endLine;
    if (building.headers > 0) this.pending.push(building.message);
  }

  /** The part being read ends before `at` (a new framing line, or the end of the file). */
  private closePart(at: number, last: boolean): void {
    if (this.fast) {
      this.finish();
      this.packetsReadAsBytes++;
      for (const message of this.pending) this.sink(message, this.blockLine, this.blockOffset);
      this.pending = [];
      return;
    }
    this.giveGeneral(at);
    this.general?.end(last);
    this.general = undefined;
  }

  /** The packet being read is read again from its framing line by TraceStream, and what follows until the next ngrep framing line. */
  private toGeneral(): void {
    this.fast = false;
    this.building = undefined;
    this.pending = [];
    this.givenTo = this.blockStart;
  }

  /** Hands TraceStream the bytes up to `to`. */
  private giveGeneral(to: number): void {
    if (to <= this.givenTo) return;
    this.general ??= new TraceStream(this.sink, { line: this.blockLine, offset: this.blockOffset });
    this.general.push(this.buf.subarray(this.givenTo, to));
    this.givenTo = to;
  }

  /**
   * Bytes [from, to) as text (a header value `trimmed`, a start line as it is): the string of the
   * same bytes read before, when it is remembered (values and start lines repeat from message to
   * message: no string to make, and the readers' answer is in its slot).
   */
  private value(from: number, to: number, trimmed: boolean): string {
    const length = to - from;
    this.slot = -1;
    if (!this.ascii || length > VALUE_BYTES) return trimmed ? this.trimmed(from, to) : this.text(from, to);
    const buf = this.buf;
    const words = this.words;
    // Hashed by its length and its first and last bytes (where values differ: Call-IDs lead,
    // branches and tags end), four at a time where it has eight or more; the slot compares them all.
    let hash = trimmed ? length : ~length;
    if (length < 8) {
      for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + buf[i]) | 0;
    } else {
      const ends = length < 2 * HASHED_ENDS ? 4 : HASHED_ENDS;
      for (let i = from; i < from + ends; i += 4) hash = (Math.imul(hash, 0x9e3779b1) ^ words.getInt32(i)) | 0;
      for (let i = to - ends; i < to; i += 4) hash = (Math.imul(hash, 0x9e3779b1) ^ words.getInt32(i)) | 0;
      hash ^= hash >>> 15;
    }
    const slot = hash & (VALUE_SLOTS - 1);
    const at = slot * VALUE_BYTES;
    const keys = this.valueKeys;
    const keyWords = this.valueKeyWords;
    this.slot = slot;
    if (this.valueLengths[slot] === length && this.valueTrimmed[slot] === (trimmed ? 1 : 0)) {
      let i = 0;
      while (i + 4 <= length && keyWords.getInt32(at + i) === words.getInt32(from + i)) i += 4;
      if (i + 4 > length) {
        while (i < length && keys[at + i] === buf[from + i]) i++;
        if (i === length) return this.valueTexts[slot];
      }
    }
    const text = trimmed ? this.trimmed(from, to) : this.text(from, to);
    // Copied a word at a time: Buffer.copy's call costs some 100 ns more for so few bytes.
    let i = 0;
    for (; i + 4 <= length; i += 4) keyWords.setInt32(at + i, words.getInt32(from + i));
    for (; i < length; i++) keys[at + i] = buf[from + i];
    this.valueLengths[slot] = length;
    this.valueTrimmed[slot] = trimmed ? 1 : 0;
    this.valueTexts[slot] = text;
    this.valueReaders[slot] = -1;
    return text;
  }

  /**
   * What `read` (reader `index`: of READERS, or START_LINE_READER, ENDPOINT_READER) says of `value`:
   * remembered in the slot of the value read last, when it is that value.
   */
  private answer(index: number, value: string, read: (value: string) => unknown): unknown {
    const slot = this.slot;
    if (slot === -1 || this.valueTexts[slot] !== value) return read(value);
    if (this.valueReaders[slot] !== index) {
      this.valueAnswers[slot] = read(value);
      this.valueReaders[slot] = index;
    }
    return this.valueAnswers[slot];
  }

  /** Bytes [from, to) decoded, trimmed as String.prototype.trim trims (in ASCII: tabs, VT, FF and spaces; lines hold no line breaks). */
  private trimmed(from: number, to: number): string {
    if (!this.ascii) return this.text(from, to).trim();
    const buf = this.buf;
    while (from < to && isAsciiSpace(buf[from])) from++;
    while (to > from && isAsciiSpace(buf[to - 1])) to--;
    return buf.toString('latin1', from, to);
  }

  /** Bytes [from, to) decoded as TraceStream decodes a line. */
  private text(from: number, to: number): string {
    return this.ascii ? this.buf.toString('latin1', from, to) : this.buf.toString('utf8', from, to);
  }

  /**
   * The facts of an ngrep framing line in the exact shape `U 2016/11/17 21:52:35.303348707
   * 127.0.0.1:5061 -> 127.0.0.1:5060` (what ngrepFraming.frame reads from it, and no other
   * framing reader comes before it), else undefined.
   */
  private ngrepFrame(from: number, eol: number): FrameFacts | undefined {
    const buf = this.buf;
    const shape = ngrepFrameShape(buf, from, eol);
    if (shape === undefined) return undefined;
    const { date, fraction, fractionEnd, sourceAt, sourceEnd, destinationAt } = shape;
    const letter = buf[from];
    const source = this.endpoint(sourceAt, sourceEnd);
    const destination = this.endpoint(destinationAt, eol);
    if (source === undefined || destination === undefined) return undefined;
    const lastDate = this.lastDate;
    let same = 18;
    while (same >= 0 && lastDate[same] === buf[date + same]) same--;
    if (same >= 0) {
      buf.copy(lastDate, 0, date, date + 19);
      const digits = (at: number, count: number): number => decimal(buf, date + at, date + at + count);
      this.lastSeconds = Date.UTC(digits(0, 4), digits(5, 2) - 1, digits(8, 2), digits(11, 2), digits(14, 2), digits(17, 2)) / 1000;
    }
    // As readDateTime adds them: the seconds to the second, then the fraction as written (its at
    // most 9 digits over their power of ten: both exact, so the quotient is the double Number(".ddd") reads).
    const time = this.lastSeconds - 0 + (fraction === -1 ? 0 : decimal(buf, fraction + 1, fractionEnd) / POWERS_OF_TEN[fractionEnd - fraction - 1]);
    const transport = TRANSPORT_LETTERS[String.fromCharCode(letter)];
    return transport === undefined ? { time, source, destination } : { time, transport, source, destination };
  }

  /** An address as readEndpoint reads it (undefined when it is none), remembered by its bytes. */
  private endpoint(from: number, to: number): string | undefined {
    return this.answer(ENDPOINT_READER, this.value(from, to, false), readEndpointOf) as string | undefined;
  }
}

/** Where the parts of a line in the shape of an ngrep framing line are (see ngrepFrame), else undefined. */
function ngrepFrameShape(buf: Buffer, from: number, eol: number): { date: number; fraction: number; fractionEnd: number; sourceAt: number; sourceEnd: number; destinationAt: number } | undefined {
  if (eol - from > MAX_FRAME_LINE || eol - from < 30) return undefined;
  const letter = buf[from];
  if (letter < 0x41 || letter > 0x5a || buf[from + 1] !== SPACE) return undefined;
  const date = from + 2;
  for (let i = 0; i < 19; i++) {
    const byte = buf[date + i];
    const expected = i === 4 || i === 7 ? SLASH : i === 10 ? SPACE : i === 13 || i === 16 ? COLON : -1;
    if (expected === -1 ? !isDigitByte(byte) : byte !== expected) return undefined;
  }
  let i = date + 19;
  let fraction = -1;
  if (buf[i] === DOT) {
    fraction = i++;
    while (i < eol && isDigitByte(buf[i])) i++;
    if (i - fraction < 2 || i - fraction > 10) return undefined;
  }
  const fractionEnd = i;
  if (buf[i] !== SPACE) return undefined;
  const sourceAt = ++i;
  while (i < eol && ENDPOINT[buf[i]] === 1) i++;
  const sourceEnd = i;
  if (sourceEnd === sourceAt || buf[i] !== SPACE || buf[i + 1] !== 0x2d || buf[i + 2] !== 0x3e || buf[i + 3] !== SPACE) return undefined;
  i += 4;
  const destinationAt = i;
  while (i < eol && ENDPOINT[buf[i]] === 1) i++;
  if (i !== eol || i === destinationAt) return undefined;
  return { date, fraction, fractionEnd, sourceAt, sourceEnd, destinationAt };
}

/**
 * Whether line [from, eol) of `buf` is an ngrep framing line FastTraceStream reads as bytes: one
 * where it ends all it read before (a file may be read in parts that start at such lines).
 */
export function isNgrepFramingLine(buf: Buffer, from: number, eol: number): boolean {
  const shape = ngrepFrameShape(buf, from, eol);
  return shape !== undefined
    && readEndpoint(buf.toString('latin1', shape.sourceAt, shape.sourceEnd)) !== undefined
    && readEndpoint(buf.toString('latin1', shape.destinationAt, eol)) !== undefined;
}

/** readEndpoint of an ngrep framing line's address (no dotted port). */
function readEndpointOf(text: string): string | undefined {
  return readEndpoint(text);
}

/** The number the decimal digits [from, to) of `buf` write (at most 15 of them: exact). */
function decimal(buf: Buffer, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + buf[i] - 0x30;
  return value;
}

/** Tab, VT, FF, space: the ASCII white space a line can hold. */
function isAsciiSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === 0x0b || byte === 0x0c;
}

function isBlankBytes(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return false;
  return true;
}

function bodyDone(building: Building): boolean {
  return building.contentLength !== undefined && building.bodyChars >= building.contentLength;
}
