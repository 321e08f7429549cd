import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../support/corpus';
import { unsafeRegexes } from '../support/redos';

/** Every regular expression literal, and every `new RegExp('literal')`, in the server's source. */
function serverRegexes(): { source: string; flags: string; where: string }[] {
  const found: { source: string; flags: string; where: string }[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.ts')) collect(path);
    }
  };
  const collect = (path: string): void => {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(repoRoot, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const walk = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        found.push({ source: text.slice(1, slash), flags: text.slice(slash + 1).replace(/[gy]/g, ''), where: where(node) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0])) {
        found.push({ source: node.arguments[0].text, flags: '', where: where(node) });
      }
      ts.forEachChild(node, walk);
    };
    walk(file);
  };
  visit(join(repoRoot, 'server', 'src'));
  return found;
}

test('every regular expression in the server is safe from catastrophic backtracking (recheck)', { timeout: 300_000 }, async () => {
  const regexes = serverRegexes();
  assert.ok(regexes.length > 20, `only ${regexes.length} regexes found`);
  assert.deepEqual(await unsafeRegexes(regexes), []);
});
