/** The trace model: SIP messages, transactions and calls read from text traces. Pure, no protocol in it. */
export type { CallState, MessageRole, SipCall, SipMessage, SipTransaction, TraceModel } from './types';
export { MAX_FRAME_GAP, MessageReader, readMessages, readMessagesAround } from './reader';
export { buildTraceModel } from './model';
export { messageAtLine, messageStartingAt, requestOf } from './query';
