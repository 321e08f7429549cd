import type { CallFlow, FlowMessage } from '../../../common/callFlow';

/**
 * The ladder's arithmetic, without the DOM: the rows in the order shown, which rows the viewport
 * needs, the arrow's colour class, and times (the message under an editor line: common/flowLines.ts).
 */

export type Order = 'call' | 'time';

/** A row of the ladder: a call's heading, or a message's arrow. `call` is the call's number (0-based, by first appearance). */
export type Row =
  | { kind: 'call'; call: number; callId: string; count: number }
  | { kind: 'message'; index: number; call: number };

/** The Call-IDs in the order they first appear; messages without one make a call of their own (''). */
export function callsOf(messages: readonly FlowMessage[]): string[] {
  const seen = new Set<string>();
  for (const message of messages) seen.add(message.callId ?? '');
  return [...seen];
}

/**
 * The rows for `order`: by call, each call's heading then its messages in file order; by time,
 * the messages in file order (the trace's order), calls interleaved side by side. Only the calls
 * in `shown` (all when undefined).
 */
export function buildRows(messages: readonly FlowMessage[], calls: readonly string[], order: Order, shown?: ReadonlySet<string>): Row[] {
  const number = new Map(calls.map((callId, i) => [callId, i]));
  const keep = (message: FlowMessage) => !shown || shown.has(message.callId ?? '');
  if (order === 'time') {
    const rows: Row[] = [];
    messages.forEach((message, index) => {
      if (keep(message)) rows.push({ kind: 'message', index, call: number.get(message.callId ?? '') ?? 0 });
    });
    return rows;
  }
  const byCall: number[][] = calls.map(() => []);
  messages.forEach((message, index) => {
    if (keep(message)) byCall[number.get(message.callId ?? '') ?? 0].push(index);
  });
  const rows: Row[] = [];
  byCall.forEach((indexes, call) => {
    if (indexes.length === 0) return;
    rows.push({ kind: 'call', call, callId: calls[call], count: indexes.length });
    for (const index of indexes) rows.push({ kind: 'message', index, call });
  });
  return rows;
}

/**
 * The call a ladder showing one call goes to when the editor's cursor is on message `index` of
 * another call (the Outline or Go to Definition took it there); undefined when it stays: the
 * message is of the call shown, or the ladder shows every call or calls picked together.
 */
export function callToFollow(messages: readonly FlowMessage[], shown: ReadonlySet<string> | undefined, index: number | undefined): string | undefined {
  if (index === undefined || shown?.size !== 1) return undefined;
  const callId = messages[index].callId ?? '';
  return shown.has(callId) ? undefined : callId;
}

/** For each message, its row (-1 when its call is not shown). */
export function rowOfMessage(rows: readonly Row[], messageCount: number): Int32Array {
  const map = new Int32Array(messageCount).fill(-1);
  rows.forEach((row, i) => {
    if (row.kind === 'message') map[row.index] = i;
  });
  return map;
}

/** The first and one-past-last rows to draw for a viewport, with `overscan` rows either side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/** The scrollTop that brings `row` into view, or undefined when it already is. */
export function scrollToShow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number, header = 0): number | undefined {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight - header) return Math.max(0, top + rowHeight - viewportHeight + header);
  return undefined;
}

/**
 * The colour class of an arrow: a request, or its response class (the same families as the
 * grammars' scopes: 1xx changed, 2xx inserted, 3xx keyword, 4xx deleted, 5xx invalid, 6xx illegal).
 */
export function arrowClass(message: FlowMessage): string {
  const status = message.status;
  if (status === undefined) return 'request';
  const klass = Math.floor(status / 100);
  return klass >= 1 && klass <= 6 && Number.isInteger(status) ? `c${klass}xx` : 'cbad';
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The time of day of an epoch time in seconds, as the trace wrote it (times are read as if in UTC): 12:03:07.250. */
export function formatTime(seconds: number): string {
  const date = new Date(Math.round(seconds * 1000));
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}`;
}

/** The delta between two arrows: +0.250 (seconds, to the millisecond). */
export function formatDelta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '';
  return `${seconds < 0 ? '−' : '+'}${Math.abs(seconds).toFixed(3)}`;
}

/** The participant index clamped to the columns there are (a bad index draws on the first). */
export function column(index: number, columns: number): number {
  return Number.isInteger(index) && index >= 0 && index < columns ? index : 0;
}

/** A flow's messages count and participants, checked before drawing (the extension sends what the server answered). */
export function isFlow(value: unknown): value is CallFlow {
  const flow = value as CallFlow;
  return !!flow && Array.isArray(flow.participants) && Array.isArray(flow.messages);
}
