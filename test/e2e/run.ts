import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findChromium, installCodeServer, repoRoot } from './codeServer';
import { prepareWorkspace } from './workspace';

/**
 * The VS Code integration tests: `npm run test:e2e` (after `npm run build` and `npm run compile`).
 *
 * @vscode/test-electron's runTests() is the entry point, as for any extension. On these machines,
 * which cannot download VS Code, its executable is a small runner (runner.ts) that runs the same
 * tests in code-server (the real workbench and Node extension host) in headless Chromium. With
 * `--desktop` (or SIPSENSE_E2E_DESKTOP=1) runTests downloads and uses desktop VS Code instead, on a
 * machine that can.
 *
 * `--screenshots` saves the README's screenshots into images/. `--prepare-workspace DIR` only
 * copies the test workspace into DIR (for the "Extension Tests" launch configuration).
 *
 * Fails, never skips, when Node 24, code-server or Chromium cannot be had.
 */
async function main(): Promise<number> {
  const started = Date.now();
  const argv = process.argv.slice(2);
  const desktop = argv.includes('--desktop') || process.env.SIPSENSE_E2E_DESKTOP === '1';
  if (argv.includes('--prepare-workspace')) {
    const target = resolve(argv[argv.indexOf('--prepare-workspace') + 1] ?? '.cache/e2e-workspace');
    rmSync(target, { recursive: true, force: true });
    prepareWorkspace(repoRoot, target);
    console.log(`e2e: workspace in ${target}`);
    return 0;
  }
  for (const built of ['dist/client.js', 'dist/server.js', 'out/test/e2e/suite/index.js']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run npm run build and npm run compile first`);
  }

  const env: Record<string, string> = {};
  if (argv.includes('--screenshots')) {
    env.SIPSENSE_SCREENSHOT_DIR = join(repoRoot, 'images');
    mkdirSync(env.SIPSENSE_SCREENSHOT_DIR, { recursive: true });
  }
  if (!desktop) {
    // Prerequisites first: without them the suite fails here, it is never skipped.
    const install = installCodeServer();
    const chromium = findChromium();
    console.log(`e2e: prerequisites ready in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server ${install.entry}, ${chromium})`);
    env.SIPSENSE_NODE24 = install.node;
    env.SIPSENSE_CODE_SERVER = install.entry;
    env.CHROMIUM_PATH = chromium;
  }

  // The suite's closing line ("e2e: N passed, N failed"), to repeat as the very last line.
  let summary: string | undefined;
  const watched = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const match = /^e2e: \d+ passed, \d+ failed$/m.exec(chunk.toString());
      if (match) summary = match[0];
      process.stdout.write(chunk, done);
    },
  });

  const scratch = mkdtempSync(join(tmpdir(), 'sipsense-e2e-'));
  try {
    const workspace = join(scratch, 'workspace');
    prepareWorkspace(repoRoot, workspace);
    let vscodeExecutablePath: string | undefined;
    if (!desktop) {
      // What runTests() starts instead of VS Code: a script that runs runner.js with this Node.
      vscodeExecutablePath = join(scratch, 'code-server-runner');
      writeFileSync(vscodeExecutablePath, `#!/bin/sh\nexec '${process.execPath}' '${join(__dirname, 'runner.js')}' "$@"\n`);
      chmodSync(vscodeExecutablePath, 0o755);
    }
    const code = await runTests({
      vscodeExecutablePath,
      stdout: watched,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: resolve(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`,
        '--disable-extensions',
      ],
      extensionTestsEnv: env,
    });
    return code;
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (!process.env.SIPSENSE_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
    console.log(`e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!summary) console.log('e2e: the suite reported no results');
    console.log(summary ?? 'e2e: 0 passed, 1 failed');
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
