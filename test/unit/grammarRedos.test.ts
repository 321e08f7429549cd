// Every regular expression (match, begin, end, while) of every grammar in syntaxes/ must
// compile with Oniguruma and be judged 'safe' (no exponential or polynomial backtracking)
// by recheck. vscode-textmate matches one line at a time, so the regexes are checked as
// JavaScript regexes over a single line, any string: ^ and $ are its start and end (no m flag)
// and . matches every character (s flag). Oniguruma-only syntax is translated first:
//   \G (anchor at the scan start)      -> ^   (an anchored pattern, which is what \G means)
//   \A (the start of the text)         -> ^   (the same thing over a single line)
//   (?i:...) / leading (?i)            -> (?:...) with the i flag on the whole pattern
//   \1..\9 in end/while (begin captures, replaced by literal text at run time) -> a literal
// Grammar sources are restricted to this subset (see scripts/grammar-lib.mjs); anything else
// makes the translation throw, so the test fails instead of silently checking something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { unsafeRegexes } from '../support/redos';
import { getOnigLib, syntaxesDir } from './grammarRegistry';

interface GrammarRegex {
  file: string;
  where: string;
  key: 'match' | 'begin' | 'end' | 'while';
  source: string;
}

function collectRegexes(): GrammarRegex[] {
  const out: GrammarRegex[] = [];
  for (const file of fs.readdirSync(syntaxesDir).filter((f) => f.endsWith('.json')).sort()) {
    const grammar: unknown = JSON.parse(fs.readFileSync(path.join(syntaxesDir, file), 'utf8'));
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => walk(n, `${where}[${i}]`));
        return;
      }
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        if (typeof obj[key] === 'string') out.push({ file, where, key, source: obj[key] as string });
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${where}.${k}`);
    };
    walk(grammar, '$');
  }
  return out;
}

/** Oniguruma source -> [JavaScript source, flags] (throws on constructs outside the subset). */
export function toJavaScriptRegex(source: string, key: GrammarRegex['key']): [string, string] {
  let flags = 's';
  let s = source;
  if (s.startsWith('(?i)')) {
    s = s.slice(4);
    flags = 'is';
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (next === undefined) throw new Error('dangling backslash');
      if (!inClass && (next === 'G' || next === 'A')) {
        out += '^';
      } else if (/[1-9]/.test(next) && !inClass) {
        if (key !== 'end' && key !== 'while') throw new Error(`back-reference \\${next} outside end/while`);
        out += 'Q'; // replaced by the begin capture (escaped literal text) at run time
      } else if (/[hHzZKRXOy]/.test(next) || (next === 'p' && !inClass) || next === 'x' && s[i + 2] === '{') {
        throw new Error(`Oniguruma-only escape \\${next}: keep grammar regexes in the JavaScript-compatible subset`);
      } else {
        out += c + next;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && s[i + 1] === ':') throw new Error('POSIX bracket expression');
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (s[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (s[i + 1] === ']') throw new Error('literal ] at the start of a class');
      continue;
    }
    if (c === '(' && s[i + 1] === '?') {
      if (s.startsWith('(?i:', i)) {
        flags = 'is';
        out += '(?:';
        i += 3;
        continue;
      }
      if (s.startsWith('(?>', i)) throw new Error('atomic group');
      if (/^\(\?[imx-]+[):]/.test(s.slice(i)) && !s.startsWith('(?:', i)) throw new Error('inline option group');
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && s[i + 1] === '+') throw new Error('possessive quantifier');
    out += c;
  }
  new RegExp(out, flags); // must be valid JavaScript
  return [out, flags];
}

const regexes = collectRegexes();

test('the grammars have regular expressions to check', () => {
  assert.ok(regexes.length > 100, `only ${regexes.length} regexes found in ${syntaxesDir}`);
});

test('every grammar regex compiles with Oniguruma', async () => {
  await getOnigLib(); // loads the WebAssembly module
  const failures: string[] = [];
  for (const r of regexes) {
    const source = r.key === 'end' || r.key === 'while' ? r.source.replace(/\\([1-9])/g, 'Q') : r.source;
    try {
      new oniguruma.OnigScanner([source]).dispose();
    } catch (e) {
      failures.push(`${r.file} ${r.where}.${r.key}: ${(e as Error).message}: ${r.source}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('every grammar regex is in the JavaScript-compatible subset', () => {
  const failures: string[] = [];
  for (const r of regexes) {
    try {
      toJavaScriptRegex(r.source, r.key);
    } catch (e) {
      failures.push(`${r.file} ${r.where}.${r.key}: ${(e as Error).message}: ${r.source}`);
    }
  }
  assert.deepEqual(failures, []);
});

// The same translation and check on patterns known to backtrack badly: proves that the check is
// not vacuous (e.g. a translation that made everything trivially safe).
test('recheck, as configured here, does flag catastrophic patterns', { timeout: 60_000 }, async () => {
  const bad: Array<[string, GrammarRegex['key']]> = [
    ['^(a+)+$', 'match'], // exponential
    ['"(?:[^"\\\\]|\\\\.)*"', 'match'], // unterminated string retried from every quote: quadratic
    ["[A-Za-z0-9.!%*_+\\x60'~-]+/[A-Za-z0-9.!%*_+\\x60'~-]+", 'match'], // token/token with no left guard: quadratic
    ['(?<=[:,])[ \\t]*([A-Za-z]+[ \\t]*)+(?=<)', 'match'], // nested quantifier behind a lookbehind (fuzz checker)
  ];
  const converted = bad.map(([source, key]) => {
    const [js, flags] = toJavaScriptRegex(source, key);
    return { source: js, flags, where: source };
  });
  assert.equal((await unsafeRegexes(converted)).length, bad.length);
});

test('recheck judges every grammar regex safe (no catastrophic backtracking)', { timeout: 300_000 }, async () => {
  const converted = regexes.map((r) => {
    const [source, flags] = toJavaScriptRegex(r.source, r.key);
    return { source, flags, where: `${r.file} ${r.where}.${r.key}` };
  });
  assert.deepEqual(await unsafeRegexes(converted), []);
});
