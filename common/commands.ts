/** Command ids that the server's answers name and the client implements or contributes. */

/** Explains a code (arguments: the code as a string); code actions carry it, the client shows a preview. */
export const EXPLAIN_COMMAND = 'sipSense.explainCode';

/** The command palette's look-up of a code (a quick pick over every code). */
export const LOOK_UP_COMMAND = 'sipSense.lookUpStatusCode';

/** The ladder of a call, beside the trace (the CodeLens on each call's first message runs it): arguments `{ uri, callId }`. */
export const SHOW_CALL_FLOW_COMMAND = 'sipSense.showCallFlow';

/** Opens a call as its own read-only document: arguments `{ uri, callId, line? }` (line: a trace line to reveal in it). */
export const OPEN_CALL_COMMAND = 'sipSense.openCall';

/** Opens (again) the decoded trace of a packet capture: arguments the capture's URI as a string. */
export const OPEN_CAPTURE_TRACE_COMMAND = 'sipSense.openCaptureTrace';
/** The ladder of every call of the active trace (the command palette's). */
export const SHOW_ALL_CALL_FLOWS_COMMAND = 'sipSense.showAllCallFlows';

/** The view type of the ladder's webview panel (package.json activates the extension to restore one after a reload). */
export const LADDER_VIEW_TYPE = 'sipSense.ladder';
