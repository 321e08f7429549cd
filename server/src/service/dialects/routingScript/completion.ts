import type { CompletionSlot } from '../../scanner/dialect';
import type { LineSpan } from '../../scanner/occurrence';
import { isBranchStart } from '../../statusPattern';
import type { Lines } from '../../text';
import { COMMA, DOT, EQUALS, IDENT, NUMBER, OPEN_PAREN, SEMICOLON, STRING, isScriptSpace, lexLine } from './lexer';
import { isDigit } from '../../syntax/chars';
import type { RoutingScriptConfig } from './index';
import { callKind, modparamSpec, replyFunctionOf } from './recognition';
import { Line, single, type CallArgs } from './tokens';
import { codeValueAt, comparisonOf } from './values';

/** Completion of codes in a routing script: where a code can be typed, and what goes in. */

/**
 * The start of a route block (route[NAME] {, failure_route[X], request_route {), not a call
 * (route(NATMANAGE);). Only failure_route matters: it runs on a negative final reply.
 */
const ROUTE_HEADER = /^[ \t]*(request_route|route|failure_route|onreply_route|reply_route|branch_route|event_route|onsend_route|error_route|local_route|startup_route|timer_route)[ \t]*(?:\[|\{|$)/;

/** How far up completion looks for the route block around the cursor. */
const ROUTE_LOOKBACK_LINES = 5000;

/**
 * Whether `line` is inside a failure_route: the nearest route header above it (route blocks do
 * not nest), looked up only when completion asks.
 */
export function isInFailureRoute(lines: Lines, line: number): boolean {
  for (let l = line, seen = 0; l >= 0 && seen < ROUTE_LOOKBACK_LINES; l--, seen++) {
    const header = ROUTE_HEADER.exec(lines.lineAt(l));
    if (header) return header[1] === 'failure_route';
  }
  return false;
}

export function completionSlot(config: RoutingScriptConfig, lines: Lines, lineNumber: number, character: number): CompletionSlot | undefined {
  const text = lines.lineAt(lineNumber);
  const line = new Line(text, lexLine(text).code);
  if (character > line.tokens.codeEnd) return undefined;
  for (let k = 0; k < line.count && line.start(k) <= character; k++) {
    if (line.type(k) === IDENT && line.isPunct(k + 1, OPEN_PAREN)) {
      const slot = callSlot(config, lines, lineNumber, line, k, character);
      if (slot) return slot;
    }
    const valueEnd = codeValueAt(line, k);
    if (valueEnd !== undefined) {
      const slot = comparisonSlot(line, valueEnd + 1, character);
      if (slot) return slot;
    }
  }
  return undefined;
}

/** Where the cursor stands in an argument or operand that holds (or will hold) a code. */
type CodePlace =
  | { at: 'empty'; span: LineSpan }
  | { at: 'number'; span: LineSpan }
  | { at: 'string'; span: LineSpan; quote: string; closed: boolean };

/** The place at the cursor in the tokens [from, to) between columns [start, end]. */
function codePlace(line: Line, from: number, to: number, start: number, end: number, character: number): CodePlace | undefined {
  if (character < start || character > end) return undefined;
  if (to === from) return { at: 'empty', span: { start: character, end: character } };
  if (to - from !== 1 || character < line.start(from)) return undefined;
  const type = line.type(from);
  if (type === NUMBER && character <= line.end(from)) return { at: 'number', span: { start: line.start(from), end: line.end(from) } };
  if (!line.isString(from)) return undefined;
  const text = line.text;
  const content = line.contentOf(from);
  if (character < content.start || character > content.end) return undefined;
  let digitsEnd = content.start;
  while (digitsEnd < content.end && isDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
  if (character > digitsEnd) return undefined;
  const closed = type === STRING;
  // A closed string holding more than digits is not a code being typed.
  if (closed && digitsEnd !== content.end) return undefined;
  return { at: 'string', span: { start: content.start, end: digitsEnd }, quote: text[line.start(from)], closed };
}

function callSlot(config: RoutingScriptConfig, lines: Lines, lineNumber: number, line: Line, k: number, character: number): CompletionSlot | undefined {
  const name = line.textOf(k);
  const kind = callKind(config, name);
  if (!kind) return undefined;
  const args = line.argsOf(k + 1);
  const placeIn = (index: number): CodePlace | undefined => {
    const arg = args[index];
    return arg ? codePlace(line, arg.from, arg.to, arg.start, arg.end, character) : undefined;
  };
  switch (kind) {
    case 'reply': {
      const reply = replyFunctionOf(config, name)!;
      const place = placeIn(reply.code);
      if (!place) return undefined;
      const fillReason = reply.reason !== undefined && args.length <= reply.reason;
      // KEMI functions take an integer code (KSR.sl.sl_send_reply(486, "Busy Here")).
      const style = line.isPunct(k - 1, DOT) ? 'bare' : config.codeStyle;
      const inFailureRoute = isInFailureRoute(lines, lineNumber);
      return {
        span: place.span,
        ...(inFailureRoute ? { accepts: (code: number) => code >= 300 } : {}),
        insert: (code, phrase) => replyInsert(place, style, fillReason, code, phrase),
      };
    }
    case 'pattern': {
      const pattern = single(args, 0);
      return pattern !== undefined && line.isString(pattern) ? patternSlot(line.text, line.contentOf(pattern), character) : undefined;
    }
    case 'check': {
      const place = placeIn(0);
      if (!place) return undefined;
      return { span: place.span, insert: (code) => (place.at === 'empty' && config.codeStyle === 'quoted' ? `"${code}"` : String(code)) };
    }
    case 'modparam':
      return modparamSlot(config, line, args, character);
    case 'accounting':
      return undefined;
  }
}

/** The text for a code in a reply function: the phrase goes in too when the call has no reason yet. */
function replyInsert(place: CodePlace, style: 'quoted' | 'bare', fillReason: boolean, code: number, phrase: string): string {
  if (place.at === 'string') {
    if (!fillReason) return String(code);
    const q = place.quote;
    // The code string's closing quote (when typed) now closes the phrase.
    return place.closed ? `${code}${q}, ${q}${phrase}` : `${code}${q}, ${q}${phrase}${q}`;
  }
  const codeText = place.at === 'empty' && style === 'quoted' ? `"${code}"` : String(code);
  return fillReason ? `${codeText}, "${phrase}"` : codeText;
}

/** The run of digits around the cursor inside [content.start, content.end]. */
function digitsAround(text: string, content: LineSpan, character: number): LineSpan {
  let start = character;
  while (start > content.start && isDigit(text.charCodeAt(start - 1))) start--;
  let end = character;
  while (end < content.end && isDigit(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Inside a pattern: the run of digits at the cursor, where a literal code can stand (at the start of a branch). */
function patternSlot(text: string, content: LineSpan, character: number): CompletionSlot | undefined {
  if (character < content.start || character > content.end) return undefined;
  const span = digitsAround(text, content, character);
  if (span.start > content.start && !isBranchStart(text.charCodeAt(span.start - 1))) return undefined;
  return { span, insert: (code) => String(code) };
}

/** After `$rs == `, `status != `, `$T_reply_code >= `: the code alone; after `=~`, inside the pattern. */
function comparisonSlot(line: Line, op: number, character: number): CompletionSlot | undefined {
  const comparison = comparisonOf(line, op);
  if (!comparison || character < line.end(op)) return undefined;
  const next = op + 1;
  if (comparison === 'match') {
    return line.isString(next) ? patternSlot(line.text, line.contentOf(next), character) : undefined;
  }
  const operand = line.type(next) === NUMBER || line.isString(next);
  const end = next >= line.count ? line.text.length : operand ? line.end(next) : line.start(next);
  const place = codePlace(line, next, operand ? next + 1 : next, line.end(op), end, character);
  return place ? { span: place.span, insert: (code) => String(code) } : undefined;
}

function modparamSlot(config: RoutingScriptConfig, line: Line, args: CallArgs, character: number): CompletionSlot | undefined {
  const spec = modparamSpec(config, line, args);
  if (!spec) return undefined;
  const allowed = spec.allowed;
  const accepts = allowed ? { accepts: (code: number) => code >= allowed.min && code <= allowed.max } : {};
  const arg = args[2];
  if (spec.kind === 'code') {
    const place = codePlace(line, arg.from, arg.to, arg.start, arg.end, character);
    return place ? { span: place.span, ...accepts, insert: (code) => String(code) } : undefined;
  }
  const value = single(args, 2);
  if (value === undefined || !line.isString(value)) return undefined;
  const text = line.text;
  const content = line.contentOf(value);
  if (spec.kind === 'regex') return patternSlot(text, content, character);
  if (character < content.start || character > content.end) return undefined;
  const span = digitsAround(text, content, character);
  // A code stands after "code=" or, in plain lists, at the start of an item.
  let before = span.start;
  while (before > content.start && isScriptSpace(text.charCodeAt(before - 1))) before--;
  const previous = before > content.start ? text.charCodeAt(before - 1) : 0;
  const afterCodeEquals = previous === EQUALS && /code[ \t]*$/i.test(text.slice(Math.max(content.start, before - 12), before - 1));
  if (!afterCodeEquals && previous !== 0 && previous !== COMMA && previous !== SEMICOLON) return undefined;
  return { span, ...accepts, insert: (code) => String(code) };
}

