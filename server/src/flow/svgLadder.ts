import type { FlowMessage } from '../../../common/callFlow';
import { arrowLabel, plainText } from './labels';
import { relativeTime, type LadderHead, type LadderWriter } from './ladderHead';

/**
 * The call flow as a standalone SVG: no script, no style sheet, no reference outside the file
 * (arrowheads are markers defined in it), every piece of trace text escaped. Colours follow the
 * response class as the grammars' scopes do (1xx changed, 2xx inserted, 3xx keyword, 4xx deleted,
 * 5xx and 6xx invalid).
 */

const COLUMN = 200;
const ROW = 34;
const TOP = 56;
const LEFT = 110;
const FONT = 'font-family="ui-monospace, Menlo, Consolas, monospace" font-size="12"';

const CLASS_COLOURS: Record<number, string> = {
  1: '#1f6feb',
  2: '#1a7f37',
  3: '#8250df',
  4: '#cf222e',
  5: '#bc4c00',
  6: '#a40e26',
};
const REQUEST_COLOUR = '#24292f';

/** The colour of an arrow: by response class, or the request colour. */
export function arrowColour(message: FlowMessage): string {
  return message.status === undefined ? REQUEST_COLOUR : CLASS_COLOURS[Math.floor(message.status / 100)] ?? REQUEST_COLOUR;
}

/** Escapes text for XML character data and attribute values, after removing what XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The SVG element (without an XML declaration, so that an HTML page can hold it too), written as
 * its arrows come: its size is the head's.
 */
export function svgElement(head: LadderHead, title: string): LadderWriter {
  const count = Math.max(1, head.participants.length);
  const width = LEFT + count * COLUMN;
  const height = TOP + head.messages * ROW + 24;
  const x = (index: number) => LEFT + index * COLUMN + COLUMN / 2;
  const lines = (rows: string[]) => rows.map((row) => `${row}\n`).join('');
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`);
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push('<defs>');
  for (const colour of new Set([REQUEST_COLOUR, ...Object.values(CLASS_COLOURS)])) {
    const id = colour.slice(1);
    out.push(`<marker id="h${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`);
    out.push(`<marker id="d${id}" viewBox="0 0 20 10" refX="20" refY="5" markerWidth="16" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10zM10,0L20,5L10,10z" fill="${colour}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  head.participants.forEach((participant, i) => {
    const address = participant.inferred ? `${participant.address} (from headers)` : participant.address;
    out.push(`<g><title>${escapeXml(address)}</title>`);
    out.push(`<rect x="${x(i) - COLUMN / 2 + 8}" y="8" width="${COLUMN - 16}" height="26" rx="4" fill="#f6f8fa" stroke="#8c959f"${participant.inferred ? ' stroke-dasharray="4 3"' : ''}/>`);
    out.push(`<text x="${x(i)}" y="25" text-anchor="middle" ${FONT} fill="${REQUEST_COLOUR}">${escapeXml(shorten(participant.address, 26))}</text></g>`);
    out.push(`<line x1="${x(i)}" y1="34" x2="${x(i)}" y2="${height - 8}" stroke="#8c959f" stroke-dasharray="2 3"/>`);
  });
  if (head.firstTime !== undefined) out.push(`<text x="8" y="25" ${FONT} fill="#57606a">time (s)</text>`);
  let index = 0;
  const arrow = (message: FlowMessage): string => {
    const y = TOP + index++ * ROW + 20;
    const colour = arrowColour(message);
    const label = arrowLabel(message);
    const tooltip = `${label} · line ${message.line + 1}${message.callId ? ` · Call-ID ${message.callId}` : ''}`;
    const rows = [`<g><title>${escapeXml(tooltip)}</title>`];
    const time = relativeTime(message, head);
    if (time !== undefined) rows.push(`<text x="8" y="${y}" ${FONT} fill="#57606a">${time.toFixed(6)}</text>`);
    const from = x(message.from);
    const to = x(message.to);
    const marker = `url(#${message.retransmission ? 'd' : 'h'}${colour.slice(1)})`;
    const dash = message.retransmission ? ' stroke-dasharray="6 3"' : '';
    if (from === to) {
      rows.push(`<path d="M${from},${y - 6}h40v12h-40" fill="none" stroke="${colour}" stroke-width="1.5"${dash} marker-end="${marker}"/>`);
      rows.push(`<text x="${from + 46}" y="${y + 4}" ${FONT} fill="${colour}">${escapeXml(shorten(label, 20))}</text>`);
    } else {
      rows.push(`<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" stroke="${colour}" stroke-width="1.5"${dash} marker-end="${marker}"/>`);
      const span = Math.abs(to - from);
      rows.push(`<text x="${(from + to) / 2}" y="${y - 5}" text-anchor="middle" ${FONT} fill="${colour}">${escapeXml(shorten(label, Math.floor(span / 7.5)))}</text>`);
    }
    rows.push('</g>');
    return lines(rows);
  };
  return { head: [lines(out)], arrow, tail: '</svg>' };
}

/** A standalone SVG document. */
export function svgDocument(head: LadderHead, title: string): LadderWriter {
  const svg = svgElement(head, title);
  return { head: ['<?xml version="1.0" encoding="UTF-8"?>\n', ...svg.head], arrow: svg.arrow, tail: `${svg.tail}\n` };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
