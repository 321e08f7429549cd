import type { FromWebview } from '../../../media/ladder/src/protocol';

/**
 * A message from the ladder webview, checked before use: the webview shows untrusted trace text,
 * so the extension believes nothing it sends without looking. Indexes must name a message of the
 * flow that was sent (`messageCount` of them), a page's start one of all the messages of which that
 * flow is a window (`total`); anything else is dropped.
 */
export function parseFromWebview(raw: unknown, messageCount: number, total = messageCount): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const isIndex = (value: unknown, count = messageCount): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
    case 'explain':
      return isIndex(message.index) ? { type: message.type, index: message.index } : undefined;
    case 'page':
      return isIndex(message.start, total) ? { type: 'page', start: message.start } : undefined;
    default:
      return undefined;
  }
}
