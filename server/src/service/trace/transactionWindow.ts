import { groupTransactions } from './transactions';
import type { SipMessage } from './types';

/**
 * How a stream of messages gets its transactions in bounded memory: the messages are grouped in
 * parts of `part` messages, each part with the `overlap` messages before it and after it.
 */
export interface WindowSizes {
  part: number;
  overlap: number;
}

/** What a message's transaction is, as far as the window holds it. */
export interface TransactionFacts {
  /** Whether the message is the first of its transaction. */
  opens: boolean;
  method: string;
  /** The first copy of its request, its first final response. */
  request: SipMessage | undefined;
  finalResponse: SipMessage | undefined;
  /** Whether a CANCEL cancels it. */
  cancelled: boolean;
}

/** Hears each message in order with what its transaction says of it: whether it repeats an earlier one, and the transaction's facts. */
export type RoleSink = (message: SipMessage, retransmission: boolean, transaction: TransactionFacts) => void;

/**
 * The transactions of messages that come one by one, in trace order, never all held: each part of
 * the stream is grouped (groupTransactions, the model's grouping) with the messages of the overlap
 * on either side, and its messages handed on in order with their retransmission marks and the
 * facts of their transaction. A message's role depends only on the messages of its transaction
 * before it, and its transaction's request, final response or CANCEL may come after it (at least
 * `overlap` messages after it are held); so what the sink hears is what the whole trace's model
 * says whenever each transaction's messages lie within `overlap` messages of each other (its
 * final response and CANCEL within `overlap` of its first message, for the facts a message opening
 * it hears). Beyond (a transaction whose message comes more than `overlap` messages after the
 * one before), the later messages are read as a transaction of their own: a retransmission is not
 * marked as one, a response may lack its request. At most `part + 2 * overlap` messages are held.
 */
export class TransactionWindow {
  private held: SipMessage[] = [];
  /** How many of the held messages (the overlap before the part) have been handed on. */
  private handed = 0;

  constructor(private readonly sink: RoleSink, private readonly sizes: WindowSizes) {}

  push(message: SipMessage): void {
    this.held.push(message);
    if (this.held.length >= this.handed + this.sizes.part + this.sizes.overlap) this.handOn(this.handed + this.sizes.part);
  }

  /** Hands on every message held. */
  end(): void {
    this.handOn(this.held.length);
  }

  /** Hands on the held messages up to `to`, grouped with all the held ones, and keeps the overlap before `to`. */
  private handOn(to: number): void {
    const held = this.held;
    const { transactions, roles } = groupTransactions(held);
    for (let k = this.handed; k < to; k++) {
      const transaction = transactions[roles[k].transaction];
      this.sink(held[k], roles[k].retransmission, {
        opens: transaction.messages[0] === k,
        method: transaction.method,
        request: transaction.request === undefined ? undefined : held[transaction.request],
        finalResponse: transaction.finalResponse === undefined ? undefined : held[transaction.finalResponse],
        cancelled: transaction.cancelledBy !== undefined,
      });
    }
    const kept = Math.max(0, to - this.sizes.overlap);
    this.held = held.slice(kept);
    this.handed = to - kept;
  }
}
