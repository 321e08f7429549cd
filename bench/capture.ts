import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusFiles, repoRoot } from '../test/support/corpus';

/**
 * The capture decoder against tshark and against reading the file: a 100 MB pcapng made of the
 * corpus's scale capture repeated as sections, decoded by the built command (`sipsense decode`).
 */

const MB = 1024 * 1024;

/** The scale capture repeated as pcapng sections (each copy is a whole section) up to `bytes`. */
export function scaleCapture(dataDir: string, bytes: number): string {
  const path = join(dataDir, `scale-${Math.round(bytes / MB)}mb.pcapng`);
  const unit = readFileSync(corpusFiles('pcap').find((f) => f.name === 'sipnab__sipp-branch-scenario.pcapng')!.path);
  const copies = Math.ceil(bytes / unit.length);
  if (existsSync(path) && statSync(path).size === unit.length * copies) return path;
  mkdirSync(dataDir, { recursive: true });
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < copies; i++) writeSync(fd, unit);
  } finally {
    closeSync(fd);
  }
  return path;
}

interface Run { ms: number; peak: number; stdout: string }

/** Runs a command to its end: wall time, peak resident memory (VmHWM, polled) and its output. */
function measure(command: string, args: string[], keepStdout: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    let peak = 0;
    let stdout = '';
    let stderr = '';
    const poll = setInterval(() => {
      try {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
      } catch {
        // The process has just ended.
      }
    }, 20);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('latin1');
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms: performance.now() - start, peak, stdout });
    });
  });
}

export async function captureBenchmark(dataDir: string, row: (...cells: (string | number)[]) => void): Promise<void> {
  const file = scaleCapture(dataDir, 100 * MB);
  const size = statSync(file).size;
  const cat = await measure('bash', ['-c', `cat "${file}" > /dev/null`], false);
  const ours = await measure(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'decode', file, '-o', '/dev/null'], false);
  const tshark = await measure('tshark', ['-r', file, '-Y', 'sip', '-T', 'fields', '-e', 'sip.Call-ID'], true);
  const ourCount = await measure(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'decode', file], true);
  const messages = ourCount.stdout.split('\n').filter((line) => /^[UTSWH] \d{4}\//.test(line)).length;
  const tsharkMessages = tshark.stdout.split('\n').filter(Boolean).length;
  const s = (run: Run) => `${(run.ms / 1000).toFixed(2)} s`;
  const rate = (run: Run) => `${(size / MB / (run.ms / 1000)).toFixed(0)} MB/s`;
  row(`capture: decode a ${(size / MB).toFixed(0)} MB pcapng (${messages} messages; tshark ${tsharkMessages} frames)`, s(ours), `tshark -Y sip -T fields -e sip.Call-ID ${s(tshark)}`, `${(tshark.ms / ours.ms).toFixed(1)}x faster`, 'goal ≥ 10x faster');
  row('capture: bytes per second', rate(ours), `cat > /dev/null ${rate(cat)}`, `${(ours.ms / cat.ms).toFixed(1)}x the floor's time`, '');
  row('capture: peak memory (decode -o /dev/null)', `${(ours.peak / MB).toFixed(0)} MB`, `tshark ${(tshark.peak / MB).toFixed(0)} MB`, `${(ours.peak / tshark.peak).toFixed(2)}x`, 'bounded: independent of the file size');
}
