import type { CompletionSlot, Dialect } from '../scanner/dialect';
import { OccurrenceBuilder } from '../scanner/build';
import type { Occurrence } from '../scanner/occurrence';
import { attribute, inRanges, xmlCommentRanges, xmlTagsOnLine } from '../syntax/xmlLine';
import { sipMessageDialect } from './sipMessage';

/**
 * SIPp scenarios: <recv response="180" optional="true"> (the code SIPp waits for, without a
 * phrase), and the messages of <send> CDATA, whose status lines ("SIP/2.0 200 OK") and Reason
 * headers the SIP message dialect reads, line by line as everywhere else.
 *
 * Not codes: the Digest response="..." of an Authorization header, <send retrans="500"> (T1 in
 * ms), timeout="...", <pause milliseconds="...">, [len], [cseq], <recv request="INVITE">, and
 * anything inside an XML comment on the line (a status line quoted in a comment included).
 */
export const sippDialect: Dialect = {
  id: 'sipp',
  trigger: new RegExp(`${sipMessageDialect.trigger.source}|response[ \\t]*=|regexp[ \\t]*=`),
  scanLine(text, line, out) {
    const comments = xmlCommentRanges(text);
    const first = out.length;
    sipMessageDialect.scanLine(text, line, out);
    if (comments.length > 0) dropCommented(out, first, comments);
    scanRecv(text, comments, line, out);
    scanEreg(text, comments, line, out);
  },
  completionAt(lines, line, character) {
    return sipMessageDialect.completionAt?.(lines, line, character) ?? recvSlot(lines.lineAt(line), character, lines, line);
  },
};

const build = new OccurrenceBuilder(sippDialect.id);

const RECV = ['recv'];
const EREG = ['ereg'];

/**
 * A status line inside a regular expression (SIP/2.0 100, SIP/2\.0 18[0-9]): the literal code
 * after the version. Where the dot is escaped, or a class, the version is still the version.
 */
const STATUS_IN_REGEX = /SIP\/2(?:\\?\.|\[\.\])0(?:[ ]|\\s|\[ \])+([1-9][0-9]{2})(?![0-9])/g;

/** Whether the start of a document is a SIPp scenario. */
export function looksLikeSippScenario(head: string): boolean {
  return /<scenario[\s>]/i.test(head);
}

/** Removes what the SIP message dialect found inside XML comments (out[first...]). */
function dropCommented(out: Occurrence[], first: number, comments: readonly { start: number; end: number }[]): void {
  let kept = first;
  for (let i = first; i < out.length; i++) {
    if (!inRanges(comments, out[i].span.start)) out[kept++] = out[i];
  }
  out.length = kept;
}

/** A line that goes on with the attributes of a tag opened above: response="200" alone at its start. */
const CONTINUED_RESPONSE = /^[ \t]*response[ \t]*=[ \t]*(["'])([0-9]+)\1/;

/**
 * What may follow it in a tag: the end of the line or of the tag, or another attribute. A folded
 * Digest header line (`  response="603", algorithm=MD5`) goes on with a comma instead.
 */
const AFTER_ATTRIBUTE = /^[ \t]*(?:$|\/?>|[A-Za-z_][A-Za-z0-9_.:-]*[ \t]*=)/;

function scanRecv(text: string, comments: readonly { start: number; end: number }[], line: number, out: Occurrence[]): void {
  for (const tag of xmlTagsOnLine(text, RECV)) {
    if (inRanges(comments, tag.start)) continue;
    const response = attribute(tag, 'response');
    if (response && /^[0-9]+$/.test(response.value)) out.push(recvOccurrence(response.value, response.valueStart, line));
  }
  // <recv
  //       response="200">: the attribute on a line of its own (never an Authorization header, which starts with its name).
  const continued = CONTINUED_RESPONSE.exec(text);
  if (continued && AFTER_ATTRIBUTE.test(text.slice(continued[0].length))) {
    const start = continued[0].length - 1 - continued[2].length;
    if (!inRanges(comments, start)) out.push(recvOccurrence(continued[2], start, line));
  }
}

/** <ereg regexp="SIP/2.0 100" .../>: the code of a status line the expression looks for (in a message or a sipfrag body). */
function scanEreg(text: string, comments: readonly { start: number; end: number }[], line: number, out: Occurrence[]): void {
  if (!text.includes('<ereg')) return;
  for (const tag of xmlTagsOnLine(text, EREG)) {
    if (inRanges(comments, tag.start)) continue;
    const regexp = attribute(tag, 'regexp');
    if (!regexp || regexp.value.length > 2000) continue;
    STATUS_IN_REGEX.lastIndex = 0;
    for (let match = STATUS_IN_REGEX.exec(regexp.value); match; match = STATUS_IN_REGEX.exec(regexp.value)) {
      const start = regexp.valueStart + match.index + match[0].length - match[1].length;
      out.push(build.number('status', 'status-regex', match[1], line, { start, end: start + 3 }, { notes: [{ key: 'sippRegex', args: [] }] }));
    }
  }
}

function recvOccurrence(digits: string, start: number, line: number): Occurrence {
  return build.number('status', 'sipp-recv', digits, line, { start, end: start + digits.length });
}

/** In response="..." of a <recv> (on the line, or on a line of its own below <recv): the code alone goes in. */
function recvSlot(text: string, character: number, lines: { lineAt(line: number): string }, line: number): CompletionSlot | undefined {
  if (inRanges(xmlCommentRanges(text), character)) return undefined;
  for (const tag of xmlTagsOnLine(text, RECV)) {
    if (character <= tag.start || character > tag.end) continue;
    const response = attribute(tag, 'response');
    if (response && character >= response.valueStart && character <= response.valueEnd) return codeSlot(text, response.valueStart, response.valueEnd, character);
    return undefined;
  }
  const continued = /^[ \t]*response[ \t]*=[ \t]*["']/.exec(text);
  if (!continued || character < continued[0].length || !insideRecvAbove(lines, line)) return undefined;
  const close = text.slice(continued[0].length).search(/["']/);
  const end = close === -1 ? text.length : continued[0].length + close;
  if (character > end) return undefined;
  return codeSlot(text, continued[0].length, end, character);
}

function codeSlot(text: string, start: number, end: number, character: number): CompletionSlot | undefined {
  if (!/^[0-9]*$/.test(text.slice(start, character))) return undefined;
  return { span: { start, end }, insert: (code) => String(code) };
}

/** Whether a <recv tag opened on one of the few lines above is still open. */
function insideRecvAbove(lines: { lineAt(line: number): string }, line: number): boolean {
  for (let above = line - 1; above >= 0 && above >= line - 5; above--) {
    const text = lines.lineAt(above);
    const open = text.lastIndexOf('<recv');
    if (text.includes('>', open === -1 ? 0 : open)) return false;
    if (open !== -1) return true;
  }
  return false;
}
