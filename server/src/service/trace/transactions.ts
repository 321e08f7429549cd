import { isRfc3261Branch } from '../syntax/headers';
import type { MessageRole, SipMessage, SipTransaction } from './types';

/**
 * Whether two messages were captured at the same hop, when the framing says: the same two ends in
 * either order, so that a request and its responses share it, and the copies a proxy receives and
 * sends do not. Messages without both ends share the hop of every other such message.
 */
function sameHop(a: SipMessage, b: SipMessage): boolean {
  const known = a.source !== undefined && a.destination !== undefined;
  if (known !== (b.source !== undefined && b.destination !== undefined)) return false;
  if (!known) return true;
  return (a.source === b.source && a.destination === b.destination) || (a.source === b.destination && a.destination === b.source);
}

/**
 * Which transactions messages belong to, by key: the top Via's branch, and its sent-by between
 * requests (RFC 3261 17.1.3, 17.2.3), or, for RFC 2543 branches, Call-ID, CSeq and From tag; with
 * the method and the hop. Call-ID, CSeq number and transport are part of an RFC 3261 key too:
 * every message of a transaction has the same, and examples and broken clients that reuse a
 * branch across calls must not join their transactions (RFC 3665 repeats a flow's branches,
 * Call-ID and CSeq over UDP and TCP). A message lacks a key when it lacks what one needs.
 * Transactions are found by branch (or Call-ID), then told apart field by field: no key string is
 * built for any message.
 */
class TransactionKeys {
  private readonly byBranch = new Map<string, number[]>();
  /** RFC 2543 keys by Call-ID, then CSeq number (a registration refreshed all day keeps its Call-ID). */
  private readonly byCallId = new Map<string, Map<number, number[]>>();
  /** The message each keyed transaction was opened by, and the method it was keyed for. */
  private readonly keyMessages: SipMessage[] = [];
  private readonly keyMethods: string[] = [];

  /** The latest transaction of `message` for method `method`, if one is keyed. */
  find(message: SipMessage, method: string): number | undefined {
    const rfc3261 = hasRfc3261Branch(message);
    return this.findIn(this.bucketOf(message, rfc3261), message, method, rfc3261);
  }

  /**
   * The latest transaction of `message` for `method`, or else a new one (`index`, from `open`) keyed
   * by them: one look-up of the message's key for both.
   */
  findOrAdd(message: SipMessage, method: string, open: (known: number | undefined) => number): number {
    const rfc3261 = hasRfc3261Branch(message);
    const indices = this.bucketOf(message, rfc3261);
    const known = this.findIn(indices, message, method, rfc3261);
    const index = open(known);
    if (index !== known) this.add(message, method, index, indices, rfc3261);
    return index;
  }

  private findIn(indices: number[] | undefined, message: SipMessage, method: string, rfc3261: boolean): number | undefined {
    if (!indices) return undefined;
    for (let i = indices.length - 1; i >= 0; i--) {
      const index = indices[i];
      if (this.keyMethods[index] === method && sameKey(this.keyMessages[index], message, rfc3261)) return index;
    }
    return undefined;
  }

  /** Keys transaction `index` by `message` and `method` (when the message has a key), `indices` being the bucket of its key. */
  private add(message: SipMessage, method: string, index: number, indices: number[] | undefined, rfc3261: boolean): void {
    if (!rfc3261 && (message.callId === undefined || message.cseq === undefined)) return;
    if (indices !== undefined) indices.push(index);
    else if (rfc3261) this.byBranch.set(message.branch as string, [index]);
    else {
      const byCSeq = this.byCallId.get(message.callId as string) ?? new Map<number, number[]>();
      this.byCallId.set(message.callId as string, byCSeq.set(message.cseq as number, [index]));
    }
    this.keyMessages[index] = message;
    this.keyMethods[index] = method;
  }

  private bucketOf(message: SipMessage, rfc3261: boolean): number[] | undefined {
    if (rfc3261) return this.byBranch.get(message.branch as string);
    return message.callId === undefined || message.cseq === undefined ? undefined : this.byCallId.get(message.callId)?.get(message.cseq);
  }
}

function hasRfc3261Branch(message: SipMessage): boolean {
  return message.branch !== undefined && isRfc3261Branch(message.branch);
}

/**
 * Whether two messages with the same branch (RFC 3261) or Call-ID (RFC 2543) have the same transaction
 * key, the method aside. The sent-by tells apart requests of two clients that picked one branch
 * (17.2.3); a response answers by branch and CSeq method alone (17.1.3), so that one whose Via a NAT
 * rewrote (another port in its sent-by) still answers its request.
 */
function sameKey(a: SipMessage, b: SipMessage, rfc3261: boolean): boolean {
  if (a.cseq !== b.cseq || !same(a.callId, b.callId) || !same(a.branch, b.branch) || !sameHop(a, b)) return false;
  if (!rfc3261) return same(a.sentBy, b.sentBy) && same(a.fromTag, b.fromTag);
  return same(a.transport, b.transport) && (a.kind === 'response' || b.kind === 'response' || same(a.sentBy, b.sentBy));
}

/** Two optional values alike (an empty value as good as none, as a header without one reads). */
function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/** What makes two messages of one transaction copies of each other: the same first line (and To tag for responses). */
function sameFirstLine(a: SipMessage, b: SipMessage): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'request'
    ? a.method === b.method && same(a.requestUri, b.requestUri)
    : a.status === b.status && same(a.phrase, b.phrase) && same(a.toTag, b.toTag);
}

/** How many distinct first lines a transaction keeps to compare one by one; beyond, they go to a set. */
const FEW_FIRST_LINES = 16;

/** The first lines seen in one transaction: whether a message repeats one (a retransmission). */
class FirstLines {
  private readonly distinct: SipMessage[];
  private many: Set<string> | undefined;

  /** The lines of a transaction whose first message is `first`. */
  constructor(first: SipMessage) {
    this.distinct = [first];
  }

  /** Whether `message` repeats a first line seen before; remembers it. */
  repeats(message: SipMessage): boolean {
    if (this.many) {
      const line = firstLineOf(message);
      if (this.many.has(line)) return true;
      this.many.add(line);
      return false;
    }
    if (this.distinct.some((seen) => sameFirstLine(seen, message))) return true;
    this.distinct.push(message);
    if (this.distinct.length > FEW_FIRST_LINES) this.many = new Set(this.distinct.map(firstLineOf));
    return false;
  }
}

function firstLineOf(message: SipMessage): string {
  return message.kind === 'request'
    ? `> ${message.method} ${message.requestUri ?? ''}`
    : `< ${message.status ?? ''} ${message.phrase ?? ''} ${message.toTag ?? ''}`;
}

/**
 * Whether a request, repeated after its transaction's final response, opens a new transaction with
 * the same key: over a reliable transport (TCP, TLS, SCTP, WebSocket) a client never retransmits a
 * request (RFC 3261 17.1.1.2, 17.1.2.2: timers A and E run over UDP only), so the repeat reuses
 * the branch (RFC 3665's flows repeat theirs: "REGISTER → 200 OK" after the "REGISTER → 401" of
 * the flow before it, over TLS). Over UDP, or where the transport is not known (a HEP capture's),
 * it is a retransmission, answered by the same final response.
 */
function reusesKey(message: SipMessage, method: string, transaction: SipTransaction): boolean {
  return message.kind === 'request' && message.method === method && transaction.finalResponse !== undefined
    && message.transport !== undefined && RELIABLE_TRANSPORTS.has(message.transport);
}

/** Transports over which a request is never retransmitted (as a Via or a capture's framing names them). */
const RELIABLE_TRANSPORTS: ReadonlySet<string> = new Set(['TCP', 'TLS', 'SCTP', 'TLS-SCTP', 'WS', 'WSS']);

function isFinal(message: SipMessage): boolean {
  return message.kind === 'response' && message.status !== undefined && message.status >= 200 && message.status <= 699;
}

/**
 * Gives each transaction the list of its messages, of its size (a list grown by pushes keeps room
 * for a dozen more: a big trace holds a hundred thousand transactions of a message or two).
 */
function listMessages(transactions: readonly SipTransaction[], roles: readonly MessageRole[]): void {
  const sizes = new Int32Array(transactions.length);
  for (const role of roles) sizes[role.transaction]++;
  for (const transaction of transactions) transaction.messages = new Array<number>(sizes[transaction.index]);
  sizes.fill(0);
  for (let i = 0; i < roles.length; i++) {
    const t = roles[i].transaction;
    transactions[t].messages[sizes[t]++] = i;
  }
}

/** The list of a transaction before listMessages gives it its own. */
const NO_MESSAGES: number[] = [];

/**
 * Groups messages into transactions. An ACK to a non-2xx final response joins its INVITE's
 * transaction (17.1.1.3); an ACK to a 2xx and a CANCEL are transactions of their own, a CANCEL
 * tied to the INVITE it cancels. A message that repeats the first line of an earlier message of
 * its transaction is a retransmission.
 */
export function groupTransactions(messages: readonly SipMessage[]): { transactions: SipTransaction[]; roles: MessageRole[] } {
  const transactions: SipTransaction[] = [];
  const roles: MessageRole[] = new Array<MessageRole>(messages.length);
  const keys = new TransactionKeys();
  const firstLines: (FirstLines | SipMessage | undefined)[] = [];
  const open = (message: SipMessage, method: string): number => keys.findOrAdd(message, method, (known) => {
    if (known !== undefined && !reusesKey(message, method, transactions[known])) return known;
    const index = transactions.length;
    // listMessages gives each transaction its list
    transactions.push({ index, method, messages: NO_MESSAGES, call: -1 });
    firstLines.push(undefined);
    return index;
  });
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    // A response's method is its CSeq's (SipMessage.method).
    const method = message.method;
    let index: number;
    if (message.kind === 'request' && method === 'ACK') {
      const inviteIndex = keys.find(message, 'INVITE');
      const final = inviteIndex === undefined ? undefined : transactions[inviteIndex].finalResponse;
      const toNon2xx = final !== undefined && (messages[final].status ?? 0) >= 300;
      index = toNon2xx && inviteIndex !== undefined ? inviteIndex : open(message, 'ACK');
    } else {
      index = open(message, method);
    }
    const transaction = transactions[index];
    if (message.kind === 'request' && method === 'CANCEL' && transaction.cancels === undefined) {
      const inviteIndex = keys.find(message, 'INVITE');
      if (inviteIndex !== undefined) {
        transaction.cancels = inviteIndex;
        transactions[inviteIndex].cancelledBy = index;
      }
    }
    // A transaction's first message alone until a second comes (most transactions of a big trace have one or two).
    const seen = firstLines[index];
    let retransmission = false;
    if (seen === undefined) firstLines[index] = message;
    else if (seen instanceof FirstLines) retransmission = seen.repeats(message);
    else {
      const lines = new FirstLines(seen);
      retransmission = lines.repeats(message);
      firstLines[index] = lines;
    }
    if (message.kind === 'request' && message.method === transaction.method && transaction.request === undefined) transaction.request = i;
    if (isFinal(message) && transaction.finalResponse === undefined) transaction.finalResponse = i;
    roles[i] = { transaction: index, retransmission };
  }
  listMessages(transactions, roles);
  return { transactions, roles };
}
