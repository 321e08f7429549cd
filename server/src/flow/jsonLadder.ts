import type { FlowMessage } from '../../../common/callFlow';
import type { LadderHead, LadderWriter } from './ladderHead';

/**
 * The call flow as JSON for tools, `{ "participants": [...], "messages": [...] }` as
 * JSON.stringify(flow, null, 2) writes it, each message written as it comes.
 */
export function jsonLadder(head: LadderHead): LadderWriter {
  let written = 0;
  const arrow = (message: FlowMessage): string => `${written++ === 0 ? '' : ','}\n    ${JSON.stringify(message, null, 2).replace(/\n/g, '\n    ')}`;
  return {
    head: [`{\n  "participants": ${JSON.stringify(head.participants, null, 2).replace(/\n/g, '\n  ')},\n  "messages": [`],
    arrow,
    get tail() {
      return written === 0 ? ']\n}' : '\n  ]\n}';
    },
  };
}
