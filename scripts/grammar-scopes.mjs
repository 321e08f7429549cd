// The scopes of every character that our grammars give the corpus (../shared/corpus) and the
// grammar test files, for checking that a change to a grammar leaves them all as they were:
//   npx tsc -p . && node scripts/grammar-scopes.mjs dump before.txt
//   (change scripts/grammar-*.mjs, npm run grammars)
//   node scripts/grammar-scopes.mjs dump after.txt && node scripts/grammar-scopes.mjs diff before.txt after.txt
// `diff` compares character by character (how a line is cut into tokens does not matter) and exits 1
// when a character's scopes differ.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const reg = require('../out/test/unit/grammarRegistry.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `### name` then one line per token: `line:start "text" scopes`. */
async function dump(file) {
  const out = [];
  const registry = reg.createRegistry();
  const tokens = (name, grammar, text) => {
    out.push(`### ${name}`);
    reg.tokenizeText(grammar, text).forEach((lt, i) => {
      for (const t of lt.tokens) out.push(`${i + 1}:${t.startIndex} ${JSON.stringify(lt.line.slice(t.startIndex, t.endIndex))} ${t.scopes.join(' ')}`);
    });
  };
  for (const f of reg.corpusFiles()) {
    const scope = reg.CORPUS_SCOPES[f.folder];
    if (scope) tokens(`${f.folder}/${f.name}`, await reg.loadGrammar(registry, scope), readFileSync(f.path, 'utf8'));
  }
  const testDir = join(root, 'test', 'grammar');
  for (const name of readdirSync(testDir).filter((n) => /\.test\./.test(n)).sort()) {
    const text = readFileSync(join(testDir, name), 'utf8');
    const scope = /SYNTAX TEST "([^"]+)"/.exec(text.split('\n')[0])?.[1];
    if (scope) tokens(`test/${name}`, await reg.loadGrammar(registry, scope), text);
  }
  writeFileSync(file, out.join('\n') + '\n');
  console.log(`${out.length} lines written to ${file}`);
}

/** position ("### file line:column") -> scopes and character */
function characters(file) {
  const map = new Map();
  let name = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('### ')) {
      name = line;
      continue;
    }
    const m = /^(\d+):(\d+) ("(?:[^"\\]|\\.)*") (.*)$/.exec(line);
    if (!m) continue;
    const text = JSON.parse(m[3]);
    for (let i = 0; i < text.length; i++) map.set(`${name} ${m[1]}:${Number(m[2]) + i}`, `${m[4]} ${JSON.stringify(text[i])}`);
  }
  return map;
}

function diff(before, after) {
  const a = characters(before);
  const b = characters(after);
  let differ = 0;
  for (const [at, scopes] of a) {
    if (b.get(at) === scopes) continue;
    if (differ++ < 15) console.log(`${at}\n  - ${scopes}\n  + ${b.get(at)}`);
  }
  for (const at of b.keys()) if (!a.has(at) && differ++ < 15) console.log(`${at}\n  + ${b.get(at)}`);
  console.log(`${differ} characters differ of ${a.size}`);
  process.exit(differ ? 1 : 0);
}

const [command, ...files] = process.argv.slice(2);
if (command === 'dump' && files.length === 1) await dump(files[0]);
else if (command === 'diff' && files.length === 2) diff(files[0], files[1]);
else {
  console.error('usage: node scripts/grammar-scopes.mjs dump OUT | diff BEFORE AFTER');
  process.exit(2);
}
