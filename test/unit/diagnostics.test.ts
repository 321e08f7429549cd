import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDiagnostics, resolveSettings } from '../../server/src/service';
import { analyzed } from '../support/documents';

const defaults = resolveSettings({});

function diagnose(text: string, settings = defaults) {
  return computeDiagnostics(analyzed(text).occurrences, settings);
}

function rules(text: string, settings = defaults) {
  return diagnose(text, settings).map((d) => `${d.line}:${d.span.start}:${d.rule}:${d.severity}`);
}

test('a deprecated code is a warning tagged deprecated', () => {
  const [d] = diagnose('SIP/2.0 202 Accepted\n');
  assert.deepEqual([d.rule, d.severity, d.deprecated, d.span], ['deprecated-code', 'warning', true, { start: 8, end: 11 }]);
  assert.match(d.message, /202 Accepted is deprecated/);
});

test('removed, unregistered and impossible codes', () => {
  assert.deepEqual(rules('SIP/2.0 409 Conflict\nSIP/2.0 499 Oops\nSIP/2.0 4294967301 big\nSIP/2.0 99 small\nSIP/2.0 700 x\n'), [
    '0:8:removed-code:warning', '1:8:unregistered-code:warning', '2:8:impossible-code:error', '3:8:impossible-code:error', '4:8:impossible-code:error',
  ]);
});

test('a phrase of another code is information; a custom phrase is a hint; the standard phrase in any case is fine', () => {
  assert.deepEqual(rules('SIP/2.0 404 Busy Here\nSIP/2.0 603 Network Blocked\nSIP/2.0 486 BUSY HERE\nSIP/2.0 200 OK.\n'), [
    '0:12:phrase-mismatch:information', '1:12:custom-phrase:hint',
  ]);
  const [mismatch] = diagnose('SIP/2.0 404 Busy Here\n');
  assert.equal(mismatch.data?.replacement, 'Not Found');
  assert.match(mismatch.message, /free text/);
});

test('a known variant phrase is named with its source', () => {
  const [hint] = diagnose('SIP/2.0 481 Call Leg/Transaction Does Not Exist\n');
  assert.equal(hint.rule, 'custom-phrase');
  assert.match(hint.message, /RFC 2543/);
});

test('a final response before a provisional one is not a problem', () => {
  assert.deepEqual(rules('SIP/2.0 200 OK\nCSeq: 1 INVITE\n\nSIP/2.0 180 Ringing\nCSeq: 1 INVITE\n'), []);
});

test('severities can be changed or turned off per rule, and all diagnostics turned off', () => {
  const settings = resolveSettings({ diagnostics: { severity: { 'deprecated-code': 'error', 'removed-code': 'off' } } });
  assert.deepEqual(rules('SIP/2.0 202 Accepted\nSIP/2.0 409 Conflict\n', settings), ['0:8:deprecated-code:error']);
  assert.deepEqual(rules('SIP/2.0 202 Accepted\n', resolveSettings({ diagnostics: { enable: false } })), []);
});

test('diagnostics are capped per document and the rest are counted', () => {
  const text = 'SIP/2.0 409 Conflict\n'.repeat(30);
  const capped = diagnose(text, resolveSettings({ diagnostics: { maxPerDocument: 10 } }));
  assert.equal(capped.length, 11);
  assert.equal(capped[10].rule, 'too-many-diagnostics');
  assert.match(capped[10].message, /^20 more/);
});

test('warn-codes and Q.850 causes never get status-code diagnostics', () => {
  assert.deepEqual(rules('Warning: 399 host "x"\nReason: Q.850;cause=127\n'), []);
});
