// Tokenization speed of our TextMate grammars (vscode-textmate + vscode-oniguruma, the engine of
// VS Code), on large files built in memory from ../shared/corpus (each kind's files concatenated
// and repeated up to ~50,000 lines), against VS Code's own Log grammar on the same log text and,
// with --peers DIR, against other projects' grammars for the same languages, all in one run.
//   npm run bench -- grammar [--peers DIR]
// DIR holds one folder per language (sip, kamailio, opensips, asterisk, log) of grammar files
// (.tmLanguage.json, .json or plist .tmLanguage); they are measured, never shipped or committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vsctm from 'vscode-textmate';
import { corpusFiles, createRegistry, getOnigLib, loadGrammar, splitLines } from '../test/unit/grammarRegistry';

export interface BenchRow {
  /** what is measured, e.g. "sip" or "peer: NormB.kamailio-lsp" */
  name: string;
  /** the language whose text is tokenized (sip, kamailio, opensips, asterisk, log, log without SIP) */
  language: string;
  /** root scope tokenized, plus the injections that were active */
  grammar: string;
  /** ours, the reference (VS Code's Log grammar) or a peer's */
  kind: 'ours' | 'reference' | 'peer';
  lines: number;
  /** characters (UTF-16 code units) */
  chars: number;
  /** median CPU time (user + system) of the timed runs, milliseconds: what lines/s is computed
   *  from, so that other load on a shared machine does not skew the comparison */
  cpuMs: number;
  /** median wall-clock time of the timed runs, milliseconds */
  wallMs: number;
  linesPerSecond: number;
}

export interface BenchOptions {
  /** lines per language (default 50,000) */
  targetLines?: number;
  /** timed rounds over all grammars, the median per grammar is kept (default 3) */
  runs?: number;
  /** a folder of peer grammars, one sub-folder per language */
  peersDir?: string;
}

interface Case {
  name: string;
  language: string;
  kind: BenchRow['kind'];
  scope: string;
  grammar: () => Promise<vsctm.IGrammar>;
  lines: string[];
  injected?: boolean;
}

/** The languages, the corpus folders their text comes from and our root scope. */
const LANGUAGES: Array<{ language: string; folders: string[]; scope: string }> = [
  { language: 'sip', folders: ['sip-traces', 'sip-torture'], scope: 'source.sip' },
  { language: 'kamailio', folders: ['kamailio'], scope: 'source.kamailio' },
  { language: 'opensips', folders: ['opensips'], scope: 'source.opensips' },
  { language: 'asterisk', folders: ['asterisk'], scope: 'source.asterisk' },
  { language: 'log', folders: ['logs'], scope: 'text.log' },
];

/** The corpus files of `folders`, line by line. */
function corpusLines(folders: string[]): string[] {
  const one: string[] = [];
  for (const folder of folders) for (const f of corpusFiles(folder)) one.push(...splitLines(fs.readFileSync(f.path, 'utf8')));
  if (one.length === 0) throw new Error(`no corpus files in ${folders.join(', ')}`);
  return one;
}

/** `unit` repeated until `targetLines` lines. */
function repeatTo(unit: string[], targetLines: number): string[] {
  if (unit.length === 0) throw new Error('nothing to repeat');
  const lines: string[] = [];
  while (lines.length < targetLines) lines.push(...unit);
  return lines.slice(0, targetLines);
}

const SIP_START_LINE = /SIP\/2\.0[ \t]+[0-9]{3}|[A-Z]+[ \t]+[^ \t]+[ \t]+SIP\/2\.0/;

/**
 * The log lines that have nothing to do with SIP: the corpus logs without the messages printed in
 * them (from a request or status line to the next blank line) and without any line that names SIP.
 * What every log file of a workspace looks like to the injection when it is not a VoIP log.
 */
export function logLinesWithoutSip(lines: string[]): string[] {
  const out: string[] = [];
  let inMessage = false;
  for (const line of lines) {
    if (SIP_START_LINE.test(line)) inMessage = true;
    else if (inMessage && line.trim() === '') inMessage = false;
    if (!inMessage && !/sip/i.test(line)) out.push(line);
  }
  return out;
}

function tokenizeAll(grammar: vsctm.IGrammar, lines: string[]): void {
  let state: vsctm.StateStack = vsctm.INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A registry that knows only the grammar files of one peer (plus what it includes from itself). */
async function loadPeerGrammar(file: string): Promise<{ scope: string; grammar: vsctm.IGrammar }> {
  const raw = vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName: string) => (scopeName === raw.scopeName ? raw : null),
  });
  const grammar = await registry.loadGrammar(raw.scopeName);
  if (!grammar) throw new Error(`peer grammar ${file} could not be loaded`);
  return { scope: raw.scopeName, grammar };
}

/** The peer grammar files of DIR/<language>/. */
function peerFiles(peersDir: string, language: string): string[] {
  const dir = path.join(peersDir, language);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(tmLanguage(\.json)?|json|plist)$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const peerName = (file: string) => path.basename(file).replace(/\.(tmLanguage(\.json)?|json|plist)$/i, '');

export async function runGrammarBench(options: BenchOptions = {}): Promise<BenchRow[]> {
  const targetLines = options.targetLines ?? 50_000;
  const runs = Math.max(1, options.runs ?? 3);
  const withInjections = createRegistry();
  const withoutInjections = createRegistry({ withoutInjections: true });
  const cases: Case[] = [];
  for (const { language, folders, scope } of LANGUAGES) {
    const unit = corpusLines(folders);
    const lines = repeatTo(unit, targetLines);
    const injected = scope === 'text.log';
    cases.push({ name: injected ? 'log + SIP injection' : language, language, kind: 'ours', scope, grammar: () => loadGrammar(withInjections, scope), lines, injected });
    if (injected) {
      cases.push({ name: 'VS Code Log grammar (reference)', language, kind: 'reference', scope, grammar: () => loadGrammar(withoutInjections, scope), lines });
      const plain = repeatTo(logLinesWithoutSip(unit), targetLines);
      cases.push({ name: 'log without SIP + SIP injection', language: 'log without SIP', kind: 'ours', scope, grammar: () => loadGrammar(withInjections, scope), lines: plain, injected });
      cases.push({ name: 'VS Code Log grammar (reference)', language: 'log without SIP', kind: 'reference', scope, grammar: () => loadGrammar(withoutInjections, scope), lines: plain });
    }
    for (const file of options.peersDir ? peerFiles(options.peersDir, language) : []) {
      const peer = loadPeerGrammar(file);
      cases.push({ name: `peer: ${peerName(file)}`, language, kind: 'peer', scope: (await peer).scope, grammar: async () => (await peer).grammar, lines });
    }
  }
  const prepared: Array<{ c: Case; grammar: vsctm.IGrammar; cpu: number[]; wall: number[] }> = [];
  for (const c of cases) {
    const grammar = await c.grammar();
    tokenizeAll(grammar, c.lines.slice(0, Math.min(5_000, c.lines.length))); // warm-up (JIT, regex compilation)
    prepared.push({ c, grammar, cpu: [], wall: [] });
  }
  // rounds over all grammars, so that a change of load on the machine hits them alike
  for (let i = 0; i < runs; i++) {
    for (const p of prepared) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      tokenizeAll(p.grammar, p.c.lines);
      p.wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      p.cpu.push((c.user + c.system) / 1000);
    }
  }
  return prepared.map(({ c, cpu, wall }) => {
    const ms = median(cpu);
    return {
      name: c.name,
      language: c.language,
      grammar: c.injected ? `${c.scope} + text.log.sip-injection` : c.scope,
      kind: c.kind,
      lines: c.lines.length,
      chars: c.lines.reduce((n, l) => n + l.length + 1, 0),
      cpuMs: Math.round(ms * 10) / 10,
      wallMs: Math.round(median(wall) * 10) / 10,
      linesPerSecond: Math.round((c.lines.length / ms) * 1000),
    };
  });
}

function markdownTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt)].join('\n');
}

/** A Markdown table of every row. */
export function formatBenchTable(rows: BenchRow[]): string {
  return markdownTable(
    ['text', 'grammar', 'root scope', 'lines', 'CPU ms', 'wall ms', 'lines/s (CPU)'],
    rows.map((r) => [r.language, r.name, r.grammar, String(r.lines), r.cpuMs.toFixed(0), r.wallMs.toFixed(0), r.linesPerSecond.toLocaleString('en-US')]),
  );
}

/**
 * Per language, ours against the fastest other grammar of the same run on the same text: the
 * fastest peer, or VS Code's Log grammar for the logs (the injection's cost, 1.00x = none).
 */
export function formatRatioTable(rows: BenchRow[]): string {
  const body: string[][] = [];
  for (const ours of rows.filter((r) => r.kind === 'ours')) {
    const others = rows.filter((r) => r.language === ours.language && r.kind !== 'ours');
    const peers = others.filter((r) => r.kind === 'peer');
    const reference = others.find((r) => r.kind === 'reference');
    const fastestPeer = peers.sort((a, b) => b.linesPerSecond - a.linesPerSecond)[0];
    for (const other of [fastestPeer, reference]) {
      if (!other) continue;
      body.push([
        ours.language,
        ours.linesPerSecond.toLocaleString('en-US'),
        `${other.linesPerSecond.toLocaleString('en-US')} (${other.name.replace(/^peer: /, '')})`,
        `${(ours.linesPerSecond / other.linesPerSecond).toFixed(2)}x`,
      ]);
    }
  }
  return markdownTable(['language', 'ours, lines/s', 'fastest other, lines/s', 'ratio'], body);
}

/** `--peers DIR` of an argument list, if given. */
export function peersDirOf(args: string[]): string | undefined {
  const at = args.indexOf('--peers');
  if (at === -1) return undefined;
  const dir = args[at + 1];
  if (!dir || !fs.existsSync(dir)) throw new Error(`--peers needs a folder of peer grammars (one sub-folder per language), got ${dir}`);
  return path.resolve(dir);
}

/** The grammar part of npm run bench. */
export async function printGrammarBench(args: string[]): Promise<void> {
  const rows = await runGrammarBench({ peersDir: peersDirOf(args) });
  console.log(`TextMate tokenization (vscode-textmate ${require('vscode-textmate/package.json').version}, Node ${process.version}), one run:`);
  console.log(formatBenchTable(rows));
  console.log(formatRatioTable(rows));
}

if (require.main === module) {
  printGrammarBench(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
