import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import { startLineAt, startLineLocation, type LineLocation } from './traceTargets';

export interface HighlightInfo extends LineLocation {
  /** Requests are written (sent), responses read (answers). */
  kind: 'write' | 'read';
}

/** On a start line: the start lines of every message of its transaction. */
export function computeDocumentHighlights(document: AnalyzedDocument, position: TextPosition): HighlightInfo[] {
  const at = startLineAt(document, position);
  if (!at) return [];
  const { model, index } = document.traceAround(at.message, true);
  const transaction = model.transactions[model.roles[index].transaction];
  return transaction.messages.map((m) => ({
    ...startLineLocation(document, model.messages[m]),
    kind: model.messages[m].kind === 'request' ? 'write' : 'read',
  }));
}
