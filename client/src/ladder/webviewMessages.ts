import type { FromWebview } from '../../../media/ladder/src/protocol';

/**
 * A message from the ladder webview, checked before use: the webview shows untrusted trace text,
 * so the extension believes nothing it sends without looking. Indexes must name a message of the
 * flow that was sent (`messageCount` of them); anything else is dropped.
 */
export function parseFromWebview(raw: unknown, messageCount: number): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const isIndex = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < messageCount;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
    case 'explain':
      return isIndex(message.index) ? { type: message.type, index: message.index } : undefined;
    default:
      return undefined;
  }
}
