/** Link layers: from a frame of a link type to an EtherType and the bytes it carries. */

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
export const ETHERTYPE_ETHERNET = 0x6558;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100, 0x9200]);

export interface LinkPayload { etherType: number; payload: Uint8Array }

/** The link types read, by number (the tcpdump LINKTYPE_ values). */
export const LINK_TYPES: Readonly<Record<number, string>> = {
  0: 'BSD loopback (NULL)', 1: 'Ethernet', 12: 'raw IP', 14: 'raw IP', 101: 'raw IP', 108: 'OpenBSD loopback (LOOP)',
  113: 'Linux cooked (SLL)', 228: 'raw IPv4', 229: 'raw IPv6', 239: 'Linux NFLOG', 276: 'Linux cooked v2 (SLL2)',
};

/** Ethernet II with any number of 802.1Q/802.1ad/QinQ tags. */
export function ethernet(data: Uint8Array): LinkPayload | undefined {
  let at = 12;
  while (at + 2 <= data.length) {
    const type = (data[at] << 8) | data[at + 1];
    if (VLAN_TAGS.has(type)) {
      at += 4;
      continue;
    }
    // An 802.3 length field (≤ 1500): LLC framing, which carries no IP we read.
    if (type <= 1500) return undefined;
    return { etherType: type, payload: data.subarray(at + 2) };
  }
  return undefined;
}

function rawIp(data: Uint8Array): LinkPayload | undefined {
  const version = data[0] >> 4;
  if (version === 4) return { etherType: ETHERTYPE_IPV4, payload: data };
  if (version === 6) return { etherType: ETHERTYPE_IPV6, payload: data };
  return undefined;
}

/** BSD address families for IPv4 and the IPv6 values of the BSDs (24, 28, 30). */
function loopback(data: Uint8Array): LinkPayload | undefined {
  if (data.length < 4) return undefined;
  const le = data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24);
  const be = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
  const payload = data.subarray(4);
  for (const family of [le, be]) {
    if (family === 2) return { etherType: ETHERTYPE_IPV4, payload };
    if (family === 24 || family === 28 || family === 30) return { etherType: ETHERTYPE_IPV6, payload };
  }
  // A capture that declares loopback yet stores raw IP (seen in the wild).
  return rawIp(data);
}

/** NFLOG: a 4-byte header, then TLVs (host byte order lengths, padded to 4); type 9 is the packet. */
function nflog(data: Uint8Array): LinkPayload | undefined {
  if (data.length < 4) return undefined;
  const family = data[0];
  let at = 4;
  while (at + 4 <= data.length) {
    const le = data[at] | (data[at + 1] << 8);
    const be = (data[at] << 8) | data[at + 1];
    const length = le >= 4 && at + le <= data.length ? le : be;
    const type = length === le ? data[at + 2] | (data[at + 3] << 8) : (data[at + 2] << 8) | data[at + 3];
    if (length < 4 || at + length > data.length) return undefined;
    if ((type & 0x7fff) === 9) {
      const payload = data.subarray(at + 4, at + length);
      if (family === 2) return { etherType: ETHERTYPE_IPV4, payload };
      if (family === 10) return { etherType: ETHERTYPE_IPV6, payload };
      return rawIp(payload);
    }
    at += (length + 3) & ~3;
  }
  return undefined;
}

/** The network-layer payload of a frame; undefined for a link type or protocol not read. */
export function linkPayload(linkType: number, data: Uint8Array): LinkPayload | undefined {
  switch (linkType) {
    case 1:
      return ethernet(data);
    case 113:
      return data.length >= 16 ? { etherType: (data[14] << 8) | data[15], payload: data.subarray(16) } : undefined;
    case 276:
      return data.length >= 20 ? { etherType: (data[0] << 8) | data[1], payload: data.subarray(20) } : undefined;
    case 12: case 14: case 101: case 228: case 229:
      return rawIp(data);
    case 0: case 108:
      return loopback(data);
    case 239:
      return nflog(data);
    default:
      return undefined;
  }
}
