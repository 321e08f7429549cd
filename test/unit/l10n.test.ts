import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
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
