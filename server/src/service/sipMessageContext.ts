import type { SipMethod } from '../data/types';
import type { Lines } from './text';

/** How far features look around a start line for the rest of its message. */
const MAX_HEADER_LINES = 200;

const METHODS: ReadonlySet<string> = new Set<SipMethod>([
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'PRACK', 'SUBSCRIBE',
  'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE',
]);

const CSEQ = /^[ \t]*CSeq[ \t]*:[ \t]*[0-9]+[ \t]+([A-Za-z]+)/i;
const SIPFRAG = /^[ \t]*(?:Content-Type|c)[ \t]*:[ \t]*message\/sipfrag\b/i;
const START_LINE = /SIP\/2\.0[ \t]+[0-9]{3}|^[A-Z]+[ \t]+\S+[ \t]+SIP\/2\.0\.?[ \t]*$/;

/** A line that ends a header block: empty, or ngrep's "." for a bare CRLF. */
function isBlank(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '.';
}

/** The method in the CSeq header of the message whose start line is `line`, when it is one we know. */
export function requestMethodOf(lines: Lines, line: number): SipMethod | undefined {
  const last = Math.min(lines.lineCount - 1, line + MAX_HEADER_LINES);
  for (let l = line + 1; l <= last; l++) {
    const text = lines.lineAt(l);
    if (isBlank(text) || START_LINE.test(text)) return undefined;
    const cseq = CSEQ.exec(text);
    if (cseq) {
      const method = cseq[1].toUpperCase();
      return METHODS.has(method) ? (method as SipMethod) : undefined;
    }
  }
  return undefined;
}

/**
 * Whether the status line at `line` is the body of a message/sipfrag message (a NOTIFY that
 * reports the progress of a REFER, RFC 3515): the line follows the blank line that ends a header
 * block declaring that content type.
 */
export function isSipfragBody(lines: Lines, line: number): boolean {
  if (line === 0 || !isBlank(lines.lineAt(line - 1))) return false;
  const first = Math.max(0, line - 1 - MAX_HEADER_LINES);
  for (let l = line - 2; l >= first; l--) {
    const text = lines.lineAt(l);
    if (isBlank(text)) return false;
    if (SIPFRAG.test(text)) return true;
    if (START_LINE.test(text)) return false;
  }
  return false;
}
