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
  const parts = [`${call.method || '?'} ${call.from || '?'} → ${call.to || '?'}`];
  parts.push(final ? `${final.status} ${final.phrase ?? ''}`.trimEnd() : call.state);
  const duration = callDuration(call);
  if (duration !== undefined) parts.push(`${formatSeconds(duration)} s`);
  return parts.join(' · ');
}

/** A message as the Outline lists it: `INVITE sip:2002@pbx` or `486 Busy Here`, marked when a retransmission. */
export function messageTitle(model: TraceModel, index: number): string {
  const message = model.messages[index];
  const title = message.kind === 'request'
    ? `${message.method} ${message.requestUri ?? ''}`.trimEnd()
    : `${message.status} ${message.phrase ?? ''}`.trimEnd();
  return model.roles[index].retransmission ? `${title} (retransmission)` : title;
}
