import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { withPersianDigits } from '../../common/digits';
import { MESSAGES } from '../../server/src/service/messages';
import { repoRoot } from '../support/corpus';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const PERSIAN = /[\u0600-\u06FF]/;

test('every %key% of package.json is in package.nls.json and package.nls.fa.json, and nothing more', () => {
  const used = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const persian = JSON.parse(read('package.nls.fa.json')) as Record<string, string>;
  assert.deepEqual(Object.keys(english).sort(), [...used].sort());
  assert.deepEqual(Object.keys(persian).sort(), [...used].sort());
  for (const [key, text] of Object.entries(persian)) assert.match(text, PERSIAN, key);
});

/** The client's sources, in every folder under client/src. */
function clientSources(dir = join(repoRoot, 'client', 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? clientSources(join(dir, entry.name)) : [join(dir, entry.name)]);
}

test('every runtime message of the client and of its views has its Persian translation', () => {
  const messages = new Set<string>();
  for (const file of clientSources()) {
    // vscode.l10n.t('…') and localized('…') (the views' words, Persian when sipSense.hover.language says fa).
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:l10n\.t|\blocalized)\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(m[1]);
  }
  assert.ok(messages.size >= 5);
  const bundle = JSON.parse(read('l10n/bundle.l10n.fa.json')) as Record<string, string>;
  assert.deepEqual(Object.keys(bundle).sort(), [...messages].sort());
  for (const [key, text] of Object.entries(bundle)) {
    assert.match(text, PERSIAN, key);
    for (const placeholder of key.match(/\{\d\}/g) ?? []) assert.ok(text.includes(placeholder), `${key}: ${placeholder}`);
  }
});

/** Persian texts whose Latin digits are what the user types or reads as a SIP token, not a number of the sentence. */
const LATIN_DIGITS_MEANT: Readonly<Record<string, string>> = {
  'e.g. alice, 486, REJECTED': 'an example of what to type in the filter, which matches the final response as the trace writes it',
};

test('the Persian of the manifest and of the views writes the numbers of its prose in Persian digits (code and SIP tokens keep theirs)', () => {
  const texts = [
    ...Object.entries(JSON.parse(read('package.nls.fa.json')) as Record<string, string>),
    ...Object.entries(JSON.parse(read('l10n/bundle.l10n.fa.json')) as Record<string, string>),
  ];
  for (const [key, withPlaceholders] of texts) {
    const text = withPlaceholders.replace(/\{\d\}/g, '{}');
    if (key in LATIN_DIGITS_MEANT) assert.notEqual(withPersianDigits(text), text, `${key}: no longer needs its exception`);
    else assert.equal(withPersianDigits(text), text, key);
  }
});

test("sipsense calls says a call's state in the words of the SIP Calls view", () => {
  const view = JSON.parse(read('l10n/bundle.l10n.fa.json')) as Record<string, string>;
  for (const [state, english] of Object.entries(MESSAGES.en.cli.callStates)) {
    assert.equal(english, state);
    assert.equal(MESSAGES.fa.cli.callStates[state as keyof typeof MESSAGES.fa.cli.callStates], view[state], state);
  }
});
