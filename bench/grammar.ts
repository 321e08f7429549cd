// Tokenization speed of our TextMate grammars (vscode-textmate + vscode-oniguruma, the engine of
// VS Code), on large files built in memory from ../shared/corpus (each kind's files concatenated
// and repeated up to ~50,000 lines), against VS Code's own Log grammar on the same log text.
//   npx tsc -p . && node out/bench/grammar.js
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import { INITIAL, type IGrammar, type StateStack } from 'vscode-textmate';
import { corpusFiles, createRegistry, loadGrammar, splitLines } from '../test/unit/grammarRegistry';

export interface BenchRow {
  /** what is measured, e.g. "sip" or "log (VS Code Log grammar, reference)" */
  name: string;
  /** root scope tokenized, plus the injections that were active */
  grammar: string;
  /** corpus folders the text was built from */
  corpus: string;
  lines: number;
  /** characters (UTF-16 code units) */
  chars: number;
  /** median CPU time (user + system) of the timed runs, milliseconds: what lines/s is computed
   *  from, so that other load on a shared machine does not skew the comparison */
  cpuMs: number;
  /** median wall-clock time of the timed runs, milliseconds */
  wallMs: number;
  linesPerSecond: number;
  /** linesPerSecond divided by the reference (VS Code's Log grammar on the same log text) */
  ratioToLogGrammar: number;
}

export interface BenchOptions {
  /** lines per language (default 50,000) */
  targetLines?: number;
  /** timed rounds over all grammars, the median per grammar is kept (default 3) */
  runs?: number;
}

interface Case {
  name: string;
  scope: string;
  folders: string[];
  withoutInjections?: boolean;
}

const CASES: Case[] = [
  { name: 'sip', scope: 'source.sip', folders: ['sip-traces', 'sip-torture'] },
  { name: 'kamailio', scope: 'source.kamailio', folders: ['kamailio'] },
  { name: 'opensips', scope: 'source.opensips', folders: ['opensips'] },
  { name: 'asterisk', scope: 'source.asterisk', folders: ['asterisk'] },
  { name: 'log + SIP injection', scope: 'text.log', folders: ['logs'] },
  { name: 'log (VS Code Log grammar, reference)', scope: 'text.log', folders: ['logs'], withoutInjections: true },
];

/** The corpus files of `folders`, concatenated and repeated until `targetLines` lines. */
export function buildLines(folders: string[], targetLines: number): string[] {
  const one: string[] = [];
  for (const folder of folders) for (const f of corpusFiles(folder)) one.push(...splitLines(fs.readFileSync(f.path, 'utf8')));
  if (one.length === 0) throw new Error(`no corpus files in ${folders.join(', ')}`);
  const lines: string[] = [];
  while (lines.length < targetLines) lines.push(...one);
  return lines.slice(0, targetLines);
}

function tokenizeAll(grammar: IGrammar, lines: string[]): void {
  let state: StateStack = INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function runGrammarBench(options: BenchOptions = {}): Promise<BenchRow[]> {
  const targetLines = options.targetLines ?? 50_000;
  const runs = Math.max(1, options.runs ?? 3);
  const withInjections = createRegistry();
  const withoutInjections = createRegistry({ withoutInjections: true });
  const prepared: Array<{ c: Case; grammar: IGrammar; lines: string[]; cpu: number[]; wall: number[] }> = [];
  for (const c of CASES) {
    const grammar = await loadGrammar(c.withoutInjections ? withoutInjections : withInjections, c.scope);
    const lines = buildLines(c.folders, targetLines);
    tokenizeAll(grammar, lines.slice(0, Math.min(5_000, lines.length))); // warm-up (JIT, regex compilation)
    prepared.push({ c, grammar, lines, cpu: [], wall: [] });
  }
  // rounds over all grammars, so that a change of load on the machine hits them alike
  for (let i = 0; i < runs; i++) {
    for (const p of prepared) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      tokenizeAll(p.grammar, p.lines);
      p.wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      p.cpu.push((c.user + c.system) / 1000);
    }
  }
  const measured = prepared.map(({ c, lines, cpu, wall }) => {
    const ms = median(cpu);
    return {
      name: c.name,
      grammar: c.withoutInjections || c.scope !== 'text.log' ? c.scope : `${c.scope} + text.log.sip-injection`,
      corpus: c.folders.join(', '),
      lines: lines.length,
      chars: lines.reduce((n, l) => n + l.length + 1, 0),
      cpuMs: Math.round(ms * 10) / 10,
      wallMs: Math.round(median(wall) * 10) / 10,
      linesPerSecond: Math.round((lines.length / ms) * 1000),
    };
  });
  const reference = measured.find((r) => r.name.startsWith('log (VS Code'))!.linesPerSecond;
  return measured.map((r) => ({ ...r, ratioToLogGrammar: Math.round((r.linesPerSecond / reference) * 100) / 100 }));
}

/** A Markdown table of the rows. */
export function formatBenchTable(rows: BenchRow[]): string {
  const head = ['grammar', 'root scope', 'lines', 'CPU ms', 'wall ms', 'lines/s (CPU)', 'vs Log grammar'];
  const body = rows.map((r) => [
    r.name,
    r.grammar,
    String(r.lines),
    r.cpuMs.toFixed(0),
    r.wallMs.toFixed(0),
    r.linesPerSecond.toLocaleString('en-US'),
    `${r.ratioToLogGrammar.toFixed(2)}x`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt)].join('\n');
}

if (require.main === module) {
  runGrammarBench()
    .then((rows) => {
      console.log(`TextMate tokenization (vscode-textmate ${require('vscode-textmate/package.json').version}, Node ${process.version})`);
      console.log(formatBenchTable(rows));
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
