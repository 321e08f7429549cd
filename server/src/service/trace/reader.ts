import {
  firstValue, headerNameReader, headerValueAt, isBlankLine, isFoldedLine, readContentLength, readCSeq, readMediaType, readNameAddr, readVia, trimmedFrom,
} from '../syntax/headers';
import { readStartLine, type StartLine } from '../syntax/startLine';
import { ANY_FRAMING_CUE, FRAMING_READERS, UNFRAMED_READERS } from './framing';
import { END_OF_MESSAGE, FRAMING_LINE, type Frame, type FrameFacts, type FramingReader, type LineShape } from './framing/framing';
import { isPageFooter, isPageHeader } from './framing/pageBreaks';
import type { SipMessage } from './types';

/** How many lines a framing line waits for its message before it is forgotten. */
export const MAX_FRAME_GAP = 200;

/** Headers whose value names another leg of the same call, as B2BUAs add them. Data only. */
const RELATED_CALL_HEADERS: ReadonlySet<string> = new Set(['x-call-id', 'x-cid', 'x-orig-call-id', 'x-original-call-id']);
/** Headers that name who diverted or transferred a call (the first value's URI). Data only. */
const DIVERSION_HEADERS: ReadonlySet<string> = new Set(['diversion', 'history-info', 'referred-by']);
/** The headers the model reads (the others are only counted). */
export const READ_HEADERS: ReadonlySet<string> = new Set([
  'via', 'call-id', 'cseq', 'from', 'to', 'content-length', 'content-type', ...RELATED_CALL_HEADERS, ...DIVERSION_HEADERS,
]);
const readHeaderName = headerNameReader(READ_HEADERS);

/** A message being read, and what its reader keeps beside it until it ends. */
export interface MessageInProgress {
  message: SipMessage;
  body: boolean;
  headers: number;
  contentLength?: number;
  bodyChars: number;
  sipfrag: boolean;
}

interface Building extends MessageInProgress {
  shape?: LineShape;
  /** The name of the header being read; null for one the model does not read. */
  headerName?: string | null;
  /** The value of the header being read (it grows with folded lines). */
  headerValue?: string;
}

/**
 * Reads SIP messages line by line, whatever the framing (raw, ngrep, pjsip's logger ...): push
 * each line (without its line break) with its number, and, when known, its offset; records come
 * out through `emit` as each message ends (call `end` after the last line). The in-memory model
 * and streaming readers of huge files share it.
 */
export class MessageReader {
  private frame: Frame | undefined;
  private building: Building | undefined;
  /** Blank lines held back until the next line says whether they lead to a page break. */
  private blanks: { line: number; count: number } | undefined;
  /** Inside a page break (after its footer, until the next text). */
  private pageBreak = false;

  /** `framed` hears of every framing line the reader takes (where its state starts afresh, whether a message follows or not). */
  constructor(private readonly emit: (message: SipMessage) => void, private readonly framed?: (line: number) => void) {}

  /**
   * `plain`: the caller knows that the line holds no framing cue and no "/2.0" (CLOSER_LOOK found
   * none on it), so it is no framing line and no start line, and is not looked at as one.
   */
  push(text: string, line: number, offset?: number, plain = false): void {
    if (isBlankLine(text)) {
      if (this.pageBreak) return;
      if (this.blanks) this.blanks.count++;
      else this.blanks = { line, count: 1 };
      return;
    }
    if (isPageFooter(text) || (this.pageBreak && isPageHeader(text))) {
      this.blanks = undefined;
      this.pageBreak = true;
      return;
    }
    this.pageBreak = false;
    this.flushBlanks();
    this.read(text, line, offset, plain);
  }

  /**
   * Whether pushing `text` now would start a message afresh as `before` started, where the text
   * of an earlier reading had it: at its framing line, or at a start line with no framing around.
   */
  startsAfresh(text: string, before: SipMessage): boolean {
    if (before.frameLine !== undefined) return frameOf(text) !== undefined;
    if (before.sharesFrame || this.frame) return false;
    const building = this.building;
    if (building?.body && building.sipfrag && !this.bodyDone(building)) return false;
    return readStartLine(text) !== undefined;
  }

  /** Whether the reader is inside a message that started at or before `line`. */
  readingSince(line: number): boolean {
    const building = this.building;
    return building !== undefined && (building.message.frameLine ?? building.message.startLine) <= line;
  }


  /** Ends the message being read (at the end of the text). */
  end(): void {
    this.flushBlanks();
    this.finish();
    this.frame = undefined;
  }

  private flushBlanks(): void {
    const blanks = this.blanks;
    if (!blanks) return;
    this.blanks = undefined;
    for (let i = 0; i < blanks.count; i++) this.read('', blanks.line + i, undefined, true);
  }

  private read(text: string, line: number, offset: number | undefined, plain: boolean): void {
    if (!plain && this.readFrame(text, line, offset)) return;
    const frame = this.frame;
    let content: string | undefined = text;
    if (frame?.reader.content) {
      const read = frame.reader.content(text, frame);
      if (read === END_OF_MESSAGE) {
        this.finish();
        this.frame = undefined;
        return;
      }
      if (read === FRAMING_LINE) return;
      content = read;
    } else if (this.building?.shape) {
      content = this.building.shape(text);
    }
    const building = this.building;
    if (content === undefined) {
      // Not the message's line any more (an unindented line after an indented message).
      this.finish();
      if (!plain) this.startAt(text, line, offset, undefined);
      return;
    }
    // A start line is read as the framing gives it, or else as written (its indentation or prefix shapes its message).
    const startText = frame?.reader.content ? content : text;
    if (!plain && !(building?.body && building.sipfrag && !this.bodyDone(building)) && this.startAt(startText, line, offset, frame)) return;
    if (!building) {
      if (frame && !frame.started && line - frame.line > MAX_FRAME_GAP) this.frame = undefined;
      return;
    }
    if (building.body) this.readBody(building, content, line);
    else this.readHeader(building, content, line);
  }

  private readFrame(text: string, line: number, offset: number | undefined): boolean {
    const found = frameOf(text);
    if (!found) return false;
    this.finish();
    this.frame = { ...found.facts, reader: found.reader, line, started: false, ...(offset === undefined ? {} : { offset }) };
    this.framed?.(line);
    // The message may start on the framing line itself (SIPp's error log quotes it after `received '`).
    const at = found.facts.at;
    if (at !== undefined) this.startAt(text.slice(at), line, offset, this.frame, at);
    return true;
  }

  /** Starts a message when `content` (at `column` of its line) is a start line. */
  private startAt(content: string, line: number, offset: number | undefined, frame: Frame | undefined, column = 0): boolean {
    const start = readStartLine(content);
    if (!start) return false;
    let shape: LineShape | undefined;
    if (!frame) {
      for (const reader of UNFRAMED_READERS) {
        shape = reader.shape(content, start.column);
        if (shape) break;
      }
      if (!shape) return false;
    }
    this.finish();
    const message = newMessage(start, line, column + start.column);
    if (frame && !frame.started) {
      message.frameLine = frame.line;
      if (frame.offset !== undefined) message.offset = frame.offset;
    } else if (offset !== undefined) {
      message.offset = offset;
    }
    if (frame?.started) message.sharesFrame = true;
    if (frame) {
      frame.started = true;
      if (frame.time !== undefined) message.time = frame.time;
      if (frame.transport !== undefined) message.transport = frame.transport;
      if (frame.source !== undefined) message.source = frame.source;
      if (frame.destination !== undefined) message.destination = frame.destination;
    }
    this.building = { message, body: false, headers: 0, contentLength: undefined, bodyChars: 0, sipfrag: false, shape, headerName: undefined, headerValue: undefined };
    return true;
  }

  private readHeader(building: Building, content: string, line: number): void {
    if (isBlankLine(content)) {
      this.commitHeader(building);
      building.body = true;
      if (building.contentLength === 0) this.finish();
      return;
    }
    if (building.headerName !== undefined && isFoldedLine(content)) {
      if (building.headerName !== null) building.headerValue += ` ${content.trim()}`;
      building.message.endLine = line;
      return;
    }
    const valueAt = headerValueAt(content);
    if (valueAt === -1) {
      // Text that is no header: the message ended without its blank line.
      this.finish();
      return;
    }
    this.commitHeader(building);
    const name = readHeaderName(content);
    building.headerName = name ?? null;
    if (name !== undefined) building.headerValue = trimmedFrom(content, valueAt);
    building.headers++;
    building.message.endLine = line;
  }

  private readBody(building: Building, content: string, line: number): void {
    if (isBlankLine(content) && (building.contentLength === undefined || this.bodyDone(building))) {
      this.finish();
      return;
    }
    // Content-Length counts the octets sent, each line with its CRLF (RFC 3261 7.1), also where the trace keeps only the LF.
    building.bodyChars += content.length + 2;
    building.message.endLine = line;
    if (content === 'v=0') building.message.hasSdp = true;
    if (building.contentLength !== undefined && this.bodyDone(building)) this.finish();
  }

  private bodyDone(building: Building): boolean {
    return building.contentLength !== undefined && building.bodyChars >= building.contentLength;
  }

  private commitHeader(building: Building): void {
    const name = building.headerName;
    building.headerName = undefined;
    if (name) readHeaderValue(building.message, building, name, building.headerValue!);
  }

  private finish(): void {
    const building = this.building;
    if (!building) return;
    this.building = undefined;
    this.commitHeader(building);
    // A frame without content rules ends with its message (a later message is not the frame's).
    if (this.frame?.started && !this.frame.reader.content) this.frame = undefined;
    // A start line without a single header line is prose that quotes one, not a message.
    if (building.headers > 0) this.emit(building.message);
  }
}

/**
 * What makes a line worth a closer look, searched for over many lines at once: a framing reader's
 * cue, or the "/2.0" every start line holds (neither holds a line break, so a match lies within one line).
 */
export const CLOSER_LOOK = new RegExp(`${ANY_FRAMING_CUE.source}|/2\\.0`, 'g');

/**
 * The record of a message whose start line `start` is at `line`, `column`: every field of
 * SipMessage present from the start (undefined until read), so that all records have one shape
 * (a field added later cost a second allocation, and the readers of records of many shapes,
 * grouping and the Outline, were slow).
 */
export function newMessage(start: StartLine, line: number, column: number): SipMessage {
  const request = start.kind === 'request';
  return {
    startLine: line, startColumn: column, endLine: line, frameLine: undefined, sharesFrame: undefined, offset: undefined,
    kind: start.kind, method: request ? start.method : '', requestUri: request ? start.uri : undefined,
    status: request ? undefined : start.status, phrase: request ? undefined : start.phrase,
    callId: undefined, cseq: undefined, cseqMethod: undefined, from: undefined, fromTag: undefined, to: undefined, toTag: undefined,
    branch: undefined, sentBy: undefined, contentType: undefined, hasSdp: false, time: undefined, transport: undefined,
    source: undefined, destination: undefined, relatedCallId: undefined, divertedBy: undefined,
  };
}

/** The framing line `text` is, if it is one: the first framing reader whose cue it holds that takes it. */
export function frameOf(text: string): { reader: FramingReader; facts: FrameFacts } | undefined {
  if (!ANY_FRAMING_CUE.test(text)) return undefined;
  for (const reader of FRAMING_READERS) {
    if (!reader.cues.some((cue) => text.includes(cue))) continue;
    const facts = reader.frame(text);
    if (facts) return { reader, facts };
  }
  return undefined;
}

/** The readers of the values of the headers the model reads: each answer depends on the value alone (a reader may remember them). */
export interface HeaderValueReaders {
  via: typeof readVia;
  cseq: typeof readCSeq;
  nameAddr: typeof readNameAddr;
  firstValue: typeof firstValue;
  contentLength: typeof readContentLength;
  mediaType: typeof readMediaType;
}

export const HEADER_VALUE_READERS: HeaderValueReaders = {
  via: readVia, cseq: readCSeq, nameAddr: readNameAddr, firstValue, contentLength: readContentLength, mediaType: readMediaType,
};

/**
 * What a header line the model reads (`name`, one of READ_HEADERS; `value` trimmed) says of its
 * message (the first Via, Call-ID, CSeq, From and To count), and of its body: its length and whether it is a sipfrag.
 */
export function readHeaderValue(
  message: SipMessage, body: { contentLength?: number; sipfrag: boolean }, name: string, value: string, read: HeaderValueReaders = HEADER_VALUE_READERS,
): void {
  switch (name) {
    case 'via': {
      if (message.sentBy !== undefined) return;
      const via = read.via(value);
      if (!via) return;
      message.sentBy = via.sentBy;
      if (via.branch) message.branch = via.branch;
      message.transport ??= via.transport;
      return;
    }
    case 'call-id':
      message.callId ??= read.firstValue(value);
      return;
    case 'cseq': {
      const cseq = read.cseq(value);
      if (!cseq || message.cseq !== undefined) return;
      message.cseq = cseq.number;
      message.cseqMethod = cseq.method;
      if (message.kind === 'response') message.method = cseq.method;
      return;
    }
    case 'from':
    case 'to': {
      const field = name as 'from' | 'to';
      if (message[field] !== undefined) return;
      const who = read.nameAddr(value);
      message[field] = who.who;
      if (who.tag) message[field === 'from' ? 'fromTag' : 'toTag'] = who.tag;
      return;
    }
    case 'content-length':
      body.contentLength ??= read.contentLength(value);
      return;
    case 'content-type': {
      const type = read.mediaType(value);
      message.contentType ??= type;
      if (type === 'application/sdp') message.hasSdp = true;
      if (type === 'message/sipfrag') body.sipfrag = true;
      return;
    }
    default:
      if (RELATED_CALL_HEADERS.has(name)) message.relatedCallId ??= firstValue(value);
      else if (DIVERSION_HEADERS.has(name)) message.divertedBy ??= readNameAddr(firstValue(value)).who;
  }
}

/**
 * The messages of a whole text given as lines (or of its lines [firstLine, lineCount) read on
 * their own), read until `done` says the messages read so far are enough.
 */
export function readMessages(
  lineCount: number, lineAt: (line: number) => string, firstLine = 0, done: (read: readonly SipMessage[]) => boolean = () => false,
): SipMessage[] {
  const messages: SipMessage[] = [];
  const reader = new MessageReader((message) => messages.push(message));
  for (let line = firstLine; line < lineCount && !done(messages); line++) reader.push(lineAt(line), line);
  reader.end();
  return messages;
}

/**
 * The messages around `line` read on their own (not from the top): from MAX_FRAME_GAP lines above
 * it, where its framing line may be, until the message that holds it, or the first after it, has
 * ended (at most MAX_FRAME_GAP lines below it). Bounded work whatever the document's size.
 */
export function readMessagesAround(line: number, lineCount: number, lineAt: (line: number) => string): SipMessage[] {
  return readMessages(Math.min(lineCount, line + MAX_FRAME_GAP), lineAt, Math.max(0, line - MAX_FRAME_GAP),
    (read) => read.length > 0 && read[read.length - 1].endLine >= line);
}
