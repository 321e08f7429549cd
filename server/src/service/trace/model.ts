import { groupCalls } from './calls';
import { groupTransactions } from './transactions';
import type { SipMessage, TraceModel } from './types';

/** The transactions and calls of a list of messages (in trace order). */
export function buildTraceModel(messages: readonly SipMessage[]): TraceModel {
  const { transactions, roles } = groupTransactions(messages);
  const calls = groupCalls(messages, transactions, roles);
  return { messages, transactions, calls, roles };
}

/**
 * The model of the call that message `index` belongs to, built from that call's messages alone
 * (transactions never cross a Call-ID, so they are those of the whole model): what a hover needs
 * right after an edit, without grouping the whole trace. `index` is the message's index in it.
 */
export function buildCallModel(messages: readonly SipMessage[], index: number): { model: TraceModel; index: number } {
  const callId = messages[index].callId;
  const subset: SipMessage[] = [];
  let local = 0;
  for (let i = 0; i < messages.length; i++) {
    if (messages[i].callId !== callId) continue;
    if (i === index) local = subset.length;
    subset.push(messages[i]);
  }
  return { model: buildTraceModel(subset), index: local };
}
