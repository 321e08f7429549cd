// The scope assertions of test/grammar/*.test.* (vscode-tmgrammar-test format), run from the
// unit tests so that `npm test` covers them, plus a coverage check: every scope that one of our
// grammars can produce appears in at least one of those test files, i.e. every rule is exercised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRegistry, loadGrammar, repoRoot, syntaxesDir, tokenizeText } from './grammarRegistry';

const grammarTestDir = path.join(repoRoot, 'test', 'grammar');
const testFiles = fs
  .readdirSync(grammarTestDir)
  .filter((f) => /\.test\.[A-Za-z0-9]+$/.test(f))
  .sort()
  .map((f) => path.join(grammarTestDir, f));

test('the grammar test files exist', () => {
  assert.ok(testFiles.length >= 6, `only ${testFiles.length} files in ${grammarTestDir}`);
});

test('vscode-tmgrammar-test: every scope assertion of test/grammar holds', { timeout: 120_000 }, () => {
  const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
  const r = spawnSync(
    process.execPath,
    [cli, '--compact', '--config', path.join(grammarTestDir, 'grammars.json'), path.join(grammarTestDir, '*.test.*')],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  // the CLI warns about every language Markdown can embed and we do not load: not our business
  const output = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('grammar not found for'))
    .join('\n');
  assert.equal(r.status, 0, output);
});

/** Source lines of a vscode-tmgrammar-test file (assertion lines removed) and its root scope. */
function parseTestFile(file: string): { scope: string; source: string } {
  const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\n/);
  const header = /^(\S+)\s+SYNTAX\s+TEST\s+"([^"]+)"/.exec(lines[0]);
  assert.ok(header, `${file}: bad header`);
  const comment = header[1];
  const isAssertion = (l: string) => l.startsWith(comment) && /^\s*(\^|<[~]*-)/.test(l.slice(comment.length));
  return { scope: header[2], source: lines.slice(1).filter((l) => !isAssertion(l)).join('\n') };
}

/** Every scope name a grammar file declares (name, contentName, capture names). */
function declaredScopes(file: string): Set<string> {
  const scopes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const key of ['name', 'contentName']) {
      if (typeof obj[key] === 'string') {
        for (const s of (obj[key] as string).split(/\s+/)) if (s) scopes.add(s);
      }
    }
    for (const v of Object.values(obj)) walk(v);
  };
  const g = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  // the grammar's own "name" is its display name, not a scope
  walk(g.patterns);
  walk(g.repository);
  return scopes;
}

test('every scope our grammars can produce is exercised by test/grammar', async () => {
  const registry = createRegistry();
  const seen = new Set<string>();
  for (const file of testFiles) {
    const { scope, source } = parseTestFile(file);
    const grammar = await loadGrammar(registry, scope);
    for (const lt of tokenizeText(grammar, source)) for (const t of lt.tokens) for (const s of t.scopes) seen.add(s);
  }
  const missing: string[] = [];
  for (const f of fs.readdirSync(syntaxesDir).filter((x) => x.endsWith('.json')).sort()) {
    for (const s of declaredScopes(path.join(syntaxesDir, f))) if (!seen.has(s)) missing.push(`${f}: ${s}`);
  }
  assert.deepEqual(missing, []);
});

test('the language configurations parse and their regular expressions compile', () => {
  const dir = path.join(repoRoot, 'languages');
  const files = ['sip', 'kamailio', 'opensips', 'asterisk'].map((l) => path.join(dir, `${l}.language-configuration.json`));
  for (const file of files) {
    const conf = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
    const patterns = [conf.wordPattern, conf.folding?.markers?.start, conf.folding?.markers?.end, conf.indentationRules?.increaseIndentPattern, conf.indentationRules?.decreaseIndentPattern];
    for (const p of patterns.filter((x) => typeof x === 'string')) new RegExp(p, 'u');
    for (const pair of [...(conf.brackets ?? []), ...(conf.surroundingPairs ?? [])]) assert.equal(pair.length, 2, file);
  }
  const kamailio = JSON.parse(fs.readFileSync(files[1], 'utf8'));
  assert.equal(kamailio.comments.lineComment, '#');
  assert.ok(new RegExp(kamailio.folding.markers.start).test('#!ifdef WITH_AUTH') && new RegExp(kamailio.folding.markers.end).test('  #!endif'));
  const asterisk = JSON.parse(fs.readFileSync(files[3], 'utf8'));
  assert.deepEqual(asterisk.comments.blockComment, [';--', '--;']);
});
