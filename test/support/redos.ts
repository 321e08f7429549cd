/** recheck (ReDoS checker) with settings that make its verdicts repeatable on a loaded machine. */

// recheck ships no types for this tsconfig: load it with require.
const recheck = require('recheck') as {
  check(source: string, flags: string, params?: Record<string, unknown>): Promise<{
    status: string; complexity?: { summary?: string }; attack?: { pattern?: string }; error?: { kind?: string };
  }>;
};

/**
 * A fixed seed, and step limits instead of wall-clock limits: attack strings of up to 10,000
 * characters must stay under ten million steps (a quadratic regex needs ~50 million there, a
 * linear one a few ten thousand).
 */
const PARAMS = {
  timeout: 30_000,
  randomSeed: 4475,
  attackTimeout: null,
  incubationTimeout: null,
  maxAttackStringSize: 10_000,
  attackLimit: 10_000_000,
  maxIteration: 3,
  maxInitialGenerationSize: 100,
  maxGenerationSize: 50,
};

/** Checks each distinct (source, flags) once, two at a time; returns a line per regex that is not safe. */
export async function unsafeRegexes(regexes: readonly { source: string; flags: string; where: string }[]): Promise<string[]> {
  const unique = new Map<string, string[]>();
  for (const r of regexes) {
    const key = `${r.flags}/${r.source}`;
    unique.set(key, [...(unique.get(key) ?? []), r.where]);
  }
  const failures: string[] = [];
  const entries = [...unique];
  for (let i = 0; i < entries.length; i += 2) {
    await Promise.all(entries.slice(i, i + 2).map(async ([key, where]) => {
      const slash = key.indexOf('/');
      const flags = key.slice(0, slash);
      const source = key.slice(slash + 1);
      const verdict = await recheck.check(source, flags, PARAMS);
      if (verdict.status !== 'safe') {
        const why = verdict.complexity?.summary ?? verdict.error?.kind ?? '?';
        failures.push(`${verdict.status} (${why}${verdict.attack?.pattern ? `, attack ${verdict.attack.pattern}` : ''}) /${source}/${flags} at ${where.join(', ')}`);
      }
    }));
  }
  return failures;
}
