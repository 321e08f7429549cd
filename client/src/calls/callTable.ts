import type { CallSummary } from '../../../common/callFlow';

/**
 * The calls list's table, without VS Code: sorting by a column, filtering by text and by state,
 * and the cells as text (sngrep's call list: start, From, To, first method, state, final code with
 * its phrase, messages, duration).
 */

export const SORT_KEYS = ['start', 'from', 'to', 'method', 'state', 'status', 'messages', 'duration'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface CallQuery {
  sort: SortKey;
  descending: boolean;
  /** Kept when a field holds it (case-insensitive): Call-ID, From, To, method, state, code and phrase. */
  text: string;
  /** Kept when its state is one of these (all when empty). */
  states: readonly string[];
}

export const DEFAULT_QUERY: CallQuery = { sort: 'start', descending: false, text: '', states: [] };

function sortValue(call: CallSummary, key: SortKey): string | number | undefined {
  switch (key) {
    case 'start': return call.start;
    case 'from': return call.from;
    case 'to': return call.to;
    case 'method': return call.method;
    case 'state': return call.state;
    case 'status': return call.status;
    case 'messages': return call.messages;
    case 'duration': return call.duration;
  }
}

/** Calls without a value sort last either way; ties keep the trace's order (by the first line). */
function compare(a: CallSummary, b: CallSummary, key: SortKey, descending: boolean): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  if (x === undefined || y === undefined) {
    if (x !== y) return x === undefined ? 1 : -1;
    return a.line - b.line;
  }
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  return (descending ? -order : order) || a.line - b.line;
}

export function matchesText(call: CallSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [call.callId, call.from, call.to, call.method, call.state, finalResponse(call)]
    .some((field) => field.toLowerCase().includes(needle));
}

/** The calls the query keeps, in its order. */
export function selectCalls(calls: readonly CallSummary[], query: CallQuery): CallSummary[] {
  const states = new Set(query.states);
  return calls
    .filter((call) => (states.size === 0 || states.has(call.state)) && matchesText(call, query.text))
    .sort((a, b) => compare(a, b, query.sort, query.descending));
}

/** The states present, in the order they first appear. */
export function statesOf(calls: readonly CallSummary[]): string[] {
  return [...new Set(calls.map((call) => call.state))];
}

/** "486 Busy Here", or the code alone, or '' when the call has no final response. */
export function finalResponse(call: CallSummary): string {
  if (call.status === undefined) return '';
  return call.phrase ? `${call.status} ${call.phrase}` : String(call.status);
}

/** 0.250 s, 12.5 s, 4:05, 1:02:03; `inSeconds` writes a number of seconds in the views' words. */
export function formatDuration(seconds: number | undefined, inSeconds = (value: string) => `${value} s`): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 10) return inSeconds(seconds.toFixed(3).replace(/\.?0+$/, '') || '0');
  if (seconds < 60) return inSeconds(seconds.toFixed(1));
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The start as a date and time of day as the trace wrote it (a capture's in UTC; a log's in its
 * machine's local time, whose zone the trace does not say): 2024-03-01 12:03:07.250.
 */
export function formatStart(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  const iso = new Date(Math.round(seconds * 1000)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The response class of the final code (1..6), or undefined. */
export function finalClass(call: CallSummary): number | undefined {
  if (call.status === undefined) return undefined;
  const klass = Math.floor(call.status / 100);
  return klass >= 1 && klass <= 6 ? klass : undefined;
}
