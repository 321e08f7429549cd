import { RequestType } from 'vscode-jsonrpc';

/**
 * The call flow's contract between the server and the client's views (calls list, ladder, call
 * documents): the custom requests and the scheme of call documents (the command ids are in commands.ts).
 */

export interface CallsParams {
  /** A document the client opened, or a file: URI the server reads from disk. */
  uri: string;
}

/** One call of a trace, as sngrep's call list shows it. */
export interface CallSummary {
  callId: string;
  /** Epoch seconds of its first message, where the trace has times. */
  start?: number;
  /** The user part (or host) of the From and To of the message the call is named by: its first request outside a dialog, where the trace has it. */
  from: string;
  to: string;
  /** The method of the message the call is named by (a response's CSeq method). */
  method: string;
  /** completed, rejected, busy, cancelled, redirected, in call, registered, ... */
  state: string;
  /** The final response to its initial request (after any challenge), the request in the trace or not. */
  status?: number;
  phrase?: string;
  messages: number;
  /** Seconds from its first to its last message, where the trace has times. */
  duration?: number;
  /** 0-based line of its first message's start line. */
  line: number;
}

export interface CallsResult {
  /** 'document': the text VS Code synchronised; 'file': read from disk by the server. */
  source: 'document' | 'file';
  /** False when reading stopped early (cancelled, or the file could not be read to its end). */
  complete: boolean;
  /** SIP messages found. */
  messages: number;
  calls: CallSummary[];
  /** What the user should know about how this list was made (read from disk, why incomplete). */
  note?: string;
}

export interface CallFlowParams {
  uri: string;
  /** The calls to draw; every call when absent. */
  callIds?: string[];
  /**
   * One answer carries at most a window of the messages drawn (the server's cap, or `limit` when
   * smaller): from the `start`-th of them (0-based), or around the message at `line`.
   */
  start?: number;
  line?: number;
  limit?: number;
}

/** A column of the ladder: an endpoint. */
export interface Participant {
  /** address:port from the capture framing, or a host taken from the message itself. */
  address: string;
  /** True when the trace has no framing and the address was taken from Via sent-by, Contact or the Request-URI. */
  inferred: boolean;
}

/** An arrow of the ladder: one SIP message. */
export interface FlowMessage {
  /** 0-based lines of the message's start line and of its last line. */
  line: number;
  endLine: number;
  /** Indexes into participants. */
  from: number;
  to: number;
  /** The method, or `code phrase`. */
  label: string;
  /** Epoch seconds, where the trace has times. */
  time?: number;
  callId?: string;
  status?: number;
  /** The request's method, or the CSeq method of a response. */
  method?: string;
  /** The message carries an SDP body. */
  sdp?: boolean;
  /** The same message of the same transaction seen again. */
  retransmission?: boolean;
}

export interface CallFlow {
  participants: Participant[];
  /** One per SIP message, in file order. */
  messages: FlowMessage[];
  /**
   * In the server's answers: where `messages` lies among all the messages drawn (`start`, 0-based)
   * and how many those are; the participants are those of the window's messages.
   */
  window?: { start: number; total: number };
}

export const CallsRequest = new RequestType<CallsParams, CallsResult, void>('sipSense/calls');
export const CallFlowRequest = new RequestType<CallFlowParams, CallFlow, void>('sipSense/callFlow');

export interface CallDocumentParams {
  uri: string;
  callId: string;
  /** A call too long for one document comes in parts (see CallDocument.part): the part wanted, 0-based ... */
  part?: number;
  /** ... or the part that holds the message starting at this 0-based line of the trace (the first part when neither is given). */
  line?: number;
}

/** One call's messages with their framing, cut from the trace, and where each message starts in it. */
export interface CallDocument {
  text: string;
  /** For each message of the document, in order: its 0-based line in the trace and in `text`. */
  lines: { trace: number; document: number }[];
  /**
   * Present when the call is too long for one document: which part this is (0-based) of how many,
   * and which of the call's messages it holds, [from, from + lines.length) of `messages`. A part
   * whose text would pass a bound (messages of a megabyte each) ends early.
   */
  part?: { index: number; count: number; from: number; messages: number };
}

/** The text of a call document; null when the trace has no such call. */
export const CallDocumentRequest = new RequestType<CallDocumentParams, CallDocument | null, void>('sipSense/callDocument');

/** The scheme of call documents: `sipsense-call:/<file name> <Call-ID>.sip?<JSON of { uri, callId }>`. */
export const CALL_DOCUMENT_SCHEME = 'sipsense-call';
