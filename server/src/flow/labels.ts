import type { FlowMessage } from '../../../common/callFlow';

/** What every rendering of a call flow says the same way: arrow labels and safe text. */

/** The label of an arrow with its marks: `INVITE (SDP)`, `180 Ringing (retransmission)`. */
export function arrowLabel(message: FlowMessage): string {
  let label = message.label;
  if (message.sdp) label += ' (SDP)';
  if (message.retransmission) label += ' (retransmission)';
  return label;
}

/**
 * Trace text made safe to print: control characters (a terminal's escape sequences among them),
 * bidirectional overrides and lone surrogates become U+FFFD.
 */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
