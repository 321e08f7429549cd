/**
 * The trace model's public types: SIP messages as a trace shows them, the transactions they make
 * and the calls those belong to. Records are small (numbers and short strings, never a copy of
 * the message text) so that a streaming reader can keep hundreds of thousands of them.
 */

/** One SIP message found in a text trace. Lines are 0-based document lines. */
export interface SipMessage {
  /** The line of the start line (request or status line). */
  startLine: number;
  /** Where the start line starts on its line (after indentation, a log prefix or capture junk). */
  startColumn: number;
  /** The message's last line (its body included; trailing blank lines and framing not included). */
  endLine: number;
  /** The framing line that introduced it (ngrep's `U 2005/07/04 ...`, pjsip's `<--- Received ...`), if any. */
  frameLine?: number;
  /** Read under the framing line of an earlier message (a packet's second message): its framing facts are that line's. */
  sharesFrame?: true;
  /** The offset of the message's first line (its framing line when it has one), when the reader was given offsets. */
  offset?: number;
  kind: 'request' | 'response';
  /** The request's method; for a response, the method of its CSeq ('' when it has none). */
  method: string;
  /** A request's Request-URI. */
  requestUri?: string;
  /** A response's status code (as written: may be impossible). */
  status?: number;
  /** A response's reason phrase. */
  phrase?: string;
  callId?: string;
  cseq?: number;
  /** The CSeq method (upper case). */
  cseqMethod?: string;
  /** From and To as engineers read them: the URI's user part, else the display name, else the host. */
  from?: string;
  fromTag?: string;
  to?: string;
  toTag?: string;
  /** The top Via's branch and sent-by (host[:port], lower case). */
  branch?: string;
  sentBy?: string;
  /** Media type of the body, lower case without parameters (`application/sdp`). */
  contentType?: string;
  /** Whether the message carries an SDP body (also inside multipart bodies). */
  hasSdp: boolean;
  /** When it was captured, in seconds since 1970 (UTC as the framing wrote it; a time of day alone counts from 1970-01-01). */
  time?: number;
  /** UDP, TCP, TLS, SCTP, WS, WSS ... from the framing, else from the top Via. */
  transport?: string;
  /** Source and destination, `address:port` (IPv6 in brackets), from the framing. */
  source?: string;
  destination?: string;
  /** Another call's Call-ID that this message names (X-Call-ID, X-CID, X-Orig-Call-ID): a B2BUA's other leg. */
  relatedCallId?: string;
  /** Who diverted or transferred the call, from Diversion, History-Info or Referred-By (as `from`/`to` are read). */
  divertedBy?: string;
}

/** A transaction (RFC 3261 section 17): a request, its retransmissions and its responses, at one hop. */
export interface SipTransaction {
  /** Its index in TraceModel.transactions. */
  index: number;
  /** INVITE, REGISTER, BYE ... (CANCEL is a transaction of its own). */
  method: string;
  /** Messages (indices into TraceModel.messages) in trace order: requests, retransmissions, responses (and an ACK to a non-2xx). */
  messages: number[];
  /** The first copy of its request, when the trace has it (a response whose request was not captured has none). */
  request?: number;
  /** Its first final response (200-699), if any. */
  finalResponse?: number;
  /** For a CANCEL, the INVITE transaction it cancels; for an INVITE, its CANCEL transaction. */
  cancels?: number;
  cancelledBy?: number;
  /** The call it belongs to (index into TraceModel.calls). */
  call: number;
}

/** How a call ended, in engineers' words. */
export type CallState =
  | 'completed'
  | 'rejected'
  | 'busy'
  | 'cancelled'
  | 'redirected'
  | 'in call'
  | 'registered'
  | 'failed authentication'
  | 'no final response';

/** The messages of one Call-ID. */
export interface SipCall {
  /** Its index in TraceModel.calls. */
  index: number;
  callId: string;
  /** Messages (indices into TraceModel.messages) in trace order. */
  messages: number[];
  /** Transactions (indices into TraceModel.transactions) in order of their first message. */
  transactions: number[];
  /** The message its method, From and To are read from (a message index): its first request outside a dialog, else its first message of another transaction than an ACK or a CANCEL (see headRank). */
  head: number;
  /** The method of its head: a request's own, a response's CSeq method. */
  method: string;
  from: string;
  to: string;
  /** Times of the first and last message, when the framing gives times; duration = end - start. */
  start?: number;
  end?: number;
  /** The final response that decided the call (to its initial request, after any challenge), a message index. */
  finalResponse?: number;
  state: CallState;
  /** Other calls linked to this one (B2BUA legs by X-Call-ID/X-CID, diverted or transferred calls): indices into TraceModel.calls. */
  related: number[];
}

/** What a message is within its transaction. */
export interface MessageRole {
  transaction: number;
  /** A copy of an earlier message of the same transaction (same start line) at the same hop. */
  retransmission: boolean;
}

/** The whole model of one trace. */
export interface TraceModel {
  messages: readonly SipMessage[];
  transactions: readonly SipTransaction[];
  calls: readonly SipCall[];
  /** Per message (same index as messages): its transaction and whether it is a retransmission. */
  roles: readonly MessageRole[];
}
