import { gzipSync } from 'node:zlib';

/**
 * A small capture generator for the tests: wraps SIP payloads in the link layers, tunnels and file
 * formats that no public SIP capture has. Every builder returns fresh bytes in network order unless
 * the format says otherwise.
 */

type Bytes = Uint8Array;

export function concat(...parts: Bytes[]): Buffer {
  return Buffer.concat(parts);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

function ipv4Bytes(address: string): Buffer {
  return Buffer.from(address.split('.').map(Number));
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return Buffer.concat(all.map(u16));
}

function checksum(bytes: Bytes): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i] << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export function udp(srcPort: number, dstPort: number, payload: Bytes): Buffer {
  return concat(u16(srcPort), u16(dstPort), u16(8 + payload.length), u16(0), payload);
}

export interface Ipv4Options { id?: number; offset?: number; more?: boolean; options?: Bytes; totalLength?: number }

export function ipv4(src: string, dst: string, protocol: number, payload: Bytes, o: Ipv4Options = {}): Buffer {
  const options = o.options ?? Buffer.alloc(0);
  const headerLength = 20 + options.length;
  const header = concat(
    Buffer.from([0x40 | (headerLength / 4), 0]), u16(o.totalLength ?? headerLength + payload.length), u16(o.id ?? 1),
    u16(((o.more ? 1 : 0) << 13) | ((o.offset ?? 0) / 8)), Buffer.from([64, protocol]), u16(0), ipv4Bytes(src), ipv4Bytes(dst), options,
  );
  header.writeUInt16BE(checksum(header), 10);
  return concat(header, payload);
}

/** The fragments of one IPv4 datagram, `size` payload bytes each (a multiple of 8). */
export function ipv4Fragments(src: string, dst: string, protocol: number, payload: Bytes, size: number, id: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < payload.length; at += size) {
    out.push(ipv4(src, dst, protocol, payload.subarray(at, at + size), { id, offset: at, more: at + size < payload.length }));
  }
  return out;
}

/** An IPv6 packet; `extensions` are [next-header value, body] pairs placed before the payload. */
export function ipv6(src: string, dst: string, next: number, payload: Bytes, extensions: [number, Bytes][] = []): Buffer {
  let chain: Buffer = concat(payload);
  let nextHeader = next;
  for (const [type, body] of [...extensions].reverse()) {
    chain = concat(Buffer.from([nextHeader]), body, chain);
    nextHeader = type;
  }
  return concat(Buffer.from([0x60, 0, 0, 0]), u16(chain.length), Buffer.from([nextHeader, 64]), ipv6Bytes(src), ipv6Bytes(dst), chain);
}

/** Hop-by-hop or destination options, padded to 8 bytes (the next-header byte comes from ipv6()). */
export function ipv6Options(): Bytes {
  return Buffer.from([0, 1, 4, 0, 0, 0, 0]);
}

/** The fragments of one IPv6 datagram, after a destination-options header each. */
export function ipv6Fragments(src: string, dst: string, next: number, payload: Bytes, size: number, id: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < payload.length; at += size) {
    const more = at + size < payload.length;
    const fragment = concat(Buffer.from([0]), u16(at | (more ? 1 : 0)), u32(id));
    out.push(ipv6(src, dst, next, payload.subarray(at, at + size), [[60, ipv6Options()], [44, fragment]]));
  }
  return out;
}

const MAC_A = Buffer.from([0x02, 0, 0, 0, 0, 0x0a]);
const MAC_B = Buffer.from([0x02, 0, 0, 0, 0, 0x0b]);

/** Ethernet II; `tags` are [TPID, VLAN id] pairs, outermost first. */
export function ethernet(etherType: number, payload: Bytes, tags: [number, number][] = []): Buffer {
  return concat(MAC_B, MAC_A, ...tags.map(([tpid, vid]) => concat(u16(tpid), u16(vid))), u16(etherType), payload);
}

export function sll(etherType: number, payload: Bytes): Buffer {
  return concat(u16(0), u16(1), u16(6), MAC_A, Buffer.alloc(2), u16(etherType), payload);
}

export function sll2(etherType: number, payload: Bytes): Buffer {
  return concat(u16(etherType), u16(0), u32(2), u16(1), Buffer.from([0, 6]), MAC_A, Buffer.alloc(2), payload);
}

/** NFLOG with its TLVs in little-endian host order: a prefix TLV, then the packet (type 9). */
export function nflog(family: number, payload: Bytes): Buffer {
  const tlv = (type: number, value: Bytes) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(4 + value.length);
    head.writeUInt16LE(type, 2);
    const padding = Buffer.alloc((4 - ((4 + value.length) % 4)) % 4);
    return concat(head, value, padding);
  };
  return concat(Buffer.from([family, 0]), u16(0), tlv(10, Buffer.from('sip\0')), tlv(9, payload));
}

/** BSD loopback: the address family in the writer's byte order. */
export function loopback(family: number, payload: Bytes, littleEndian: boolean): Buffer {
  const head = Buffer.alloc(4);
  if (littleEndian) head.writeUInt32LE(family);
  else head.writeUInt32BE(family);
  return concat(head, payload);
}

export function gre(protocol: number, payload: Bytes, o: { checksum?: boolean; key?: number; sequence?: number } = {}): Buffer {
  const flags = (o.checksum ? 0x80 : 0) | (o.key !== undefined ? 0x20 : 0) | (o.sequence !== undefined ? 0x10 : 0);
  return concat(Buffer.from([flags, 0]), u16(protocol), o.checksum ? Buffer.alloc(4) : Buffer.alloc(0),
    o.key !== undefined ? u32(o.key) : Buffer.alloc(0), o.sequence !== undefined ? u32(o.sequence) : Buffer.alloc(0), payload);
}

/** ERSPAN type II header (version 1, session 7). */
export function erspan2(frame: Bytes): Buffer {
  return concat(u16(0x1000 | 5), u16(7), u32(0), frame);
}

/** ERSPAN type III header (version 2), with the 8-byte platform subheader when `subheader`. */
export function erspan3(frame: Bytes, subheader: boolean): Buffer {
  return concat(u16(0x2000 | 5), u16(7), u32(0x12345678), u16(0), Buffer.from([0, subheader ? 1 : 0]), subheader ? Buffer.alloc(8) : Buffer.alloc(0), frame);
}

export function vxlan(frame: Bytes, vni: number): Buffer {
  return concat(Buffer.from([0x08, 0, 0, 0]), u32(vni << 8), frame);
}

/** TZSP: version 1, type 0 (received), Ethernet, one padding tag, END. */
export function tzsp(frame: Bytes): Buffer {
  return concat(Buffer.from([1, 0]), u16(1), Buffer.from([0, 1]), frame);
}

/** `original`: the length on the wire when the snapshot length cut the frame. */
export interface CapturedFrame { seconds: number; nanos: number; data: Bytes; original?: number }

/** A pcap file: µs or ns timestamps, little- or big-endian, or Kuznetzov's records (8 more bytes each). */
export function pcapFile(linkType: number, frames: CapturedFrame[], o: { nanos?: boolean; bigEndian?: boolean; kuznetzov?: boolean; fcsBytes?: number } = {}): Buffer {
  const w32 = (value: number) => {
    const b = Buffer.alloc(4);
    if (o.bigEndian) b.writeUInt32BE(value >>> 0);
    else b.writeUInt32LE(value >>> 0);
    return b;
  };
  const w16 = (value: number) => {
    const b = Buffer.alloc(2);
    if (o.bigEndian) b.writeUInt16BE(value);
    else b.writeUInt16LE(value);
    return b;
  };
  const magic = o.kuznetzov ? 0xa1b2cd34 : o.nanos ? 0xa1b23c4d : 0xa1b2c3d4;
  const linkField = o.fcsBytes ? linkType | 0x04000000 | ((o.fcsBytes / 2) << 28) : linkType;
  const header = concat(w32(magic), w16(2), w16(4), w32(0), w32(0), w32(262144), w32(linkField));
  // Kuznetzov's extra fields: interface index, protocol, packet type, padding.
  const extra = o.kuznetzov ? concat(w32(2), w16(0x0800), Buffer.from([0, 0])) : Buffer.alloc(0);
  return concat(header, ...frames.map((f) => concat(w32(f.seconds), w32(o.nanos ? f.nanos : Math.floor(f.nanos / 1000)), w32(f.data.length), w32(f.original ?? f.data.length), extra, f.data)));
}

export interface NgInterface { linkType: number; tsresol?: number; tsoffset?: number; fcslen?: number }
export interface NgPacket extends CapturedFrame { iface: number; block?: 'enhanced' | 'simple' | 'obsolete' }
export interface NgSection { bigEndian?: boolean; interfaces: NgInterface[]; packets: NgPacket[]; unknownBlock?: boolean }

/** A pcapng file of sections, each with its own byte order. */
export function pcapngFile(sections: NgSection[]): Buffer {
  const parts: Buffer[] = [];
  for (const section of sections) {
    const le = !section.bigEndian;
    const w32 = (value: number) => {
      const b = Buffer.alloc(4);
      if (le) b.writeUInt32LE(value >>> 0);
      else b.writeUInt32BE(value >>> 0);
      return b;
    };
    const w16 = (value: number) => {
      const b = Buffer.alloc(2);
      if (le) b.writeUInt16LE(value);
      else b.writeUInt16BE(value);
      return b;
    };
    const block = (type: number, body: Buffer) => {
      const padded = concat(body, Buffer.alloc((4 - (body.length % 4)) % 4));
      return concat(w32(type), w32(padded.length + 12), padded, w32(padded.length + 12));
    };
    const option = (code: number, value: Buffer) => concat(w16(code), w16(value.length), value, Buffer.alloc((4 - (value.length % 4)) % 4));
    parts.push(block(0x0a0d0d0a, concat(w32(0x1a2b3c4d), w16(1), w16(0), Buffer.alloc(8, 0xff))));
    for (const iface of section.interfaces) {
      const options: Buffer[] = [];
      if (iface.tsresol !== undefined) options.push(option(9, Buffer.from([iface.tsresol])));
      if (iface.fcslen !== undefined) options.push(option(13, Buffer.from([iface.fcslen])));
      if (iface.tsoffset !== undefined) {
        const b = Buffer.alloc(8);
        if (le) b.writeBigInt64LE(BigInt(iface.tsoffset));
        else b.writeBigInt64BE(BigInt(iface.tsoffset));
        options.push(option(14, b));
      }
      if (options.length > 0) options.push(option(0, Buffer.alloc(0)));
      parts.push(block(1, concat(w16(iface.linkType), w16(0), w32(262144), ...options)));
    }
    if (section.unknownBlock) parts.push(block(0x0badcafe, Buffer.from('an unknown block, skipped by its length')));
    for (const packet of section.packets) {
      const iface = section.interfaces[packet.iface];
      const units = unitsOf(iface, packet.seconds - (iface.tsoffset ?? 0), packet.nanos);
      const high = Number(units >> 32n);
      const low = Number(units & 0xffffffffn);
      const data = Buffer.from(packet.data);
      if (packet.block === 'simple') parts.push(block(3, concat(w32(data.length), data)));
      else if (packet.block === 'obsolete') parts.push(block(2, concat(w16(packet.iface), w16(0), w32(high), w32(low), w32(data.length), w32(data.length), data)));
      else parts.push(block(6, concat(w32(packet.iface), w32(high), w32(low), w32(data.length), w32(data.length), data)));
    }
  }
  return concat(...parts);
}

function unitsOf(iface: NgInterface, seconds: number, nanos: number): bigint {
  const resol = iface.tsresol ?? 6;
  if (resol & 0x80) {
    const bits = BigInt(resol & 0x7f);
    return (BigInt(seconds) << bits) + ((BigInt(nanos) << bits) / 1000000000n);
  }
  const exponent = resol;
  const perSecond = 10n ** BigInt(exponent);
  const fraction = exponent >= 9 ? BigInt(nanos) * 10n ** BigInt(exponent - 9) : BigInt(nanos) / 10n ** BigInt(9 - exponent);
  return BigInt(seconds) * perSecond + fraction;
}

export function gzip(bytes: Bytes): Buffer {
  return gzipSync(bytes);
}
