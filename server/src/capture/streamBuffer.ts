/**
 * Bytes of one reassembled stream that are not consumed yet, in one growable array (appending is
 * amortised O(1), so a message over a thousand segments costs no quadratic copying), charged to a
 * budget shared by every stream of a capture: what would exceed it is refused, and the caller counts
 * it as dropped.
 */

/**
 * A copy of `bytes` that owns its memory (Buffer's own slice() is a view, so it is never used on
 * bytes that may be a Buffer).
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/** The bytes all streams of a capture may hold at once. */
export class Budget {
  used = 0;
  constructor(readonly limit: number) {}
}

export class StreamBuffer {
  private data = new Uint8Array(0);
  private start = 0;
  private end = 0;

  constructor(private readonly budget: Budget) {}

  get length(): number {
    return this.end - this.start;
  }

  /** The unconsumed bytes (valid until the next append or consume). */
  view(): Uint8Array {
    return this.data.subarray(this.start, this.end);
  }

  /** Appends `bytes`, or returns false (and appends nothing) when the budget cannot take them. */
  append(bytes: Uint8Array): boolean {
    if (bytes.length === 0) return true;
    if (this.budget.used + bytes.length > this.budget.limit) return false;
    this.budget.used += bytes.length;
    const length = this.length;
    if (this.end + bytes.length > this.data.length) {
      if (length + bytes.length <= this.data.length / 2) {
        this.data.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(4096, 2 * (length + bytes.length)));
        grown.set(this.data.subarray(this.start, this.end));
        this.data = grown;
      }
      this.start = 0;
      this.end = length;
    }
    this.data.set(bytes, this.end);
    this.end += bytes.length;
    return true;
  }

  consume(count: number): void {
    const n = Math.min(count, this.length);
    this.start += n;
    this.budget.used -= n;
    if (this.start === this.end) this.clear();
  }

  clear(): void {
    this.budget.used -= this.length;
    this.data = new Uint8Array(0);
    this.start = 0;
    this.end = 0;
  }
}

/** The number of CR and LF bytes at `at` (keep-alives between messages: RFC 5626's CRLF CRLF ping and CRLF pong). */
export function lineBreaksAt(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return i - at;
}

/** The offset just after the first empty line (LF LF or LF CR LF) at or after `from`, or -1: where headers end. */
export function blankLineEnd(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0x0a, from); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}
