import { CaptureError, MAX_RECORD_BYTES, type Packet } from './fileFormat';
import { problem } from './types';

/** The classic libpcap format: a 24-byte file header, then records. */

const MAGIC_MICROS = 0xa1b2c3d4;
const MAGIC_NANOS = 0xa1b23c4d;
/** Alexey Kuznetzov's patched libpcap: 8 more bytes per record header (ifindex, protocol, type). */
const MAGIC_KUZNETZOV = 0xa1b2cd34;
const FILE_HEADER = 24;

function swap32(value: number): number {
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

/** Whether the first four bytes are a pcap magic number in either byte order. */
export function isPcapMagic(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const le = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
  return [MAGIC_MICROS, MAGIC_NANOS, MAGIC_KUZNETZOV].some((magic) => le === magic || le === swap32(magic));
}

export class PcapReader {
  private header?: { littleEndian: boolean; nanos: boolean; recordHeader: number; linkType: number; fcsBytes: number };
  private frame = 0;

  /** Reads whole records from `buffer` starting at `offset`; returns the offset of the first byte not consumed. */
  read(buffer: Uint8Array, offset: number, onPacket: (packet: Packet) => void): number {
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let at = offset;
    if (!this.header) {
      if (buffer.length - at < FILE_HEADER) return at;
      const le = view.getUint32(at, true);
      const littleEndian = le === MAGIC_MICROS || le === MAGIC_NANOS || le === MAGIC_KUZNETZOV;
      const magic = littleEndian ? le : swap32(le);
      const linkField = view.getUint32(at + 20, littleEndian);
      // The top bits of the link-type field may say the frames end with an FCS of that many 16-bit words.
      const fcsBytes = (linkField & 0x04000000) !== 0 ? ((linkField >>> 28) & 0xf) * 2 : 0;
      this.header = {
        littleEndian, nanos: magic === MAGIC_NANOS, recordHeader: magic === MAGIC_KUZNETZOV ? 24 : 16,
        linkType: linkField & 0xffff, fcsBytes,
      };
      at += FILE_HEADER;
    }
    const { littleEndian, nanos, recordHeader, linkType, fcsBytes } = this.header;
    while (buffer.length - at >= recordHeader) {
      const included = view.getUint32(at + 8, littleEndian);
      const original = view.getUint32(at + 12, littleEndian);
      if (included > MAX_RECORD_BYTES) {
        throw new CaptureError(problem('recordClaims', this.frame + 1, included, at));
      }
      if (buffer.length - at - recordHeader < included) break;
      const seconds = view.getUint32(at, littleEndian);
      const fraction = view.getUint32(at + 4, littleEndian);
      const start = at + recordHeader;
      const captured = Math.max(0, included - Math.max(0, fcsBytes - (original - included)));
      onPacket({
        frame: ++this.frame, linkType,
        time: nanos ? { seconds: seconds + Math.floor(fraction / 1e9), nanos: fraction % 1e9 } : { seconds: seconds + Math.floor(fraction / 1e6), nanos: (fraction % 1e6) * 1000 },
        data: buffer.subarray(start, start + captured), originalLength: original - fcsBytes,
      });
      at = start + included;
    }
    return at;
  }

  readonly format = 'pcap';

  /** Whether the file header has been read. */
  get started(): boolean {
    return this.header !== undefined;
  }

  /** Whether the file's timestamps have nanosecond resolution. */
  get nanosecondTimes(): boolean {
    return this.header?.nanos ?? false;
  }
}
