import type { AnalyzedDocument } from '../analyzedDocument';
import type { LineSpan } from '../scanner/occurrence';
import { readStartLine } from '../syntax/startLine';
import type { TextPosition } from '../textStore';
import { messageStartingAt } from '../trace/query';
import type { SipMessage } from '../trace/types';

/** A place in a document: a span on one line. */
export interface LineLocation {
  line: number;
  span: LineSpan;
}

/** What part of a start line a position is on. */
export type StartLinePart = 'method' | 'uri' | 'code' | 'other';

/** The span of a message's start line on its line, from its first character to the end of its content. */
export function startLineLocation(document: AnalyzedDocument, message: SipMessage): LineLocation {
  const { startLine, startColumn } = message;
  const text = document.lines.lineAt(startLine);
  let end = text.length;
  while (end > startColumn && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end > startColumn && text[end - 1] === '.') end--;
  return { line: startLine, span: { start: startColumn, end } };
}

/** All of a message's lines: from its first (its framing line when it has one) to the end of its last. */
export function messageRange(document: AnalyzedDocument, message: SipMessage): { start: TextPosition; end: TextPosition } {
  return {
    start: { line: message.frameLine ?? message.startLine, character: 0 },
    end: { line: message.endLine, character: document.lineLength(message.endLine) },
  };
}

/**
 * The message whose start line holds `position` (its index in the document's messages, read from
 * the top at least that far), and the part of it the position is on.
 */
export function startLineAt(document: AnalyzedDocument, position: TextPosition): { message: number; part: StartLinePart; code?: LineSpan } | undefined {
  if (!document.isServed || position.line < 0 || position.line >= document.lines.lineCount) return undefined;
  const messages = document.traceMessagesThrough(position.line);
  const message = messageStartingAt(messages, position.line);
  if (message === undefined) return undefined;
  const location = startLineLocation(document, messages[message]);
  const at = position.character;
  if (at < location.span.start || at > location.span.end) return undefined;
  const start = readStartLine(document.lines.lineAt(position.line));
  if (!start) return { message, part: 'other' };
  if (start.kind === 'response') {
    return at >= start.codeStart && at <= start.codeEnd ? { message, part: 'code', code: { start: start.codeStart, end: start.codeEnd } } : { message, part: 'other' };
  }
  if (at <= start.column + start.method.length) return { message, part: 'method' };
  if (at >= start.uriAt && at <= start.uriAt + start.uri.length) return { message, part: 'uri' };
  return { message, part: 'other' };
}
