import { readEndpoint } from './facts';
import { FRAMING_LINE, type Frame, type FramingReader } from './framing';

/** `Frame 12: 547 bytes on wire (4376 bits), 547 bytes captured (4376 bits)` (and `on interface eth0, id 0`). */
const FRAME = /^Frame [0-9]{1,12}: [0-9]{1,12} bytes on wire\b/;
/** Where the frame's subtree gives its time: `Epoch Time: 1340495109.792454000 seconds` (`Epoch Arrival Time:` from Wireshark 4.2). */
const EPOCH = /^ {1,8}Epoch (?:Arrival )?Time: ([0-9]{1,12}(?:\.[0-9]{1,9})?)\b/;
/** `Arrival Time: Jun 23, 2012 23:45:09.792454000 UTC`, read when it is in UTC (local zones are printed by name). */
const ARRIVAL = /^ {1,8}Arrival Time: ([A-Z][a-z]{2}) {1,2}([0-9]{1,2}), ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})? UTC[ \t]*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2` (a resolved name shows its address in parentheses). */
const IP = /^Internet Protocol Version [46], Src: ([^,]{1,300}), Dst: ([^,]{1,300})$/;
/** `User Datagram Protocol, Src Port: 5060, Dst Port: 5090` (TCP and SCTP go on with more fields). */
const PORTS = /^(User Datagram|Transmission Control|Stream Control Transmission) Protocol, Src Port: ([^,]{1,40}), Dst Port: ([^,]{1,40})(?:,|$)/;
/** The transport of each protocol line, as the model names it. Data only. */
const TRANSPORTS: Readonly<Record<string, string>> = { 'User Datagram': 'UDP', 'Transmission Control': 'TCP', 'Stream Control Transmission': 'SCTP' };
/** Layers above the transport that SIP may ride in. Data only. */
const CARRIERS: Readonly<Record<string, string>> = { WebSocket: 'WS', 'Transport Layer Security': 'TLS' };
/** The SIP dissector's items for the start line; the one for the header block. */
const START_LINE = /^ {1,40}(?:Request|Status)-Line: /;
const HEADER_BLOCK = /^( {1,40})Message Header[ \t]*$/;

/** `10.0.0.1`, or the address of `host.example (10.0.0.1)`. */
function address(text: string): string {
  const resolved = /\(([0-9A-Fa-f:.]{2,64})\)$/.exec(text);
  return resolved ? resolved[1] : text.trim();
}

/** `5060`, or the number of `sip (5060)`. */
function port(text: string): string {
  const resolved = /\(([0-9]{1,5})\)$/.exec(text);
  return resolved ? resolved[1] : text.trim();
}

function endpoint(host: string | undefined, portText: string): string | undefined {
  if (host === undefined) return undefined;
  return readEndpoint(host.includes(':') ? `[${host}]:${port(portText)}` : `${host}:${port(portText)}`);
}

function indentation(text: string): number {
  let at = 0;
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/** A line of the packet's protocol tree outside the SIP message: the facts it gives. */
function readLayer(text: string, frame: Frame): void {
  const epoch = EPOCH.exec(text);
  if (epoch) {
    frame.time = Number(epoch[1]);
    return;
  }
  const arrival = ARRIVAL.exec(text);
  if (arrival) {
    const month = MONTHS.indexOf(arrival[1]);
    const ms = Date.UTC(Number(arrival[3]), month, Number(arrival[2]), Number(arrival[4]), Number(arrival[5]), Number(arrival[6]));
    if (month !== -1 && !Number.isNaN(ms)) frame.time ??= ms / 1000 + (arrival[7] ? Number(arrival[7]) : 0);
    return;
  }
  const ip = IP.exec(text);
  if (ip) {
    // Tunnels show several: the last before the message is the message's.
    frame.hosts = { source: address(ip[1]), destination: address(ip[2]) };
    return;
  }
  const ports = PORTS.exec(text);
  if (ports) {
    frame.transport = TRANSPORTS[ports[1]];
    frame.source = endpoint(frame.hosts?.source, ports[2]);
    frame.destination = endpoint(frame.hosts?.destination, ports[3]);
    return;
  }
  const carrier = CARRIERS[text.trimEnd()];
  if (carrier) frame.transport = carrier;
}

/**
 * Wireshark's text exports (File > Export Packet Dissections > As Plain Text; `tshark -V`,
 * `tshark -O sip`): a `Frame N:` line per packet, its protocol tree indented four blanks a level.
 * The frame's subtree gives the time (with -V), the IP and transport lines the addresses and
 * transport; the SIP message is its `Request-Line:` or `Status-Line:` and the header lines of its
 * `Message Header` item, one level deeper (their own subtrees, deeper still, and the dissected
 * body are Wireshark's, not the message's).
 */
export const wiresharkFraming: FramingReader = {
  id: 'wireshark',
  cues: ['Frame '],
  frame(text) {
    return FRAME.test(text) ? {} : undefined;
  },
  content(text, frame) {
    if (frame.depth !== undefined) {
      const depth = indentation(text);
      if (depth > frame.depth || (depth === frame.depth && text.charCodeAt(depth) === 91 /* [ a line Wireshark generated */)) return FRAMING_LINE;
      if (depth === frame.depth) return text.slice(depth);
      frame.depth = undefined;
    }
    if (START_LINE.test(text)) return text;
    const block = HEADER_BLOCK.exec(text);
    if (block) frame.depth = block[1].length + 4;
    else if (!frame.started) readLayer(text, frame);
    return FRAMING_LINE;
  },
};
