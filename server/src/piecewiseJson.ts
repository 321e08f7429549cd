/**
 * A JSON array encoded to UTF-8 item by item, for answers too big to be made whole (the Outline of
 * a 100 MB trace: 359,149 symbols, 96 million characters of JSON). Made whole, such an answer is
 * the graph of all its objects, then one string (two bytes a character as soon as one name holds
 * an arrow), then one buffer, all alive at once; encoded so, each item is an object only while it
 * is encoded, and the answer is its UTF-8 bytes in pieces, which the stdio transport writes one
 * after another behind a Content-Length that it adds up (transport.ts).
 */

/** About how many bytes of JSON go into one piece. */
const PIECE_BYTES = 256 * 1024;

/** The items of a JSON array as UTF-8: `[` + pieces + `]` is the array's JSON, the bytes JSON.stringify and UTF-8 give. */
export class EncodedJsonArray<T> {
  constructor(readonly pieces: readonly Buffer[], readonly byteLength: number) {}

  /** The items again, for whoever serializes the answer whole (a verbose protocol trace logs it). */
  toJSON(): T[] {
    return JSON.parse(`[${Buffer.concat(this.pieces as Buffer[]).toString('utf8')}]`) as T[];
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
/** A key's `"key":` as UTF-8, by key (the few keys of an answer's objects, again and again). */
const keyBytes = new Map<string, Uint8Array>();

/** Fixed JSON text (keys, punctuation) as the bytes JsonArrayEncoder.raw writes. */
export function jsonFragment(json: string): Uint8Array {
  return Buffer.from(json, 'utf8');
}

/** What an item's writer writes with. */
export interface JsonWriter {
  /** A value as JSON.stringify writes it. */
  value(value: unknown): void;
  string(value: string): void;
  number(value: number): void;
  /** Fixed JSON text (a jsonFragment). */
  raw(bytes: Uint8Array): void;
}

/** How an item is written: by default as JSON.stringify would; an item of a known shape may be written by hand, fixed text as fragments. */
export type ItemWriter<T> = (item: T, json: JsonWriter) => void;

const anyValue = (item: unknown, json: JsonWriter): void => json.value(item);

/**
 * Encodes items one by one straight into UTF-8 pieces of about PIECE_BYTES, with the bytes
 * JSON.stringify and UTF-8 give for plain data (objects, arrays, strings, numbers, booleans, null):
 * no JSON string is made of an item, nor joined to others, nor encoded again. A value of any other
 * kind (one with toJSON, a BigInt) is given to JSON.stringify.
 */
export class JsonArrayEncoder<T> implements JsonWriter {
  private readonly pieces: Buffer[] = [];
  private byteLength = 0;
  private piece = Buffer.allocUnsafe(PIECE_BYTES);
  /** Where the next byte of the piece goes. */
  private at = 0;
  private empty = true;

  constructor(private readonly writeItem: ItemWriter<T> = anyValue) {}

  push(item: T): void {
    if (!this.empty) this.byte(COMMA);
    this.empty = false;
    this.writeItem(item, this);
  }

  /**
   * The array encoded, typed as the array it encodes: a handler returns it as its result, and the
   * stdio transport writes it in pieces. Only a connection whose writer knows it may be given it
   * (another would write it through toJSON, parsing it all again).
   */
  finish(): T[] {
    this.endPiece(0);
    return new EncodedJsonArray<T>(this.pieces, this.byteLength) as unknown as T[];
  }

  /** Writes a value as JSON.stringify does; `inArray`: where a value JSON leaves out (undefined, a function) is written as null. */
  value(value: unknown, inArray = true): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        this.number(value);
        return;
      case 'boolean':
        this.ascii(value ? 'true' : 'false');
        return;
      case 'object':
        if (value === null) this.ascii('null');
        else if (Array.isArray(value)) this.array(value);
        else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') this.text(JSON.stringify(value));
        else this.object(value as Record<string, unknown>);
        return;
      case 'bigint':
        this.text(JSON.stringify(value));
        return;
      default:
        if (inArray) this.ascii('null');
    }
  }

  private array(values: readonly unknown[]): void {
    this.byte(0x5b);
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.value(values[i], true);
    }
    this.byte(0x5d);
  }

  private object(object: Record<string, unknown>): void {
    this.byte(0x7b);
    let first = true;
    for (const key of Object.keys(object)) {
      const value = object[key];
      const type = typeof value;
      if (type === 'undefined' || type === 'function' || type === 'symbol') continue;
      if (!first) this.byte(COMMA);
      first = false;
      let bytes = keyBytes.get(key);
      if (bytes === undefined) {
        bytes = jsonFragment(`${JSON.stringify(key)}:`);
        if (keyBytes.size < 256) keyBytes.set(key, bytes);
      }
      this.raw(bytes);
      this.value(value, false);
    }
    this.byte(0x7d);
  }

  /** Writes bytes of JSON as they are (a fragment). */
  raw(bytes: Uint8Array): void {
    const length = bytes.length;
    this.room(length);
    const piece = this.piece;
    let at = this.at;
    for (let i = 0; i < length; i++) piece[at++] = bytes[i];
    this.at = at;
  }

  /** Writes a number as JSON.stringify does (small whole numbers digit by digit). */
  number(value: number): void {
    if (value >= 0 && value < 0x80000000 && value === (value | 0)) {
      this.room(10);
      const piece = this.piece;
      if (value < 10) {
        piece[this.at++] = 0x30 + value;
        return;
      }
      let end = this.at + (value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : value < 1000000 ? 6 : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10);
      this.at = end;
      do {
        piece[--end] = 0x30 + (value % 10);
        value = (value / 10) | 0;
      } while (value > 0);
      return;
    }
    this.ascii(Number.isFinite(value) ? String(value) : 'null');
  }

  /**
   * Writes a string as JSON.stringify does, in UTF-8: character by character while it needs no
   * escape and is no surrogate (an Outline's names hold arrows and middle dots), the rest (from the
   * first other character) as JSON.stringify escapes it.
   */
  string(value: string): void {
    const length = value.length;
    this.room(length * 3 + 2);
    const piece = this.piece;
    let at = this.at;
    piece[at++] = QUOTE;
    let i = 0;
    for (; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x80) {
        if (code < 0x20 || code === QUOTE || code === BACKSLASH) break;
        piece[at++] = code;
      } else if (code < 0x800) {
        piece[at++] = 0xc0 | (code >> 6);
        piece[at++] = 0x80 | (code & 0x3f);
      } else if (code < 0xd800 || code > 0xdfff) {
        piece[at++] = 0xe0 | (code >> 12);
        piece[at++] = 0x80 | ((code >> 6) & 0x3f);
        piece[at++] = 0x80 | (code & 0x3f);
      } else {
        break;
      }
    }
    this.at = at;
    if (i < length) this.text(JSON.stringify(i === 0 ? value : value.slice(i)).slice(1, -1));
    this.byte(QUOTE);
  }

  /** Text as UTF-8. */
  private text(text: string): void {
    this.room(text.length * 3);
    this.at += this.piece.write(text, this.at, 'utf8');
  }

  /** ASCII text, byte by byte. */
  private ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.piece[this.at++] = text.charCodeAt(i);
  }

  private byte(byte: number): void {
    this.room(1);
    this.piece[this.at++] = byte;
  }

  /** Makes room for `bytes` more bytes in the piece (a new piece when it lacks it: a piece is filled but for less than one write). */
  private room(bytes: number): void {
    if (this.at + bytes > this.piece.length) this.endPiece(Math.max(PIECE_BYTES, bytes));
  }

  /** Ends the piece under way (what it holds goes to the pieces), and starts one of `size` bytes. */
  private endPiece(size: number): void {
    if (this.at > 0) {
      this.pieces.push(this.piece.subarray(0, this.at));
      this.byteLength += this.at;
      this.at = 0;
    }
    if (size > 0) this.piece = Buffer.allocUnsafe(size);
  }
}
