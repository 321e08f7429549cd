import type { FlowMessage } from '../../../common/callFlow';
import { arrowLabel, plainText } from './labels';
import { relativeTime, type LadderHead, type LadderWriter } from './ladderHead';

/**
 * The call flow as a text ladder for terminals and tickets: one column per endpoint, and for each
 * message a label row and an arrow row, with the time since the first message on the left and
 * the message's line (and Call-ID when the flow holds several calls) on the right. Written as
 * the arrows come: its columns are sized from the head (the endpoints and the widest label).
 */

const MIN_COLUMN = 16;
const MAX_COLUMN = 44;
/** Columns narrow (down to MIN_COLUMN) when the ladder would be wider than this; cut labels are then written out in the note. */
const MAX_WIDTH = 160;
/** The longest label a note writes out. */
const MAX_NOTE_LABEL = 200;

export function textLadder(head: LadderHead): LadderWriter {
  const count = head.participants.length;
  if (count === 0) return { head: ['no SIP messages\n'], arrow: () => '', tail: '' };
  const addresses = head.participants.map((p) => plainText(p.inferred ? `${p.address} (?)` : p.address));
  const inferred = head.participants.some((p) => p.inferred);
  const widest = addresses.reduce((most, address) => Math.max(most, address.length), head.widestLabel + 4);
  const timeWidth = head.firstTime !== undefined ? 14 : 0;
  const fitting = Math.floor((MAX_WIDTH - timeWidth) / count);
  const column = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, widest + 2, fitting));
  const center = (index: number) => timeWidth + Math.floor(column / 2) + index * column;
  const width = center(count - 1) + 2;

  const blank = (): string[] => {
    const row = new Array<string>(width).fill(' ');
    for (let i = 0; i < count; i++) row[center(i)] = '|';
    return row;
  };
  const put = (row: string[], at: number, text: string) => {
    for (let i = row.length; i < at; i++) row[i] = ' ';
    for (let i = 0; i < text.length; i++) if (at + i >= 0) row[at + i] = text[i];
  };
  const finish = (row: string[], note = '') => (row.join('').trimEnd() + (note ? `  ${note}` : ''));
  const lines = (rows: string[]) => rows.map((row) => `${row}\n`).join('');

  const top: string[] = [];
  // Addresses too long for their column are named by a letter, and a legend says which is which.
  const legend = addresses.some((a) => a.length > column - 2);
  if (legend) addresses.forEach((address, i) => top.push(`${columnName(i)}  ${address}`));
  if (inferred) top.push('(?) a host read from the message headers (Via sent-by, Request-URI): the trace has no capture framing');
  if (top.length > 0) top.push('');
  const header = new Array<string>(width).fill(' ');
  addresses.forEach((address, i) => {
    const shown = legend ? columnName(i) : address;
    put(header, center(i) - Math.floor(shown.length / 2), shown);
  });
  if (timeWidth) put(header, 0, 'time (s)');
  top.push(finish(header));
  top.push(finish(blank()));

  const arrow = (message: FlowMessage): string => {
    const text = plainText(arrowLabel(message));
    const labelRow = blank();
    const arrowRow = blank();
    const from = center(message.from);
    const to = center(message.to);
    const time = relativeTime(message, head);
    if (time !== undefined) put(labelRow, 0, time.toFixed(6));
    if (from === to) {
      const label = fit(text, column - 3);
      put(labelRow, from + 2, label);
      put(arrowRow, from + 1, '--.');
      const back = blank();
      put(back, from + 1, '<-\'');
      return lines([finish(labelRow), finish(arrowRow, note(message, head.severalCalls, label === text ? '' : text)), finish(back)]);
    }
    const left = Math.min(from, to);
    const right = Math.max(from, to);
    const label = fit(text, right - left - 3);
    put(labelRow, left + Math.max(2, Math.floor((right - left - label.length) / 2)), label);
    const shaft = message.retransmission ? '=' : '-';
    for (let x = left + 1; x < right; x++) arrowRow[x] = shaft;
    if (to > from) arrowRow[right - 1] = '>';
    else arrowRow[left + 1] = '<';
    return lines([finish(labelRow), finish(arrowRow, note(message, head.severalCalls, label === text ? '' : text))]);
  };
  return { head: [lines(top)], arrow, tail: '' };
}

/**
 * The right-hand note of an arrow: the 1-based line of the message, its label when the arrow had
 * to cut it, and its Call-ID when several calls are drawn.
 */
function note(message: FlowMessage, withCallId: boolean, cutLabel: string): string {
  return [`line ${message.line + 1}`, fit(cutLabel, MAX_NOTE_LABEL), withCallId && message.callId ? `Call-ID ${plainText(message.callId)}` : '']
    .filter(Boolean).join('  ');
}

/** A, B, ... Z, AA, AB ... */
function columnName(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : columnName(Math.floor(index / 26) - 1) + letter;
}

/** Cuts a text to `max` characters, marking the cut. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 3 ? text.slice(0, Math.max(0, max)) : `${text.slice(0, max - 3)}...`;
}
