import { isStandardPhrase, phraseVariant, statusEntry } from '../../registry';
import type { Dialect } from '../../scanner/dialect';
import { OccurrenceBuilder } from '../../scanner/build';
import type { Occurrence } from '../../scanner/occurrence';
import { sipMessageDialect } from '../sipMessage';
import { isBlank, isDigit } from '../../syntax/chars';
import { LineOccurrences } from './cues';

/**
 * SIP as logs show it beside the programs' own lines, where the SIP message dialect (which reads
 * headers at the start of a line) does not see it:
 *
 * - Header lines behind a log prefix. Loggers that prefix every line of a multi-line message (iOS
 *   and Android liblinphone: `2020-03-29 01:25:07.960 linphone[68064:1643374] [Message] \tReason:
 *   SIP;cause=200;text="Call completed elsewhere"`) put a tab between the prefix and the header:
 *   a Reason or Warning header after a tab is read as the header it is. A Reason header with a
 *   SIP or Q.850 cause (`... Reason: Q.850;cause=16`) is read after any prefix, its syntax being
 *   its own proof. Other headers carry no codes. Status lines behind a prefix (`[Message]
 *   \tSIP/2.0 100 Giving a try`) are found by the SIP message dialect already.
 * - Ladder diagrams of call flows (`SUBSCRIBE --->` / ` <--- 401 Unauthorized` / `200 OK --->`): a
 *   code next to an arrow counts only when the code's own phrase (or a known variant) follows it,
 *   so `<--- 100 bytes` or `5060 --->` are not codes.
 */
export const sipInLogDialect: Dialect = {
  id: 'sip-in-log',
  trigger: /\t(?:Reason|Warning)[ \t]*:|Reason[ \t]*:[ \t]*(?:SIP|Q\.850)[ \t]*;|<--|-->/,
  keywords: ['reason', 'warning', '<--', '-->'],
  scanLine(text, line, out) {
    const found = new LineOccurrences(out, line);
    scanPrefixedHeader(text, line, found);
    scanLadder(text, line, found);
  },
};

const build = new OccurrenceBuilder(sipInLogDialect.id);

/** A header name after a tab, or a Reason header whose value starts with SIP; or Q.850; (first one on the line). */
const PREFIXED_HEADER = /\t(?:Reason|Warning)[ \t]*:|[ \t[\]:](Reason)[ \t]*:[ \t]*(?:SIP|Q\.850)[ \t]*;/i;

function scanPrefixedHeader(text: string, line: number, out: LineOccurrences): void {
  const match = PREFIXED_HEADER.exec(text);
  if (!match) return;
  const headerStart = match.index + 1;
  // A header at the start of the line (after blanks only) is the SIP message dialect's.
  if (text.slice(0, headerStart).trim() === '') return;
  const header: Occurrence[] = [];
  sipMessageDialect.scanLine(text.slice(headerStart), line, header);
  for (const occurrence of header) {
    if (occurrence.context !== 'reason-header' && occurrence.context !== 'warning-header') continue;
    out.push({ ...occurrence, span: { start: occurrence.span.start + headerStart, end: occurrence.span.end + headerStart }, dialect: build.dialect });
  }
}

/** Whether the code's phrase is `phrase` (its IANA one or a known variant). */
function isPhraseOf(code: number, phrase: string): boolean {
  const entry = statusEntry(code);
  return entry !== undefined && (isStandardPhrase(entry, phrase) || phraseVariant(entry, phrase) !== undefined);
}

/** Characters a reason phrase drawn in a ladder is made of. */
function isPhraseChar(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === ' ' || ch === '\'' || ch === '/' || ch === '.';
}

/**
 * `<--- 401 Unauthorized` and `200 OK --->`, also inside RFC-style ladders (`| ----- M2: 200 OK -----> |`).
 * Arrows of two dashes or more are found without regexes, so that long dash runs stay linear.
 */
function scanLadder(text: string, line: number, out: LineOccurrences): void {
  // "<!-- ... 180 Ringing -->" closes an XML comment, it is no arrow.
  if (text.includes('<!--')) return;
  for (let at = text.indexOf('<-'); at !== -1; at = text.indexOf('<-', at + 2)) {
    let start = at + 1;
    while (text[start] === '-') start++;
    if (start - at < 3) continue;
    while (isBlank(text.charCodeAt(start))) start++;
    if (!isDigit(text.charCodeAt(start))) continue;
    let end = start;
    while (isDigit(text.charCodeAt(end))) end++;
    if (end - start !== 3 || !isBlank(text.charCodeAt(end))) continue;
    let phraseStart = end;
    while (isBlank(text.charCodeAt(phraseStart))) phraseStart++;
    let phraseEnd = phraseStart;
    while (phraseEnd < text.length && isPhraseChar(text[phraseEnd])) phraseEnd++;
    // The phrase runs to the end of the line, or to the next arrow or lifeline.
    if (phraseEnd < text.length && text[phraseEnd] !== '-' && text[phraseEnd] !== '|') continue;
    addLadderCode(text, line, start, end, phraseStart, phraseEnd, out);
  }
  for (let at = text.indexOf('->'); at !== -1; at = text.indexOf('->', at + 2)) {
    if (at === 0 || text[at - 1] !== '-') continue;
    let phraseEnd = at - 1;
    while (phraseEnd > 0 && text[phraseEnd - 1] === '-') phraseEnd--;
    // Back from the arrow over the phrase to the code.
    let phraseStart = phraseEnd;
    while (phraseStart > 0 && isPhraseChar(text[phraseStart - 1])) phraseStart--;
    const codeEnd = phraseStart;
    if (!isDigit(text.charCodeAt(codeEnd - 1))) continue;
    let codeStart = codeEnd;
    while (codeStart > 0 && isDigit(text.charCodeAt(codeStart - 1))) codeStart--;
    if (codeEnd - codeStart !== 3 || !isBlank(text.charCodeAt(codeEnd))) continue;
    const before = text[codeStart - 1];
    if (codeStart > 0 && !isBlank(text.charCodeAt(codeStart - 1)) && before !== '|' && before !== '>') continue;
    while (phraseStart < phraseEnd && isBlank(text.charCodeAt(phraseStart))) phraseStart++;
    addLadderCode(text, line, codeStart, codeEnd, phraseStart, phraseEnd, out);
  }
}

function addLadderCode(
  text: string, line: number, start: number, end: number, phraseStart: number, phraseEnd: number, out: LineOccurrences,
): void {
  while (phraseEnd > phraseStart && isBlank(text.charCodeAt(phraseEnd - 1))) phraseEnd--;
  const digits = text.slice(start, end);
  const phrase = text.slice(phraseStart, phraseEnd);
  if (phrase === '' || !isPhraseOf(Number(digits), phrase)) return;
  out.push(build.number('status', 'log-line', digits, line, { start, end }, { phrase: { text: phrase, span: { start: phraseStart, end: phraseEnd } } }));
}
