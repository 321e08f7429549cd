import { endpointText } from './address';
import { decodeCapturedText } from './text';
import type { SipRecord, SipTransport, Timestamp } from './types';

/**
 * The decoded trace in `ngrep -W byline` framing: a line `U 2005/07/04 09:32:52.844249
 * 192.168.1.2:5060 -> 212.242.33.35:5060`, then the message as captured, then a blank line.
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

/** C0 controls other than tab, CR and LF, and DEL, print as "." (as ngrep does): a trace stays text. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** One record as trace text, ending with a blank line. */
export function recordText(record: SipRecord, nanoseconds: boolean): string {
  const header = `${TRANSPORT_LETTERS[record.transport]} ${timeText(record.time, nanoseconds)} ${endpointText(record.src)} -> ${endpointText(record.dst)}`;
  let message = decodeCapturedText(record.bytes).replace(CONTROL, '.');
  if (!message.endsWith('\n')) message += '\n';
  return `${header}${record.truncated ? ' (truncated)' : ''}\n${message}\n`;
}
