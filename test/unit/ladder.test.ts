import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowMessage } from '../../common/callFlow';
import { messageAtLine } from '../../common/flowLines';
import {
  arrowClass, buildRows, callsOf, callToFollow, column, formatDelta, formatTime, rowOfMessage, scrollToShow, visibleRows,
} from '../../media/ladder/src/layout';
import { parseMarkdown } from '../../media/ladder/src/markdown';
import { ladderState, parseLadderState } from '../../client/src/ladder/ladderState';
import { parseFromWebview } from '../../client/src/ladder/webviewMessages';

function message(line: number, endLine: number, callId: string | undefined, extra: Partial<FlowMessage> = {}): FlowMessage {
  return { line, endLine, from: 0, to: 1, label: 'INVITE', callId, ...extra };
}

const MESSAGES = [
  message(0, 9, 'a'),
  message(11, 20, 'b'),
  message(22, 30, 'a', { status: 180, label: '180 Ringing' }),
  message(32, 40, 'b', { status: 486, label: '486 Busy Here' }),
  message(42, 50, undefined),
];

test('rows by call: each call has its heading, then its messages in file order; by time: the file order', () => {
  const calls = callsOf(MESSAGES);
  assert.deepEqual(calls, ['a', 'b', '']);
  assert.deepEqual(buildRows(MESSAGES, calls, 'call'), [
    { kind: 'call', call: 0, callId: 'a', count: 2 },
    { kind: 'message', index: 0, call: 0 },
    { kind: 'message', index: 2, call: 0 },
    { kind: 'call', call: 1, callId: 'b', count: 2 },
    { kind: 'message', index: 1, call: 1 },
    { kind: 'message', index: 3, call: 1 },
    { kind: 'call', call: 2, callId: '', count: 1 },
    { kind: 'message', index: 4, call: 2 },
  ]);
  assert.deepEqual(buildRows(MESSAGES, calls, 'time').map((row) => row.kind === 'message' && row.index), [0, 1, 2, 3, 4]);
  const onlyB = buildRows(MESSAGES, calls, 'time', new Set(['b']));
  assert.deepEqual(onlyB, [{ kind: 'message', index: 1, call: 1 }, { kind: 'message', index: 3, call: 1 }]);
  assert.deepEqual([...rowOfMessage(onlyB, MESSAGES.length)], [-1, 0, -1, 1, -1]);
});

test('a ladder of one call follows the cursor into another call; a ladder of all calls, or of calls picked together, stays', () => {
  assert.equal(callToFollow(MESSAGES, new Set(['a']), 3), 'b');
  assert.equal(callToFollow(MESSAGES, new Set(['a']), 4), '');
  assert.equal(callToFollow(MESSAGES, new Set(['a']), 2), undefined, 'a message of the call shown');
  assert.equal(callToFollow(MESSAGES, undefined, 3), undefined, 'every call shown');
  assert.equal(callToFollow(MESSAGES, new Set(['a', '']), 3), undefined, 'calls picked together');
  assert.equal(callToFollow(MESSAGES, new Set(['a']), undefined), undefined, 'the cursor between messages');
});

test('the message under an editor line: inside a message only, never between messages', () => {
  assert.equal(messageAtLine(MESSAGES, 0), 0);
  assert.equal(messageAtLine(MESSAGES, 9), 0);
  assert.equal(messageAtLine(MESSAGES, 10), undefined);
  assert.equal(messageAtLine(MESSAGES, 35), 3);
  assert.equal(messageAtLine(MESSAGES, 50), 4);
  assert.equal(messageAtLine(MESSAGES, 51), undefined);
  assert.equal(messageAtLine([], 3), undefined);
});

test('the rows in view, and the scroll that shows a row under the sticky header', () => {
  assert.deepEqual(visibleRows(0, 340, 34, 10_000, 0), [0, 10]);
  assert.deepEqual(visibleRows(3400, 340, 34, 10_000, 8), [92, 118]);
  assert.deepEqual(visibleRows(340_000, 340, 34, 10_000, 8), [9992, 10_000]);
  assert.deepEqual(visibleRows(0, 340, 34, 0), [0, 0]);
  assert.equal(scrollToShow(5, 0, 340, 34, 40), undefined);
  assert.equal(scrollToShow(9, 0, 340, 34, 40), 34 * 10 - 340 + 40);
  assert.equal(scrollToShow(2, 200, 340, 34, 40), 68);
});

test('arrow classes follow the response classes, requests apart, impossible codes marked', () => {
  assert.equal(arrowClass(message(0, 0, 'a')), 'request');
  assert.deepEqual([100, 200, 302, 486, 503, 603].map((status) => arrowClass(message(0, 0, 'a', { status }))),
    ['c1xx', 'c2xx', 'c3xx', 'c4xx', 'c5xx', 'c6xx']);
  assert.equal(arrowClass(message(0, 0, 'a', { status: 99 })), 'cbad');
  assert.equal(arrowClass(message(0, 0, 'a', { status: 700 })), 'cbad');
});

test('times of day (UTC) and deltas to the millisecond; bad participant indexes fall on the first column', () => {
  assert.equal(formatTime(Date.UTC(2024, 2, 1, 12, 3, 7, 250) / 1000), '12:03:07.250');
  assert.equal(formatTime(Number.NaN), '');
  assert.equal(formatDelta(0.25), '+0.250');
  assert.equal(formatDelta(-1), '−1.000');
  assert.equal(column(2, 3), 2);
  assert.equal(column(3, 3), 0);
  assert.equal(column(-1, 3), 0);
  assert.equal(column(1.5, 3), 0);
});

test('explanations become text runs: markup, links and HTML stay text', () => {
  const blocks = parseMarkdown('**486 Busy Here** · 4xx\n\nSee [RFC 3261 §21.4.24](https://example.invalid) and `Retry-After`.\n\n---\n\n<img src=x onerror=alert(1)> *note*');
  assert.deepEqual(blocks, [
    { kind: 'paragraph', runs: [{ text: '486 Busy Here', style: 'strong' }, { text: ' · 4xx' }] },
    { kind: 'paragraph', runs: [{ text: 'See ' }, { text: 'RFC 3261 §21.4.24' }, { text: ' and ' }, { text: 'Retry-After', style: 'code' }, { text: '.' }] },
    { kind: 'rule' },
    { kind: 'paragraph', runs: [{ text: '<img src=x onerror=alert(1)> ' }, { text: 'note', style: 'em' }] },
  ]);
});

test('messages from the webview are checked: known types, indexes of the flow sent', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }, 0), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'reveal', index: 4, line: 99 }, 5), { type: 'reveal', index: 4 });
  assert.deepEqual(parseFromWebview({ type: 'explain', index: 0 }, 1), { type: 'explain', index: 0 });
  assert.deepEqual(parseFromWebview({ type: 'page', start: 19_999 }, 5, 20_000), { type: 'page', start: 19_999 }, 'a page of all the messages the flow is a window of');
  for (const bad of [{ type: 'page', start: 20_000 }, { type: 'page', start: -1 }, { type: 'page', start: 2.5 }, { type: 'page' }]) {
    assert.equal(parseFromWebview(bad, 5, 20_000), undefined, JSON.stringify(bad));
  }
  for (const bad of [
    null, undefined, 'reveal', 42, [], { type: 'reveal' }, { type: 'reveal', index: 5 }, { type: 'reveal', index: -1 },
    { type: 'reveal', index: 1.5 }, { type: 'reveal', index: '1' }, { type: 'explain', index: Number.NaN },
    { type: 'rendered', rows: 1, ms: 1 }, { type: 'runCommand', command: 'x' }, { type: 'page', start: 5 },
    { type: '__proto__' }, { type: 'constructor' },
  ]) {
    assert.equal(parseFromWebview(bad, 5), undefined, JSON.stringify(bad));
  }
});

test('the state a ladder keeps across a window reload comes back as it went (as JSON, as VS Code keeps it); anything else is refused', () => {
  const roundTrip = (state: unknown) => parseLadderState(JSON.parse(JSON.stringify(state)));
  for (const state of [
    ladderState('file:///traces/rfc3665.txt', ['3848276298220188511@atlanta.example.com'], undefined),
    ladderState('file:///big/trace%20400.txt', 'all', 20_000),
    ladderState('sipsense-call:/big.txt%20b@h.sip?%7B%22uri%22%3A%22file%3A%2F%2F%2Fbig.txt%22%7D', ['b@h', 'c@h'], 0),
  ]) {
    assert.deepEqual(roundTrip(state), state);
  }
  assert.deepEqual(ladderState('file:///t.sip', 'all', 0), { uri: 'file:///t.sip', calls: 'all' }, 'the first window is no start');
  for (const bad of [
    null, 'file:///t.sip', [], {}, { uri: 42, calls: 'all' }, { uri: '', calls: 'all' }, { uri: 'file:///t.sip' },
    { uri: 'file:///t.sip', calls: 'cursor' }, { uri: 'file:///t.sip', calls: [] }, { uri: 'file:///t.sip', calls: [1] },
    { uri: 'file:///t.sip', calls: 'all', start: -1 }, { uri: 'file:///t.sip', calls: 'all', start: 1.5 }, { uri: 'file:///t.sip', calls: 'all', start: '3' },
    { uri: 'x'.repeat(70_000), calls: 'all' }, { uri: 'file:///t.sip', calls: Array.from({ length: 10_001 }, (_, i) => `c${i}`) },
  ]) {
    assert.equal(parseLadderState(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
  }
});
