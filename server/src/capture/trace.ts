import { endpointText } from './address';
import { decodeCapturedText } from './text';
import { hasZeroByte } from './words';
import type { SipRecord, SipTransport, Timestamp } from './types';

/**
 * The decoded trace in `ngrep -W byline` framing: a line `U 2005/07/04 09:32:52.844249
 * 192.168.1.2:5060 -> 212.242.33.35:5060`, then the message as captured, then a blank line. The
 * trace is UTF-8 bytes, written in batches.
 */

export const TRANSPORT_LETTERS: Readonly<Record<SipTransport, string>> = { UDP: 'U', TCP: 'T', SCTP: 'S', WS: 'W', HEP: 'H' };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

let cachedSecond = Number.NaN;
let cachedText = '';

/** UTC date and time, with microseconds or (nanoseconds = true) nanoseconds. */
export function timeText(time: Timestamp, nanoseconds: boolean): string {
  if (time.seconds !== cachedSecond) {
    const date = new Date(time.seconds * 1000);
    cachedSecond = time.seconds;
    cachedText = Number.isNaN(date.getTime())
      ? String(time.seconds)
      : `${pad(date.getUTCFullYear(), 4)}/${pad(date.getUTCMonth() + 1, 2)}/${pad(date.getUTCDate(), 2)} ${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  }
  return `${cachedText}.${nanoseconds ? pad(time.nanos, 9) : pad(Math.floor(time.nanos / 1000), 6)}`;
}

/** The framing line of a record (no line end). */
export function headerLine(record: SipRecord, nanoseconds: boolean): string {
  return `${TRANSPORT_LETTERS[record.transport]} ${timeText(record.time, nanoseconds)} ${endpointText(record.src)} -> ${endpointText(record.dst)}${record.truncated ? ' (truncated)' : ''}`;
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

/** Collects trace text into batches of about 1 MB handed to `output`. */
export class TraceSink {
  private buffer = Buffer.allocUnsafe(BATCH);
  private used = 0;

  constructor(private readonly output: (chunk: Buffer) => void) {}

  record(record: SipRecord, nanoseconds: boolean): void {
    const header = headerLine(record, nanoseconds);
    const body = messageBytes(record.bytes);
    const newline = body.length === 0 || body[body.length - 1] !== 0x0a;
    this.reserve(Buffer.byteLength(header) + body.length + 3);
    this.used += this.buffer.write(header, this.used, 'utf8');
    this.buffer[this.used++] = 0x0a;
    this.buffer.set(body, this.used);
    this.used += body.length;
    if (newline) this.buffer[this.used++] = 0x0a;
    this.buffer[this.used++] = 0x0a;
  }

  flush(): void {
    if (this.used === 0) return;
    this.output(Buffer.from(this.buffer.subarray(0, this.used)));
    this.used = 0;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }
}
