import type { CallFlow, CallSummary, FlowMessage, Participant } from '../../../../common/callFlow';
import type { HoverLanguage } from '../settings';
import { MESSAGES, languagesOf } from '../messages';
import { sentByHost, uriHost } from '../syntax/uri';
import type { SipCall, SipMessage, TraceModel } from '../trace/types';
import { responseTitle } from './traceWording';

/**
 * The call flow: the trace model as a ladder (endpoints and one arrow per SIP message) and as a
 * call list. It feeds the server's custom requests (and through them the webview), the CodeLens
 * on each call and `sipsense flow`.
 */

/** The column of a message's sender or receiver that the trace cannot name. */
const UNKNOWN = '?';

/** One row per call, in the order of their first message. */
export function callSummaries(model: TraceModel): CallSummary[] {
  return model.calls.map((call) => summarize(model, call));
}

function summarize(model: TraceModel, call: SipCall): CallSummary {
  const final = call.finalResponse === undefined ? undefined : model.messages[call.finalResponse];
  const { callId, from, to, method, state, start, end } = call;
  return callSummary({ callId, from, to, method, state, start, end, messages: call.messages.length, line: model.messages[call.messages[0]].startLine }, final?.status, final?.phrase);
}

/** What a calls list row is made of: a call's facts (its messages counted, the start line of its first), and the status and phrase of its final response. */
export type CallFacts = Pick<SipCall, 'callId' | 'from' | 'to' | 'method' | 'state' | 'start' | 'end'> & { messages: number; line: number };

/** A calls list row. */
export function callSummary(call: CallFacts, status: number | undefined, phrase: string | undefined): CallSummary {
  const summary: CallSummary = {
    callId: call.callId,
    from: call.from,
    to: call.to,
    method: call.method,
    state: call.state,
    messages: call.messages,
    line: call.line,
  };
  if (call.start !== undefined) summary.start = call.start;
  // Microseconds are the finest a capture gives; epoch seconds as doubles are not exact beyond them.
  if (call.start !== undefined && call.end !== undefined) summary.duration = Math.round((call.end - call.start) * 1e6) / 1e6;
  if (status !== undefined) summary.status = status;
  if (phrase) summary.phrase = phrase;
  return summary;
}

/**
 * Which messages of the selection one ladder carries: `limit` of them from the `start`-th (0-based,
 * in trace order), or, with `line`, those around the message at or above that line.
 */
export interface FlowWindow {
  limit: number;
  start?: number;
  line?: number;
}

/**
 * The ladder of the calls named (of every message when `callIds` is absent), messages in trace
 * order; with `window`, only that window of them, and where it lies among them.
 */
export function callFlow(model: TraceModel, callIds?: readonly string[], window?: FlowWindow): CallFlow {
  const wanted = callIds === undefined ? undefined : new Set(callIds);
  const selected: number[] = [];
  model.messages.forEach((message, index) => {
    if (!wanted || (message.callId !== undefined && wanted.has(message.callId))) selected.push(index);
  });
  const facts = modelFacts(model);
  if (window === undefined) return ladderOf(facts, selected);
  const total = selected.length;
  const start = windowStart(total, (i) => model.messages[selected[i]].startLine, window);
  return { ...ladderOf(facts, selected.slice(start, start + window.limit)), window: { start, total } };
}

/**
 * What a ladder needs of each message (by index): the message, whether it is a retransmission, and
 * the request of its transaction (where an inferred column of a response comes from). A model
 * gives them; so do the facts a file read from disk keeps.
 */
export interface LadderFacts {
  message(index: number): SipMessage;
  retransmission(index: number): boolean;
  request(index: number): SipMessage | undefined;
}

/** A model's ladder facts. */
export function modelFacts(model: TraceModel): LadderFacts {
  return {
    message: (index) => model.messages[index],
    retransmission: (index) => model.roles[index]?.retransmission ?? false,
    request: (index) => {
      const request = model.transactions[model.roles[index]?.transaction ?? -1]?.request;
      return request === undefined ? undefined : model.messages[request];
    },
  };
}

/** The ladder of these messages (indices, in trace order): their columns and arrows. */
export function ladderOf(facts: LadderFacts, indices: readonly number[]): CallFlow {
  const columns = new LadderColumns();
  const messages = indices.map((index) => columns.arrow(facts.message(index), facts.retransmission(index), facts.request(index)));
  return { participants: columns.participants, messages };
}

/**
 * The columns of a ladder as its arrows are drawn one after another in trace order, a column for
 * each endpoint in the order it is first met (inferred until a message's framing names it).
 */
export class LadderColumns {
  readonly participants: Participant[] = [];
  private readonly columns = new Map<string, number>();

  /** The arrow of a message: whether it is a retransmission and the request of its transaction come from the model. */
  arrow(message: SipMessage, retransmission: boolean, request: SipMessage | undefined): FlowMessage {
    const ends = endpointsOf(message, request);
    const arrow: FlowMessage = {
      line: message.startLine,
      endLine: message.endLine,
      from: this.column(ends.from, ends.inferred),
      to: this.column(ends.to, ends.inferred),
      label: labelOf(message),
    };
    if (message.time !== undefined) arrow.time = message.time;
    if (message.callId !== undefined) arrow.callId = message.callId;
    if (message.status !== undefined) arrow.status = message.status;
    if (message.method) arrow.method = message.method;
    if (message.hasSdp) arrow.sdp = true;
    if (retransmission) arrow.retransmission = true;
    return arrow;
  }

  private column(address: string, inferred: boolean): number {
    let index = this.columns.get(address);
    if (index === undefined) {
      index = this.participants.length;
      this.columns.set(address, index);
      this.participants.push({ address, inferred });
    } else if (!inferred) {
      this.participants[index].inferred = false;
    }
    return index;
  }
}

/**
 * Where a window starts among `total` selected messages (`startLine(i)`: the start line of the
 * i-th, in trace order): at `start`, or with the message at or above `line` in its middle; never
 * so late that it holds fewer than `limit` messages when there are more.
 */
export function windowStart(total: number, startLine: (i: number) => number, window: FlowWindow): number {
  const last = Math.max(0, total - window.limit);
  if (window.line === undefined) return Math.min(window.start ?? 0, last);
  const at = messageAtOrAbove(total, startLine, window.line);
  return Math.min(Math.max(0, at - Math.floor(window.limit / 2)), last);
}

/** The last of `total` messages in trace order (`startLine(i)`: the i-th one's start line) that starts at or above `line`; 0 when none does. */
function messageAtOrAbove(total: number, startLine: (i: number) => number, line: number): number {
  let low = 0;
  let high = total - 1;
  let at = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startLine(middle) <= line) {
      at = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return at;
}

/**
 * The most messages one call document holds. A longer call (an OPTIONS keep-alive or a REGISTER
 * refresh that kept its Call-ID for weeks: hundreds of thousands of messages) is cut into parts of
 * this many, each a document small enough for the editor to synchronise.
 */
export const CALL_DOCUMENT_PART_MESSAGES = 5_000;

/** Which messages of a call of `total` messages (in trace order) one part of its document holds. */
export interface CallPart {
  index: number;
  /** How many parts the call has. */
  count: number;
  /** Messages [from, to) of the call. */
  from: number;
  to: number;
}

/**
 * The part asked for (`part`), or the one holding the message that starts at or above `line`, or
 * the first; the part after the last is the last. One part when the call fits in a document.
 */
export function callPart(total: number, startLine: (i: number) => number, wanted: { part?: number; line?: number }): CallPart {
  const count = Math.max(1, Math.ceil(total / CALL_DOCUMENT_PART_MESSAGES));
  const asked = wanted.part ?? (wanted.line === undefined ? 0 : Math.floor(messageAtOrAbove(total, startLine, wanted.line) / CALL_DOCUMENT_PART_MESSAGES));
  const index = Math.min(asked, count - 1);
  const from = index * CALL_DOCUMENT_PART_MESSAGES;
  return { index, count, from, to: Math.min(total, from + CALL_DOCUMENT_PART_MESSAGES) };
}

/** What an arrow says: the method, or `code phrase`. */
export function labelOf(message: SipMessage): string {
  return message.kind === 'request' ? message.method : responseTitle(message.status, message.phrase);
}

/**
 * Who sent a message and to whom: address:port from the framing; where the trace has none, hosts
 * taken from the message (a request goes from its top Via's sent-by to its Request-URI's host; a
 * response from where its request went back to the sent-by).
 */
function endpointsOf(message: SipMessage, request: SipMessage | undefined): { from: string; to: string; inferred: boolean } {
  if (message.source !== undefined && message.destination !== undefined) {
    return { from: message.source, to: message.destination, inferred: false };
  }
  const via = message.sentBy === undefined ? UNKNOWN : sentByHost(message.sentBy);
  if (message.kind === 'request') return { from: via, to: requestTarget(message), inferred: true };
  return { from: request === undefined ? UNKNOWN : requestTarget(request), to: via, inferred: true };
}

function requestTarget(request: SipMessage): string {
  return (request.requestUri === undefined ? undefined : uriHost(request.requestUri)) ?? UNKNOWN;
}

/** The title of the CodeLens on a call's first message: `▶ Call flow · INVITE 1001 → 2002 · 486 Busy Here`. */
export function callLensTitle(call: CallSummary, language: HoverLanguage = 'en'): string {
  const outcome = call.status === undefined ? call.state : `${call.status}${call.phrase ? ` ${call.phrase}` : ''}`;
  // One line: 'both' takes the English word. What follows is the trace's, as it writes it.
  return `${MESSAGES[languagesOf(language)[0]].actions.callFlow} · ${call.method} ${call.from || '?'} → ${call.to || '?'} · ${outcome}`;
}
