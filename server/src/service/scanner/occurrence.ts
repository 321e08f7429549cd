/** What a number (or pattern) found in a document is. Only `status` numbers are SIP status codes. */
export type OccurrenceKind =
  /** A SIP response status code. */
  | 'status'
  /** A pattern over status codes (t_check_status("5[0-9][0-9]"), status=~"..."): `pattern` holds it. */
  | 'status-pattern'
  /** A Q.850 cause value (Reason: Q.850;cause=16, Asterisk Hangup(17)). */
  | 'q850'
  /** A FreeSWITCH-internal hangup cause number (487 ORIGINATOR_CANCEL, 800-825). */
  | 'freeswitch-cause'
  /** A Warning header warn-code (Warning: 399 ...): a registry of its own. */
  | 'warn';

/** Where the number was found: drives the wording of hovers and which rules apply. */
export type OccurrenceContext =
  /** SIP/2.0 NNN Phrase: the start line of a response (also inside SIPp <send> and logs). */
  | 'status-line'
  /** Reason: SIP;cause=NNN (RFC 3326) or Reason: Q.850;cause=NN. */
  | 'reason-header'
  /** Warning: NNN agent "text" (RFC 3261 section 20.43). */
  | 'warning-header'
  /** The code argument of a script's reply function (Kamailio/OpenSIPS sl_send_reply, t_reply, KEMI ...). */
  | 'reply-function'
  /** A comparison of a reply-code variable ($rs == 486, $T_reply_code >= 500). */
  | 'status-comparison'
  /** A code inside a pattern over codes (t_check_status("486|408")). */
  | 'status-regex'
  /** A module parameter that takes codes (failover_reply_codes, default_code ...). */
  | 'modparam'
  /** An application or function argument in a dialplan (PJSIPHangup(486), respond 486, Hangup(17)). */
  | 'dialplan-app'
  /** A channel variable or string that carries a code (sip_term_status, "SIP 486 Busy Here", sip:486). */
  | 'channel-variable'
  /** A SIPp <recv response="NNN">. */
  | 'sipp-recv'
  /** A log line that reports a response ("Got SIP response 486 ..."). */
  | 'log-line';

/** A span of text on one line (the scanner is line-based: no occurrence crosses a line end). */
export interface LineSpan {
  start: number;
  end: number;
}

export interface Occurrence {
  kind: OccurrenceKind;
  context: OccurrenceContext;
  /** The number as written (may be longer than three digits in a malformed status line); the pattern for status-pattern. */
  digits: string;
  /** Its value (Infinity when too long to be a number; NaN for a pattern). */
  value: number;
  line: number;
  /** Columns of the digits (or pattern) on the line. */
  span: LineSpan;
  /** The reason phrase the text gives with the code, when it gives one. */
  phrase?: { text: string; span: LineSpan };
  /** The codes this place accepts, when it takes fewer than 100-699 (PJSIPHangup: 400-699). */
  allowed?: { min: number; max: number; why: string };
  /**
   * The code replaces the status of a received reply that is forwarded (Kamailio's
   * sl_forward_reply), which refuses a code of another class than the received one.
   */
  keepsReceivedClass?: boolean;
  /** Who wrote the text: the dialect id (for wording specific to a product). */
  dialect?: string;
}

/**
 * The longest text taken as a reason phrase (as for the reason argument of Kamailio's reply
 * functions). What runs on for pages is a capture glued onto one line, not a phrase; and searching
 * no further than this keeps a line that repeats a code and its phrase linear.
 */
export const MAX_PHRASE_CHARS = 1000;

/** The value of a digit string, without losing "too big" to overflow tricks. */
export function numberOf(digits: string): number {
  return digits.length > 15 ? Infinity : Number(digits);
}
