import { isAscii, isUtf8 } from 'node:buffer';
import { forEachLine } from '../service/textStore';
import { ownCopy } from '../service/text';
import { MessageReader } from '../service/trace/reader';
import type { SipMessage } from '../service/trace/types';

/** How much of one line is kept (a longer one is junk: its first bytes are read, the rest only counted, so offsets stay exact). */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Where reading a message again starts: the line (and its byte offset) from which a reader that
 * starts afresh reads it as the whole file's reader did. That is its framing line, or for a
 * packet's second message the framing line of the packet; its start line when it has no framing.
 */
export interface Anchor {
  line: number;
  offset: number;
}

/** Hears each message record as it is read, with its anchor's line and offset. */
export type MessageSink = (message: SipMessage, anchorLine: number, anchorOffset: number) => void;

/** What reads a file's bytes, chunk by chunk as they arrive, into message records. */
export interface TextStream {
  /** The chunk is the reader's for the call only (its buffer is read into again): what it keeps, it copies. */
  push(chunk: Buffer): void;
  /** Ends the file: how many lines (its last line counted, empty after a final line break) and bytes it has. */
  end(): { lines: number; bytes: number };
  /** Bytes read so far. */
  readonly bytesRead: number;
}

/**
 * Reads a trace as bytes arrive, without ever holding its text: the bytes are cut into lines as a
 * document's lines are cut (CR LF, LF or a lone CR), each line is decoded as UTF-8 and handed with
 * its number and byte offset to the trace model's line reader, and only the message records stay
 * (handed to `sink`). Bytes may start at a line of a file other than its first (`from`).
 */
export class TraceStream implements TextStream {
  /** One copy of each distinct string the records hold (addresses, methods, a call's Call-ID and tags repeat from message to message). */
  private strings: Map<string, string> | undefined = new Map();
  /** The offset of the line being read, and the framing line the reader took last. */
  private at = 0;
  private frame: Anchor | undefined;
  private readonly reader = new MessageReader(
    (message) => this.emit(this.detached(message)),
    (line) => { this.frame = { line, offset: this.at }; },
  );
  /** The start of a line cut by the end of the previous chunk (at most MAX_LINE_BYTES of it). */
  private carry: Buffer | undefined;
  /** Bytes of that line beyond MAX_LINE_BYTES, counted but not kept. */
  private skipped = 0;
  /** The previous chunk ended with a CR: an LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private line: number;
  private offset: number;

  constructor(private readonly sink: MessageSink, from: Anchor = { line: 0, offset: 0 }) {
    this.line = from.line;
    this.offset = from.offset;
  }

  /**
   * Reads a chunk of the file (chunks in file order). Its whole lines are decoded at once where they
   * are valid UTF-8 (nearly every trace: one decoding a chunk, not one a line), else line by line.
   */
  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(0x0a);
    if (last === -1) {
      this.pushBytes(chunk);
      return;
    }
    let from = 0;
    if (this.carry !== undefined || this.pendingCr) {
      // The line carried over from the previous chunk ends at the first line break of this one.
      from = chunk.indexOf(0x0a) + 1;
      this.pushBytes(chunk.subarray(0, from));
    }
    const lines = chunk.subarray(from, last + 1);
    if (isAscii(lines)) this.readText(lines, true);
    else if (isUtf8(lines)) this.readText(lines, false);
    else this.pushBytes(lines);
    this.pushBytes(chunk.subarray(last + 1));
  }

  /**
   * Whole lines of valid UTF-8 (ending with an LF), decoded at once. In ASCII a character is a
   * byte, so offsets are positions; else each line's bytes are counted from its characters.
   */
  private readText(lines: Buffer, ascii: boolean): void {
    const text = lines.toString(ascii ? 'latin1' : 'utf8');
    let offset = this.offset;
    let counted = 0;
    forEachLine(text, (from, to) => {
      if (!ascii) {
        offset += utf8Length(text, counted, from);
        counted = from;
      }
      this.read(text.slice(from, to), ascii ? this.offset + from : offset);
    });
    this.offset += lines.length;
  }

  /** Bytes cut into lines one by one. */
  private pushBytes(chunk: Buffer): void {
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.length > 0 && chunk[0] === 0x0a) {
        start = 1;
        this.offset += 1;
      }
    }
    let lf = chunk.indexOf(0x0a, start);
    let cr = chunk.indexOf(0x0d, start);
    while (true) {
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      let next = end + 1;
      if (end === cr) {
        if (end + 1 === chunk.length) this.pendingCr = true;
        else if (chunk[end + 1] === 0x0a) next = end + 2;
      }
      this.emitLine(chunk, start, end, next - end);
      start = next;
      if (lf !== -1 && lf < start) lf = chunk.indexOf(0x0a, start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf(0x0d, start);
    }
    if (start < chunk.length) this.hold(chunk.subarray(start));
  }

  /** Keeps the start of a line that goes on in the next chunk (its first MAX_LINE_BYTES; the rest counted). */
  private hold(rest: Buffer): void {
    const kept = this.carry?.length ?? 0;
    const room = MAX_LINE_BYTES - kept;
    if (room < rest.length) this.skipped += rest.length - Math.max(0, room);
    if (room <= 0) return;
    const part = rest.subarray(0, room);
    this.carry = this.carry ? Buffer.concat([this.carry, part]) : Buffer.from(part);
  }

  /**
   * Ends the file: its last line (empty after a final line break, as a document's last line is);
   * how many lines and bytes it has. With `lastLine` false, bytes that end with a line break end
   * there (a part of a file read on its own, the line after it read by another reader).
   */
  end(lastLine = true): { lines: number; bytes: number } {
    const rest = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    if (lastLine || rest.length > 0 || this.skipped > 0) this.read(rest.toString('utf8'), this.offset);
    this.offset += rest.length + this.skipped;
    this.skipped = 0;
    this.reader.end();
    this.strings = undefined;
    return { lines: this.line, bytes: this.offset };
  }

  /** The next line, at `offset`, to the reader. */
  private read(text: string, offset: number): void {
    this.at = offset;
    this.reader.push(text, this.line++, offset);
  }

  /** To the sink, with its anchor (see Anchor). */
  private emit(message: SipMessage): void {
    if (message.sharesFrame && this.frame) this.sink(message, this.frame.line, this.frame.offset);
    else this.sink(message, message.frameLine ?? message.startLine, message.offset as number);
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.offset + (this.carry?.length ?? 0) + this.skipped;
  }

  /**
   * A message record that holds none of the text it was read from, and shares its strings with the
   * records before it: a string the reader cut out of a decoded run of lines (V8's sliced strings,
   * 13 characters or more) refers to that whole run, which would stay in memory as long as the
   * record (the whole file, in the end). Each distinct string is copied once and shared.
   */
  private detached(message: SipMessage): SipMessage {
    const strings = this.strings as Map<string, string>;
    const fields = message as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value !== 'string') continue;
      let kept = strings.get(value);
      if (kept === undefined) {
        kept = ownCopy(value);
        strings.set(kept, kept);
      }
      fields[key] = kept;
    }
    return message;
  }

  private emitLine(chunk: Buffer, start: number, end: number, breakLength: number): void {
    let text: string;
    let length = end - start;
    if (this.carry) {
      const carried = this.carry.length;
      const whole = Buffer.concat([this.carry, chunk.subarray(start, Math.min(end, start + Math.max(0, MAX_LINE_BYTES - carried)))]);
      this.carry = undefined;
      text = whole.toString('utf8');
      length = carried + this.skipped + (end - start);
      this.skipped = 0;
    } else {
      text = chunk.toString('utf8', start, Math.min(end, start + MAX_LINE_BYTES));
    }
    this.read(text, this.offset);
    this.offset += length + breakLength;
  }
}

/** How many bytes UTF-8 takes for text[from, to) (a surrogate pair's four bytes counted at its first half). */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
  }
  return bytes;
}
