import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * code-server (the real VS Code workbench and Node extension host, served to a browser) and
 * Debian's Chromium: what the integration tests and `npm start` run on a machine without desktop
 * VS Code. Everything listens on 127.0.0.1 only, without authentication, and writes only into the
 * folders it is given.
 */

/** The repository root, from out/test/e2e or test/e2e alike. */
export const repoRoot = resolve(__dirname, __dirname.includes(join('out', 'test')) ? '../../..' : '../..');

export interface CodeServerInstall {
  /** Node 24, which code-server needs. */
  node: string;
  /** code-server's entry script. */
  entry: string;
}

/**
 * Installs Node 24 and code-server into .cache/ (scripts/setup-code-server.sh, idempotent) and
 * returns where they are. Throws when they cannot be installed: callers fail, never skip.
 */
export function installCodeServer(): CodeServerInstall {
  const script = join(repoRoot, 'scripts', 'setup-code-server.sh');
  const result = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`scripts/setup-code-server.sh failed (exit ${result.status ?? result.signal}): Node 24 and code-server could not be installed`);
  }
  const lines = result.stdout.trim().split('\n');
  const [node, entry] = lines.slice(-2);
  if (!node || !entry || !existsSync(node) || !existsSync(entry)) {
    throw new Error(`scripts/setup-code-server.sh printed no usable paths:\n${result.stdout}`);
  }
  return { node, entry };
}

/** Debian's Chromium (or CHROMIUM_PATH); throws with the install command when it is missing. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium is not installed (looked at ${candidates.join(', ')}); on Debian: apt-get install chromium`);
  return found;
}

/** The flags Chromium needs here: headless, no sandbox (root), and no traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-default-apps',
];

/** A TCP port on 127.0.0.1 that is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * What code-server runs with, shared with scripts/start.mjs: user settings that keep the workbench
 * quiet and offline (no welcome page, tips, telemetry, AI, updates), and the built-in extensions
 * that start on their own and that SIP Sense neither needs nor is shown with (off, so that the
 * extension host starts sooner and nothing asks for an account or a network).
 */
const profile = JSON.parse(readFileSync(join(repoRoot, 'test', 'e2e', 'code-server.json'), 'utf8')) as {
  settings: Record<string, unknown>;
  disabledBuiltins: string[];
};
export const QUIET_SETTINGS: Record<string, unknown> = profile.settings;
export const UNNEEDED_BUILTINS: readonly string[] = profile.disabledBuiltins;

export interface CodeServerOptions {
  install: CodeServerInstall;
  /** Holds config.yaml, and user-data/ and extensions/ unless they are given (all created). */
  dataDir: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Let the workbench run extension tests from the URL's payload. */
  smokeTestDriver?: boolean;
  /** User settings written before the start (merged over QUIET_SETTINGS). */
  settings?: Record<string, unknown>;
  /** Environment of code-server and so of its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Each line code-server prints. */
  onOutput?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  userDataDir: string;
  extensionsDir: string;
  /** Stops code-server and its children (extension host, language servers): SIGTERM, then SIGKILL. */
  stop(): Promise<void>;
}

interface DataFolders { dataDir: string; userDataDir?: string; extensionsDir?: string }

export function codeServerPaths(folders: DataFolders): { config: string; userDataDir: string; extensionsDir: string } {
  return {
    config: join(folders.dataDir, 'config.yaml'),
    userDataDir: folders.userDataDir ?? join(folders.dataDir, 'user-data'),
    extensionsDir: folders.extensionsDir ?? join(folders.dataDir, 'extensions'),
  };
}

/** The arguments every code-server command gets: its own config and data folders. */
export function codeServerBaseArgs(folders: DataFolders): string[] {
  const { config, userDataDir, extensionsDir } = codeServerPaths(folders);
  return ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** Variables that keep code-server, VS Code and the tools they start out of the home folder. */
function isolatedEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    HOME: dataDir,
    XDG_CONFIG_HOME: join(dataDir, 'xdg-config'),
    XDG_DATA_HOME: join(dataDir, 'xdg-data'),
    XDG_CACHE_HOME: join(dataDir, 'xdg-cache'),
  };
}

/** Runs a one-off code-server command (such as --install-extension) against the same folders. */
export function runCodeServerCommand(install: CodeServerInstall, folders: DataFolders, args: string[]): string {
  prepareDataDir(folders, 0);
  const result = spawnSync(install.node, [install.entry, ...codeServerBaseArgs(folders), ...args], {
    encoding: 'utf8', env: { ...process.env, ...isolatedEnv(folders.dataDir), EXTENSIONS_GALLERY: '{}' },
  });
  if (result.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout + result.stderr;
}

/**
 * Installs a .vsix with code-server's --install-extension into the folders' extensions folder (as a
 * user would), and returns what code-server then lists there (`publisher.name@version`, one each).
 */
export function installVsix(install: CodeServerInstall, folders: DataFolders, vsix: string): string[] {
  runCodeServerCommand(install, folders, ['--install-extension', vsix, '--force']);
  return runCodeServerCommand(install, folders, ['--list-extensions', '--show-versions'])
    .split('\n').map((line) => line.trim()).filter((line) => /^[\w-]+\.[\w-]+@\S+$/.test(line));
}

function prepareDataDir(folders: DataFolders, port: number, settings?: Record<string, unknown>): void {
  const { config, userDataDir, extensionsDir } = codeServerPaths(folders);
  mkdirSync(folders.dataDir, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  if (settings) writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
}

/** Starts code-server on 127.0.0.1 and a free port; resolves once it answers HTTP. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = await freePort();
  const { userDataDir, extensionsDir } = codeServerPaths(options);
  prepareDataDir(options, port, options.settings ?? {});
  const args = [
    options.install.entry,
    ...codeServerBaseArgs(options),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...UNNEEDED_BUILTINS.flatMap((id) => ['--vscode-option', `disable-extension=${id}`]),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(options.install.node, args, {
    // Its own process group, so that stop() reaches the extension host and the language server too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...options.env,
      // Nothing in the home folder: code-server and VS Code fall back to these for anything unset.
      ...isolatedEnv(options.dataDir),
      // No extension gallery: the workbench would query one on the internet.
      EXTENSIONS_GALLERY: '{}',
    },
  });
  const output: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
    if (!killed) {
      signalGroup(child, 'SIGKILL');
      await Promise.race([exited, delay(2000)]);
    } else {
      // The group may outlive its leader for a moment (extension host, language server).
      signalGroup(child, 'SIGKILL');
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it listened:\n${output.join('\n')}`);
    }
    if (await answers(`${url}/healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} in time:\n${output.join('\n')}`);
    }
    await delay(200);
  }
  return { url, port, process: child, userDataDir, extensionsDir, stop };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/**
 * The workbench URL that opens `folder` and, with the smoke-test driver on, runs the extension
 * at `extensionDevelopmentPath` with the tests of `extensionTestsPath` (the remote authority is
 * the literal `remote`).
 */
export function workbenchUrl(base: string, folder: string, tests?: { extensionDevelopmentPath: string[]; extensionTestsPath: string }): string {
  const params = new URLSearchParams({ folder });
  if (tests) {
    const payload = [
      ...tests.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', `vscode-remote://remote${p}`]),
      ['extensionTestsPath', `vscode-remote://remote${tests.extensionTestsPath}`],
    ];
    params.set('payload', JSON.stringify(payload));
  }
  return `${base}/?${params.toString()}`;
}
