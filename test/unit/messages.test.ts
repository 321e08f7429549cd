import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzed } from '../support/documents';
import { computeCodeActions, computeCompletion, computeDiagnostics, computeHover, resolveSettings } from '../../server/src/service';
import { numberIn, withPersianDigits } from '../../common/digits';
import { MESSAGES } from '../../server/src/service/messages';
import { main } from '../../server/src/cli';
import { corpusFiles } from '../support/corpus';

/** Every key of a catalogue, with the number of arguments of each message. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}(${value.length})`];
  if (typeof value === 'string') return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key)).sort();
}

test('the English and Persian catalogues have the same keys, each message the same arguments', () => {
  assert.deepEqual(shape(MESSAGES.fa), shape(MESSAGES.en));
});

/** Messages that are names and numbers only, the same in every language. */
const LANGUAGE_NEUTRAL: ReadonlySet<string> = new Set(['hover.q850Line']);

test('Persian messages are Persian: every text of the catalogue has Persian letters, and none is the English one', () => {
  const texts = (value: unknown, path = ''): [string, string][] => typeof value === 'function'
    ? [[path, String((value as (...args: string[]) => string)('A', 'B', 'C'))]]
    : typeof value === 'string' ? [[path, value]] : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, path ? `${path}.${key}` : key));
  const en = new Map(texts(MESSAGES.en));
  for (const [path, text] of texts(MESSAGES.fa)) {
    if (LANGUAGE_NEUTRAL.has(path)) continue;
    assert.match(text, /[\u0600-\u06FF]/, `${path}: ${text}`);
    assert.notEqual(text, en.get(path), path);
  }
});

test('sipSense.language governs diagnostics, quick-fix titles and completion details; sipSense.hover.language still counts', () => {
  const text = 'sl_send_reply("404", "Busy Here");\nsl_send_reply("202", "Accepted");\nt_reply("")';
  const document = analyzed(text, 'kamailio');
  const fa = resolveSettings({ language: 'fa' });
  assert.equal(resolveSettings({ hover: { language: 'fa' } }).language, 'fa', 'the older setting');
  assert.equal(resolveSettings({ language: 'en', hover: { language: 'fa' } }).language, 'en', 'the new one wins');
  assert.equal(resolveSettings({ language: 'auto', hover: { language: 'fa' } }).language, 'fa');
  assert.equal(resolveSettings({ language: 'auto' }, 'fa-IR').language, 'fa');
  const messages = computeDiagnostics(document.occurrences, fa).map((d) => d.message);
  assert.ok(messages.length > 0 && messages.every((m) => /[\u0600-\u06FF]/.test(m)), messages.join('\n'));
  const both = computeDiagnostics(document.occurrences, resolveSettings({ language: 'both' }));
  assert.ok(both.every((d) => /^[\x20-\x7E“”§’‘]+\n.*[\u0600-\u06FF]/s.test(d.message)), 'English, then Persian');
  const titles = computeCodeActions(document, 0, 1, 'fa').map((a) => a.title);
  assert.ok(titles.includes('جایگزینی با عبارت استاندارد «Not Found»'), titles.join('\n'));
  const items = computeCompletion(document, { line: 2, character: 9 }, 'fa')!;
  assert.equal(items.find((item) => item.label === '202 Accepted')!.detail, '2xx · منسوخ');
});

test('sipsense check --lang fa prints the diagnostics in Persian', async () => {
  const out: string[] = [];
  const file = corpusFiles('kamailio').find((f) => f.name === 'kamailio__etc_kamailio.cfg')!.path;
  await main(['check', '--lang', 'fa', file], { out: (t) => out.push(t), err: () => undefined });
  assert.ok(out.some((line) => /phrase-mismatch/.test(line) && /عبارت کد ۵۱۳/.test(line)), out.join('\n'));
});

test('numbers in Persian prose are written in Persian digits, as the seed writes them; numbers of Latin text keep theirs', () => {
  const cases: [string, string][] = [
    ['**486 Busy Here** · 4xx خطای درخواست', '**۴۸۶ Busy Here** · 4xx خطای درخواست'],
    ['کد 486 (RFC 3261 §8.1.3.2) و RFC 3261 بخش 8.1.3.2', 'کد ۴۸۶ (RFC 3261 §8.1.3.2) و RFC 3261 بخش ۸.۱.۳.۲'],
    ['از 400 تا 699؛ پیام «Response code is out of range 400 -> 699» و 603 Decline', 'از ۴۰۰ تا ۶۹۹؛ پیام «Response code is out of range 400 -> 699» و ۶۰۳ Decline'],
    ['`sl_send_reply("404", "x")` در خط 12', '`sl_send_reply("404", "x")` در خط ۱۲'],
    ['[RFC 3261 §21.4.7](https://www.rfc-editor.org/rfc/rfc3261#section-21.4.7) خط 5', '[RFC 3261 §21.4.7](https://www.rfc-editor.org/rfc/rfc3261#section-21.4.7) خط ۵'],
    ['Q.850 و SIP/2.0 و T1 و 100rel و 3xx', 'Q.850 و SIP/2.0 و T1 و 100rel و 3xx'],
    ['12 هشدار، 600 و 603', '۱۲ هشدار، ۶۰۰ و ۶۰۳'],
  ];
  for (const [text, persian] of cases) assert.equal(withPersianDigits(text), persian, text);
  // Where Persian text is shown: hovers, diagnostics; never in the English of 'both'.
  const document = analyzed('sl_send_reply("513", "Busy Here");', 'kamailio');
  const [fa] = computeDiagnostics(document.occurrences, resolveSettings({ language: 'fa' }));
  assert.match(fa.message, /۵۱۳/);
  assert.doesNotMatch(fa.message, /[0-9]{3}/);
  const [both] = computeDiagnostics(document.occurrences, resolveSettings({ language: 'both' }));
  assert.match(both.message.split('\n')[0], /513/);
  const hover = computeHover(document, { line: 0, character: 16 }, resolveSettings({ language: 'both' }))!.markdown;
  const [english, persian] = hover.split('\n\n---\n\n');
  assert.match(english, /^\*\*513 Message Too Large\*\*/);
  assert.match(persian, /^\*\*۵۱۳ Message Too Large\*\* · 5xx /);
});

test('a number a view is given is written in Persian digits in Persian (counts, durations), other arguments as they are', () => {
  assert.deepEqual([12, '1,234', '12.5', '4:05'].map((value) => numberIn('fa', value)), ['۱۲', '۱,۲۳۴', '۱۲.۵', '۴:۰۵']);
  assert.deepEqual([12, '1,234', '4:05'].map((value) => numberIn('en', value)), ['12', '1,234', '4:05']);
  for (const other of ['486 Busy Here', 'trace-2024.sip', 'ENOENT', '10.0.0.1:5060x', '']) assert.equal(numberIn('fa', other), other);
});
