import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import { requestOf } from '../trace/query';
import { startLineAt, startLineLocation, type LineLocation } from './traceTargets';

/**
 * Go to Definition on a status line (its code or anywhere on it): the request line it answers,
 * captured at the same hop; on an ACK or CANCEL: the INVITE. Nothing when the trace does not hold
 * that request (never another one).
 */
export function computeDefinition(document: AnalyzedDocument, position: TextPosition): LineLocation | undefined {
  const at = startLineAt(document, position);
  if (!at) return undefined;
  // What a message answers comes before it: the messages read so far hold it.
  const { model, index } = document.traceAround(at.message);
  const request = requestOf(model, index);
  return request === undefined ? undefined : startLineLocation(document, model.messages[request]);
}
