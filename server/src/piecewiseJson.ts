/**
 * A JSON array encoded to UTF-8 item by item, for answers too big to be made whole (the Outline of
 * a 100 MB trace: 359,149 symbols, 96 million characters of JSON). Made whole, such an answer is
 * the graph of all its objects, then one string (two bytes a character as soon as one name holds
 * an arrow), then one buffer, all alive at once; encoded so, each item is an object only while it
 * is encoded, and the answer is its UTF-8 bytes in pieces, which the stdio transport writes one
 * after another behind a Content-Length that it adds up (transport.ts).
 */

/** About how many characters of JSON go into one piece before it is encoded. */
const PIECE_CHARS = 256 * 1024;

/** The items of a JSON array as UTF-8: `[` + pieces + `]` is the array's JSON, the bytes JSON.stringify and UTF-8 give. */
export class EncodedJsonArray<T> {
  constructor(readonly pieces: readonly Buffer[], readonly byteLength: number) {}

  /** The items again, for whoever serializes the answer whole (a verbose protocol trace logs it). */
  toJSON(): T[] {
    return JSON.parse(`[${Buffer.concat(this.pieces as Buffer[]).toString('utf8')}]`) as T[];
  }
}

/** Encodes items one by one: a piece is encoded to UTF-8 once it holds about PIECE_CHARS characters. */
export class JsonArrayEncoder<T> {
  private readonly pieces: Buffer[] = [];
  private byteLength = 0;
  private pending = '';
  private empty = true;

  push(item: T): void {
    const json = JSON.stringify(item);
    this.pending += this.empty ? json : `,${json}`;
    this.empty = false;
    if (this.pending.length >= PIECE_CHARS) this.encodePending();
  }

  /**
   * The array encoded, typed as the array it encodes: a handler returns it as its result, and the
   * stdio transport writes it in pieces. Only a connection whose writer knows it may be given it
   * (another would write it through toJSON, parsing it all again).
   */
  finish(): T[] {
    this.encodePending();
    return new EncodedJsonArray<T>(this.pieces, this.byteLength) as unknown as T[];
  }

  private encodePending(): void {
    if (this.pending === '') return;
    const piece = Buffer.from(this.pending, 'utf8');
    this.pieces.push(piece);
    this.byteLength += piece.length;
    this.pending = '';
  }
}
