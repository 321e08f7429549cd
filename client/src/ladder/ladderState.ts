/**
 * What a ladder panel keeps across a window reload: the webview holds it (its setState) and VS Code
 * hands it back to the panel serializer, which redraws the same ladder. It comes back from the
 * webview, which shows untrusted trace text, so it is checked as anything else from there.
 */
export interface LadderState {
  /** The trace's URI. */
  uri: string;
  /** The calls shown (every call when 'all'). */
  calls: string[] | 'all';
  /** The first message of the window shown, for a ladder of more messages than one answer carries. */
  start?: number;
}

/** Bounds on what is believed: a Call-ID list no longer than a selection in the calls view could make. */
const MAX_CALLS = 10_000;
const MAX_TEXT = 64 * 1024;

/** The state a ladder's webview keeps. */
export function ladderState(uri: string, calls: string[] | 'all', start: number | undefined): LadderState {
  return start === undefined || start === 0 ? { uri, calls } : { uri, calls, start };
}

/** The state VS Code hands back, checked; undefined when it is not one this extension wrote. */
export function parseLadderState(raw: unknown): LadderState | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { uri, calls, start } = raw as Record<string, unknown>;
  const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
  if (!text(uri)) return undefined;
  const callsOk = calls === 'all'
    || (Array.isArray(calls) && calls.length > 0 && calls.length <= MAX_CALLS && calls.every((id) => typeof id === 'string' && id.length <= MAX_TEXT));
  if (!callsOk) return undefined;
  if (start !== undefined && !(Number.isSafeInteger(start) && (start as number) >= 0)) return undefined;
  return ladderState(uri, calls as string[] | 'all', start as number | undefined);
}
