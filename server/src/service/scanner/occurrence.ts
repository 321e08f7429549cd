import type { CauseKind } from '../../data/causes';
import type { Bilingual } from '../../data/types';

/** What a number (or pattern) found in a document is. Only `status` numbers are SIP status codes. */
export type OccurrenceKind =
  /** A SIP response status code. */
  | 'status'
  /** A pattern over status codes (t_check_status("5[0-9][0-9]"), status=~"..."): `pattern` holds it. */
  | 'status-pattern'
  /**
   * A number of a cause table (data/causes.ts): a Q.850 cause value ('q850': Reason:
   * Q.850;cause=16, Asterisk Hangup(17)), a FreeSWITCH hangup cause ('freeswitch-cause': 487
   * ORIGINATOR_CANCEL, 800-825) ...
   */
  | CauseKind
  /** A Warning header warn-code (Warning: 399 ...): a registry of its own. */
  | 'warn'
  /**
   * Not yet known: a preprocessor name where a code goes, a name's definition, a switch label
   * (`symbol` says which). The document resolves these against its other lines
   * (scanner/symbols.ts) before any feature sees them: into status codes, or into nothing.
   */
  | 'symbol';

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
  | 'log-line'
  /** The value of a preprocessor name that is used as a code (#!define BUSY_CODE 486, m4 define(`BUSY', `486')). */
  | 'definition'
  /** The code an accounting record gets from the leading digits of its comment (acc_log_request("200 Dialog Timeout")). */
  | 'accounting';

/**
 * A note a dialect attaches about where a code was found, by its message in the catalogue
 * (service/messages) and the message's arguments: what the place does with the code, beyond what
 * the code means (commented out, a name standing for it, a product's rule about it ...).
 */
export interface OccurrenceNote {
  key: 'commentedOut' | 'standsFor' | 'definitionUsed' | 'accounting' | 'switchLabel' | 'rpcReply' | 'sippRegex' | 'keepsReceivedClass' | 'holdsReplyCode' | 'sendsReply' | 'sentAsReply';
  args: readonly string[];
}

/**
 * A part of a routing script that other lines decide: `use`, a preprocessor name where a code goes
 * (digits: the name); `definition`, a name's definition (digits: the name; value: what it stands
 * for); `case`, a switch label (digits: the number), a code when the switch is over a reply code;
 * `compared`, a number compared with a script's own variable (digits: the number; subject: the
 * variable), a code when the variable holds the reply code (KEMI: code = KSR.pv.get("$rs"));
 * `function`, the head of a function of a KEMI script (digits: its name; params), which makes it a
 * helper that replies when it passes a parameter on as a reply function's code; `argument`, a
 * number passed to a function (digits: the number; subject: the function; index: the argument's
 * position), a code when the function is such a helper and the number is that parameter; `sent`,
 * a variable that a reply function sends as its code (digits: the variable, sl_send_reply("$var(code)",
 * ...)); `assigned`, a number assigned to a variable (digits: the number; subject: the variable), a
 * code when a reply sends that variable.
 */
export interface SymbolPart {
  role: 'use' | 'definition' | 'case' | 'compared' | 'function' | 'argument' | 'sent' | 'assigned';
  /** For `compared` and `assigned`: the variable the number is compared with or assigned to; for `argument`: the function called. */
  subject?: string;
  /** For `function`: the names of its parameters, in order (a method's self left out). */
  params?: readonly string[];
  /** For `argument`: the position of the argument. */
  index?: number;
  /** For definitions: the value and where it is on the line. */
  value?: { text: string; span: LineSpan };
  /** Whether the name is replaced inside strings too (#!subst, #!substdef, m4), not only where it stands alone (#!define). */
  inStrings?: boolean;
}

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
  /**
   * The reason phrase the text gives with the code, when it gives one. `via` is the preprocessor
   * name written in its place (sl_send_reply("486", BUSY_TEXT)): `text` is then the name's value.
   */
  phrase?: { text: string; span: LineSpan; via?: string };
  /** The codes this place accepts, when it takes fewer than 100-699 (PJSIPHangup: 400-699). */
  allowed?: { min: number; max: number; why: Bilingual };
  /** What the text around says, shown with the explanation: one message of the catalogue each. */
  notes?: OccurrenceNote[];
  /** Explained on hover, never diagnosed: commented-out code (# sl_send_reply("200", "OK");), a name's definition. */
  quiet?: true;
  /** For kind 'symbol': what is to be resolved. */
  symbol?: SymbolPart;
  /** The dialect that found it (its id). */
  dialect: string;
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
