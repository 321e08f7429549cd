import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { OccurrenceBuilder } from '../scanner/build';
import { MAX_PHRASE_CHARS, type Occurrence } from '../scanner/occurrence';
import { isBlank } from '../syntax/chars';
import { findStatusCode } from '../syntax/startLine';

/**
 * SIP messages, raw or as capture tools print them: status lines (also glued after tcpdump -A
 * junk, with ngrep's trailing "." for CRLF, inside sipfrag bodies), the Reason header (SIP and
 * Q.850 causes) and the Warning header (warn-codes, which are not status codes).
 */
export const sipMessageDialect: Dialect = {
  id: 'sip-message',
  trigger: /SIP\/2\.0[ \t]+[0-9]|^[ \t]*(?:Reason|Warning)[ \t]*:/,
  keywords: ['sip/2.0 ', 'sip/2.0\t', 'reason', 'warning'],
  scanLine(text, line, out) {
    scanStatusLine(text, line, out);
    scanHeader(text, line, out);
  },
  completionAt(lines, line, character) {
    return statusLineSlot(lines.lineAt(line), character);
  },
};

const build = new OccurrenceBuilder(sipMessageDialect.id);

/** The start of a status line up to the cursor: "SIP/2.0 " and the digits typed so far. */
const STATUS_LINE_START = /^([ \t]*SIP\/2\.0[ \t]+)([0-9]*)$/i;

/** After "SIP/2.0 " at the start of a line: the code and its phrase replace the rest of the line. */
function statusLineSlot(text: string, character: number): CompletionSlot | undefined {
  const start = STATUS_LINE_START.exec(text.slice(0, character));
  if (!start) return undefined;
  return {
    span: { start: start[1].length, end: Math.max(character, text.trimEnd().length) },
    insert: (code, phrase) => `${code} ${phrase}`,
  };
}

/** SIP/2.0 NNN Reason Phrase: anywhere on the line, as capture tools may put junk before it. */
function scanStatusLine(text: string, line: number, out: Occurrence[]): void {
  const found = findStatusCode(text);
  if (!found) return;
  const { versionAt, codeStart, codeEnd } = found;
  const phrase = phraseAfter(text, codeEnd, isWiresharkExport(text, versionAt), text[versionAt - 1] === '"');
  out.push(build.number('status', 'status-line', text.slice(codeStart, codeEnd), line, { start: codeStart, end: codeEnd }, { phrase }));
}

/** Wireshark's text export: "Status-Line: SIP/2.0 401 Unauthorized - Challenging the UE". */
function isWiresharkExport(text: string, versionAt: number): boolean {
  return /^\s*Status-Line:\s*$/i.test(text.slice(0, versionAt));
}

/** The phrase after the code; a status line quoted in prose ("SIP/2.0 200 OK") ends at the closing quote. */
function phraseAfter(text: string, from: number, wireshark: boolean, quoted: boolean): Occurrence['phrase'] {
  let start = from;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  const closingQuote = quoted ? text.indexOf('"', start) : -1;
  let end = closingQuote === -1 ? text.length : closingQuote;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  // ngrep -W byline prints CR as a trailing ".".
  if (end > start && text[end - 1] === '.') end--;
  if (wireshark) {
    const expert = text.indexOf(' - ', start);
    if (expert !== -1 && expert < end) end = expert;
  }
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  // A reason phrase is short: what runs on for pages is a capture glued onto one line, not a phrase.
  if (end <= start || end - start > MAX_PHRASE_CHARS) return undefined;
  return { text: text.slice(start, end), span: { start, end } };
}

const HEADER = /^([ \t]*)(Reason|Warning)[ \t]*:/i;

function scanHeader(text: string, line: number, out: Occurrence[]): void {
  const match = HEADER.exec(text);
  if (!match) return;
  const valuesStart = match[0].length;
  if (match[2].toLowerCase() === 'reason') scanReason(text, valuesStart, line, out);
  else scanWarning(text, valuesStart, line, out);
}

/** The header's comma-separated values, with quoted strings kept whole. */
function* headerValues(text: string, from: number): Generator<{ start: number; end: number }> {
  let start = from;
  let quoted = false;
  for (let i = from; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (i === text.length || (ch === ',' && !quoted)) {
      yield { start, end: i };
      start = i + 1;
    }
  }
}

/** Reason: SIP ;cause=486 ;text="Busy Here", Q.850 ;cause=17 (RFC 3326, RFC 9366). */
function scanReason(text: string, from: number, line: number, out: Occurrence[]): void {
  for (const value of headerValues(text, from)) {
    const cause = build.reasonCause(text.slice(value.start, value.end), value.start, line);
    if (cause) out.push(cause);
  }
}

const WARN_VALUE = /^[ \t]*([0-9]{3})[ \t]/;

/** Warning: 399 example.com "text": warn-codes, explained as such and never as status codes. */
function scanWarning(text: string, from: number, line: number, out: Occurrence[]): void {
  for (const value of headerValues(text, from)) {
    const warn = WARN_VALUE.exec(text.slice(value.start, value.end));
    if (!warn) continue;
    const start = value.start + warn[0].indexOf(warn[1]);
    out.push(build.number('warn', 'warning-header', warn[1], line, { start, end: start + 3 }));
  }
}
