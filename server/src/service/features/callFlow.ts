import type { CallFlow, CallSummary, FlowMessage, Participant } from '../../../../common/callFlow';
import { sentByHost, uriHost } from '../syntax/uri';
import type { SipCall, SipMessage, TraceModel } from '../trace/types';

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
  const summary: CallSummary = {
    callId: call.callId,
    from: call.from,
    to: call.to,
    method: call.method,
    state: call.state,
    messages: call.messages.length,
    line: model.messages[call.messages[0]].startLine,
  };
  if (call.start !== undefined) summary.start = call.start;
  // Microseconds are the finest a capture gives; epoch seconds as doubles are not exact beyond them.
  if (call.start !== undefined && call.end !== undefined) summary.duration = Math.round((call.end - call.start) * 1e6) / 1e6;
  if (final?.status !== undefined) summary.status = final.status;
  if (final?.phrase) summary.phrase = final.phrase;
  return summary;
}

/** The ladder of the calls named (of every message when `callIds` is absent), messages in trace order. */
export function callFlow(model: TraceModel, callIds?: readonly string[]): CallFlow {
  const wanted = callIds === undefined ? undefined : new Set(callIds);
  const participants: Participant[] = [];
  const columns = new Map<string, number>();
  const column = (address: string, inferred: boolean): number => {
    let index = columns.get(address);
    if (index === undefined) {
      index = participants.length;
      columns.set(address, index);
      participants.push({ address, inferred });
    } else if (!inferred) {
      participants[index].inferred = false;
    }
    return index;
  };
  const messages: FlowMessage[] = [];
  model.messages.forEach((message, index) => {
    if (wanted && (message.callId === undefined || !wanted.has(message.callId))) return;
    const ends = endpointsOf(model, index);
    const arrow: FlowMessage = {
      line: message.startLine,
      endLine: message.endLine,
      from: column(ends.from, ends.inferred),
      to: column(ends.to, ends.inferred),
      label: labelOf(message),
    };
    if (message.time !== undefined) arrow.time = message.time;
    if (message.callId !== undefined) arrow.callId = message.callId;
    if (message.status !== undefined) arrow.status = message.status;
    if (message.method) arrow.method = message.method;
    if (message.hasSdp) arrow.sdp = true;
    if (model.roles[index]?.retransmission) arrow.retransmission = true;
    messages.push(arrow);
  });
  return { participants, messages };
}

/** What an arrow says: the method, or `code phrase`. */
export function labelOf(message: SipMessage): string {
  return message.kind === 'request' ? message.method : `${message.status ?? ''} ${message.phrase ?? ''}`.trim();
}

/**
 * Who sent a message and to whom: address:port from the framing; where the trace has none, hosts
 * taken from the message (a request goes from its top Via's sent-by to its Request-URI's host; a
 * response from where its request went back to the sent-by).
 */
function endpointsOf(model: TraceModel, index: number): { from: string; to: string; inferred: boolean } {
  const message = model.messages[index];
  if (message.source !== undefined && message.destination !== undefined) {
    return { from: message.source, to: message.destination, inferred: false };
  }
  const via = message.sentBy === undefined ? UNKNOWN : sentByHost(message.sentBy);
  if (message.kind === 'request') return { from: via, to: requestTarget(message), inferred: true };
  const request = model.transactions[model.roles[index]?.transaction ?? -1]?.request;
  return { from: request === undefined ? UNKNOWN : requestTarget(model.messages[request]), to: via, inferred: true };
}

function requestTarget(request: SipMessage): string {
  return (request.requestUri === undefined ? undefined : uriHost(request.requestUri)) ?? UNKNOWN;
}

/** The title of the CodeLens on a call's first message: `▶ Call flow · INVITE 1001 → 2002 · 486 Busy Here`. */
export function callLensTitle(call: CallSummary): string {
  const outcome = call.status === undefined ? call.state : `${call.status}${call.phrase ? ` ${call.phrase}` : ''}`;
  return `▶ Call flow · ${call.method} ${call.from || '?'} → ${call.to || '?'} · ${outcome}`;
}
