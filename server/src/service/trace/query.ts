import type { SipMessage, TraceModel } from './types';

/** The index of the message whose lines (framing line to last line) hold `line`, if any. */
export function messageAtLine(messages: readonly SipMessage[], line: number): number | undefined {
  let low = 0;
  let high = messages.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const message = messages[mid];
    if (message.endLine < line) low = mid + 1;
    else if ((message.frameLine ?? message.startLine) > line) high = mid - 1;
    else return mid;
  }
  return undefined;
}

/** The index of the message whose start line is `line`, if any. */
export function messageStartingAt(messages: readonly SipMessage[], line: number): number | undefined {
  const index = messageAtLine(messages, line);
  return index !== undefined && messages[index].startLine === line ? index : undefined;
}

/** The request a response (or an ACK to a non-2xx, or a CANCEL) answers: the first copy of its transaction's request, or of the cancelled INVITE. */
export function requestOf(model: TraceModel, message: number): number | undefined {
  const m = model.messages[message];
  const transaction = model.transactions[model.roles[message].transaction];
  if (m.kind === 'request' && m.method === 'CANCEL') {
    return transaction.cancels === undefined ? undefined : model.transactions[transaction.cancels].request;
  }
  if (m.kind === 'request' && m.method !== 'ACK') return undefined;
  if (m.kind === 'response' || transaction.method === 'INVITE') return transaction.request;
  // An ACK to a 2xx is a transaction of its own: its INVITE has the same CSeq number in the same call, at the same
  // hop. When copies at several hops cannot be told apart, there is no answer rather than a wrong one.
  const call = model.calls[transaction.call];
  if (!call) return undefined;
  let found: number | undefined;
  for (const t of call.transactions) {
    const invite = model.transactions[t];
    const request = invite.request === undefined ? undefined : model.messages[invite.request];
    if (invite.method !== 'INVITE' || !request || request.cseq !== m.cseq || !sameHop(request, m)) continue;
    if (found !== undefined) return undefined;
    found = invite.request;
  }
  return found;
}

function sameHop(a: SipMessage, b: SipMessage): boolean {
  if (a.source === undefined || b.source === undefined) return true;
  return (a.source === b.source && a.destination === b.destination) || (a.source === b.destination && a.destination === b.source);
}
