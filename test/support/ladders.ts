import type { CallFlow, CallSummary } from '../../common/callFlow';
import { htmlPage } from '../../server/src/flow/htmlPage';
import { jsonLadder } from '../../server/src/flow/jsonLadder';
import { LadderCount, type LadderHead, type LadderWriter } from '../../server/src/flow/ladderHead';
import { svgDocument } from '../../server/src/flow/svgLadder';
import { textLadder } from '../../server/src/flow/textLadder';

/** The head of a whole ladder, counted over its arrows as `sipsense flow` counts it on its first reading. */
export function headOf(flow: CallFlow): LadderHead {
  const count = new LadderCount();
  for (const message of flow.messages) count.add(message);
  return count.head(flow.participants);
}

/** A whole ladder written by a writer: its head, its arrows in order, its tail. */
export function written(writer: LadderWriter, flow: CallFlow): string {
  let text = [...writer.head].join('');
  for (const message of flow.messages) text += writer.arrow(message);
  return text + writer.tail;
}

/** A whole ladder in a format of `sipsense flow`, as it writes it for this flow (without the line end its output adds). */
export function rendered(format: 'text' | 'svg' | 'html' | 'json', flow: CallFlow, calls: readonly CallSummary[] = [], title = 'trace'): string {
  const head = headOf(flow);
  if (format === 'json') return written(jsonLadder(head), flow);
  if (format === 'svg') return written(svgDocument(head, title), flow);
  if (format === 'html') return written(htmlPage(head, calls, calls.length, title), flow);
  return written(textLadder(head), flow);
}
