/** Readers of the pieces framing lines are made of: dates, times of day and addresses. */

const DATE_TIME = /^([0-9]{4})[/-]([0-9]{2})[/-]([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?(Z|([+-])([0-9]{2}):?([0-9]{2}))?$/;
const TIME_OF_DAY = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?$/;

/**
 * `2005/07/04 09:32:52.844249` or `2005-07-04 09:32:52.844` as seconds since 1970 (taken as UTC
 * unless RFC 3339's `Z` or `+01:00` says otherwise: `2024-01-01T10:00:00.123456+01:00`).
 */
export function readDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const offset = m[9] === undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  return Number.isNaN(ms) ? undefined : ms / 1000 - offset + (m[7] ? Number(m[7]) : 0);
}

/** `09:32:52.844249` as seconds since the start of the day (of 1970-01-01). */
export function readTimeOfDay(text: string): number | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) : 0);
}

const HOST = /^[A-Za-z0-9_.:-]+$/;

/**
 * `192.168.1.2:5060`, `[2001:db8::1]:5060` as `address:port` (IPv6 in brackets; ngrep prints it
 * without them, the port after the last colon). With `dotPort`, tcpdump's `192.168.1.2.5060`.
 */
export function readEndpoint(text: string, dotPort = false): string | undefined {
  const bracket = /^\[([0-9A-Fa-f:.]+)\]:([0-9]{1,5})$/.exec(text);
  if (bracket) return `[${bracket[1].toLowerCase()}]:${bracket[2]}`;
  const at = dotPort ? Math.max(text.lastIndexOf(':'), text.lastIndexOf('.')) : text.lastIndexOf(':');
  if (at <= 0) return undefined;
  const host = text.slice(0, at);
  const port = text.slice(at + 1);
  if (!/^[0-9]{1,5}$/.test(port) || !HOST.test(host)) return undefined;
  return host.includes(':') ? `[${host.toLowerCase()}]:${port}` : `${host}:${port}`;
}

/** A transport name as the model keeps it: upper case, `UDP`, `TCP`, `TLS`, `WS` ... */
export function transportName(text: string): string {
  return text.toUpperCase();
}
