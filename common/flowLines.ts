import type { FlowMessage } from './callFlow';

/**
 * The message under an editor line, for the ladder webview (which highlights its arrow) and the
 * client (the call at the cursor): the message whose lines hold `line`, or undefined. Messages in
 * file order, as sipSense/callFlow sends them.
 */
export function messageAtLine(messages: readonly FlowMessage[], line: number): number | undefined {
  let low = 0;
  let high = messages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const message = messages[mid];
    if (line < message.line) high = mid - 1;
    else if (line > message.endLine) low = mid + 1;
    else return mid;
  }
  return undefined;
}
