// Shared by the grammar tests and bench/grammar.ts: where the grammars and the corpus are, and a
// vscode-textmate registry that loads our grammars (with their injections, as VS Code would)
// plus the third-party ones they inject into (text.log, Markdown, XML from tm-grammars).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

/** Repository root, from out/test/unit (compiled) or test/unit (ts-node style) alike. */
export const repoRoot: string = findRepoRoot(__dirname);
export const syntaxesDir = path.join(repoRoot, 'syntaxes');
/** ../shared/corpus relative to the repository root. */
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'syntaxes'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..', '..', '..');
    dir = parent;
  }
}

export interface GrammarInfo {
  scopeName: string;
  /** absolute path of the grammar file */
  path: string;
  /** VS Code language id, for the grammars that define a language */
  language?: string;
  /** root scopes this grammar is injected into */
  injectTo?: string[];
  /** true for our own grammars (syntaxes/), false for the third-party reference ones */
  ours: boolean;
}

/** Our grammars, as the lead declares them in package.json (contributes.grammars). */
export const OUR_GRAMMARS: GrammarInfo[] = [
  { scopeName: 'source.sip', path: path.join(syntaxesDir, 'sip.tmLanguage.json'), language: 'sip', ours: true },
  { scopeName: 'source.kamailio', path: path.join(syntaxesDir, 'kamailio.tmLanguage.json'), language: 'kamailio', ours: true },
  { scopeName: 'source.opensips', path: path.join(syntaxesDir, 'opensips.tmLanguage.json'), language: 'opensips', ours: true },
  { scopeName: 'source.asterisk', path: path.join(syntaxesDir, 'asterisk.tmLanguage.json'), language: 'asterisk', ours: true },
  {
    scopeName: 'text.log.sip-injection',
    path: path.join(syntaxesDir, 'sip-log.injection.tmLanguage.json'),
    injectTo: ['text.log'],
    ours: true,
  },
  {
    scopeName: 'markdown.sip.codeblock',
    path: path.join(syntaxesDir, 'sip-markdown.injection.tmLanguage.json'),
    injectTo: ['text.html.markdown'],
    ours: true,
  },
];

function tmGrammarPath(file: string): string {
  return require.resolve(`tm-grammars/grammars/${file}`);
}

/** Grammars of other projects: VS Code's Log grammar (the speed reference), Markdown, XML. */
export const REFERENCE_GRAMMARS: GrammarInfo[] = [
  { scopeName: 'text.log', path: tmGrammarPath('log.json'), language: 'log', ours: false },
  { scopeName: 'text.html.markdown', path: tmGrammarPath('markdown.json'), language: 'markdown', ours: false },
  { scopeName: 'text.xml', path: tmGrammarPath('xml.json'), language: 'xml', ours: false },
];

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma WebAssembly library (loaded once per process). */
export function getOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = fs.readFileSync(wasmPath);
    const buffer = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(buffer).then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

export interface RegistryOptions {
  /** leave the injection grammars out (e.g. to measure text.log alone) */
  withoutInjections?: boolean;
}

/** A vscode-textmate registry over our grammars and the reference ones. */
export function createRegistry(options: RegistryOptions = {}): vsctm.Registry {
  const all = [...OUR_GRAMMARS, ...REFERENCE_GRAMMARS];
  const byScope = new Map(all.map((g) => [g.scopeName, g]));
  return new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName: string) => {
      const info = byScope.get(scopeName);
      if (!info) return null; // e.g. the many languages Markdown can embed
      return vsctm.parseRawGrammar(fs.readFileSync(info.path, 'utf8'), info.path);
    },
    getInjections: (scopeName: string) => {
      if (options.withoutInjections) return [];
      return OUR_GRAMMARS.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName);
    },
  });
}

/** Loads one grammar (and, through the registry, what it includes or injects). */
export async function loadGrammar(registry: vsctm.Registry, scopeName: string): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} could not be loaded`);
  return grammar;
}

/** Lines as VS Code splits them (\r\n, \r or \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export interface LineTokens {
  line: string;
  tokens: vsctm.IToken[];
}

/** Tokenizes a whole text line by line, carrying the rule stack. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): LineTokens[] {
  let state: vsctm.StateStack = vsctm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of splitLines(text)) {
    const result = grammar.tokenizeLine(line, state);
    out.push({ line, tokens: result.tokens });
    state = result.ruleStack;
  }
  return out;
}

/** Corpus folder -> the root scope its files are tokenized with (null: not ours, skipped). */
export const CORPUS_SCOPES: Record<string, string | null> = {
  'sip-traces': 'source.sip',
  'sip-torture': 'source.sip',
  kamailio: 'source.kamailio',
  opensips: 'source.opensips',
  asterisk: 'source.asterisk',
  logs: 'text.log',
  freeswitch: 'text.xml',
  sipp: 'text.xml',
};

export interface CorpusFile {
  folder: string;
  name: string;
  path: string;
}

/** Every file of ../shared/corpus/<folder> (sorted), or all folders when none is given. */
export function corpusFiles(folder?: string): CorpusFile[] {
  const folders = folder ? [folder] : Object.keys(CORPUS_SCOPES);
  const files: CorpusFile[] = [];
  for (const f of folders) {
    const dir = path.join(corpusDir, f);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isFile()) files.push({ folder: f, name, path: full });
    }
  }
  return files;
}

/** The scopes of the token covering character `offset` of a tokenized line. */
export function scopesAt(lt: LineTokens, offset: number): string[] {
  const t = lt.tokens.find((tok) => tok.startIndex <= offset && offset < tok.endIndex);
  return t ? t.scopes : [];
}

/** Class of a status-code scope list: '2xx' ..., or undefined when none of them is one. */
export function statusClassOf(scopes: string[]): string | undefined {
  for (const s of scopes) {
    const m = /^constant\.numeric\.status-code\.([1-6]xx)\./.exec(s);
    if (m) return m[1];
  }
  return undefined;
}
