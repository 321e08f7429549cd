import type { SipCall, TraceModel } from '../trace/types';

/** How long a call lasted, in seconds, when the trace has its times. */
export function callDuration(call: SipCall): number | undefined {
  return call.start === undefined || call.end === undefined ? undefined : call.end - call.start;
}

/** A number of seconds as engineers read it, without the unit: `3.2`, `0.045`, `125`. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 100) return String(Math.round(seconds));
  if (seconds >= 1) return String(Number(seconds.toFixed(1)));
  return String(Number(seconds.toFixed(3)));
}

/** A call as sngrep's list reads: `INVITE 1001 → 2002 · 486 Busy Here · 3.2 s` (the state when no final response decided it). */
export function callTitle(model: TraceModel, call: SipCall): string {
  const final = call.finalResponse === undefined ? undefined : model.messages[call.finalResponse];
  const title = `${call.method || '?'} ${call.from || '?'} → ${call.to || '?'} · ${final ? responseTitle(final.status, final.phrase) : call.state}`;
  const duration = callDuration(call);
  return duration === undefined ? title : `${title} · ${formatSeconds(duration)} s`;
}

/** `486 Busy Here`, or the code alone without a phrase (a big trace's Outline names hundreds of thousands: trimmed only when it ends with white space). */
export function responseTitle(status: number | undefined, phrase: string | undefined): string {
  return phrase ? trimmedEnd(`${status} ${phrase}`) : String(status);
}

/** `INVITE sip:2002@pbx`, or the method alone without a Request-URI. */
function requestTitle(method: string, uri: string | undefined): string {
  return uri ? trimmedEnd(`${method} ${uri}`) : method;
}

function trimmedEnd(text: string): string {
  return /\s$/.test(text) ? text.trimEnd() : text;
}

/** A message as the Outline lists it: `INVITE sip:2002@pbx` or `486 Busy Here`, marked when a retransmission. */
export function messageTitle(model: TraceModel, index: number): string {
  const message = model.messages[index];
  const title = message.kind === 'request' ? requestTitle(message.method, message.requestUri) : responseTitle(message.status, message.phrase);
  return model.roles[index].retransmission ? `${title} (retransmission)` : title;
}
