import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/corpus';

test('the .vsix holds only what runs: bundles (the worker thread of the server too), the ladder webview (script and stylesheet), grammars, language configurations, translations, README, LICENSE, icon', () => {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.split('\n').filter(Boolean).sort();
  const allowed = /^(dist\/(client|captureWorker|server|cli|readWorker)\.js|media\/dist\/ladder(\.js|-style\.css)|syntaxes\/[\w.-]+\.tmLanguage\.json|languages\/[\w-]+\.language-configuration\.json|l10n\/bundle\.l10n\.\w+\.json|package(\.nls(\.\w+)?)?\.json|README\.md|LICENSE|images\/icon\.png)$/;
  assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
  for (const needed of ['dist/client.js', 'dist/captureWorker.js', 'dist/server.js', 'dist/cli.js', 'dist/readWorker.js', 'media/dist/ladder.js', 'media/dist/ladder-style.css', 'syntaxes/sip.tmLanguage.json', 'images/icon.png', 'LICENSE']) {
    assert.ok(files.includes(needed), needed);
  }
});
