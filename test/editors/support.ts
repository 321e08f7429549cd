import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { statusEntry } from '../../server/src/service/registry';
import { positionOf } from '../support/documents';
import { persianRunOf } from '../support/persian';

/** What the tests with real editors share: the built server, a scratch folder, a real trace and where its codes are. */

export const repoRoot = resolve(__dirname, __dirname.includes(join('out', 'test')) ? '../../..' : '../..');
export const serverModule = join(repoRoot, 'dist', 'server.js');
export const corpus = resolve(repoRoot, '..', 'shared', 'corpus');

/** The path of an editor's executable; throws (the test fails, never skips) with the Debian package to install. */
export function requireTool(command: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${command} is not installed: apt-get install ${debianPackage}`);
  return found;
}

export function requireServer(): void {
  if (!existsSync(serverModule)) throw new Error('dist/server.js is missing: run npm run build first');
}

/**
 * A scratch folder with a copy of a corpus file, the HOME and XDG folders of the editor, and a
 * bin/ folder with `sipsense-language-server` (what the package's bin gives users: here a script
 * that runs the built dist/server.js with this Node).
 */
export function scratchWith(corpusFile: string): { dir: string; file: string; text: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sipsense-editor-'));
  for (const sub of ['home', 'config', 'cache', 'data', 'state', 'bin']) mkdirSync(join(dir, sub));
  const file = join(dir, basename(corpusFile));
  copyFileSync(join(corpus, corpusFile), file);
  const bin = join(dir, 'bin', 'sipsense-language-server');
  writeFileSync(bin, `#!/bin/sh\nexec '${process.execPath}' '${serverModule}' "$@"\n`);
  chmodSync(bin, 0o755);
  return { dir, file, text: readFileSync(file, 'utf8'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment that keeps an editor out of the real home folder, with the server on its PATH. */
export function isolatedEnv(dir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    ...extra,
  };
}

/** Runs a command to its end (or kills it after `timeoutMs`), with its output. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const timer = setTimeout(() => { output += `\n(killed after ${timeoutMs} ms)`; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolveRun({ code, output }); });
  });
}

/** RFC 3515's two "SIP/2.0 202 Accepted" lines (202 is deprecated) and a CSeq number (a trap). */
export const TRACE = 'sip-traces/rfc3515.txt';
export function tracePositions(text: string): { accepted: { line: number; character: number }; cseq: { line: number; character: number } } {
  return { accepted: positionOf(text, 'SIP/2.0 202 Accepted', 9), cseq: positionOf(text, 'CSeq: 93809823 REFER', 8) };
}

/** A hover as an editor's driver saw it (value null: no hover). */
export interface EditorHover { at: string; value: string | null; range: { start: { line: number; character: number } } | null }

/** What every driver writes to results.json, besides its editor's own view of the diagnostics. */
export interface DriverResults {
  error?: string;
  /** Hovers at the 202 and at the CSeq number, then the same after hover.language was set to fa. */
  hovers: EditorHover[];
  hovers_fa: EditorHover[];
}

/**
 * Runs an editor's driver on a scratch copy of TRACE (the file in SIPSENSE_FILE, the hover
 * positions in SIPSENSE_HOVERS) and returns what it wrote to SIPSENSE_OUT, with the trace's text
 * and positions.
 */
export async function runDriverOnTrace<T extends DriverResults>(
  editor: string, command: string, args: string[],
): Promise<{ results: T; text: string; positions: ReturnType<typeof tracePositions> }> {
  requireServer();
  const scratch = scratchWith(TRACE);
  try {
    const positions = tracePositions(scratch.text);
    const out = join(scratch.dir, 'results.json');
    const env = isolatedEnv(scratch.dir, {
      SIPSENSE_FILE: scratch.file,
      SIPSENSE_OUT: out,
      SIPSENSE_HOVERS: [positions.accepted, positions.cseq].map((p) => `${p.line}:${p.character}`).join(';'),
    });
    const { code, output } = await run(command, args, env);
    let results: T;
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`${editor} wrote no results (exit ${code}):\n${output}`);
    }
    assert.equal(results.error, undefined, `the ${editor} driver failed: ${results.error}\n${output}`);
    assert.equal(code, 0, output);
    return { results, text: scratch.text, positions };
  } finally {
    scratch.cleanup();
  }
}

/**
 * The hovers every editor must show: the 202 explained at its range, nothing at the CSeq number;
 * in Markdown where the editor declared it shows Markdown, in plain text where it did not.
 */
export function assertTraceHovers(hovers: readonly EditorHover[], positions: ReturnType<typeof tracePositions>, format: 'markdown' | 'plaintext'): void {
  const [accepted, cseq] = hovers;
  if (format === 'markdown') assert.match(accepted.value ?? '', /^\*\*202 Accepted\*\*/);
  else assert.match(accepted.value ?? '', /^202 Accepted · 2xx Success\n(?![^]*\*\*)/);
  assert.deepEqual(accepted.range?.start, { line: positions.accepted.line, character: 8 });
  assert.equal(cseq.value, null, 'no hover at a CSeq number');
}

/** The same hovers after hover.language was set to fa: Persian only, still nothing at the CSeq number. */
export function assertPersianHovers(hovers: readonly EditorHover[]): void {
  const [accepted, cseq] = hovers;
  assert.match(accepted.value ?? '', /[\u0600-\u06FF]/, 'Persian text');
  // as written in the data, character for character (the server bundle is UTF-8)
  assert.ok((accepted.value ?? '').includes(persianRunOf(statusEntry(202)!.meaning.fa)), accepted.value ?? '');
  assert.doesNotMatch(accepted.value ?? '', /In practice/);
  assert.equal(cseq.value, null);
}
