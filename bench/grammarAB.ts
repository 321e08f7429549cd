// Two versions of one grammar on the same text, taking turns on chunks of 200 lines (each chunk
// from the state its grammar reached there), round after round, in-process CPU time: a change of
// load on the machine hits both alike, where the grammar bench times one grammar after the other.
//   node out/bench/grammarAB.js SCOPE FOLDER A B [ROUNDS] [--no-sip]
// SCOPE is the root scope of A and B (files of a grammar, e.g. syntaxes/kamailio.tmLanguage.json
// saved before a change and after it, or a peer's); FOLDER a folder of ../shared/corpus. With
// SCOPE text.log, A and B are versions of our injection (or `none`) over VS Code's Log grammar (the
// SIP grammar they include is ours, syntaxes/), and --no-sip keeps the log lines that hold no SIP.
// Prints both lines/s and B's speed over A's.
import * as fs from 'node:fs';
import * as vsctm from 'vscode-textmate';
import { corpusFiles, getOnigLib, OUR_GRAMMARS, REFERENCE_GRAMMARS, splitLines } from '../test/unit/grammarRegistry';
import { logLinesWithoutSip } from './grammar';

const CHUNK = 200;
const INJECTION = 'text.log.sip-injection';

/** `file` as the grammar of `scope` (for text.log: VS Code's Log grammar with `file` injected, or alone for `none`; the injection's includes of source.sip find ours). */
async function load(scope: string, file: string): Promise<vsctm.IGrammar> {
  const raw = (path: string) => vsctm.parseRawGrammar(fs.readFileSync(path, 'utf8'), path);
  const log = REFERENCE_GRAMMARS.find((g) => g.scopeName === 'text.log')!.path;
  const injected = scope === 'text.log' && file !== 'none';
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (name: string) => {
      if (scope === 'text.log' && name === 'text.log') return raw(log);
      if (injected && name === 'source.sip') return raw(OUR_GRAMMARS.find((g) => g.scopeName === 'source.sip')!.path);
      if (name === (scope === 'text.log' ? INJECTION : scope) && (scope !== 'text.log' || injected)) return raw(file);
      return null;
    },
    getInjections: (name: string) => (injected && name === 'text.log' ? [INJECTION] : []),
  });
  const grammar = await registry.loadGrammar(scope);
  if (!grammar) throw new Error(`${file} does not load as ${scope}`);
  return grammar;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function main(args: string[]): Promise<void> {
  const noSip = args.includes('--no-sip');
  const [scope, folder, a, b, roundsArg] = args.filter((x) => x !== '--no-sip');
  if (!scope || !folder || !a || !b) throw new Error('usage: grammarAB SCOPE FOLDER A B [ROUNDS] [--no-sip]');
  const rounds = Number(roundsArg ?? 30);
  let lines = corpusFiles(folder).flatMap((f) => splitLines(fs.readFileSync(f.path, 'utf8')));
  if (noSip) lines = logLinesWithoutSip(lines);
  const chunks: string[][] = [];
  for (let i = 0; i < lines.length; i += CHUNK) chunks.push(lines.slice(i, i + CHUNK));
  const grammars = [await load(scope, a), await load(scope, b)];
  // the state each grammar starts each chunk from (this pass also compiles every rule)
  const starts = grammars.map((grammar) => {
    let state = vsctm.INITIAL;
    return chunks.map((chunk) => {
      const at = state;
      for (const line of chunk) state = grammar.tokenizeLine2(line, state).ruleStack;
      return at;
    });
  });
  const cpu = [0, 0];
  const run = (k: number, c: number) => {
    let state = starts[k][c];
    const t0 = cpuMicros();
    for (const line of chunks[c]) state = grammars[k].tokenizeLine2(line, state).ruleStack;
    cpu[k] += cpuMicros() - t0;
  };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = [...cpu];
    // the order within a chunk alternates, so that neither grammar always runs on a warm cache
    for (let c = 0; c < chunks.length; c++) for (const k of (r + c) % 2 ? [0, 1] : [1, 0]) run(k, c);
    ratios.push((cpu[0] - before[0]) / (cpu[1] - before[1]));
  }
  ratios.sort((x, y) => x - y);
  const perSecond = (micros: number) => Math.round(((lines.length * rounds) / micros) * 1e6).toLocaleString('en-US');
  console.log(
    `${scope} on ${folder}${noSip ? ' without SIP' : ''}, ${lines.length} lines, ${rounds} rounds: A ${perSecond(cpu[0])} lines/s, B ${perSecond(cpu[1])} lines/s; ` +
      `B's speed / A's ${(cpu[0] / cpu[1]).toFixed(3)}x (rounds: median ${ratios[Math.floor(ratios.length / 2)].toFixed(3)}x, ${ratios[0].toFixed(3)}x to ${ratios[ratios.length - 1].toFixed(3)}x)`,
  );
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
