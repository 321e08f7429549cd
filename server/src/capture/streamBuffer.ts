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

/** The blocks that small copies share (see CopyArena), and the largest copy made in one. */
export const COPY_BLOCK = 16 * 1024;
const ARENA_LARGEST = 2 * 1024;

/**
 * Copies that own their memory (as copyBytes), the small ones side by side in blocks of their own:
 * one allocation a block instead of one a copy (a typed array with a buffer of its own costs some
 * 0.7 µs to make, a copy into a block 0.2 to 0.3 µs). A copy keeps its block alive: the records
 * that hold copies wait at most in the decoder's reordering window, so the blocks kept hold at
 * most one block a record held (4,096 × 16 KB), as a record of the largest datagram already may.
 * Each copy starts at a multiple of 4 in its block (so that it can be read a word at a time).
 */
export class CopyArena {
  private block = new Uint8Array(0);
  private used = 0;

  copy(bytes: Uint8Array): Uint8Array {
    if (bytes.length > ARENA_LARGEST) return copyBytes(bytes);
    if (this.used + bytes.length > this.block.length) {
      this.block = new Uint8Array(COPY_BLOCK);
      this.used = 0;
    }
    const copy = this.block.subarray(this.used, this.used + bytes.length);
    copy.set(bytes);
    this.used += (bytes.length + 3) & ~3;
    return copy;
  }
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
