import { isRfc3261Branch } from '../syntax/headers';
import type { MessageRole, SipMessage, SipTransaction } from './types';

/**
 * The hop a message was captured at, when the framing says: the two ends in either order, so that
 * a request and its responses share it, and the copies a proxy receives and sends do not.
 */
function hopOf(message: SipMessage): string {
  const { source, destination } = message;
  if (source === undefined || destination === undefined) return '';
  return source < destination ? `${source} ${destination}` : `${destination} ${source}`;
}

/**
 * The key of the transaction a message belongs to, for method `method`: the top Via's branch and
 * sent-by (RFC 3261 17.1.3, 17.2.3), or, for RFC 2543 branches, Call-ID, CSeq and From tag; with
 * the hop. Call-ID, CSeq number and transport are part of an RFC 3261 key too: every message of a
 * transaction has the same, and examples and broken clients that reuse a branch across calls must
 * not join their transactions (RFC 3665 repeats a flow's branches, Call-ID and CSeq over UDP and
 * TCP). Undefined when the message lacks what a key needs.
 */
function keyOf(message: SipMessage, method: string): string | undefined {
  const hop = hopOf(message);
  if (message.branch !== undefined && isRfc3261Branch(message.branch)) {
    return `b ${message.branch} ${message.sentBy ?? ''} ${message.transport ?? ''} ${method} ${message.callId ?? ''} ${message.cseq ?? ''} ${hop}`;
  }
  if (message.callId === undefined || message.cseq === undefined) return undefined;
  return `c ${message.callId} ${message.cseq} ${message.fromTag ?? ''} ${message.branch ?? ''} ${message.sentBy ?? ''} ${method} ${hop}`;
}

/** What makes two messages of one transaction copies of each other: the same first line (and To tag for responses). */
function firstLineOf(message: SipMessage): string {
  return message.kind === 'request'
    ? `${message.method} ${message.requestUri ?? ''}`
    : `${message.status ?? ''} ${message.phrase ?? ''} ${message.toTag ?? ''}`;
}

function isFinal(message: SipMessage): boolean {
  return message.kind === 'response' && message.status !== undefined && message.status >= 200 && message.status <= 699;
}

/**
 * Groups messages into transactions. An ACK to a non-2xx final response joins its INVITE's
 * transaction (17.1.1.3); an ACK to a 2xx and a CANCEL are transactions of their own, a CANCEL
 * tied to the INVITE it cancels. A message that repeats the first line of an earlier message of
 * its transaction is a retransmission.
 */
export function groupTransactions(messages: readonly SipMessage[]): { transactions: SipTransaction[]; roles: MessageRole[] } {
  const transactions: SipTransaction[] = [];
  const roles: MessageRole[] = new Array<MessageRole>(messages.length);
  const byKey = new Map<string, number>();
  /** The first lines seen in each transaction, as `index first-line`. */
  const firstLines = new Set<string>();
  const open = (key: string | undefined, method: string): number => {
    const known = key === undefined ? undefined : byKey.get(key);
    if (known !== undefined) return known;
    const index = transactions.length;
    transactions.push({ index, method, messages: [], call: -1 });
    if (key !== undefined) byKey.set(key, index);
    return index;
  };
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    const method = message.kind === 'request' ? message.method : (message.cseqMethod ?? message.method);
    let index: number;
    if (message.kind === 'request' && method === 'ACK') {
      const invite = keyOf(message, 'INVITE');
      const inviteIndex = invite === undefined ? undefined : byKey.get(invite);
      const final = inviteIndex === undefined ? undefined : transactions[inviteIndex].finalResponse;
      const toNon2xx = final !== undefined && (messages[final].status ?? 0) >= 300;
      index = toNon2xx && inviteIndex !== undefined ? inviteIndex : open(keyOf(message, 'ACK'), 'ACK');
    } else {
      index = open(keyOf(message, method), method);
    }
    const transaction = transactions[index];
    if (message.kind === 'request' && method === 'CANCEL' && transaction.cancels === undefined) {
      const invite = keyOf(message, 'INVITE');
      const inviteIndex = invite === undefined ? undefined : byKey.get(invite);
      if (inviteIndex !== undefined) {
        transaction.cancels = inviteIndex;
        transactions[inviteIndex].cancelledBy = index;
      }
    }
    const firstLine = `${index} ${firstLineOf(message)}`;
    const retransmission = firstLines.has(firstLine);
    firstLines.add(firstLine);
    transaction.messages.push(i);
    if (message.kind === 'request' && message.method === transaction.method && transaction.request === undefined) transaction.request = i;
    if (isFinal(message) && transaction.finalResponse === undefined) transaction.finalResponse = i;
    roles[i] = { transaction: index, retransmission };
  }
  return { transactions, roles };
}
