import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Preloaded (`node -r`) into a command the benchmarks time: as the process exits, writes its own
 * CPU time and peak resident memory (VmHWM) as JSON to the file named by SIPSENSE_USAGE.
 */
process.on('exit', () => {
  const cpu = process.cpuUsage();
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  writeFileSync(process.env.SIPSENSE_USAGE as string, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peak }));
});
