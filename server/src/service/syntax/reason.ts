/** The Reason header (RFC 3326, RFC 9366): which cause one of its values gives. */

/** The protocol of a Reason value; `\;` as Asterisk dialplans escape it is taken for `;`. */
const REASON_VALUE = /^[ \t]*([A-Za-z][A-Za-z0-9.\-_]*)[ \t]*\\?;/;
const CAUSE_PARAM = /\\?;[ \t]*cause[ \t]*=[ \t]*([0-9]+)/i;

/**
 * The cause of one Reason header value (`SIP ;cause=486 ;text="Busy Here"`, `Q.850;cause=16`):
 * a status code for SIP, a Q.850 cause for Q.850, and where its digits start in `value`.
 */
export function reasonCauseOf(value: string): { kind: 'status' | 'q850'; digits: string; start: number } | undefined {
  const protocol = REASON_VALUE.exec(value);
  if (!protocol) return undefined;
  const name = protocol[1].toUpperCase();
  const kind = name === 'SIP' ? 'status' : name === 'Q.850' ? 'q850' : undefined;
  const cause = kind ? CAUSE_PARAM.exec(value) : null;
  if (!kind || !cause) return undefined;
  return { kind, digits: cause[1], start: cause.index + cause[0].length - cause[1].length };
}
