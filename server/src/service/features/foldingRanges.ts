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
 * Only the messages are needed (a call is its Call-ID's messages): no transactions are grouped.
 */
export function computeFoldingRanges(document: AnalyzedDocument): FoldingInfo[] {
  if (!document.isServed) return [];
  const messages = document.traceMessages;
  const perCall = new Map<string, number>();
  for (const { callId } of messages) if (callId !== undefined) perCall.set(callId, (perCall.get(callId) ?? 0) + 1);
  const ranges: FoldingInfo[] = [];
  for (let run = 0; run < messages.length;) {
    const { callId } = messages[run];
    let end = run + 1;
    while (end < messages.length && callId !== undefined && messages[end].callId === callId) end++;
    if (callId !== undefined && end - run > 1 && perCall.get(callId) === end - run) {
      ranges.push({ startLine: firstLineOf(messages[run]), endLine: messages[end - 1].endLine, kind: 'call' });
    }
    run = end;
  }
  for (const message of messages) {
    if (message.endLine > firstLineOf(message)) ranges.push({ startLine: firstLineOf(message), endLine: message.endLine, kind: 'message' });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
