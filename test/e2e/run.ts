import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join, relative, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findChromium, installCodeServer, installVsix, repoRoot } from './codeServer';
import { prepareWorkspace, VSIX_TEST_ENV } from './workspace';

/**
 * The VS Code integration tests: `npm run test:e2e` (after `npm run build` and `npm run compile`).
 *
 * @vscode/test-electron's runTests() is the entry point, as for any extension. On these machines,
 * which cannot download VS Code, its executable is a small runner (runner.ts) that runs the same
 * tests in code-server (the real workbench and Node extension host) in headless Chromium. With
 * `--desktop` (or SIPSENSE_E2E_DESKTOP=1) runTests downloads and uses desktop VS Code instead, on a
 * machine that can.
 *
 * `--vsix` tests what is shipped instead of the development tree: it packages the extension
 * (`npm run package`; with `--no-package`, the sipsense.vsix already built, which must be newer
 * than every source it is made of), installs that .vsix with code-server's --install-extension
 * into a fresh extensions folder, and runs suite-vsix/ against the installed extension (code-server
 * only). VS Code runs extension tests only with an extension under development, so an empty
 * stand-in (no code, another id) takes the development tree's place.
 *
 * `--screenshots` saves the README's screenshots into images/. `--prepare-workspace DIR` only
 * copies the test workspace into DIR (for the "Extension Tests" launch configuration).
 *
 * Fails, never skips, when Node 24, code-server or Chromium cannot be had. The last line is always
 * the suite's `e2e: N passed, N failed` (`e2e-vsix: ...` with --vsix), `0 passed, 1 failed` when
 * the suite did not report.
 */

/** The empty extension under development in --vsix runs (the extension host needs one to run tests). */
const STAND_IN = { publisher: 'sipsense-e2e', name: 'vsix-test-stand-in' };

/** What sipsense.vsix is made of (package.json's package script and .vscodeignore): a newer file makes it stale. */
const VSIX_SOURCES = [
  'package.json', 'package-lock.json', 'package.nls.json', 'package.nls.fa.json', '.vscodeignore', 'README.md', 'LICENSE',
  'images/icon.png', 'client/src', 'server/src', 'syntaxes', 'languages', 'l10n', 'scripts/build.mjs',
];

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The newest file among `paths` (files or folders, relative to the repository), with its time. */
function newestSource(paths: string[]): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { path, mtimeMs: stat.mtimeMs };
    }
  };
  for (const path of paths) visit(join(repoRoot, path));
  return newest;
}

/** sipsense.vsix, packaged now (npm run package) or, with `reuse`, the one there if it is fresh. */
function packageVsix(reuse: boolean): string {
  const vsix = join(repoRoot, 'sipsense.vsix');
  if (reuse) {
    if (!existsSync(vsix)) throw new Error('sipsense.vsix is missing: run npm run package, or leave out --no-package');
    const newest = newestSource(VSIX_SOURCES);
    if (newest && newest.mtimeMs > statSync(vsix).mtimeMs) {
      throw new Error(`sipsense.vsix is older than ${relative(repoRoot, newest.path)}: run npm run package, or leave out --no-package`);
    }
    return vsix;
  }
  const before = Date.now() - 2000; // file times may be coarser than the clock
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status ?? result.signal})`);
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < before) throw new Error('npm run package wrote no new sipsense.vsix');
  return vsix;
}

async function main(): Promise<number> {
  const started = Date.now();
  const argv = process.argv.slice(2);
  const desktop = argv.includes('--desktop') || process.env.SIPSENSE_E2E_DESKTOP === '1';
  const vsixMode = argv.includes('--vsix');
  const label = vsixMode ? 'e2e-vsix' : 'e2e';
  if (argv.includes('--prepare-workspace')) {
    const target = resolve(argv[argv.indexOf('--prepare-workspace') + 1] ?? '.cache/e2e-workspace');
    rmSync(target, { recursive: true, force: true });
    prepareWorkspace(repoRoot, target);
    console.log(`e2e: workspace in ${target}`);
    return 0;
  }

  // The suite's closing line ("e2e: N passed, N failed"), to repeat as the very last line.
  let summary: string | undefined;
  const closing = new RegExp(`^${label}: \\d+ passed, \\d+ failed$`, 'm');
  const watched = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const match = closing.exec(chunk.toString());
      if (match) summary = match[0];
      process.stdout.write(chunk, done);
    },
  });

  const scratch = mkdtempSync(join(tmpdir(), vsixMode ? 'sipsense-e2e-vsix-' : 'sipsense-e2e-'));
  try {
    if (vsixMode && desktop) throw new Error('--vsix installs the package into code-server: it does not run with --desktop');
    if (vsixMode && argv.includes('--screenshots')) throw new Error('--screenshots takes the development tree: leave out --vsix');
    const suite = vsixMode ? 'suite-vsix' : 'suite';
    for (const built of [...(vsixMode ? [] : ['dist/client.js', 'dist/server.js']), `out/test/e2e/${suite}/index.js`]) {
      if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run npm run build and npm run compile first`);
    }

    const env: Record<string, string> = {};
    if (argv.includes('--screenshots')) {
      env.SIPSENSE_SCREENSHOT_DIR = join(repoRoot, 'images');
      mkdirSync(env.SIPSENSE_SCREENSHOT_DIR, { recursive: true });
    }
    const userDataDir = join(scratch, 'user-data');
    const extensionsDir = join(scratch, 'extensions');
    let vscodeExecutablePath: string | undefined;
    if (!desktop) {
      // Prerequisites first: without them the suite fails here, it is never skipped.
      const t0 = Date.now();
      const install = installCodeServer();
      const chromium = findChromium();
      console.log(`${label}: prerequisites ready in ${seconds(t0)} (code-server ${install.entry}, ${chromium})`);
      env.SIPSENSE_NODE24 = install.node;
      env.SIPSENSE_CODE_SERVER = install.entry;
      env.CHROMIUM_PATH = chromium;

      if (vsixMode) {
        const reuse = argv.includes('--no-package');
        const t1 = Date.now();
        const vsix = packageVsix(reuse);
        console.log(`${label}: ${reuse ? 'using' : 'packaged'} ${relative(repoRoot, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KiB) in ${seconds(t1)}`);
        const t2 = Date.now();
        const installed = installVsix(install, { dataDir: join(scratch, 'install'), userDataDir, extensionsDir }, vsix);
        const { publisher, name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, string>;
        const expected = `${publisher}.${name}@${version}`;
        if (installed.length !== 1 || installed[0].toLowerCase() !== expected.toLowerCase()) {
          throw new Error(`code-server lists ${JSON.stringify(installed)} in ${extensionsDir} after --install-extension, not ["${expected}"]`);
        }
        console.log(`${label}: installed ${installed[0]} into ${extensionsDir} in ${seconds(t2)}`);
        env[VSIX_TEST_ENV.extensionsDir] = extensionsDir;
        env[VSIX_TEST_ENV.version] = version;
        env[VSIX_TEST_ENV.devTree] = repoRoot;
        env[VSIX_TEST_ENV.standInId] = `${STAND_IN.publisher}.${STAND_IN.name}`;
      }

      // What runTests() starts instead of VS Code: a script that runs runner.js with this Node.
      vscodeExecutablePath = join(scratch, 'code-server-runner');
      writeFileSync(vscodeExecutablePath, `#!/bin/sh\nexec '${process.execPath}' '${join(__dirname, 'runner.js')}' "$@"\n`);
      chmodSync(vscodeExecutablePath, 0o755);
    }

    let extensionDevelopmentPath = repoRoot;
    if (vsixMode) {
      // Not the development tree: an extension with no code that contributes nothing.
      extensionDevelopmentPath = join(scratch, 'stand-in');
      mkdirSync(extensionDevelopmentPath);
      writeFileSync(join(extensionDevelopmentPath, 'package.json'), `${JSON.stringify({
        ...STAND_IN, version: '0.0.0', engines: { vscode: '*' },
        description: 'Stands in for the extension under development so that VS Code runs the tests of the installed SIP Sense.',
      }, null, 2)}\n`);
    }
    const workspace = join(scratch, 'workspace');
    prepareWorkspace(repoRoot, workspace);
    const code = await runTests({
      vscodeExecutablePath,
      stdout: watched,
      extensionDevelopmentPath,
      extensionTestsPath: resolve(__dirname, suite, 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        // Only the development tree's extension (desktop VS Code), or only the installed .vsix.
        ...(vsixMode ? [] : ['--disable-extensions']),
      ],
      extensionTestsEnv: env,
    });
    // A run that did not report, or reported a failure, fails whatever the exit code.
    return summary && / 0 failed$/.test(summary) ? code : code || 1;
  } catch (error) {
    console.error(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (!process.env.SIPSENSE_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
    console.log(`${label}: finished in ${seconds(started)}`);
    if (!summary) console.log(`${label}: the suite reported no results`);
    console.log(summary ?? `${label}: 0 passed, 1 failed`);
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
