import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionDocumentation, computeCodeActions, computeCompletion, resolveSettings } from '../../server/src/service';
import { analyzed } from '../support/documents';

const en = resolveSettings({});

test('after "SIP/2.0 " every registered code is offered with its phrase, deprecated ones last', () => {
  const items = computeCompletion(analyzed('SIP/2.0 4'), { line: 0, character: 9 })!;
  assert.ok(items.length >= 75);
  const busy = items.find((item) => item.label === '486 Busy Here')!;
  assert.deepEqual([busy.newText, busy.span, busy.deprecated], ['486 Busy Here', { start: 8, end: 9 }, false]);
  assert.equal(busy.code, 486);
  assert.match(completionDocumentation(busy.code, en), /\*\*486 Busy Here\*\*/);
  assert.match(completionDocumentation(busy.code, resolveSettings({ hover: { language: 'fa' } })), /خطای درخواست/);
  const accepted = items.find((item) => item.label === '202 Accepted')!;
  assert.equal(accepted.deprecated, true);
  assert.ok(items.every((item) => item.deprecated || item.sortText < accepted.sortText));
  assert.ok(!items.some((item) => item.label.startsWith('409')), 'removed codes are not offered');
});

test('completion replaces the rest of an existing status line', () => {
  const items = computeCompletion(analyzed('SIP/2.0 40 Not Found  '), { line: 0, character: 10 })!;
  assert.deepEqual(items[0].span, { start: 8, end: 20 });
});

test('no completion where no status code goes', () => {
  for (const [text, character] of [['CSeq: 1', 7], ['Via: SIP/2.0/UDP ', 17], ['INVITE sip:a@b SIP/2.0 ', 23]] as const) {
    assert.equal(computeCompletion(analyzed(text), { line: 0, character }), undefined, text);
  }
});

test('quick fix puts the standard phrase in place of a wrong one', () => {
  const [fix] = computeCodeActions(analyzed('SIP/2.0 404 Busy Here\n'), 0, 0);
  assert.deepEqual([fix.rule, fix.preferred, fix.edit], ['phrase-mismatch', true, { span: { start: 12, end: 21 }, newText: 'Not Found' }]);
});

test('a deprecated code is explained, not changed', () => {
  const [action] = computeCodeActions(analyzed('SIP/2.0 202 Accepted\n'), 0, 0);
  assert.equal(action.edit, undefined);
  assert.deepEqual(action.command, { id: 'sipSense.explainCode', title: action.title, arguments: ['202'] });
});
