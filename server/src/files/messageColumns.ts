import type { SipMessage } from '../service/trace/types';

/** The string fields of a message that transactions and calls are made of (message() takes them back in this order). */
const STRING_FIELDS = [
  'method', 'requestUri', 'phrase', 'callId', 'cseqMethod', 'from', 'fromTag', 'to', 'toTag', 'branch', 'sentBy', 'transport', 'source', 'destination',
] as const;
/** Its number fields (startLine apart: every message has one). */
const NUMBER_FIELDS = ['status', 'cseq', 'time'] as const;

const CALL_ID = STRING_FIELDS.indexOf('callId');

/**
 * The messages of a file read from disk, as the trace model groups them, kept as columns: numbers
 * in typed arrays, each distinct string once in a table. A file of millions of messages keeps no
 * object per message (the records a reader hands over die young), so memory stays a few dozen
 * bytes a message and the garbage collector has no millions of records to walk. A message taken
 * back (`message`) has every field that transactions and calls are made of (those of STRING_FIELDS
 * and NUMBER_FIELDS, its kind and start line), as the reader gave it; not its end line, column, body facts or framing lines.
 */
export class MessageColumns {
  count = 0;
  private capacity = 0;
  private startLines = new Float64Array(0);
  private anchorLineColumn = new Float64Array(0);
  private anchorOffsetColumn = new Float64Array(0);
  private requests = new Uint8Array(0);
  private numberColumns: Float64Array[] = NUMBER_FIELDS.map(() => new Float64Array(0));
  private readonly table: string[] = [];
  /** Per string field, its column and the last value kept with its id. */
  private stringColumns: Int32Array[] = STRING_FIELDS.map(() => new Int32Array(0));
  private readonly lastValues: (string | undefined)[] = STRING_FIELDS.map(() => undefined);
  private readonly lastIds = new Int32Array(STRING_FIELDS.length);
  private readonly ids = new Map<string, number>();

  /** Keeps a message with its anchor (where reading it again starts). */
  push(message: SipMessage, anchorLine: number, anchorOffset: number): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.startLines[i] = message.startLine;
    this.anchorLineColumn[i] = anchorLine;
    this.anchorOffsetColumn[i] = anchorOffset;
    this.requests[i] = message.kind === 'request' ? 1 : 0;
    for (let f = 0; f < NUMBER_FIELDS.length; f++) this.numberColumns[f][i] = message[NUMBER_FIELDS[f]] ?? Number.NaN;
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      const value = message[STRING_FIELDS[f]];
      let id = -1;
      if (value !== undefined) {
        // Consecutive messages repeat most values (a call's Call-ID, a transaction's branch, the addresses): compared before hashed.
        id = value === this.lastValues[f] ? this.lastIds[f] : this.idOf(value);
        this.lastValues[f] = value;
        this.lastIds[f] = id;
      }
      this.stringColumns[f][i] = id;
    }
  }

  /** The message as grouping reads it (see the class). */
  message(i: number): SipMessage {
    const startLine = this.startLines[i];
    const text = (f: number): string | undefined => {
      const id = this.stringColumns[f][i];
      return id === -1 ? undefined : this.table[id];
    };
    const message: SipMessage = { startLine, startColumn: 0, endLine: startLine, kind: this.requests[i] === 1 ? 'request' : 'response', method: text(0) as string, hasSdp: false };
    const [status, cseq, time] = this.numberColumns;
    if (!Number.isNaN(status[i])) message.status = status[i];
    if (!Number.isNaN(cseq[i])) message.cseq = cseq[i];
    if (!Number.isNaN(time[i])) message.time = time[i];
    const requestUri = text(1);
    if (requestUri !== undefined) message.requestUri = requestUri;
    const phrase = text(2);
    if (phrase !== undefined) message.phrase = phrase;
    const callId = text(3);
    if (callId !== undefined) message.callId = callId;
    const cseqMethod = text(4);
    if (cseqMethod !== undefined) message.cseqMethod = cseqMethod;
    const from = text(5);
    if (from !== undefined) message.from = from;
    const fromTag = text(6);
    if (fromTag !== undefined) message.fromTag = fromTag;
    const to = text(7);
    if (to !== undefined) message.to = to;
    const toTag = text(8);
    if (toTag !== undefined) message.toTag = toTag;
    const branch = text(9);
    if (branch !== undefined) message.branch = branch;
    const sentBy = text(10);
    if (sentBy !== undefined) message.sentBy = sentBy;
    const transport = text(11);
    if (transport !== undefined) message.transport = transport;
    const source = text(12);
    if (source !== undefined) message.source = source;
    const destination = text(13);
    if (destination !== undefined) message.destination = destination;
    return message;
  }

  /** The id of message i's Call-ID in the string table (-1: none): alike for alike Call-IDs. */
  callIdOf(i: number): number {
    return this.stringColumns[CALL_ID][i];
  }

  startLine(i: number): number {
    return this.startLines[i];
  }

  /** The anchors of all messages (see Anchor in traceStream.ts). */
  anchors(): { lines: Float64Array; offsets: Float64Array } {
    return { lines: this.anchorLineColumn.slice(0, this.count), offsets: this.anchorOffsetColumn.slice(0, this.count) };
  }

  private idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.table.length;
      this.table.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(column: T, make: new (n: number) => T): T => {
      const bigger = new make(capacity);
      bigger.set(column);
      return bigger;
    };
    this.startLines = grown(this.startLines, Float64Array);
    this.anchorLineColumn = grown(this.anchorLineColumn, Float64Array);
    this.anchorOffsetColumn = grown(this.anchorOffsetColumn, Float64Array);
    this.requests = grown(this.requests, Uint8Array);
    this.numberColumns = this.numberColumns.map((column) => grown(column, Float64Array));
    this.stringColumns = this.stringColumns.map((column) => grown(column, Int32Array));
    this.capacity = capacity;
  }
}
