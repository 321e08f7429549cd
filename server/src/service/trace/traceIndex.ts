import { lineEndIn, type ChunkCursor, type TextStore } from '../textStore';
import { CLOSER_LOOK, MAX_FRAME_GAP, MessageReader } from './reader';
import type { SipMessage } from './types';

/** The text a trace index reads. */
export type TracedText = Pick<TextStore, 'chunkFrom' | 'lineAt' | 'lineCount'>;

/** How much text one step of a sequential read takes. */
const CHUNK_CHARS = 256 * 1024;

/** A read from the top that has not reached the end yet. */
interface Partial {
  reader: MessageReader;
  /** The number of the next line to read. */
  next: number;
  cursor?: ChunkCursor;
}

/**
 * The list a message is kept in: its call's, by its Call-ID; for a message without a Call-ID, the
 * list of those without one that have its branch (none such is a call, and only messages of one
 * branch can be of one transaction: an empty branch as good as none, as transactions read it),
 * after a line break, which no Call-ID (a header's value, on one line) holds.
 */
function listKey(message: SipMessage): string {
  return message.callId ?? `\n${message.branch ?? ''}`;
}

function firstLineOf(message: SipMessage): number {
  return message.frameLine ?? message.startLine;
}

/** Whether a message was read under a framing line it does not start with (the second message of an ngrep packet). */
function inheritsFrame(message: SipMessage): boolean {
  return message.sharesFrame === true;
}

/** The index of the first item whose line is at or after `line` (items in ascending order of their lines). */
function firstAtOrAfter<T>(items: readonly T[], line: number, lineOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lineOf(items[mid]) < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

const lineOfFrame = (line: number): number => line;
const startLineOf = (message: SipMessage): number => message.startLine;

function shift(message: SipMessage, delta: number): void {
  message.startLine += delta;
  message.endLine += delta;
  if (message.frameLine !== undefined) message.frameLine += delta;
}

/**
 * The SIP messages of one document, read when first asked for and kept in step with edits: an
 * edit re-reads from the message before it until the reader meets, after the edit, a message that
 * starts afresh (at its framing line, or at its start line outside any framing) exactly where the
 * old text had it; the messages from there on are kept, their lines shifted.
 */
export class TraceIndex {
  private items: SipMessage[] | undefined;
  /**
   * The lines of the framing lines read (with a message or not): the reader's state after one
   * does not depend on the text above it, so a re-read may start there.
   */
  private frames: number[] = [];
  /** While the messages are read from the top, only as far as asked for so far. */
  private partial: Partial | undefined;
  /** The messages read, by listKey, in trace order: a call's messages without a pass over the whole trace. */
  private readonly calls = new Map<string, SipMessage[]>();

  /** The messages of `text` (the document's text as it is now). */
  messages(text: TracedText): SipMessage[] {
    return this.readThrough(text, Infinity);
  }

  /**
   * The messages of `text` read at least far enough to hold the message at `line` whole (the text
   * is read from the top only as far as needed, and on from there the next time).
   */
  readThrough(text: TracedText, line: number): SipMessage[] {
    for (let partial = this.reading(); partial !== undefined; partial = this.partial) {
      if (partial.next > line && !partial.reader.readingSince(line)) break;
      this.readChunk(text, partial, CHUNK_CHARS);
    }
    return this.items!;
  }

  /** Reads on, about `maxChars` of text; true once every line is read. */
  readStep(text: TracedText, maxChars = CHUNK_CHARS): boolean {
    const partial = this.reading();
    if (partial) this.readChunk(text, partial, maxChars);
    return this.isComplete;
  }

  /** The read under way (started at the top when nothing is read yet); undefined once the whole text is read. */
  private reading(): Partial | undefined {
    if (this.items !== undefined && this.partial === undefined) return undefined;
    return (this.partial ??= this.newReading(0));
  }

  /** A read from line `next` on, adding to the messages and framing lines read before it. */
  private newReading(next: number): Partial {
    const items = (this.items ??= []);
    const frames = this.frames;
    const read = (message: SipMessage) => {
      items.push(message);
      this.addToCall(message);
    };
    return { reader: new MessageReader(read, (frame) => frames.push(frame)), next };
  }

  /** The messages read so far whose Call-ID is `message`'s (see listKey for a message without one), in trace order (`message` among them). */
  callMessages(message: SipMessage): readonly SipMessage[] {
    return this.calls.get(listKey(message)) ?? [];
  }

  /** Adds a message read from the top to its call's list (a list of one to begin with: most calls of a big trace are short). */
  private addToCall(message: SipMessage): void {
    const key = listKey(message);
    const call = this.calls.get(key);
    if (call === undefined) this.calls.set(key, [message]);
    else call.push(message);
  }

  private callOf(message: SipMessage): SipMessage[] {
    const key = listKey(message);
    let call = this.calls.get(key);
    if (call === undefined) this.calls.set(key, (call = []));
    return call;
  }

  private readChunk(text: TracedText, partial: Partial, maxChars: number): void {
    const chunk = text.chunkFrom(partial.next, maxChars, partial.cursor);
    const { text: body, starts } = chunk;
    const reader = partial.reader;
    const last = starts.length - 1;
    // The lines worth a closer look, found for the whole chunk at once; a match ends on its own line.
    CLOSER_LOOK.lastIndex = 0;
    let lookedAt = CLOSER_LOOK.test(body) ? CLOSER_LOOK.lastIndex : Infinity;
    for (let k = 0; k < last; k++) {
      const next = starts[k + 1];
      const plain = lookedAt > next;
      if (!plain) {
        CLOSER_LOOK.lastIndex = next;
        lookedAt = CLOSER_LOOK.test(body) ? CLOSER_LOOK.lastIndex : Infinity;
      }
      reader.push(body.slice(starts[k], lineEndIn(body, starts, k)), partial.next++, undefined, plain);
    }
    if (chunk.complete) {
      reader.push(body.slice(starts[last]), partial.next, undefined, lookedAt === Infinity);
      reader.end();
      this.partial = undefined;
      return;
    }
    partial.cursor = chunk.next;
  }

  /** How many lines are left to read before the message at `line` is read whole (at least 1 while it is not). */
  linesLeftThrough(line: number): number {
    if (this.items !== undefined && this.partial === undefined) return 0;
    const partial = this.partial;
    if (partial === undefined) return line + 1;
    if (partial.next > line) return partial.reader.readingSince(line) ? 1 : 0;
    return line + 1 - partial.next;
  }

  /** Whether every line has been read. */
  get isComplete(): boolean {
    return this.items !== undefined && this.partial === undefined;
  }

  /** Forgets the messages (after the whole text is replaced); they are read again when next asked for. */
  invalidate(): void {
    this.items = undefined;
    this.partial = undefined;
    this.frames = [];
    this.calls.clear();
  }

  /** Takes an edit that replaced lines [startLine, oldEndLine] of the old text with lines [startLine, newEndLine] of `text`. */
  applyEdit(text: TracedText, startLine: number, oldEndLine: number, newEndLine: number): void {
    if (this.partial !== undefined) {
      // Read only part of the way: an edit beyond it changes nothing read; one before it drops what was
      // read from where a re-read would start (below), and the reading goes on from there.
      const reading = this.partial;
      reading.cursor = undefined;
      if (startLine >= reading.next) return;
      const fromLine = this.restartLine(startLine);
      if (fromLine === undefined) {
        this.invalidate();
        return;
      }
      const items = this.items!;
      const first = firstAtOrAfter(items, fromLine, firstLineOf);
      for (let i = first; i < items.length; i++) this.forgetInCall(items[i]);
      items.length = first;
      this.frames.length = firstAtOrAfter(this.frames, fromLine, lineOfFrame);
      this.partial = this.newReading(fromLine);
      return;
    }
    const old = this.items;
    if (old === undefined) return;
    const delta = newEndLine - oldEndLine;
    const fromLine = this.restartLine(startLine) ?? Math.max(0, startLine - MAX_FRAME_GAP - 1);
    const frames = this.frames;
    const first = firstAtOrAfter(old, fromLine, firstLineOf);
    // Old messages that start after the edit are where the reading may stop.
    let keep = firstAtOrAfter(old, oldEndLine + 1, firstLineOf);
    const fresh: SipMessage[] = [];
    const freshFrames: number[] = [];
    const reader = new MessageReader((message) => fresh.push(message), (frame) => freshFrames.push(frame));
    const lineCount = text.lineCount;
    let line = fromLine;
    for (; line < lineCount; line++) {
      if (line > newEndLine) {
        while (keep < old.length && firstLineOf(old[keep]) + delta < line) keep++;
        if (keep < old.length && firstLineOf(old[keep]) + delta === line && reader.startsAfresh(text.lineAt(line), old[keep])) break;
      }
      reader.push(text.lineAt(line), line);
    }
    reader.end();
    if (line >= lineCount) keep = old.length;
    for (let i = first; i < keep; i++) this.forgetInCall(old[i]);
    if (delta !== 0) for (let i = keep; i < old.length; i++) shift(old[i], delta);
    old.splice(first, keep - first, ...fresh);
    for (const message of fresh) {
      const call = this.callOf(message);
      call.splice(firstAtOrAfter(call, message.startLine, startLineOf), 0, message);
    }
    const firstFrame = firstAtOrAfter(frames, fromLine, lineOfFrame);
    const keepFrame = line >= lineCount ? frames.length : firstAtOrAfter(frames, line - delta, lineOfFrame);
    if (delta !== 0) for (let i = keepFrame; i < frames.length; i++) frames[i] += delta;
    frames.splice(firstFrame, keepFrame - firstFrame, ...freshFrames);
  }

  /**
   * Where a re-read for an edit at `startLine` starts: the last message that starts before it (it may
   * run into it), or one whose framing it shares; or a later framing line (however far above: a frame
   * whose message was no message may hold the lines below it). Undefined when there is neither.
   */
  private restartLine(startLine: number): number | undefined {
    const old = this.items ?? [];
    let restart = this.lastStartingBefore(old, startLine);
    while (restart > 0 && inheritsFrame(old[restart])) restart--;
    let fromLine = restart < 0 ? undefined : inheritsFrame(old[restart]) ? 0 : firstLineOf(old[restart]);
    const frames = this.frames;
    const lastFrame = firstAtOrAfter(frames, startLine, lineOfFrame) - 1;
    if (lastFrame >= 0 && (fromLine === undefined || frames[lastFrame] > fromLine)) fromLine = frames[lastFrame];
    return fromLine;
  }

  /** Takes a message out of its call's list (before any lines are shifted: the list's lines are in order). */
  private forgetInCall(message: SipMessage): void {
    const call = this.callOf(message);
    const at = call.indexOf(message, firstAtOrAfter(call, message.startLine, startLineOf));
    if (at >= 0) call.splice(at, 1);
    if (call.length === 0) this.calls.delete(listKey(message));
  }

  private lastStartingBefore(items: readonly SipMessage[], line: number): number {
    return firstAtOrAfter(items, line, firstLineOf) - 1;
  }
}
