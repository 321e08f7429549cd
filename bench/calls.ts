import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { captureToTrace } from '../server/src/capture';
import { repoRoot, sharedRoot } from '../test/support/corpus';

/**
 * The calls list of files VS Code does not hand over (a 500 MB trace, a 1 GB capture), read from
 * disk as the server reads them, against the floor of reading the same file: `grep -c '^SIP/2.0'`,
 * in the same run, on the same (cached) file. Data made under bench/.data from corpus captures.
 */

const MB = 1024 * 1024;
const dataDir = join(repoRoot, 'bench', '.data');
const child = join(repoRoot, 'out', 'bench', 'callsChild.js');
const floorChild = join(repoRoot, 'out', 'bench', 'callsFloor.js');

/** Writes `make(copy)` for copy 0, 1, ... until the file holds `bytes` (kept when it already does). */
async function ensureFile(name: string, bytes: number, make: (copy: number) => Buffer | string): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, name);
  if (existsSync(path) && statSync(path).size >= bytes) return path;
  const out = createWriteStream(path);
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    const chunk = make(copy);
    size += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return path;
}

/** A 500 MB ngrep-framed trace: the corpus's scale capture decoded, repeated with each copy's Call-IDs made its own. */
export function traceFile(): Promise<string> {
  const { text } = captureToTrace(readFileSync(join(sharedRoot, 'corpus', 'pcap', 'sipnab__sipp-branch-scenario.pcapng')));
  return ensureFile('trace-500mb.txt', 500 * MB, (copy) => text.replace(/^(Call-ID|i):[ \t]*/gim, (header) => `${header}${copy}-`));
}

/** A 1 GB pcapng capture: the corpus's scale capture repeated (each copy a pcapng section of its own). */
function captureFile(): Promise<string> {
  const bytes = readFileSync(join(sharedRoot, 'corpus', 'pcap', 'sipnab__sipp-branch-scenario.pcapng'));
  return ensureFile('capture-1gb.pcapng', 1024 * MB, () => bytes);
}

export function grepMs(path: string): { ms: number; count: number } {
  const start = performance.now();
  const result = spawnSync('grep', ['-c', '^SIP/2.0', path], { encoding: 'utf8' });
  return { ms: performance.now() - start, count: Number(result.stdout.trim()) };
}

function oursOn(path: string, threads: 'one' | 'two'): { ms: number; cpuMs: number; calls: number; messages: number; peak: number } {
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', child, path, threads], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`calls child failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The least a calls list in JavaScript does with the file (see callsFloor.ts), in a process of its own. */
function javaScriptFloorOn(path: string, kind: 'trace' | 'capture'): { ms: number; cpuMs: number; calls: number; messages: number } {
  const result = spawnSync(process.execPath, [floorChild, path, kind], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`calls floor child failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

export async function callsBenchmark(row: (...cells: (string | number)[]) => void): Promise<void> {
  for (const [label, path] of [['500 MB trace', await traceFile()], ['1 GB capture', await captureFile()]] as const) {
    const size = statSync(path).size;
    grepMs(path); // the file in the page cache for both
    const grep = Math.min(grepMs(path).ms, grepMs(path).ms);
    const { count } = grepMs(path);
    const floor = javaScriptFloorOn(path, label.endsWith('capture') ? 'capture' : 'trace');
    row(`the least any calls list in JavaScript does with it, one thread: ${label.endsWith('capture') ? 'each packet\'s Call-ID found' : 'its lines cut with indexOf, each Call-ID'} and kept in a Map, nothing else (${floor.calls} Call-IDs)`,
      `${(floor.ms / 1000).toFixed(2)} s (CPU ${(floor.cpuMs / 1000).toFixed(2)} s)`, `grep -c '^SIP/2.0' ${(grep / 1000).toFixed(2)} s`, `${(floor.ms / grep).toFixed(1)}x`, 'the floor under the goal');
    // On one thread and on two (the server uses two while a core is idle): which is quicker depends on the machine's load.
    for (const threads of ['one', 'two'] as const) {
      const ours = oursOn(path, threads);
      row(`calls list of a ${label} read from disk on ${threads} thread${threads === 'one' ? '' : 's'} (${(size / MB).toFixed(0)} MB, ${ours.messages} messages, ${ours.calls} calls; grep finds ${count} status lines; load ${loadavg()[0].toFixed(1)})`,
        `${(ours.ms / 1000).toFixed(2)} s (CPU ${(ours.cpuMs / 1000).toFixed(2)} s), peak ${(ours.peak / MB).toFixed(0)} MB`,
        `grep -c '^SIP/2.0' ${(grep / 1000).toFixed(2)} s`, `${(ours.ms / grep).toFixed(1)}x (CPU ${(ours.cpuMs / grep).toFixed(1)}x)`, 'goal ≤ 2x');
    }
  }
}
