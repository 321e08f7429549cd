// Prints the tokens of a file (or of some of its lines) as a grammar sees them, for checking by eye.
//   npx tsc -p . && node scripts/grammar-dump.mjs <scopeName> <file> [firstLine] [lastLine]
//   node scripts/grammar-dump.mjs --open <scopeName> <file>   lines that end inside a begin/end rule
// e.g. node scripts/grammar-dump.mjs source.sip ../shared/corpus/sip-torture/wsinv.dat
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const reg = require('../out/test/unit/grammarRegistry.js');
const { INITIAL } = require('vscode-textmate');

const args = process.argv.slice(2);
const open = args[0] === '--open';
if (open) args.shift();
const [scope, file, first = '1', last] = args;
if (!scope || !file) {
  console.error('usage: node scripts/grammar-dump.mjs [--open] <scopeName> <file> [firstLine] [lastLine]');
  process.exit(2);
}
const grammar = await reg.loadGrammar(reg.createRegistry(), scope);
const lines = reg.splitLines(readFileSync(file, 'utf8'));
const from = Number(first);
const to = last ? Number(last) : lines.length;
let state = INITIAL;
for (let i = 0; i < lines.length && i < to; i++) {
  const line = lines[i];
  const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
  state = ruleStack;
  if (i + 1 < from) continue;
  if (open) {
    const scopes = tokens[tokens.length - 1].scopes;
    if (ruleStack.depth > 1 && !scopes.some((s) => s.startsWith('comment.block'))) {
      console.log(`${i + 1}: depth ${ruleStack.depth} ${scopes.slice(1).join(' ')} | ${line}`);
    }
    continue;
  }
  console.log(`${i + 1}: ${line}`);
  for (const t of tokens) {
    const text = line.slice(t.startIndex, t.endIndex);
    if (!text.trim()) continue;
    const scopes = t.scopes.slice(1).join(' ');
    if (scopes) console.log(`    ${JSON.stringify(text)} ${scopes}`);
  }
}
