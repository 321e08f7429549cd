import type { CallFlow, FlowMessage } from '../../../common/callFlow';
import { numberIn, type Lang } from '../../../common/digits';
import { messageAtLine } from '../../../common/flowLines';
import {
  arrowClass, buildRows, callsOf, callToFollow, column, formatDelta, formatTime, isFlow, rowOfMessage, scrollToShow, visibleRows, type Order,
  type Row,
} from './layout';
import { parseMarkdown } from './markdown';
import type { FromWebview, LadderStrings, ToWebview } from './protocol';

/**
 * The ladder webview: one column per endpoint, one arrow per SIP message. Only the rows in view
 * exist in the DOM (a pool of row elements moved as the list scrolls). Every piece of trace text
 * goes in through textContent; nothing here builds HTML from strings.
 */

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const ROW_HEIGHT = 34;
const TIME_WIDTH = 112;
const MIN_COLUMN = 150;
const MAX_COLUMN = 320;
const CALL_COLOURS = 8;

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

interface State {
  flow: CallFlow;
  strings: LadderStrings;
  /**
   * The language of the panel's words: its counts and line numbers in Persian digits in Persian;
   * arrow labels (SIP tokens: 486 Busy Here), times and addresses as the trace writes them.
   */
  lang: Lang;
  calls: string[];
  order: Order;
  shown?: Set<string>;
  /** The calls the command asked for. */
  requested?: Set<string>;
  /** Messages per call. */
  counts: Map<string, number>;
  /** The call picker holds every call. */
  allOptions: boolean;
  rows: Row[];
  rowOf: Int32Array;
  columnWidth: number;
  /** The row the keyboard and the editor's cursor are on. */
  current?: number;
  /** The flow is this window of more messages (the server sends at most so many at once). */
  window?: { start: number; total: number };
}

let state: State | undefined;
const pool = new Map<number, HTMLElement>();
const explanations = new Map<number, string | null>();
let hovered: { index: number; anchor: HTMLElement } | undefined;
let hoverTimer: number | undefined;
let frameRequested = false;

const toolbar = element('div', 'toolbar');
const titleText = element('span', 'title');
const callSelect = element('select', 'calls');
const orderSelect = element('select', 'order');
const noteText = element('span', 'note');
const pager = element('span', 'pager');
const earlierButton = element('button', 'earlier');
const rangeText = element('span', 'range');
const moreButton = element('button', 'more');
/** At the end of the rows, the same as moreButton. */
const moreRow = element('button', 'more-row');
const scroller = element('div', 'scroller');
const header = element('div', 'header');
const body = element('div', 'body');
const tooltip = element('div', 'tooltip');

function setUp(): void {
  const callLabel = element('label');
  const orderLabel = element('label');
  callLabel.append(callSelect);
  orderLabel.append(orderSelect);
  pager.append(earlierButton, rangeText, moreButton);
  pager.hidden = true;
  toolbar.append(titleText, callLabel, orderLabel, pager, noteText);
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'listbox');
  scroller.dir = 'ltr';
  scroller.append(header, body);
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  document.body.append(toolbar, scroller, tooltip);

  scroller.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  scroller.addEventListener('keydown', onKey);
  scroller.addEventListener('focus', () => showCurrent(false));
  scroller.addEventListener('blur', hideTooltip);
  body.addEventListener('click', onClick);
  body.addEventListener('mouseover', onHover);
  body.addEventListener('mouseleave', hideTooltip);
  callSelect.addEventListener('focus', fillCallOptions);
  callSelect.addEventListener('pointerdown', fillCallOptions);
  callSelect.addEventListener('change', () => {
    if (!state) return;
    const value = callSelect.value;
    state.shown = value === '*' ? undefined : value === 'requested' ? state.requested : new Set([state.calls[Number(value)]]);
    relayout();
  });
  orderSelect.addEventListener('change', () => {
    if (!state) return;
    state.order = orderSelect.value === 'time' ? 'time' : 'call';
    relayout();
  });
  earlierButton.addEventListener('click', () => turnPage(-1));
  moreButton.addEventListener('click', () => turnPage(1));
  moreRow.addEventListener('click', () => turnPage(1));
  window.addEventListener('message', (event: MessageEvent<ToWebview>) => receive(event.data));
  post({ type: 'ready' });
}

function receive(message: ToWebview): void {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'flow' && isFlow(message.flow)) show(message);
  else if (message.type === 'cursor') followCursor(message.line, message.moved === true);
  else if (message.type === 'explanation') {
    explanations.set(message.index, message.markdown);
    if (hovered?.index === message.index) showTooltip(message.index, hovered.anchor);
  }
}

function show(message: Extract<ToWebview, { type: 'flow' }>): void {
  performance.mark('sipsense-ladder-received');
  // VS Code hands it back to the extension when it restores this panel after a window reload.
  vscode.setState(message.state);
  const { flow, strings } = message;
  const longest = flow.participants.reduce((max, p) => Math.max(max, p.address.length + (p.inferred ? strings.inferred.length + 3 : 0)), 0);
  const calls = callsOf(flow.messages);
  const previousOrder = state?.order ?? 'call';
  const previousStart = state?.window?.start;
  const counts = new Map<string, number>();
  for (const m of flow.messages) counts.set(m.callId ?? '', (counts.get(m.callId ?? '') ?? 0) + 1);
  state = {
    flow, strings, lang: message.rtl ? 'fa' : 'en', calls, counts, order: previousOrder, rows: [], rowOf: new Int32Array(0), allOptions: false,
    columnWidth: Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, longest * 7.5 + 24)),
  };
  if (flow.window && flow.window.total > flow.messages.length) state.window = { start: flow.window.start, total: flow.window.total };
  if (message.callIds && message.callIds.length > 0) {
    const wanted = new Set(message.callIds);
    state.requested = new Set(calls.filter((id) => wanted.has(id)));
    state.shown = state.requested;
  }
  explanations.clear();
  hideTooltip();
  document.documentElement.lang = message.rtl ? 'fa' : 'en';
  toolbar.dir = message.rtl ? 'rtl' : 'ltr';
  tooltip.dir = message.rtl ? 'rtl' : 'ltr';
  titleText.textContent = `${message.title} · ${numberIn(state.lang, state.window?.total ?? flow.messages.length)} ${strings.messages}`;
  drawPager(state);
  noteText.textContent = message.note ?? (flow.participants.some((p) => p.inferred) ? strings.inferredNote : '');
  scroller.setAttribute('aria-label', `${strings.title}: ${message.title}`);
  fillSelects(state);
  drawHeader(state);
  relayout();
  // Another window of the same ladder: read on from its start (or, going back, from its end).
  const start = state.window?.start;
  if (previousStart !== undefined && start !== undefined && start !== previousStart) {
    scroller.scrollTop = start > previousStart ? 0 : scroller.scrollHeight;
  }
  // On the page's performance timeline: from the flow's arrival to the first frame that shows it.
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('sipsense-ladder-painted');
    performance.measure('sipsense-ladder-open', 'sipsense-ladder-received', 'sipsense-ladder-painted');
  }, 0));
}

function option(value: string, text: string): HTMLOptionElement {
  const node = element('option', undefined, text);
  node.value = value;
  return node;
}

function callOption(s: State, i: number): HTMLOptionElement {
  const callId = s.calls[i];
  return option(String(i), `#${count(s, i + 1)} ${callId || '—'} (${count(s, s.counts.get(callId) ?? 0)})`);
}

/**
 * The call picker holds, until it is first opened, only what it shows: a capture's thousands of
 * calls as options would cost more than the whole ladder to lay out.
 */
function fillSelects(s: State): void {
  callSelect.replaceChildren(option('*', `${s.strings.allCalls} (${count(s, s.calls.length)})`));
  if (s.requested && s.requested.size > 1) callSelect.append(option('requested', `${s.strings.selectedCalls} (${count(s, s.requested.size)})`));
  if (s.shown?.size === 1) callSelect.append(callOption(s, s.calls.indexOf([...s.shown][0])));
  s.allOptions = false;
  callSelect.value = !s.shown ? '*' : s.shown.size === 1 ? String(s.calls.indexOf([...s.shown][0])) : 'requested';
  callSelect.setAttribute('aria-label', s.strings.call);
  callSelect.hidden = s.calls.length < 2;
  orderSelect.replaceChildren(option('call', s.strings.byCall), option('time', s.strings.byTime));
  orderSelect.value = s.order;
  orderSelect.setAttribute('aria-label', s.strings.order);
}

/** Every call in the picker, once it is about to open. */
function fillCallOptions(): void {
  if (!state || state.allOptions) return;
  const s = state;
  const value = callSelect.value;
  const fixed = [...callSelect.options].filter((o) => o.value === '*' || o.value === 'requested');
  callSelect.replaceChildren(...fixed, ...s.calls.map((_, i) => callOption(s, i)));
  callSelect.value = value;
  s.allOptions = true;
}

/** A count or a line number in the panel's words. */
function count(s: State, value: number): string {
  return numberIn(s.lang, value.toLocaleString('en-US'));
}

/** Where the window lies among all the messages, and the buttons to the windows before and after it. */
function drawPager(s: State): void {
  pager.hidden = !s.window;
  if (!s.window) return;
  const shown = s.flow.messages.length;
  const before = s.window.start;
  const after = Math.max(0, s.window.total - s.window.start - shown);
  rangeText.textContent = s.strings.window.replace('{0}', count(s, before + 1)).replace('{1}', count(s, before + shown)).replace('{2}', count(s, s.window.total));
  earlierButton.textContent = `◀ ${s.strings.earlier.replace('{0}', count(s, before))}`;
  earlierButton.disabled = before === 0;
  moreButton.textContent = `${s.strings.more.replace('{0}', count(s, after))} ▶`;
  moreButton.disabled = after === 0;
  moreRow.textContent = moreButton.textContent;
}

/** Asks for the window before (-1) or after (1) the one shown. */
function turnPage(direction: -1 | 1): void {
  if (!state?.window) return;
  const shown = state.flow.messages.length;
  const start = direction < 0 ? Math.max(0, state.window.start - shown) : state.window.start + shown;
  if (start === state.window.start || start >= state.window.total) return;
  post({ type: 'page', start });
}

function columnX(s: State, participant: number): number {
  return TIME_WIDTH + column(participant, s.flow.participants.length) * s.columnWidth + s.columnWidth / 2;
}

function drawHeader(s: State): void {
  header.replaceChildren();
  const time = element('div', 'cell time', s.strings.time);
  header.append(time);
  s.flow.participants.forEach((participant, i) => {
    const cell = element('div', participant.inferred ? 'cell participant inferred' : 'cell participant');
    cell.append(element('span', 'address', participant.address));
    if (participant.inferred) {
      cell.append(element('span', 'inferred-tag', `(${s.strings.inferred})`));
      cell.title = s.strings.inferredNote;
    }
    cell.style.left = `${TIME_WIDTH + i * s.columnWidth}px`;
    cell.style.width = `${s.columnWidth}px`;
    header.append(cell);
  });
  const width = TIME_WIDTH + Math.max(1, s.flow.participants.length) * s.columnWidth;
  header.style.width = `${width}px`;
  body.style.width = `${width}px`;
}

/** Rebuilds the rows after the order or the shown calls changed, keeping the current message. */
function relayout(): void {
  if (!state) return;
  const s = state;
  const currentMessage = s.current !== undefined ? s.rows[s.current] : undefined;
  s.rows = buildRows(s.flow.messages, s.calls, s.order, s.shown);
  s.rowOf = rowOfMessage(s.rows, s.flow.messages.length);
  s.current = currentMessage?.kind === 'message' && s.rowOf[currentMessage.index] >= 0 ? s.rowOf[currentMessage.index] : undefined;
  for (const node of pool.values()) node.remove();
  pool.clear();
  body.replaceChildren();
  s.flow.participants.forEach((_, i) => {
    const line = element('div', 'lifeline');
    line.style.left = `${columnX(s, i)}px`;
    body.append(line);
  });
  const more = !!s.window && !moreButton.disabled;
  body.style.height = `${(Math.max(1, s.rows.length) + (more ? 1 : 0)) * ROW_HEIGHT}px`;
  if (s.rows.length === 0) body.append(element('div', 'empty', s.strings.noMessages));
  if (more) {
    moreRow.style.top = `${s.rows.length * ROW_HEIGHT}px`;
    moreRow.style.left = `${TIME_WIDTH}px`;
    body.append(moreRow);
  }
  scroller.setAttribute('aria-rowcount', String(s.rows.length));
  render();
}

function schedule(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    render();
  });
}

/** Puts the rows in view into the DOM and takes out the others. */
function render(): void {
  if (!state) return;
  const s = state;
  const [first, last] = visibleRows(scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT, s.rows.length);
  for (const [row, node] of pool) {
    if (row < first || row >= last) {
      node.remove();
      pool.delete(row);
    }
  }
  for (let row = first; row < last; row++) {
    let node = pool.get(row);
    if (!node) {
      node = drawRow(s, row);
      pool.set(row, node);
      body.append(node);
    }
    node.classList.toggle('current', row === s.current);
    node.setAttribute('aria-selected', String(row === s.current));
  }
  if (s.current !== undefined && pool.has(s.current)) scroller.setAttribute('aria-activedescendant', `row-${s.current}`);
  else scroller.removeAttribute('aria-activedescendant');
}

function previousTime(s: State, row: number): number | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const before = s.rows[r];
    if (before.kind === 'message') return s.flow.messages[before.index].time;
  }
  return undefined;
}

function describe(s: State, message: FlowMessage): string {
  const from = s.flow.participants[column(message.from, s.flow.participants.length)]?.address ?? '';
  const to = s.flow.participants[column(message.to, s.flow.participants.length)]?.address ?? '';
  const parts = [message.label, s.strings.fromTo.replace('{0}', from).replace('{1}', to)];
  if (message.time !== undefined) parts.push(formatTime(message.time));
  if (message.sdp) parts.push(s.strings.sdp);
  if (message.retransmission) parts.push(s.strings.retransmission);
  parts.push(`${s.strings.line} ${numberIn(s.lang, message.line + 1)}`);
  return parts.join(', ');
}

function drawRow(s: State, row: number): HTMLElement {
  const entry = s.rows[row];
  const node = element('div', 'row');
  node.id = `row-${row}`;
  node.dataset.row = String(row);
  node.style.top = `${row * ROW_HEIGHT}px`;
  node.setAttribute('role', 'option');
  node.setAttribute('aria-posinset', String(row + 1));
  node.setAttribute('aria-setsize', String(s.rows.length));
  if (entry.kind === 'call') {
    node.classList.add('call-heading', `call-${entry.call % CALL_COLOURS}`);
    node.setAttribute('aria-disabled', 'true');
    node.append(element('span', 'call-number', `${s.strings.call} ${count(s, entry.call + 1)}`));
    node.append(element('span', 'call-id', entry.callId || '—'));
    node.append(element('span', 'call-count', `${count(s, entry.count)} ${s.strings.messages}`));
    return node;
  }
  const message = s.flow.messages[entry.index];
  node.dataset.index = String(entry.index);
  node.dataset.line = String(message.line);
  node.setAttribute('aria-label', describe(s, message));
  const time = element('div', 'time');
  if (message.time !== undefined) {
    time.append(element('span', 't', formatTime(message.time)));
    const before = previousTime(s, row);
    if (before !== undefined) time.append(element('span', 'd', formatDelta(message.time - before)));
  }
  node.append(time, element('div', `stripe call-${entry.call % CALL_COLOURS}`));
  const from = columnX(s, message.from);
  const to = columnX(s, message.to);
  const arrow = element('div', `arrow ${arrowClass(message)}`);
  const label = element('span', 'label', message.label);
  if (from === to) {
    arrow.classList.add('self');
    arrow.style.left = `${from}px`;
  } else {
    arrow.classList.add(to > from ? 'right' : 'left');
    arrow.style.left = `${Math.min(from, to)}px`;
    arrow.style.width = `${Math.abs(to - from)}px`;
  }
  if (message.retransmission) arrow.classList.add('retransmission');
  arrow.append(label);
  if (message.sdp) label.append(element('span', 'sdp', 'SDP'));
  node.append(arrow);
  return node;
}

function messageRow(target: EventTarget | null): HTMLElement | undefined {
  const node = (target as HTMLElement | null)?.closest?.('.row');
  return node instanceof HTMLElement && node.dataset.index !== undefined ? node : undefined;
}

function onClick(event: MouseEvent): void {
  const node = messageRow(event.target);
  if (!node || !state) return;
  setCurrent(Number(node.dataset.row), false);
  post({ type: 'reveal', index: Number(node.dataset.index) });
}

function onHover(event: MouseEvent): void {
  const node = messageRow(event.target);
  if (!node) {
    hideTooltip();
    return;
  }
  const index = Number(node.dataset.index);
  if (hovered?.index === index) return;
  hovered = { index, anchor: node };
  explain(index, node);
}

function explain(index: number, anchor: HTMLElement): void {
  window.clearTimeout(hoverTimer);
  hideTooltip();
  hovered = { index, anchor };
  if (explanations.has(index)) {
    showTooltip(index, anchor);
    return;
  }
  hoverTimer = window.setTimeout(() => post({ type: 'explain', index }), 200);
}

function showTooltip(index: number, anchor: HTMLElement): void {
  const markdown = explanations.get(index);
  if (!markdown || !anchor.isConnected) return;
  tooltip.replaceChildren();
  for (const block of parseMarkdown(markdown)) {
    if (block.kind === 'rule') {
      tooltip.append(element('hr'));
      continue;
    }
    const paragraph = element('p');
    paragraph.dir = 'auto';
    for (const run of block.runs) {
      paragraph.append(run.style ? element(run.style === 'code' ? 'code' : run.style, undefined, run.text) : document.createTextNode(run.text));
    }
    tooltip.append(paragraph);
  }
  const box = anchor.getBoundingClientRect();
  tooltip.hidden = false;
  const below = box.bottom + 4;
  const height = tooltip.offsetHeight;
  tooltip.style.top = `${below + height > window.innerHeight && box.top - height - 4 > 0 ? box.top - height - 4 : below}px`;
  tooltip.style.left = `${Math.max(4, Math.min(window.innerWidth - tooltip.offsetWidth - 4, (state ? TIME_WIDTH : 0) - scroller.scrollLeft + 8))}px`;
}

function hideTooltip(): void {
  window.clearTimeout(hoverTimer);
  tooltip.hidden = true;
  hovered = undefined;
}

function nextMessageRow(s: State, from: number, step: number): number | undefined {
  for (let row = from; row >= 0 && row < s.rows.length; row += step) {
    if (s.rows[row].kind === 'message') return row;
  }
  return undefined;
}

/** Makes `row` current; `scroll` brings it into view: just so (the keyboard), or centred (the editor's cursor went there). */
function setCurrent(row: number | undefined, scroll: false | 'nearest' | 'center'): void {
  if (!state) return;
  state.current = row;
  if (scroll && row !== undefined) {
    const top = scrollToShow(row, scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT, header.offsetHeight);
    if (top !== undefined) {
      scroller.scrollTop = scroll === 'center' ? Math.max(0, row * ROW_HEIGHT - (scroller.clientHeight - header.offsetHeight) / 2) : top;
    }
  }
  render();
}

function showCurrent(scroll: boolean): void {
  if (!state || state.current === undefined) return;
  setCurrent(state.current, scroll ? 'nearest' : false);
  const entry = state.rows[state.current];
  const node = pool.get(state.current);
  if (entry?.kind === 'message' && node && document.activeElement === scroller) explain(entry.index, node);
}

function onKey(event: KeyboardEvent): void {
  if (!state || state.rows.length === 0) return;
  const s = state;
  const page = Math.max(1, Math.floor((scroller.clientHeight - header.offsetHeight) / ROW_HEIGHT) - 1);
  const at = s.current;
  let target: number | undefined;
  switch (event.key) {
    case 'ArrowDown': target = at === undefined ? nextMessageRow(s, 0, 1) : nextMessageRow(s, at + 1, 1) ?? at; break;
    case 'ArrowUp': target = at === undefined ? nextMessageRow(s, 0, 1) : nextMessageRow(s, at - 1, -1) ?? at; break;
    case 'PageDown': target = nextMessageRow(s, Math.min(s.rows.length - 1, (at ?? 0) + page), 1) ?? nextMessageRow(s, s.rows.length - 1, -1); break;
    case 'PageUp': target = nextMessageRow(s, Math.max(0, (at ?? 0) - page), -1) ?? nextMessageRow(s, 0, 1); break;
    case 'Home': target = nextMessageRow(s, 0, 1); break;
    case 'End': target = nextMessageRow(s, s.rows.length - 1, -1); break;
    case 'Enter':
    case ' ': {
      const entry = at !== undefined ? s.rows[at] : undefined;
      if (entry?.kind === 'message') post({ type: 'reveal', index: entry.index });
      event.preventDefault();
      return;
    }
    case 'Escape': hideTooltip(); return;
    default: return;
  }
  event.preventDefault();
  if (target === undefined) return;
  setCurrent(target, 'nearest');
  showCurrent(false);
}

/** Marks the message at the editor's cursor; a ladder of one call goes to the cursor's call when the user moved the cursor into another. */
function followCursor(line: number | null, moved: boolean): void {
  if (!state) return;
  const index = line === null ? undefined : messageAtLine(state.flow.messages, line);
  const other = moved ? callToFollow(state.flow.messages, state.shown, index) : undefined;
  if (other !== undefined) {
    state.shown = new Set([other]);
    fillSelects(state);
    relayout();
  }
  const row = index === undefined ? -1 : state.rowOf[index];
  setCurrent(row >= 0 ? row : undefined, row >= 0 ? 'center' : false);
}

setUp();
