// Writes the TextMate grammars of syntaxes/ from their sources in scripts/grammar-*.mjs.
//   node scripts/grammar-build.mjs          write syntaxes/*.tmLanguage.json
//   node scripts/grammar-build.mjs --check  exit 1 if a file in syntaxes/ is not up to date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sipGrammar } from './grammar-sip.mjs';
import { sipRouterGrammar } from './grammar-siprouter.mjs';
import { asteriskGrammar } from './grammar-asterisk.mjs';
import { logInjectionGrammar, markdownInjectionGrammar } from './grammar-injections.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const outputs = {
  'syntaxes/sip.tmLanguage.json': sipGrammar,
  'syntaxes/kamailio.tmLanguage.json': sipRouterGrammar('kamailio'),
  'syntaxes/opensips.tmLanguage.json': sipRouterGrammar('opensips'),
  'syntaxes/asterisk.tmLanguage.json': asteriskGrammar,
  'syntaxes/sip-log.injection.tmLanguage.json': logInjectionGrammar,
  'syntaxes/sip-markdown.injection.tmLanguage.json': markdownInjectionGrammar,
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, json] of Object.entries(outputs)) {
  const text = JSON.stringify(json, null, 2) + '\n';
  const path = join(root, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error(`${file} is not up to date: run node scripts/grammar-build.mjs`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
