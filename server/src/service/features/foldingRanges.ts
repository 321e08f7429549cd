import type { AnalyzedDocument } from '../analyzedDocument';
import type { SipMessage } from '../trace/types';

export interface FoldingInfo {
  startLine: number;
  endLine: number;
  kind: 'message' | 'call';
}

function firstLineOf(message: SipMessage): number {
  return message.frameLine ?? message.startLine;
}

/**
 * Every message folds from its first line (its framing line when it has one) to its last, body
 * included; a call folds too when its messages follow one another with no other call's between.
 */
export function computeFoldingRanges(document: AnalyzedDocument): FoldingInfo[] {
  if (!document.isServed) return [];
  const { messages, calls } = document.trace;
  const ranges: FoldingInfo[] = [];
  for (const call of calls) {
    const indices = call.messages;
    const contiguous = indices.length > 1 && indices[indices.length - 1] - indices[0] === indices.length - 1;
    if (contiguous) ranges.push({ startLine: firstLineOf(messages[indices[0]]), endLine: messages[indices[indices.length - 1]].endLine, kind: 'call' });
  }
  for (const message of messages) {
    if (message.endLine > firstLineOf(message)) ranges.push({ startLine: firstLineOf(message), endLine: message.endLine, kind: 'message' });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
