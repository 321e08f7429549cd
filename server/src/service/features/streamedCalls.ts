import type { CallSummary } from '../../../../common/callFlow';
import { callState, decides, headRank } from '../trace/calls';
import type { TransactionFacts } from '../trace/transactionWindow';
import type { SipMessage } from '../trace/types';
import { ownCopy } from '../text';
import { callSummary } from './callFlow';

/**
 * The calls list of messages that come one by one in trace order with their transactions' facts
 * (a TransactionWindow's), never held: each call keeps a summary of a few numbers and strings, the
 * calls list's row as the model's calls make it (groupCalls: its head, its times, the
 * transaction that decided it, whether it has a BYE), whenever the window gave the model's facts.
 */
export class StreamedCalls {
  private readonly calls = new Map<string, Tally>();
  /** The strings the calls keep but their Call-IDs (From and To users, methods, phrases), each distinct one once. */
  private readonly strings = new Map<string, string>();
  private readonly kept = (value: string): string => {
    let kept = this.strings.get(value);
    if (kept === undefined) {
      kept = ownCopy(value);
      this.strings.set(kept, kept);
    }
    return kept;
  };

  add(message: SipMessage, transaction: TransactionFacts): void {
    const callId = message.callId;
    if (callId === undefined) return;
    let call = this.calls.get(callId);
    if (call === undefined) {
      call = new Tally(ownCopy(callId), message, this.kept);
      this.calls.set(call.callId, call);
    }
    call.add(message, transaction, this.kept);
  }

  /** How many calls there are. */
  get size(): number {
    return this.calls.size;
  }

  /**
   * One row per call, in the order of their first message, each made as it is asked for; once: each
   * call is forgotten as its row is made (a page's table is written before its arrows are read again).
   */
  *summaries(): Generator<CallSummary> {
    for (const [callId, call] of this.calls) {
      this.calls.delete(callId);
      yield call.summary();
    }
    this.strings.clear();
  }
}

/** What decided a call so far: its final response's status and phrase, and whether its transaction was cancelled. */
interface Decision {
  status: number | undefined;
  phrase: string | undefined;
  cancelled: boolean;
}

/** One call's summary as its messages come. */
class Tally {
  private messages = 0;
  private readonly line: number;
  private method: string;
  private from: string;
  private to: string;
  /** The rank of its head so far (see headRank): at 2 its method is known for good. */
  private rank: number;
  private start: number | undefined;
  private end: number | undefined;
  private hasBye = false;
  /** What decided the call so far, once its head (and so its method) has come. */
  private decision: Decision | undefined;
  /** Until then, the decision so far by the method of the transactions met (each opened by a response). */
  private undecided: Map<string, Decision> | undefined;

  constructor(readonly callId: string, first: SipMessage, kept: (value: string) => string) {
    this.line = first.startLine;
    this.rank = headRank(first);
    this.method = kept(first.method);
    this.from = kept(first.from ?? '');
    this.to = kept(first.to ?? '');
  }

  private get headed(): boolean {
    return this.rank === 2;
  }

  add(message: SipMessage, transaction: TransactionFacts, kept: (value: string) => string): void {
    this.messages++;
    const rank = headRank(message);
    if (rank > this.rank) {
      this.rank = rank;
      this.method = kept(message.method);
      this.from = kept(message.from ?? '');
      this.to = kept(message.to ?? '');
      if (this.headed) {
        this.decision = this.undecided?.get(this.method);
        this.undecided = undefined;
      }
    }
    const time = message.time;
    if (time !== undefined) {
      if (this.start === undefined || time < this.start) this.start = time;
      if (this.end === undefined || time > this.end) this.end = time;
    }
    // The call's transactions are those its messages open (as groupCalls counts them).
    if (!transaction.opens) return;
    const method = transaction.method;
    if (method === 'BYE') this.hasBye = true;
    if (this.headed && method !== this.method) return;
    const decided = this.headed ? this.decision !== undefined : this.undecided?.has(method) ?? false;
    if (!decides(method, method, transaction.finalResponse !== undefined, transaction.request, decided)) return;
    const final = transaction.finalResponse as SipMessage;
    const decision = { status: final.status, phrase: final.phrase === undefined ? undefined : kept(final.phrase), cancelled: transaction.cancelled };
    if (this.headed) this.decision = decision;
    else (this.undecided ??= new Map()).set(kept(method), decision);
  }

  summary(): CallSummary {
    const decision = this.headed ? this.decision : this.undecided?.get(this.method);
    const status = decision === undefined ? undefined : decision.status ?? 0;
    const state = callState(this.method, status, decision?.cancelled ?? false, () => this.hasBye);
    const facts = { callId: this.callId, from: this.from, to: this.to, method: this.method, state, start: this.start, end: this.end, messages: this.messages, line: this.line };
    return callSummary(facts, decision?.status, decision?.phrase);
  }
}
