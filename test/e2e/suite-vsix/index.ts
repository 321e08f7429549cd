import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { VSIX_TEST_ENV } from '../workspace';
import { runAll, test } from '../suite/harness';
import { EXTENSION_ID, hoverAt, hoverTexts, openFile, positionOf, waitFor } from '../suite/helpers';

/**
 * The packaged extension in a real VS Code (`node out/test/e2e/run.js --vsix`): run.ts installed
 * sipsense.vsix with code-server's --install-extension into a fresh extensions folder, and started
 * the workbench without SIP Sense's development tree (the only extension under development is an
 * empty stand-in, which VS Code needs to run extension tests at all). These tests check that the
 * extension that runs is that installed one, and that it answers hovers in a real trace.
 */

function required(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is set (run these tests with node out/test/e2e/run.js --vsix)`);
  return value;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

function sipSense(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension;
}

/** The command lines of the extension host's child processes (Linux /proc): the language server is one. */
function childCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // The parent pid is the 2nd field after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' '));
    } catch {
      // gone meanwhile
    }
  }
  return lines;
}

test('opening a real trace activates the installed extension', async () => {
  const extension = sipSense();
  const { document } = await openFile('callFlows');
  assert.equal(document.languageId, 'plaintext');
  await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
});

test('the extension runs from the installed .vsix, not from the development tree', async () => {
  const extensionsDir = realpathSync(required(VSIX_TEST_ENV.extensionsDir));
  const version = required(VSIX_TEST_ENV.version);
  const devTree = realpathSync(required(VSIX_TEST_ENV.devTree));
  const standInId = required(VSIX_TEST_ENV.standInId);
  const extension = sipSense();
  const location = realpathSync(extension.extensionPath);
  assert.ok(isInside(extensionsDir, location), `${location} is in the extensions folder ${extensionsDir}`);
  assert.ok(!isInside(devTree, location) && location !== devTree, `${location} is not the development tree ${devTree}`);
  assert.equal(relative(extensionsDir, location), `${EXTENSION_ID}-${version}`);
  assert.equal(extension.packageJSON.version, version);
  assert.notEqual(extension.packageJSON.isUnderDevelopment, true, 'SIP Sense is not under development');

  // Only the stand-in is under development, and it is not SIP Sense.
  const underDevelopment = vscode.extensions.all.filter((e) => e.packageJSON.isUnderDevelopment === true).map((e) => e.id);
  assert.deepEqual(underDevelopment, [standInId]);
  assert.equal(vscode.extensions.all.filter((e) => e.id.toLowerCase() === EXTENSION_ID).length, 1, 'one SIP Sense');

  // What the package holds (.vscodeignore): the bundles, not the sources or the tests.
  for (const shipped of ['package.json', 'dist/client.js', 'dist/server.js']) {
    assert.ok(existsSync(join(location, shipped)), `${shipped} is in the installed extension`);
  }
  for (const unshipped of ['client', 'server', 'test', 'out', 'node_modules', 'tsconfig.json']) {
    assert.ok(!existsSync(join(location, unshipped)), `${unshipped} is not in the installed extension`);
  }

  // The language server the extension started is the installed one.
  const serverModule = join(location, 'dist', 'server.js');
  const servers = await waitFor('the language server process', () => {
    const found = childCommandLines().filter((line) => line.includes(`${sep}dist${sep}server.js`));
    return found.length > 0 ? found : undefined;
  });
  assert.ok(servers.every((line) => line.includes(serverModule)), `the language server runs ${serverModule}: ${servers.join(' | ')}`);
  assert.ok(servers.every((line) => !line.includes(join(devTree, 'dist'))), 'the language server is not the development build');
});

test('hover at 486 in a real trace explains it; nothing at a CSeq number', async () => {
  const { document } = await openFile('callFlows');
  const statusLine = positionOf(document, 'SIP/2.0  486 Busy Here', 10);
  const text = await hoverAt(document.uri, statusLine);
  assert.match(text, /\*\*486 Busy Here\*\*/);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, statusLine);
  const range = hovers.find((h) => h.range)?.range;
  assert.ok(range, 'the hover has a range');
  assert.equal(document.getText(range), '486');

  // The first CSeq after that 486, at its number: the server has the document, so no hover is final.
  const cseq = document.getText().indexOf('CSeq: ', document.offsetAt(statusLine));
  assert.notEqual(cseq, -1, 'a CSeq header follows the 486');
  const atNumber = document.positionAt(cseq + 'CSeq: '.length);
  assert.match(document.lineAt(atNumber.line).text, /^\s*CSeq: \d+ [A-Z]+$/);
  assert.deepEqual(await hoverTexts(document.uri, atNumber), [], `no hover at "${document.lineAt(atNumber.line).text.trim()}"`);
});

/** The extension-host entry (extensionTestsPath) of run.ts --vsix. */
export async function run(): Promise<void> {
  await runAll('e2e-vsix');
}
