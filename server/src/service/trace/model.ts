import { groupCalls } from './calls';
import { groupTransactions } from './transactions';
import type { SipMessage, TraceModel } from './types';

/** The transactions and calls of a list of messages (in trace order). */
export function buildTraceModel(messages: readonly SipMessage[]): TraceModel {
  const { transactions, roles } = groupTransactions(messages);
  const calls = groupCalls(messages, transactions, roles);
  return { messages, transactions, calls, roles };
}
