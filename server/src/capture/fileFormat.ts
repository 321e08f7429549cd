import type { CaptureProblem, ForeignFile, Timestamp } from './types';

/** One captured frame as a file format hands it on. */
export interface Packet {
  /** 1-based, as Wireshark counts. */
  frame: number;
  linkType: number;
  time: Timestamp;
  /** A view valid only during the callback. */
  data: Uint8Array;
  /** The length on the wire (data may be shorter: the snapshot length). */
  originalLength: number;
}

/** A file this decoder refuses, or a capture damaged past the point where reading can go on. */
export class CaptureError extends Error {
  constructor(readonly problem: CaptureProblem) {
    super(problem.key);
  }
}

/** The largest record or block accepted: a length field claiming more is damage, not data. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** What a file that is no pcap or pcapng looks like, for the refusal message. */
export function describeForeignFile(head: Uint8Array): ForeignFile {
  const ascii = (from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');
  if (head.length === 0) return 'empty';
  if (ascii(0, 4) === 'GMBU' || ascii(0, 4) === 'RTSS') return 'netmon';
  if (ascii(0, 8) === 'snoop\0\0\0') return 'snoop';
  if (ascii(0, 4) === 'XCP\0') return 'netxray';
  if (ascii(0, 16).startsWith('\x7fELF')) return 'executable';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzipNoCapture';
  if (ascii(0, 4) === 'PK\x03\x04') return 'zip';
  if (looksLikeErf(head)) return 'erf';
  if (looksLikeText(head)) return 'text';
  return 'unknown';
}

function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 4096);
  let printable = 0;
  for (const b of sample) if (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f)) printable++;
  return printable === sample.length;
}

/** ERF has no magic: a plausible first record header (type 1..27, rlen ≥ 16, wlen present). */
function looksLikeErf(head: Uint8Array): boolean {
  if (head.length < 16) return false;
  const type = head[8] & 0x7f;
  const rlen = (head[10] << 8) | head[11];
  const seconds = head[7] * 2 ** 24 + (head[6] << 16) + (head[5] << 8) + head[4];
  return type >= 1 && type <= 27 && rlen >= 16 && rlen <= 65535 && seconds > 0x20000000 && seconds < 0x80000000;
}
