import { ipv4Text, ipv6Text } from './address';
import type { Packet } from './fileFormat';
import { FragmentTable } from './fragments';
import { ETHERTYPE_ETHERNET, ETHERTYPE_IPV4, ETHERTYPE_IPV6, LINK_TYPES, ethernet, linkPayload } from './link';
import { skip, type DecodeStats, type Segment, type Timestamp } from './types';

/**
 * The network layers: IPv4 and IPv6 (with fragment reassembly), the tunnels (IP-in-IP,
 * IPv6-in-IPv4, GRE, ERSPAN I/II/III, VXLAN, TZSP) down to UDP, TCP and SCTP segments.
 */

const PROTOCOL_TCP = 6;
const PROTOCOL_UDP = 17;
const PROTOCOL_SCTP = 132;
const PROTOCOL_IPV4 = 4;
const PROTOCOL_IPV6 = 41;
const PROTOCOL_GRE = 47;
const VXLAN_PORTS = new Set([4789, 8472]);
const TZSP_PORT = 37008;
/** Tunnels inside tunnels beyond this depth are a loop crafted to hang a decoder. */
const MAX_DEPTH = 8;

/** `cut`: the snapshot length cut the frame, so its last payload is cut too. */
interface Context { frame: number; time: Timestamp; depth: number; cut: boolean }

function deeper(context: Context): Context {
  return { frame: context.frame, time: context.time, depth: context.depth + 1, cut: context.cut };
}

export class NetworkDecoder {
  private readonly ipv4Fragments = new FragmentTable();
  private readonly ipv6Fragments = new FragmentTable();

  constructor(private readonly onSegment: (segment: Segment) => void, private readonly stats: DecodeStats) {}

  packet(packet: Packet): void {
    const link = linkPayload(packet.linkType, packet.data);
    if (!link) {
      skip(this.stats, LINK_TYPES[packet.linkType] ? 'noIp' : `linkType:${packet.linkType}`);
      return;
    }
    this.network(link.etherType, link.payload, { frame: packet.frame, time: packet.time, depth: 0, cut: packet.originalLength > packet.data.length });
  }

  /** End of capture: say what fragments never completed. */
  finish(): void {
    const pending = this.ipv4Fragments.size + this.ipv6Fragments.size;
    if (pending > 0) skip(this.stats, 'fragmentsMissing', pending);
    this.collectDrops();
  }

  private network(etherType: number, payload: Uint8Array, context: Context): void {
    if (context.depth > MAX_DEPTH) {
      skip(this.stats, 'tunnelsTooDeep');
      return;
    }
    if (etherType === ETHERTYPE_IPV4) this.ipv4(payload, context);
    else if (etherType === ETHERTYPE_IPV6) this.ipv6(payload, context);
    else if (etherType === ETHERTYPE_ETHERNET) this.ethernet(payload, context);
    else skip(this.stats, 'noIp');
  }

  private ethernet(payload: Uint8Array, context: Context): void {
    const inner = ethernet(payload);
    if (inner) this.network(inner.etherType, inner.payload, deeper(context));
    else skip(this.stats, 'noIp');
  }

  private ipv4(data: Uint8Array, context: Context): void {
    if (data.length < 20 || data[0] >> 4 !== 4) {
      skip(this.stats, 'ipv4Malformed');
      return;
    }
    const headerLength = (data[0] & 0x0f) * 4;
    const totalLength = (data[2] << 8) | data[3];
    // A total length of 0 is what TCP segmentation offload leaves in captures: take the frame.
    const end = totalLength === 0 ? data.length : Math.min(totalLength, data.length);
    if (headerLength < 20 || end < headerLength) {
      skip(this.stats, 'ipv4Malformed');
      return;
    }
    const flags = data[6] >> 5;
    const offset = (((data[6] & 0x1f) << 8) | data[7]) * 8;
    const protocol = data[9];
    const src = ipv4Text(data, 12);
    const dst = ipv4Text(data, 16);
    let payload = data.subarray(headerLength, end);
    if ((flags & 1) !== 0 || offset !== 0) {
      const key = `${src}>${dst}/${protocol}/${(data[4] << 8) | data[5]}`;
      const whole = this.ipv4Fragments.add(key, context.frame, offset, (flags & 1) !== 0, payload);
      this.collectDrops();
      if (whole === 'dropped') skip(this.stats, 'fragmentsTooLarge');
      if (!(whole instanceof Uint8Array)) return;
      payload = whole;
    }
    this.ipPayload(protocol, src, dst, payload, context);
  }

  private ipv6(data: Uint8Array, context: Context): void {
    if (data.length < 40 || data[0] >> 4 !== 6) {
      skip(this.stats, 'ipv6Malformed');
      return;
    }
    const payloadLength = (data[4] << 8) | data[5];
    const end = payloadLength === 0 ? data.length : Math.min(40 + payloadLength, data.length);
    const src = ipv6Text(data, 8);
    const dst = ipv6Text(data, 24);
    let next = data[6];
    let at = 40;
    for (;;) {
      if (next === 0 || next === 43 || next === 60 || next === 135 || next === 139 || next === 140) {
        if (at + 8 > end) break;
        const nextHeader = data[at];
        at += (data[at + 1] + 1) * 8;
        next = nextHeader;
      } else if (next === 51) {
        if (at + 8 > end) break;
        const nextHeader = data[at];
        at += (data[at + 1] + 2) * 4;
        next = nextHeader;
      } else if (next === 44) {
        if (at + 8 > end) break;
        const nextHeader = data[at];
        const field = (data[at + 2] << 8) | data[at + 3];
        const offset = field & 0xfff8;
        const more = (field & 1) !== 0;
        const id = ((data[at + 4] << 24) | (data[at + 5] << 16) | (data[at + 6] << 8) | data[at + 7]) >>> 0;
        at += 8;
        if (offset === 0 && !more) {
          next = nextHeader;
          continue;
        }
        const key = `${src}>${dst}/${id}`;
        const whole = this.ipv6Fragments.add(key, context.frame, offset, more, data.subarray(at, end));
        this.collectDrops();
        if (whole === 'dropped') skip(this.stats, 'fragmentsTooLarge');
        if (!(whole instanceof Uint8Array)) return;
        // The first fragment's own next-header field names the protocol of the reassembled payload.
        this.ipPayload(nextHeader, src, dst, whole, context);
        return;
      } else {
        break;
      }
    }
    if (at > end) {
      skip(this.stats, 'ipv6Malformed');
      return;
    }
    this.ipPayload(next, src, dst, data.subarray(at, end), context);
  }

  private ipPayload(protocol: number, src: string, dst: string, payload: Uint8Array, context: Context): void {
    switch (protocol) {
      case PROTOCOL_UDP: return this.udp(src, dst, payload, context);
      case PROTOCOL_TCP: return this.tcp(src, dst, payload, context);
      case PROTOCOL_SCTP: return this.sctp(src, dst, payload, context);
      case PROTOCOL_IPV4: return this.network(ETHERTYPE_IPV4, payload, deeper(context));
      case PROTOCOL_IPV6: return this.network(ETHERTYPE_IPV6, payload, deeper(context));
      case PROTOCOL_GRE: return this.gre(payload, deeper(context));
      default: skip(this.stats, `ipProtocol:${protocol}`);
    }
  }

  private udp(src: string, dst: string, data: Uint8Array, context: Context): void {
    if (data.length < 8) {
      skip(this.stats, 'udpMalformed');
      return;
    }
    const srcPort = (data[0] << 8) | data[1];
    const dstPort = (data[2] << 8) | data[3];
    const length = (data[4] << 8) | data[5];
    const payload = data.subarray(8, length >= 8 ? Math.min(length, data.length) : data.length);
    if (VXLAN_PORTS.has(dstPort) && payload.length >= 8 && (payload[0] & 0x08) !== 0) return this.ethernet(payload.subarray(8), deeper(context));
    if ((dstPort === TZSP_PORT || srcPort === TZSP_PORT) && this.tzsp(payload, deeper(context))) return;
    const segment: Segment = { frame: context.frame, time: context.time, transport: 'udp', src: { address: src, port: srcPort }, dst: { address: dst, port: dstPort }, payload };
    if (context.cut) segment.cut = true;
    this.onSegment(segment);
  }

  private tcp(src: string, dst: string, data: Uint8Array, context: Context): void {
    const headerLength = data.length >= 20 ? (data[12] >> 4) * 4 : 0;
    if (headerLength < 20 || headerLength > data.length) {
      skip(this.stats, 'tcpMalformed');
      return;
    }
    const flags = data[13];
    this.onSegment({
      frame: context.frame, time: context.time, transport: 'tcp', ...(context.cut ? { cut: true } : {}),
      src: { address: src, port: (data[0] << 8) | data[1] }, dst: { address: dst, port: (data[2] << 8) | data[3] },
      payload: data.subarray(headerLength),
      tcp: {
        seq: ((data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7]) >>> 0,
        ack: ((data[8] << 24) | (data[9] << 16) | (data[10] << 8) | data[11]) >>> 0,
        syn: (flags & 0x02) !== 0, fin: (flags & 0x01) !== 0, rst: (flags & 0x04) !== 0,
      },
    });
  }

  /** SCTP: the segment's payload is the chunks after the 12-byte common header. */
  private sctp(src: string, dst: string, data: Uint8Array, context: Context): void {
    if (data.length < 12) {
      skip(this.stats, 'sctpHeaderMalformed');
      return;
    }
    this.onSegment({
      frame: context.frame, time: context.time, transport: 'sctp', ...(context.cut ? { cut: true } : {}),
      src: { address: src, port: (data[0] << 8) | data[1] }, dst: { address: dst, port: (data[2] << 8) | data[3] },
      payload: data.subarray(12),
    });
  }

  /** GRE (RFC 2784/2890): optional checksum, key and sequence number, then the protocol carried. */
  private gre(data: Uint8Array, context: Context): void {
    if (data.length < 4) {
      skip(this.stats, 'greMalformed');
      return;
    }
    const flags = data[0];
    const version = data[1] & 0x07;
    const protocol = (data[2] << 8) | data[3];
    let at = 4;
    if (version !== 0) {
      skip(this.stats, 'greVersion');
      return;
    }
    if (flags & 0x80) at += 4;
    if (flags & 0x20) at += 4;
    const sequenced = (flags & 0x10) !== 0;
    if (sequenced) at += 4;
    if (at > data.length) {
      skip(this.stats, 'greMalformed');
      return;
    }
    const payload = data.subarray(at);
    if (protocol === 0x88be) {
      // ERSPAN type I has no header of its own (and no GRE sequence number); type II has 8 bytes.
      if (!sequenced) return this.ethernet(payload, context);
      return payload.length >= 8 ? this.ethernet(payload.subarray(8), context) : skip(this.stats, 'erspanMalformed');
    }
    if (protocol === 0x22eb) return this.erspan3(payload, context);
    this.network(protocol, payload, context);
  }

  /** ERSPAN type III: 12 bytes, 8 more with the platform subheader (O flag); Ethernet or IP frames. */
  private erspan3(data: Uint8Array, context: Context): void {
    if (data.length < 12) {
      skip(this.stats, 'erspanMalformed');
      return;
    }
    const frameType = (data[10] >> 2) & 0x1f;
    const at = 12 + ((data[11] & 0x01) !== 0 ? 8 : 0);
    if (at > data.length) {
      skip(this.stats, 'erspanMalformed');
      return;
    }
    const payload = data.subarray(at);
    if (frameType === 0) this.ethernet(payload, context);
    else this.network((payload[0] >> 4) === 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, payload, context);
  }

  /** TZSP (MikroTik): version 1, type, encapsulation, tagged fields up to END (1). */
  private tzsp(data: Uint8Array, context: Context): boolean {
    if (data.length < 5 || data[0] !== 1) return false;
    const encapsulation = (data[2] << 8) | data[3];
    let at = 4;
    while (at < data.length && data[at] !== 1) {
      if (data[at] === 0) at++;
      else if (at + 1 < data.length) at += 2 + data[at + 1];
      else return false;
    }
    if (at >= data.length) return false;
    const payload = data.subarray(at + 1);
    if (encapsulation === 1) this.ethernet(payload, context);
    else this.network((payload[0] >> 4) === 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, payload, context);
    return true;
  }

  private collectDrops(): void {
    for (const table of [this.ipv4Fragments, this.ipv6Fragments]) {
      for (const reason of table.dropped) skip(this.stats, reason);
      table.dropped = [];
    }
  }
}
