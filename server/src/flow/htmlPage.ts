import { createHash } from 'node:crypto';
import type { CallSummary } from '../../../common/callFlow';
import type { LadderHead, LadderWriter } from './ladderHead';
import { escapeXml, svgElement } from './svgLadder';

/**
 * The call flow as one self-contained HTML page: the calls table and the ladder (inline SVG). It
 * holds no script at all, and its Content-Security-Policy allows nothing but its own style block
 * (by hash), so no trace text can run or load anything even if it escaped its escaping. The calls
 * table comes first, a row at a time, then the ladder, written as its arrows come.
 */

const STYLE = `body{font-family:system-ui,sans-serif;margin:16px;color:#24292f;background:#fff}
h1{font-size:18px}table{border-collapse:collapse;margin:12px 0}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;font-size:13px}
td.n{text-align:right}.ladder{overflow:auto}`;

export function htmlPage(head: LadderHead, calls: Iterable<CallSummary>, callCount: number, title: string): LadderWriter {
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'`;
  const svg = svgElement(head, title);
  const top = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p>${head.messages} SIP messages, ${callCount} calls, ${head.participants.length} endpoints.</p>
<table>
<thead><tr><th>Call-ID</th><th>method</th><th>From</th><th>To</th><th>state</th><th>final response</th><th>messages</th><th>duration (s)</th><th>line</th></tr></thead>
<tbody>
`;
  function* pieces(): Generator<string> {
    yield top;
    let first = true;
    for (const call of calls) {
      yield `${first ? '' : '\n'}${row(call)}`;
      first = false;
    }
    yield '\n</tbody>\n</table>\n<div class="ladder">\n';
    yield* svg.head;
  }
  return { head: pieces(), arrow: svg.arrow, tail: `${svg.tail}\n</div>\n</body>\n</html>\n` };
}

/** A row of the calls table. */
function row(call: CallSummary): string {
  return `<tr><td>${escapeXml(call.callId)}</td><td>${escapeXml(call.method)}</td><td>${escapeXml(call.from)}</td>` +
    `<td>${escapeXml(call.to)}</td><td>${escapeXml(call.state)}</td><td>${call.status === undefined ? '' : escapeXml(`${call.status} ${call.phrase ?? ''}`.trim())}</td>` +
    `<td class="n">${call.messages}</td><td class="n">${call.duration === undefined ? '' : call.duration.toFixed(3)}</td><td class="n">${call.line + 1}</td></tr>`;
}
