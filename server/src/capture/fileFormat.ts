import type { Timestamp } from './types';

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
export class CaptureError extends Error {}

/** The largest record or block accepted: a length field claiming more is damage, not data. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export const SUPPORTED = 'supported: pcap (.pcap, .cap, .dmp), pcapng (.pcapng, .ntar) and either gzip-compressed (.gz)';

/** What a file that is no pcap or pcapng looks like, for the refusal message. */
export function describeForeignFile(head: Uint8Array): string {
  const ascii = (from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');
  if (head.length === 0) return 'an empty file';
  if (ascii(0, 4) === 'GMBU' || ascii(0, 4) === 'RTSS') return 'a Microsoft Network Monitor capture';
  if (ascii(0, 8) === 'snoop\0\0\0') return 'a Solaris snoop capture';
  if (ascii(0, 4) === 'XCP\0') return 'a NetXray/Sniffer capture';
  if (ascii(0, 16).startsWith('\x7fELF')) return 'an executable';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'a gzip file that holds no capture';
  if (ascii(0, 4) === 'PK\x03\x04') return 'a zip archive';
  if (looksLikeErf(head)) return 'an Endace ERF capture';
  if (looksLikeText(head)) return 'a text file';
  return 'no packet capture';
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
