import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import { startLineAt, startLineLocation, type LineLocation } from './traceTargets';

/**
 * References on a request's method or Request-URI: the responses of its transaction, retransmissions
 * included (and the request's own copies when `includeDeclaration`).
 */
export function computeReferences(document: AnalyzedDocument, position: TextPosition, includeDeclaration: boolean): LineLocation[] {
  const at = startLineAt(document, position);
  if (!at || (at.part !== 'method' && at.part !== 'uri')) return [];
  // Responses follow their request: the whole document is read for them.
  const { model, index } = document.traceAround(at.message, true);
  const request = model.messages[index];
  const transaction = model.transactions[model.roles[index].transaction];
  return transaction.messages
    .filter((m) => {
      const message = model.messages[m];
      if (message.kind === 'response') return true;
      return includeDeclaration && message.method === request.method;
    })
    .map((m) => startLineLocation(document, model.messages[m]));
}
