import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readFileCalls } from '../server/src/files/fileCalls';

/**
 * One timed calls list in a process of its own (so that its peak memory is its own): the file read
 * from disk as the server reads a file the editor did not hand over, then its call list, on one
 * thread or two (argument `one` or `two`). Prints JSON.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  const start = performance.now();
  const cpu = process.cpuUsage();
  const trace = await readFileCalls(file, { threads: process.argv[3] === 'two' });
  const { calls } = trace;
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  trace.dispose();
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, calls: calls.length, messages: trace.messages, peak }));
}

void main();
