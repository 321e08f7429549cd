import type { CallFlow } from '../../../common/callFlow';

/**
 * The messages between the ladder webview and the extension. The webview names messages only by
 * their index in the flow it was sent; the extension checks every message it receives
 * (client/src/ladder/webviewMessages.ts) and looks lines up itself.
 */

/** The panel's own words, localised by the extension (the webview has no vscode.l10n). */
export interface LadderStrings {
  title: string;
  time: string;
  inferred: string;
  inferredNote: string;
  allCalls: string;
  selectedCalls: string;
  call: string;
  order: string;
  byCall: string;
  byTime: string;
  retransmission: string;
  /** Said of a message with an SDP body (the badge itself reads SDP). */
  sdp: string;
  messages: string;
  noMessages: string;
  fromTo: string;
  line: string;
  /** The window of a ladder of more messages than one answer carries: `{0}–{1} of {2}`. */
  window: string;
  /** `{0} earlier`, `{0} more`: the messages before and after the window. */
  earlier: string;
  more: string;
}

/** What the extension sends. */
export type ToWebview =
  | {
    type: 'flow';
    flow: CallFlow;
    /** The calls to show first (all when absent). */
    callIds?: string[];
    /** The file's name, for the toolbar. */
    title: string;
    strings: LadderStrings;
    /** The explanations' language is Persian (the toolbar and tooltips run right to left). */
    rtl: boolean;
    note?: string;
    /** What the webview keeps (setState) for the extension to draw the same ladder after a window reload. */
    state: unknown;
  }
  /**
   * The editor's cursor is on this 0-based line (null: not on the trace); `moved` when the user
   * moved it there (not when a ladder just drawn is told where it is).
   */
  | { type: 'cursor'; line: number | null; moved?: boolean }
  /** The explanation of the message `index` (Markdown), or null when there is none. */
  | { type: 'explanation'; index: number; markdown: string | null };

/** What the webview sends. */
export type FromWebview =
  | { type: 'ready' }
  /** Show the message `index` in the editor. */
  | { type: 'reveal'; index: number }
  /** Explain the message `index` (its status code). */
  | { type: 'explain'; index: number }
  /** Show the window of messages from the `start`-th (of the flow's window.total). */
  | { type: 'page'; start: number };
