import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../test/support/corpus';
import { grepMs, traceFile } from './calls';

/**
 * `sipsense flow --format json` of the 500 MB bench trace (the calls benchmark's), its output to
 * /dev/null, in a process of its own: wall time, CPU time and peak memory, against `cat FILE >
 * /dev/null` and `grep -c '^SIP/2.0'` on the same (cached) file in the same run. SIPSENSE_BENCH_CLI
 * names another build's cli.js to time instead (a build before a change, in the same minutes).
 */

const MB = 1024 * 1024;
const usage = join(repoRoot, 'out', 'bench', 'usageAtExit.js');

function catMs(path: string): number {
  const start = performance.now();
  spawnSync('bash', ['-c', 'cat "$1" > /dev/null', 'cat', path]);
  return performance.now() - start;
}

function flowOn(cli: string, path: string): { ms: number; cpuMs: number; peak: number } {
  const dir = mkdtempSync(join(tmpdir(), 'sipsense-bench-flow-'));
  const report = join(dir, 'usage.json');
  const out = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--max-old-space-size=8192', '-r', usage, cli, 'flow', '--format', 'json', path], {
      stdio: ['ignore', out, 'pipe'], env: { ...process.env, SIPSENSE_USAGE: report }, encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`sipsense flow failed (${result.status}): ${result.stderr.slice(0, 500)}`);
    return { ms, ...JSON.parse(readFileSync(report, 'utf8')) };
  } finally {
    closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function flowBenchmark(row: (...cells: (string | number)[]) => void): Promise<void> {
  const path = await traceFile();
  const cli = process.env.SIPSENSE_BENCH_CLI ?? join(repoRoot, 'dist', 'cli.js');
  const size = statSync(path).size;
  catMs(path); // the file in the page cache
  const before = { cat: catMs(path), grep: grepMs(path).ms };
  const ours = flowOn(cli, path);
  const cat = Math.min(before.cat, catMs(path));
  const grep = Math.min(before.grep, grepMs(path).ms);
  row(`sipsense flow --format json of a ${(size / MB).toFixed(0)} MB trace to /dev/null (load ${loadavg()[0].toFixed(1)})`,
    `${(ours.ms / 1000).toFixed(2)} s (CPU ${(ours.cpuMs / 1000).toFixed(2)} s), peak ${(ours.peak / MB).toFixed(0)} MB`,
    `cat > /dev/null ${(cat / 1000).toFixed(2)} s, grep -c '^SIP/2.0' ${(grep / 1000).toFixed(2)} s`,
    `${(ours.ms / cat).toFixed(1)}x cat, ${(ours.ms / grep).toFixed(1)}x grep (CPU ${(ours.cpuMs / grep).toFixed(1)}x grep)`, 'bounded memory at any size');
}
