import type { CallState, MessageRole, SipCall, SipMessage, SipTransaction } from './types';

/** Codes engineers call busy (as sngrep does). Data only. */
const BUSY_CODES: ReadonlySet<number> = new Set([486, 600, 480]);

/**
 * Groups transactions into calls by Call-ID and decides how each call ended. Transactions of
 * messages without a Call-ID belong to no call (call -1).
 */
export function groupCalls(
  messages: readonly SipMessage[], transactions: readonly SipTransaction[], roles: readonly MessageRole[],
): SipCall[] {
  // First each message's call and each call's sizes, then lists of those sizes (a list grown by
  // pushes keeps room for a dozen more: a big trace holds a hundred thousand calls of a message or two).
  const callOf = new Int32Array(messages.length);
  const sizes: number[] = [];
  const transactionSizes: number[] = [];
  /** Transactions in the order of their first message, each given to its call. */
  const firstSeen: number[] = [];
  const byCallId = new Map<string, number>();
  for (let i = 0; i < messages.length; i++) {
    const callId = messages[i].callId;
    if (callId === undefined) {
      callOf[i] = -1;
      continue;
    }
    let index = byCallId.get(callId);
    if (index === undefined) {
      index = sizes.length;
      byCallId.set(callId, index);
      sizes.push(0);
      transactionSizes.push(0);
    }
    callOf[i] = index;
    sizes[index]++;
    const transaction = transactions[roles[i].transaction];
    if (transaction.call === -1) {
      transaction.call = index;
      transactionSizes[index]++;
      firstSeen.push(transaction.index);
    }
  }
  const calls: SipCall[] = new Array<SipCall>(sizes.length);
  const filled = new Int32Array(sizes.length);
  byCallId.forEach((index, callId) => {
    calls[index] = {
      index, callId, messages: new Array<number>(sizes[index]), transactions: new Array<number>(transactionSizes[index]),
      head: 0, method: '', from: '', to: '', state: 'no final response', related: [],
    };
  });
  for (let i = 0; i < messages.length; i++) if (callOf[i] !== -1) calls[callOf[i]].messages[filled[callOf[i]]++] = i;
  filled.fill(0);
  for (const t of firstSeen) {
    const call = transactions[t].call;
    calls[call].transactions[filled[call]++] = t;
  }
  for (const call of calls) describe(call, messages, transactions);
  relate(calls, messages, byCallId);
  return calls;
}

/** Requests that never open a call: each is about an INVITE sent before it. */
const FOLLOWING: ReadonlySet<string> = new Set(['ACK', 'CANCEL']);

/**
 * How well a message tells what its call is (the call's head is its first message of the highest
 * rank): 2 for a request outside a dialog (its To without a tag) that opens a call; 1 for any other
 * message but an ACK, a CANCEL and their responses, which a trace that joined the call after its
 * initial request shows first (a 486 and the ACK to it; a 200 OK, an ACK and a BYE; a CANCEL, its
 * 200 and the INVITE's 487): the call is then called by the transaction that message is of; 0 for
 * the rest.
 */
export function headRank(message: SipMessage): number {
  // A response's method is its CSeq's (SipMessage.method).
  if (FOLLOWING.has(message.method)) return 0;
  return message.kind === 'request' && message.toTag === undefined ? 2 : 1;
}

function describe(call: SipCall, messages: readonly SipMessage[], transactions: readonly SipTransaction[]): void {
  let rank = -1;
  for (const i of call.messages) {
    const r = headRank(messages[i]);
    if (r <= rank) continue;
    rank = r;
    call.head = i;
    if (r === 2) break;
  }
  const head = messages[call.head];
  call.method = head.method;
  call.from = head.from ?? '';
  call.to = head.to ?? '';
  for (const i of call.messages) {
    const time = messages[i].time;
    if (time === undefined) continue;
    if (call.start === undefined || time < call.start) call.start = time;
    if (call.end === undefined || time > call.end) call.end = time;
  }
  const decisive = decisiveTransaction(call.method, call.transactions.map((t) => transactions[t]), messages, undefined);
  if (decisive?.finalResponse !== undefined) call.finalResponse = decisive.finalResponse;
  const status = decisive?.finalResponse === undefined ? undefined : messages[decisive.finalResponse].status ?? 0;
  call.state = callState(call.method, status, decisive?.cancelledBy !== undefined, () => call.transactions.some((t) => transactions[t].method === 'BYE'));
}

/**
 * The transaction whose final response decides a call of `method`: the initial request and its
 * repetitions after a challenge, requests of the call's method outside a dialog, the last of them
 * answered (the first answered when every one is inside a dialog). `transactions` in trace order;
 * `before`: the one that decided among the transactions before them (the call's read in parts).
 */
export function decisiveTransaction(
  method: string, transactions: readonly SipTransaction[], messages: readonly SipMessage[], before: SipTransaction | undefined,
): SipTransaction | undefined {
  let decisive = before;
  for (const transaction of transactions) {
    const request = transaction.request === undefined ? undefined : messages[transaction.request];
    if (decides(method, transaction.method, transaction.finalResponse !== undefined, request, decisive !== undefined)) decisive = transaction;
  }
  return decisive;
}

/**
 * Whether a transaction (its method, whether it is answered, its request) takes over the decision
 * of a call of `method` from the transactions before it (`decided`: whether one of them decided).
 */
export function decides(method: string, transactionMethod: string, answered: boolean, request: SipMessage | undefined, decided: boolean): boolean {
  return transactionMethod === method && answered && (request?.toTag === undefined || !decided);
}

/**
 * How a call of `method` ended, given the final response that decided it (its status; undefined:
 * none), whether that transaction was cancelled, and whether the call has a BYE.
 */
export function callState(method: string, status: number | undefined, cancelled: boolean, hasBye: () => boolean): CallState {
  if (status === undefined) return 'no final response';
  if (status >= 200 && status < 300) {
    if (method === 'REGISTER') return 'registered';
    if (method !== 'INVITE') return 'completed';
    return hasBye() ? 'completed' : 'in call';
  }
  if (status >= 300 && status < 400) return 'redirected';
  if (status === 401 || status === 407) return 'failed authentication';
  if (status === 487 || cancelled) return 'cancelled';
  if (BUSY_CODES.has(status)) return 'busy';
  return 'rejected';
}

/** Links B2BUA legs (X-Call-ID and the like) and diverted or transferred calls to the call they came from. */
function relate(calls: SipCall[], messages: readonly SipMessage[], byCallId: ReadonlyMap<string, number>): void {
  const link = (a: number, b: number): void => {
    if (a === b || calls[a].related.includes(b)) return;
    calls[a].related.push(b);
    calls[b].related.push(a);
  };
  /** The latest call so far to or from each party. */
  const lastWith = new Map<string, number>();
  for (const call of calls) {
    for (const i of call.messages) {
      const related = messages[i].relatedCallId;
      const other = related === undefined ? undefined : byCallId.get(related);
      if (other !== undefined) link(call.index, other);
    }
    // The latest earlier call to or from whoever diverted or transferred this one.
    let divertedBy: string | undefined;
    for (let k = 0; k < call.messages.length && divertedBy === undefined; k++) divertedBy = messages[call.messages[k]].divertedBy;
    const earlier = divertedBy === undefined ? undefined : lastWith.get(divertedBy);
    if (earlier !== undefined) link(call.index, earlier);
    if (call.from) lastWith.set(call.from, call.index);
    if (call.to) lastWith.set(call.to, call.index);
  }
  for (const call of calls) call.related.sort((a, b) => a - b);
}
