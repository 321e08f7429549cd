import { CaptureError, MAX_RECORD_BYTES, type Packet } from './fileFormat';
import { problem, type Timestamp } from './types';

/** pcapng: sections (each with its own byte order) of interfaces and packet blocks. */

const SECTION_HEADER = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const INTERFACE_DESCRIPTION = 1;
const OBSOLETE_PACKET = 2;
const SIMPLE_PACKET = 3;
const ENHANCED_PACKET = 6;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;
const OPTION_FCSLEN = 13;

interface Interface {
  linkType: number;
  /** Timestamp units per second as a power: 10^-digits or 2^-bits. */
  decimal: boolean;
  exponent: number;
  offsetSeconds: number;
  /** Bytes of frame check sequence at the end of each frame (if_fcslen). */
  fcsBytes: number;
  /** The last high word of a timestamp and its value split into seconds and a remainder of units. */
  cachedHigh: number;
  cachedSeconds: number;
  cachedRemainder: number;
}

export function isPcapngMagic(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x0a && head[1] === 0x0d && head[2] === 0x0d && head[3] === 0x0a;
}

export class PcapngReader {
  private littleEndian = true;
  private inSection = false;
  private interfaces: Interface[] = [];
  private frame = 0;
  private blocks = 0;
  readonly format = 'pcapng';

  /** Whether a first whole block has been read. */
  get started(): boolean {
    return this.blocks > 0;
  }

  /** Set once an interface declares a resolution finer than microseconds. */
  nanosecondTimes = false;

  read(buffer: Uint8Array, offset: number, onPacket: (packet: Packet) => void): number {
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let at = offset;
    while (buffer.length - at >= 12) {
      const type = view.getUint32(at, this.littleEndian);
      if (type === SECTION_HEADER) {
        const magic = view.getUint32(at + 8, true);
        if (magic === BYTE_ORDER_MAGIC) this.littleEndian = true;
        else if (magic === 0x4d3c2b1a) this.littleEndian = false;
        else throw new CaptureError(problem('noByteOrderMagic', this.blocks + 1, at));
        this.inSection = true;
        this.interfaces = [];
      } else if (!this.inSection) {
        throw new CaptureError(problem('noSectionHeader'));
      }
      const length = view.getUint32(at + 4, this.littleEndian);
      if (length < 12 || length % 4 !== 0 || length > MAX_RECORD_BYTES) {
        throw new CaptureError(problem('blockClaims', this.blocks + 1, length, at));
      }
      if (buffer.length - at < length) break;
      this.blocks++;
      this.block(view, buffer, at, type, length, onPacket);
      at += length;
    }
    return at;
  }

  private block(view: DataView, buffer: Uint8Array, at: number, type: number, length: number, onPacket: (packet: Packet) => void): void {
    const le = this.littleEndian;
    const bodyEnd = at + length - 4;
    if (type === INTERFACE_DESCRIPTION) {
      if (length < 20) throw new CaptureError(problem('interfaceBlockShort', this.blocks));
      const iface: Interface = { linkType: view.getUint16(at + 8, le), decimal: true, exponent: 6, offsetSeconds: 0, fcsBytes: 0, cachedHigh: -1, cachedSeconds: 0, cachedRemainder: 0 };
      this.options(view, at + 16, bodyEnd, (code, start, size) => {
        if (code === OPTION_TSRESOL && size >= 1) {
          const value = buffer[start];
          iface.decimal = (value & 0x80) === 0;
          iface.exponent = value & 0x7f;
        } else if (code === OPTION_FCSLEN && size >= 1) {
          iface.fcsBytes = buffer[start];
        } else if (code === OPTION_TSOFFSET && size >= 8) {
          iface.offsetSeconds = Number(view.getBigInt64(start, le));
        }
      });
      if (!iface.decimal ? iface.exponent > 20 : iface.exponent > 6) this.nanosecondTimes = true;
      this.interfaces.push(iface);
      return;
    }
    let id: number;
    let high: number;
    let low: number;
    let captured: number;
    let original: number;
    let dataAt: number;
    if (type === ENHANCED_PACKET || type === OBSOLETE_PACKET) {
      if (length < 32) throw new CaptureError(problem('packetBlockShort', this.blocks));
      id = type === ENHANCED_PACKET ? view.getUint32(at + 8, le) : view.getUint16(at + 8, le);
      high = view.getUint32(at + 12, le);
      low = view.getUint32(at + 16, le);
      captured = view.getUint32(at + 20, le);
      original = view.getUint32(at + 24, le);
      dataAt = at + 28;
    } else if (type === SIMPLE_PACKET) {
      if (length < 16) throw new CaptureError(problem('packetBlockShort', this.blocks));
      id = 0;
      high = 0;
      low = 0;
      original = view.getUint32(at + 8, le);
      captured = Math.min(original, length - 16);
      dataAt = at + 12;
    } else {
      return;
    }
    if (dataAt + captured > bodyEnd) throw new CaptureError(problem('packetBlockHoldsLess', this.blocks));
    const iface = this.interfaces[id];
    if (!iface) throw new CaptureError(problem('unknownInterface', this.blocks, id));
    onPacket({
      frame: ++this.frame, linkType: iface.linkType,
      time: type === SIMPLE_PACKET ? { seconds: 0, nanos: 0 } : timestamp(iface, high, low),
      data: buffer.subarray(dataAt, dataAt + Math.max(0, captured - Math.max(0, iface.fcsBytes - (original - captured)))),
      originalLength: original - iface.fcsBytes,
    });
  }

  private options(view: DataView, from: number, to: number, visit: (code: number, start: number, size: number) => void): void {
    let at = from;
    while (at + 4 <= to) {
      const code = view.getUint16(at, this.littleEndian);
      const size = view.getUint16(at + 2, this.littleEndian);
      if (code === 0 || at + 4 + size > to) return;
      visit(code, at + 4, size);
      at += 4 + ((size + 3) & ~3);
    }
  }
}

/** A 64-bit count of the interface's units as seconds and nanoseconds. */
function timestamp(iface: Interface, high: number, low: number): Timestamp {
  if (iface.decimal && iface.exponent <= 9) {
    // The high word changes every few seconds at most: split it once, then add the low word exactly.
    const perSecond = 10 ** iface.exponent;
    if (high !== iface.cachedHigh) {
      const base = BigInt(high) * 4294967296n;
      iface.cachedHigh = high;
      iface.cachedSeconds = Number(base / BigInt(perSecond));
      iface.cachedRemainder = Number(base % BigInt(perSecond));
    }
    const units = iface.cachedRemainder + low;
    const carry = Math.floor(units / perSecond);
    return { seconds: iface.cachedSeconds + carry + iface.offsetSeconds, nanos: (units - carry * perSecond) * 10 ** (9 - iface.exponent) };
  }
  const units = BigInt(high) * 4294967296n + BigInt(low);
  let seconds: bigint;
  let nanos: bigint;
  if (iface.decimal) {
    const perSecond = 10n ** BigInt(iface.exponent);
    seconds = units / perSecond;
    const fraction = units % perSecond;
    nanos = iface.exponent <= 9 ? fraction * 10n ** BigInt(9 - iface.exponent) : fraction / 10n ** BigInt(iface.exponent - 9);
  } else {
    const bits = BigInt(iface.exponent);
    seconds = units >> bits;
    nanos = ((units & ((1n << bits) - 1n)) * 1000000000n) >> bits;
  }
  return { seconds: Number(seconds) + iface.offsetSeconds, nanos: Number(nanos) };
}
