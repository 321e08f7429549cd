import type { SipMessage } from '../service/trace/types';

/** The string fields of a message that transactions and calls are made of (message() takes them back in this order). */
const STRING_FIELDS = [
  'method', 'requestUri', 'phrase', 'callId', 'cseqMethod', 'from', 'fromTag', 'to', 'toTag', 'branch', 'sentBy', 'transport', 'source', 'destination',
] as const;
/** Its number fields: its start line and anchor first, then those that may be absent (NaN). */
const START_LINE = 0;
const ANCHOR_LINE = 1;
const ANCHOR_OFFSET = 2;
const OPTIONAL_NUMBERS = ['status', 'cseq', 'time'] as const;
const NUMBERS = 3 + OPTIONAL_NUMBERS.length;
/** A row of string ids: the fields' ids (-1: absent), then whether it is a request. */
const STRINGS = STRING_FIELDS.length + 1;
const KIND = STRING_FIELDS.length;
const CALL_ID = STRING_FIELDS.indexOf('callId');

/** How many recent values of each field are compared before a table is looked up. */
const RECENT = 4;

/** Messages a block of rows holds (blocks are added as messages come: none is ever copied or grown). */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const ROW = BLOCK - 1;

/** The rows and string tables of a MessageColumns, as another thread hands them over. */
export interface ColumnsData {
  count: number;
  numbers: Float64Array[];
  strings: Int32Array[];
  callIds: string[];
  tables: string[][];
}

/**
 * The messages of a file read from disk, as the trace model groups them, kept in blocks of rows:
 * numbers in typed arrays, strings by their index in a table: Call-IDs in one table for the
 * whole file (alike Call-IDs, alike ids), the other fields in a table of their block's own, each
 * distinct string of a block once (but for the tables of another part's blocks, appended whole):
 * a Map of a block's strings is quick to look up and to grow, one of every branch and tag of a big
 * file, millions of them, was slow (15 % of the time for 500 MB; tables of 4,096 rows were slower
 * again: 30 % more time, twice the memory). A file of millions of messages
 * keeps no object per message (the records a reader hands over die young), so memory stays about
 * 100 bytes a message and the garbage collector has no millions of records to walk. A message
 * taken back (`message`) has every field that transactions and calls are made of (those of
 * STRING_FIELDS and OPTIONAL_NUMBERS, its kind and start line), as the reader gave it; not its end
 * line, column, body facts or framing lines.
 */
export class MessageColumns {
  count = 0;
  private readonly numbers: Float64Array[] = [];
  private readonly strings: Int32Array[] = [];
  private readonly callIds: string[] = [];
  private readonly callIdIds = new Map<string, number>();
  /** Per block, the table of its rows' strings but Call-IDs; the ids of the last block's. */
  private readonly tables: string[][] = [];
  private blockIds = new Map<string, number>();
  /** Per string field, the RECENT values kept last with their ids (field f's at [f * RECENT, (f + 1) * RECENT)), and which is replaced next. */
  private readonly recentValues: (string | undefined)[] = new Array<string | undefined>(STRING_FIELDS.length * RECENT).fill(undefined);
  private readonly recentIds = new Int32Array(STRING_FIELDS.length * RECENT);
  private readonly recentNext = new Int32Array(STRING_FIELDS.length);

  /** Keeps a message with its anchor (where reading it again starts). */
  push(message: SipMessage, anchorLine: number, anchorOffset: number): void {
    const i = this.newRow();
    const numbers = this.numbers[i >>> BLOCK_BITS];
    const n = (i & ROW) * NUMBERS;
    numbers[n + START_LINE] = message.startLine;
    numbers[n + ANCHOR_LINE] = anchorLine;
    numbers[n + ANCHOR_OFFSET] = anchorOffset;
    numbers[n + 3] = message.status ?? Number.NaN;
    numbers[n + 4] = message.cseq ?? Number.NaN;
    numbers[n + 5] = message.time ?? Number.NaN;
    const strings = this.strings[i >>> BLOCK_BITS];
    const s = (i & ROW) * STRINGS;
    const table = this.tables[this.tables.length - 1];
    const ids = this.blockIds;
    // Each field read by its name, in the order of STRING_FIELDS (a record's shape varies: a load by a computed name is a slow one).
    strings[s] = this.idIn(0, message.method, table, ids);
    strings[s + 1] = this.idIn(1, message.requestUri, table, ids);
    strings[s + 2] = this.idIn(2, message.phrase, table, ids);
    strings[s + CALL_ID] = this.idIn(CALL_ID, message.callId, this.callIds, this.callIdIds);
    strings[s + 4] = this.idIn(4, message.cseqMethod, table, ids);
    strings[s + 5] = this.idIn(5, message.from, table, ids);
    strings[s + 6] = this.idIn(6, message.fromTag, table, ids);
    strings[s + 7] = this.idIn(7, message.to, table, ids);
    strings[s + 8] = this.idIn(8, message.toTag, table, ids);
    strings[s + 9] = this.idIn(9, message.branch, table, ids);
    strings[s + 10] = this.idIn(10, message.sentBy, table, ids);
    strings[s + 11] = this.idIn(11, message.transport, table, ids);
    strings[s + 12] = this.idIn(12, message.source, table, ids);
    strings[s + 13] = this.idIn(13, message.destination, table, ids);
    strings[s + KIND] = message.kind === 'request' ? 1 : 0;
  }

  /**
   * The id of string field `f`'s value in `table` (-1: none), `ids` being the table's index: the
   * whole file's table of Call-IDs, or the last block's table of the other fields.
   */
  private idIn(f: number, value: string | undefined, table: string[], ids: Map<string, number>): number {
    if (value === undefined) return -1;
    // Messages close together repeat most values (a call's Call-ID, a transaction's branch, the two
    // addresses in turns, a few methods and phrases): compared with the recent ones before hashed.
    const recent = this.recentValues;
    const first = f * RECENT;
    for (let r = first; r < first + RECENT; r++) if (value === recent[r]) return this.recentIds[r];
    let id = ids.get(value);
    if (id === undefined) {
      id = table.length;
      table.push(value);
      ids.set(value, id);
    }
    const r = first + this.recentNext[f];
    this.recentNext[f] = (this.recentNext[f] + 1) % RECENT;
    recent[r] = value;
    this.recentIds[r] = id;
    return id;
  }

  /**
   * The message as grouping reads it (see the class): every message in one shape, each field of
   * STRING_FIELDS and OPTIONAL_NUMBERS present, undefined where the reader gave none (grouping
   * reads them all the same; records of many shapes made its reads slow and their later fields
   * a second allocation each).
   */
  message(i: number): SipMessage {
    const numbers = this.numbers[i >>> BLOCK_BITS];
    const n = (i & ROW) * NUMBERS;
    const strings = this.strings[i >>> BLOCK_BITS];
    const s = (i & ROW) * STRINGS;
    const table = this.tables[i >>> BLOCK_BITS];
    const startLine = numbers[n + START_LINE];
    const callId = strings[s + CALL_ID];
    return {
      startLine, startColumn: 0, endLine: startLine, kind: strings[s + KIND] === 1 ? 'request' : 'response', method: stringAt(table, strings, s) as string, hasSdp: false,
      status: numberAt(numbers, n + 3), cseq: numberAt(numbers, n + 4), time: numberAt(numbers, n + 5),
      requestUri: stringAt(table, strings, s + 1), phrase: stringAt(table, strings, s + 2), callId: callId === -1 ? undefined : this.callIds[callId],
      cseqMethod: stringAt(table, strings, s + 4), from: stringAt(table, strings, s + 5), fromTag: stringAt(table, strings, s + 6),
      to: stringAt(table, strings, s + 7), toTag: stringAt(table, strings, s + 8), branch: stringAt(table, strings, s + 9),
      sentBy: stringAt(table, strings, s + 10), transport: stringAt(table, strings, s + 11), source: stringAt(table, strings, s + 12),
      destination: stringAt(table, strings, s + 13),
    };
  }

  /** How many distinct Call-IDs the messages have: their ids are 0 to this less one. */
  get callIdCount(): number {
    return this.callIds.length;
  }

  /** The id of message i's Call-ID (-1: none): alike for alike Call-IDs. */
  callIdAt(i: number): number {
    return this.strings[i >>> BLOCK_BITS][(i & ROW) * STRINGS + CALL_ID];
  }

  /** The start lines and anchors (see Anchor in traceStream.ts) of all messages. */
  lines(): { startLines: Float64Array; anchorLines: Float64Array; anchorOffsets: Float64Array } {
    const startLines = new Float64Array(this.count);
    const anchorLines = new Float64Array(this.count);
    const anchorOffsets = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const numbers = this.numbers[i >>> BLOCK_BITS];
      const n = (i & ROW) * NUMBERS;
      startLines[i] = numbers[n + START_LINE];
      anchorLines[i] = numbers[n + ANCHOR_LINE];
      anchorOffsets[i] = numbers[n + ANCHOR_OFFSET];
    }
    return { startLines, anchorLines, anchorOffsets };
  }

  /** Its rows and string table, for another thread (the rows' buffers can be transferred). */
  data(): ColumnsData {
    return { count: this.count, numbers: this.numbers, strings: this.strings, callIds: this.callIds, tables: this.tables };
  }

  /**
   * Keeps the messages of another part of the file after these (read by another MessageColumns,
   * its lines counted from its own start: `lines` is the line that part starts at).
   */
  append(data: ColumnsData, lines: number): void {
    const callIds = Int32Array.from(data.callIds, (value) => this.idIn(CALL_ID, value, this.callIds, this.callIdIds));
    // In runs of rows that lie in one block of each: rows copied whole, then their string ids
    // made this block's.
    for (let j = 0; j < data.count;) {
      const i = this.newRow();
      const run = Math.min(data.count - j, BLOCK - (j & ROW), BLOCK - (i & ROW));
      this.count += run - 1;
      const numbers = this.numbers[i >>> BLOCK_BITS];
      const n = (i & ROW) * NUMBERS;
      const m = (j & ROW) * NUMBERS;
      numbers.set(data.numbers[j >>> BLOCK_BITS].subarray(m, m + run * NUMBERS), n);
      for (let k = n; k < n + run * NUMBERS; k += NUMBERS) {
        numbers[k + START_LINE] += lines;
        numbers[k + ANCHOR_LINE] += lines;
      }
      const strings = this.strings[i >>> BLOCK_BITS];
      const s = (i & ROW) * STRINGS;
      const t = (j & ROW) * STRINGS;
      strings.set(data.strings[j >>> BLOCK_BITS].subarray(t, t + run * STRINGS), s);
      // The other block's table goes whole after this block's, its strings never looked up one by
      // one: a string that both tables hold is then in this one twice, under two ids.
      const own = this.tables[this.tables.length - 1];
      const offset = own.length;
      for (const value of data.tables[j >>> BLOCK_BITS]) own.push(value);
      for (let k = s; k < s + run * STRINGS; k += STRINGS) {
        for (let f = 0; f < STRING_FIELDS.length; f++) {
          const id = strings[k + f];
          if (id !== -1) strings[k + f] = f === CALL_ID ? callIds[id] : id + offset;
        }
      }
      j += run;
    }
  }

  /** The index of a row added (in a block added when the last is full). */
  private newRow(): number {
    const i = this.count++;
    if ((i & ROW) === 0) {
      this.numbers.push(new Float64Array(BLOCK * NUMBERS));
      this.strings.push(new Int32Array(BLOCK * STRINGS));
      // A table of the block's own: the ids of the last block's strings are no longer looked up.
      this.tables.push([]);
      this.blockIds = new Map();
      this.recentValues.fill(undefined, 0, CALL_ID * RECENT);
      this.recentValues.fill(undefined, (CALL_ID + 1) * RECENT);
    }
    return i;
  }
}

/** A number column's value (NaN: absent). */
function numberAt(numbers: Float64Array, at: number): number | undefined {
  const value = numbers[at];
  return Number.isNaN(value) ? undefined : value;
}

/** A string column's value in its block's table (-1: absent). */
function stringAt(table: readonly string[], strings: Int32Array, at: number): string | undefined {
  const id = strings[at];
  return id === -1 ? undefined : table[id];
}
