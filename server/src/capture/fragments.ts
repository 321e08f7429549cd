/**
 * IP fragment reassembly with bounded buffers: at most MAX_DATAGRAMS pending, each at most
 * MAX_DATAGRAM_BYTES, and a datagram still incomplete MAX_AGE_FRAMES frames after its first
 * fragment is dropped.
 */

const MAX_DATAGRAMS = 1024;
const MAX_DATAGRAM_BYTES = 65535 + 8;
const MAX_AGE_FRAMES = 10000;

interface Pending {
  firstFrame: number;
  pieces: { offset: number; bytes: Uint8Array }[];
  /** Known once the last fragment (no more-fragments flag) arrived. */
  total: number | undefined;
}

export type FragmentResult = Uint8Array | 'pending' | 'dropped';

export class FragmentTable {
  private readonly pending = new Map<string, Pending>();
  /** Datagrams given up on, by reason: read and cleared by the caller. */
  dropped: ('fragmentsTooMany' | 'fragmentsIncomplete')[] = [];

  add(key: string, frame: number, offset: number, more: boolean, bytes: Uint8Array): FragmentResult {
    this.expire(frame);
    if (offset + bytes.length > MAX_DATAGRAM_BYTES) {
      this.pending.delete(key);
      return 'dropped';
    }
    let entry = this.pending.get(key);
    if (!entry) {
      if (this.pending.size >= MAX_DATAGRAMS) {
        const oldest = this.pending.keys().next().value as string;
        this.pending.delete(oldest);
        this.dropped.push('fragmentsTooMany');
      }
      entry = { firstFrame: frame, pieces: [], total: undefined };
      this.pending.set(key, entry);
    }
    entry.pieces.push({ offset, bytes: bytes.slice() });
    if (!more) entry.total = offset + bytes.length;
    if (entry.total === undefined) return 'pending';
    const whole = assemble(entry.pieces, entry.total);
    if (!whole) return 'pending';
    this.pending.delete(key);
    return whole;
  }

  /** Datagrams still incomplete (at the end of the capture). */
  get size(): number {
    return this.pending.size;
  }

  private expire(frame: number): void {
    for (const [key, entry] of this.pending) {
      if (frame - entry.firstFrame <= MAX_AGE_FRAMES) break;
      this.pending.delete(key);
      this.dropped.push('fragmentsIncomplete');
    }
  }
}

/** The datagram when the pieces cover [0, total) without a gap; later pieces win overlaps. */
function assemble(pieces: { offset: number; bytes: Uint8Array }[], total: number): Uint8Array | undefined {
  const sorted = [...pieces].sort((a, b) => a.offset - b.offset);
  let covered = 0;
  for (const piece of sorted) {
    if (piece.offset > covered) return undefined;
    covered = Math.max(covered, piece.offset + piece.bytes.length);
  }
  if (covered < total) return undefined;
  const out = new Uint8Array(total);
  for (const piece of pieces) {
    if (piece.offset < total) out.set(piece.bytes.subarray(0, total - piece.offset), piece.offset);
  }
  return out;
}
