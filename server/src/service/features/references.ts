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
  const model = document.trace;
  const request = model.messages[at.message];
  const transaction = model.transactions[model.roles[at.message].transaction];
  return transaction.messages
    .filter((m) => {
      const message = model.messages[m];
      if (message.kind === 'response') return true;
      return includeDeclaration && message.method === request.method;
    })
    .map((m) => startLineLocation(document, m));
}
