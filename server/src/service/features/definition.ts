import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import { requestOf } from '../trace/query';
import { messageRange, startLineAt, startLineLocation, type LineLocation } from './traceTargets';

/** Where Go to Definition goes from and to. */
export interface DefinitionInfo {
  /** What it was asked on: the status code when the position is on it, else the whole start line. */
  origin: LineLocation;
  /** The request's start line. */
  target: LineLocation;
  /** The request whole: from its first line (its framing line when it has one) to its last. */
  targetRange: { start: TextPosition; end: TextPosition };
}

/**
 * Go to Definition on a status line (its code or anywhere on it): the request line it answers,
 * captured at the same hop; on an ACK or CANCEL: the INVITE. Nothing when the trace does not hold
 * that request (never another one).
 */
export function computeDefinition(document: AnalyzedDocument, position: TextPosition): DefinitionInfo | undefined {
  const at = startLineAt(document, position);
  if (!at) return undefined;
  // What a message answers comes before it: the messages read so far hold it.
  const { model, index } = document.traceAround(at.message);
  const request = requestOf(model, index);
  if (request === undefined) return undefined;
  const message = model.messages[request];
  const origin = at.code ? { line: position.line, span: at.code } : startLineLocation(document, model.messages[index]);
  return { origin, target: startLineLocation(document, message), targetRange: messageRange(document, message) };
}
