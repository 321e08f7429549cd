import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallSummary } from '../../common/callFlow';
import {
  DEFAULT_QUERY, finalClass, finalResponse, formatDuration, formatStart, matchesText, selectCalls, statesOf,
} from '../../client/src/calls/callTable';

function call(line: number, extra: Partial<CallSummary>): CallSummary {
  return { callId: `id-${line}`, from: 'alice', to: 'bob', method: 'INVITE', state: 'COMPLETED', messages: 4, line, ...extra };
}

const CALLS = [
  call(0, { start: 30, status: 486, phrase: 'Busy Here', state: 'REJECTED', duration: 2, from: 'carol' }),
  call(10, { start: 10, status: 200, phrase: 'OK', duration: 65, messages: 9 }),
  call(20, { method: 'REGISTER', state: 'IN PROGRESS' }),
  call(30, { start: 20, status: 200, phrase: 'OK', duration: 1 }),
];

const ids = (calls: CallSummary[]) => calls.map((c) => c.line);

test('sorted by a column either way; calls without the value last, ties in trace order', () => {
  assert.deepEqual(ids(selectCalls(CALLS, DEFAULT_QUERY)), [10, 30, 0, 20]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, descending: true })), [0, 30, 10, 20]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, sort: 'status' })), [10, 30, 0, 20]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, sort: 'messages', descending: true })), [10, 0, 20, 30]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, sort: 'from' })), [10, 20, 30, 0]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, sort: 'duration' })), [30, 0, 10, 20]);
});

test('filtered by text over every field (case-insensitive) and by state', () => {
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, text: 'busy' })), [0]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, text: ' CAROL ' })), [0]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, text: 'register' })), [20]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, text: 'id-3' })), [30]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, states: ['COMPLETED'] })), [10, 30]);
  assert.deepEqual(ids(selectCalls(CALLS, { ...DEFAULT_QUERY, states: ['COMPLETED'], text: 'nobody' })), []);
  assert.equal(matchesText(CALLS[0], ''), true);
  assert.deepEqual(statesOf(CALLS), ['REJECTED', 'COMPLETED', 'IN PROGRESS']);
});

test('cells: final response, class, duration and start', () => {
  assert.equal(finalResponse(CALLS[0]), '486 Busy Here');
  assert.equal(finalResponse(CALLS[2]), '');
  assert.equal(finalResponse(call(0, { status: 699 })), '699');
  assert.equal(finalClass(CALLS[0]), 4);
  assert.equal(finalClass(call(0, { status: 99 })), undefined);
  assert.deepEqual([0, 0.25, 2, 12.34, 65, 3723, undefined, -1].map((s) => formatDuration(s)), ['0 s', '0.25 s', '2 s', '12.3 s', '1:05', '1:02:03', '', '']);
  assert.deepEqual([0.25, 12.34, 65].map((s) => formatDuration(s, (value) => `${value} ثانیه`)), ['0.25 ثانیه', '12.3 ثانیه', '1:05'], 'seconds in the views\' words');
  assert.equal(formatStart(Date.UTC(2024, 2, 1, 12, 3, 7, 250) / 1000), '2024-03-01 12:03:07.250');
  assert.equal(formatStart(undefined), '');
});
