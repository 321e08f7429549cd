/** Command ids that the server's answers name and the client implements or contributes. */

/** Explains a code (arguments: the code as a string); code actions carry it, the client shows a preview. */
export const EXPLAIN_COMMAND = 'sipSense.explainCode';

/** The command palette's look-up of a code (a quick pick over every code). */
export const LOOK_UP_COMMAND = 'sipSense.lookUpStatusCode';
