import { endpointText } from './address';
import { decodeCapturedText } from './text';
import { hasZeroByte } from './words';
import type { Endpoint, SipRecord, SipTransport } from './types';

/**
 * The decoded trace in `ngrep -W byline` framing: a line `U 2005/07/04 09:32:52.844249
 * 192.168.1.2:5060 -> 212.242.33.35:5060`, then the message as captured, then a blank line. The
 * trace is UTF-8 bytes, written in batches.
 */

export const TRANSPORT_LETTERS: Readonly<Record<SipTransport, string>> = { UDP: 'U', TCP: 'T', SCTP: 'S', WS: 'W', HEP: 'H' };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A date and time to the second as the framing line writes it (UTC), or the seconds as they are when no date has them. */
function secondText(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime())
    ? String(seconds)
    : `${pad(date.getUTCFullYear(), 4)}/${pad(date.getUTCMonth() + 1, 2)}/${pad(date.getUTCDate(), 2)} ${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
}

/** C0 controls other than tab, CR and LF, and DEL, print as "." (as ngrep does): a trace stays text. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** A message's bytes as they go into the UTF-8 trace: as captured when printable ASCII, else re-encoded. */
function messageBytes(bytes: Uint8Array): Uint8Array {
  return isPrintable(bytes) ? bytes : Buffer.from(decodeCapturedText(bytes).replace(CONTROL, '.'), 'utf8');
}

/**
 * Whether bytes are printable ASCII, tabs and line breaks. Bytes that start at a multiple of 4 in
 * their buffer (a record's own copy) are looked at a word at a time: a word of printable ASCII is
 * all four at once.
 */
function isPrintable(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes.byteOffset % 4 === 0 && bytes.length >= 64) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      // A byte below 0x20 (a control character, or a tab or line break), or of 0x7f and above.
      if (hasZeroByte(word & 0xe0e0e0e0) || (((word + 0x01010101) | word) & 0x80808080) !== 0) {
        for (let k = 4 * w; k < 4 * w + 4; k++) if (!isPrintableByte(bytes[k])) return false;
      }
    }
    i = 4 * words.length;
  }
  for (; i < bytes.length; i++) if (!isPrintableByte(bytes[i])) return false;
  return true;
}

function isPrintableByte(b: number): boolean {
  return (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) && b < 0x7f;
}

const BATCH = 1024 * 1024;
/** How many endpoints' texts a sink remembers (a capture's packets go back and forth between a few). */
const ENDPOINTS = 8;
const ARROW = Buffer.from(' -> ');
const TRUNCATED = Buffer.from(' (truncated)');
/** What the framing line takes besides its time and endpoints: letter, blanks, dot, fraction, arrow, "(truncated)", line break. */
const FRAMING_BYTES = 40;

/**
 * Collects trace text into batches of about 1 MB handed to `output`. A framing line is written as
 * bytes: its date and time to the second and its endpoints as the bytes of their text, remembered
 * (a capture's packets share them), the fraction of a second as digits (where a string was made
 * for each part, joined and encoded for each record).
 */
export class TraceSink {
  private buffer = Buffer.allocUnsafe(BATCH);
  private used = 0;
  private second = Number.NaN;
  private secondBytes = Buffer.alloc(0);
  private readonly addresses: (string | undefined)[] = new Array<string | undefined>(ENDPOINTS).fill(undefined);
  private readonly ports = new Float64Array(ENDPOINTS);
  private readonly endpointBytes: Buffer[] = new Array<Buffer>(ENDPOINTS).fill(Buffer.alloc(0));
  private nextEndpoint = 0;

  constructor(private readonly output: (chunk: Buffer) => void) {}

  record(record: SipRecord, nanoseconds: boolean): void {
    const { seconds, nanos } = record.time;
    if (seconds !== this.second) {
      this.second = seconds;
      this.secondBytes = Buffer.from(secondText(seconds), 'utf8');
    }
    const fraction = nanoseconds ? nanos : Math.floor(nanos / 1000);
    const width = nanoseconds ? 9 : 6;
    // The fraction's digits, or its text where it is no whole number below 10^width (as pad writes it).
    const fractionText = Number.isInteger(fraction) && fraction >= 0 && fraction < 10 ** width ? undefined : Buffer.from(pad(fraction, width), 'utf8');
    const src = this.endpoint(record.src);
    const dst = this.endpoint(record.dst);
    const body = messageBytes(record.bytes);
    const newline = body.length === 0 || body[body.length - 1] !== 0x0a;
    this.reserve(FRAMING_BYTES + this.secondBytes.length + (fractionText?.length ?? 0) + src.length + dst.length + body.length);
    const buffer = this.buffer;
    buffer[this.used++] = TRANSPORT_LETTERS[record.transport].charCodeAt(0);
    buffer[this.used++] = 0x20;
    this.put(this.secondBytes);
    buffer[this.used++] = 0x2e;
    if (fractionText !== undefined) {
      this.put(fractionText);
    } else {
      let rest = fraction;
      for (let i = this.used + width - 1; i >= this.used; i--) {
        buffer[i] = 0x30 + (rest % 10);
        rest = Math.floor(rest / 10);
      }
      this.used += width;
    }
    buffer[this.used++] = 0x20;
    this.put(src);
    this.put(ARROW);
    this.put(dst);
    if (record.truncated) this.put(TRUNCATED);
    buffer[this.used++] = 0x0a;
    buffer.set(body, this.used);
    this.used += body.length;
    if (newline) buffer[this.used++] = 0x0a;
    buffer[this.used++] = 0x0a;
  }

  flush(): void {
    if (this.used === 0) return;
    this.output(Buffer.from(this.buffer.subarray(0, this.used)));
    this.used = 0;
  }

  /** The UTF-8 bytes of an endpoint's text (see endpointText), remembered for the last ENDPOINTS endpoints written. */
  private endpoint(endpoint: Endpoint): Buffer {
    for (let e = 0; e < ENDPOINTS; e++) if (this.ports[e] === endpoint.port && this.addresses[e] === endpoint.address) return this.endpointBytes[e];
    const e = this.nextEndpoint;
    this.nextEndpoint = (e + 1) % ENDPOINTS;
    this.addresses[e] = endpoint.address;
    this.ports[e] = endpoint.port;
    this.endpointBytes[e] = Buffer.from(endpointText(endpoint), 'utf8');
    return this.endpointBytes[e];
  }

  /** Bytes (a few dozen at most) copied in by a loop: Buffer.copy's call costs more than so few bytes. */
  private put(bytes: Buffer): void {
    const buffer = this.buffer;
    let at = this.used;
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i];
    this.used = at;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }
}
