import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AnalyzedDocument, computeCodeActions, computeCompletion, computeDiagnostics, computeHover, computeInlayHints,
  OVERFLOW_RULE, resolveSettings, type Settings,
} from '../../server/src/service';
import { SERVED_LANGUAGES } from '../../common/languages';
import { asteriskDialect } from '../../server/src/service/dialects/asterisk';
import { freeswitchDialect } from '../../server/src/service/dialects/freeswitch';
import { kamailioDialect, kemiDialect } from '../../server/src/service/dialects/kamailio';
import { LOG_DIALECTS } from '../../server/src/service/dialects/logs';
import { opensipsDialect } from '../../server/src/service/dialects/opensips';
import { sipMessageDialect } from '../../server/src/service/dialects/sipMessage';
import { sippDialect } from '../../server/src/service/dialects/sipp';
import type { Dialect } from '../../server/src/service/scanner/dialect';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { Scanner } from '../../server/src/service/scanner/scanner';
import { resolveSymbols, symbolTableOf } from '../../server/src/service/scanner/symbols';
import { sharedRoot } from './corpus';

/**
 * What the fuzz tests (test/unit/fuzz*.test.ts, the short run) and the fuzz runner (test/fuzz/run.ts,
 * the long run) share: the real files of every corpus folder, mutations of them, and the checks a
 * document must pass whatever its text (no exception, ranges inside the text, the incremental index
 * equal to a scan from scratch, the service's text equal to the protocol's reference model).
 */

/** Every dialect the service has, each timed on its own. */
export const ALL_DIALECTS: readonly Dialect[] = [
  sipMessageDialect, kamailioDialect, kemiDialect, opensipsDialect, asteriskDialect, freeswitchDialect, sippDialect, ...LOG_DIALECTS,
];

/** The language ids each corpus folder is opened with (the first is its own; plaintext makes the server sniff). */
const FOLDER_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  'sip-traces': ['sip', 'plaintext', 'log'],
  'sip-torture': ['sip', 'plaintext'],
  kamailio: ['kamailio', 'plaintext'],
  opensips: ['opensips', 'plaintext'],
  asterisk: ['asterisk'],
  freeswitch: ['xml'],
  sipp: ['xml'],
  logs: ['log', 'plaintext'],
  // Packet captures opened as text, as a user may by mistake: binary junk with SIP inside.
  pcap: ['plaintext'],
};

export interface CorpusFile {
  folder: string;
  name: string;
  bytes: Buffer;
  /** The bytes decoded as UTF-8 (binary bodies become U+FFFD, as an editor shows them). */
  text: string;
  languages: readonly string[];
}

let corpusCache: CorpusFile[] | undefined;

/** Every file of every folder of ../shared/corpus (read once; never copied anywhere). */
export function fuzzCorpus(): CorpusFile[] {
  if (corpusCache) return corpusCache;
  const root = join(sharedRoot, 'corpus');
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    const languages = FOLDER_LANGUAGES[folder];
    assert.ok(languages, `corpus folder ${folder} has no language ids here: add it to FOLDER_LANGUAGES`);
    for (const name of readdirSync(join(root, folder)).sort()) {
      const bytes = readFileSync(join(root, folder, name));
      files.push({ folder, name, bytes, text: bytes.toString('utf8'), languages });
    }
  }
  corpusCache = files;
  return files;
}

/**
 * Text the dialects care about, so that mutations reach their code paths: the words every dialect
 * waits for, digits of every length, brackets and quotes, every kind of line break and the
 * characters that break naive text handling (NUL, BOM, lone surrogates, U+2028, ANSI colours).
 */
export const TOKENS: readonly string[] = [
  // SIP messages
  'SIP/2.0 ', 'sip/2.0 ', 'Sip/2.0\t', 'SIP/2.0', 'Status-Line: ', 'Reason: SIP ;cause=', 'Reason: Q.850;cause=', ';text="',
  'Warning: 399 host "x", 370 ', 'CSeq: 1 INVITE', 'CSeq: 7 BYE', 'Content-Type: message/sipfrag', 'INVITE sip:a@b SIP/2.0',
  'NOTIFY sip:a@b SIP/2.0', ' - Challenging the UE', 'U 10.0.0.1:5060 -> 10.0.0.2:5060', '.',
  // Kamailio / OpenSIPS
  'sl_send_reply(', 'sl_send_reply("', 't_reply(', 'send_reply(', 't_reply_callid(', 'KSR.sl.sl_send_reply(', 'KSR.tm.t_reply(',
  't_check_status("', 'status=~"', 'status', '$rs', '$T_reply_code', '$(rs{s.int})', '$T_rpl($rs)', '$err.rcode', '$var(x)',
  'KSR.pv.get("$rs")', 't_get_status_code()', ' == ', ' >= ', ' != ', ' =~ ', ' && ', 'failure_route[x] {', 'onreply_route {',
  'route[', 'modparam("tm", "failover_reply_codes", "', 'modparam("sl", "default_code", ', 'modparam("usrloc", "x_codes", "',
  'code=', 'class=', '#!KAMAILIO', '#!OPENSIPS', 'loadmodule "tm.so"', '/*', '*/', '//', '#', 'dnl ', '`', "'", 'xlog("',
  't_grep_status("', 'xhttp_reply("', '5[0-9][0-9]', '(408)|(', '^', '$', '|', '\\',
  '#!define BUSY_CODE 486', '#!trydef DENY "603"', '#!substdef "/TXT/Busy Here/"', "define(`BUSY', `486')", 'BUSY_CODE', 'DENY', 'TXT',
  '"TXT"', 'switch ($rs) {', 'switch ($retcode) {', 'case 486:', 'case ', ': ', 'acc_log_request("200 Dialog Timeout")', '# ', ' * ',
  '{"jsonrpc":"2.0","method":"tm.reply","params":[486,"Busy Here"]}', '\\"code\\":486',
  // Asterisk
  'exten => ', 'same => n,', 'PJSIPHangup(', 'Hangup(', 'BUSY_HERE', 'PJSIP_SC_NOT_FOUND', 'USER_BUSY', 'HANGUPCAUSE(${x},tech)',
  '"SIP 486 Busy Here"', 'SIP ', 'PJSIP_HEADER(add,Reason)=SIP\\;cause=', '--;', ';--', '\\;', ';',
  // FreeSWITCH and SIPp
  '<action application="respond" data="', '<action application="hangup" data="', 'sip_term_status', '${sip_term_status}',
  'proto_specific_hangup_cause=sip:', 'continue_on_fail=', 'failure_causes=', '<condition field="${sip_term_status}" expression="^(',
  '<!--', '-->', '<extension name="x">', '<![CDATA[', ']]>', '<scenario name="x">', '<recv response="', '<send retrans="500">',
  'response=', 'response="', ' optional="true"', '<recv request="INVITE"', '/>', '>', '<', '="', '"',
  // logs
  'Got SIP response ', 'kamailio[795]: ', '] VERBOSE[1302] ', '[DEBUG] sofia.c:7290 ', 'nta: ', 'Response msg ', '/INVITE/cseq=1',
  'is DISCONNECTED [reason=', 'registration success, status=', 'receiving call response [', 'T_code=', 'entering state [terminated][',
  '(cause ', ' (', ')', '[', ']', '{', '}', ',', '=',
  // numbers
  '486', '100', '183', '200', '202', '404', '409', '499', '603', '699', '700', '17', '0', '4294967301', '9'.repeat(30), '0486',
  // line breaks and awkward characters
  '\n', '\r\n', '\r', '\n\r', '\r\r\n', '\0', '\uFEFF', '\uD800', '\uDFFF', '\uDBFF\uDC00', '\uDC00\uDBFF', '\u2028', '\u2029',
  '\t', ' ', '  ', '\x1b[31m', '\uFFFD', 'é', '\u0645\u0631\u062D\u0628\u0627', '😀',
];

const tokenArb = fc.constantFrom(...TOKENS);

/** A piece of text to insert: tokens, random code units (lone surrogates included), digits, or bytes decoded as UTF-8 or Latin-1. */
export const pieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(tokenArb, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,25}$/) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom<BufferEncoding>('utf8', 'latin1'))
      .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding)),
  },
);

/** A change to a whole text, at fractions of its length (so that one mutation fits texts of any size). */
export type Mutation =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'breaks'; at: number; length: number; to: string }
  | { kind: 'join-lines'; at: number; length: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'latin1-as-utf8'; at: number; length: number }
  | { kind: 'splice'; at: number; file: number; from: number; length: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, piece: pieceArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fraction, length: fc.integer({ min: 1, max: 120 }), times: fc.integer({ min: 2, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('breaks' as const), at: fraction, length: fc.nat({ max: 5000 }), to: fc.constantFrom('\r', '\n', '\r\n', '\n\r', '', ' ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join-lines' as const), at: fraction, length: fc.nat({ max: 20000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('latin1-as-utf8' as const), at: fraction, length: fc.nat({ max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fraction, file: fc.nat(), from: fraction, length: fc.nat({ max: 3000 }) }) },
);

function offsetIn(text: string, at: number): number {
  return Math.min(text.length, Math.floor(at * (text.length + 1)));
}

/** Applies one mutation to a text. */
export function mutate(text: string, mutation: Mutation, corpus: readonly CorpusFile[]): string {
  const at = offsetIn(text, mutation.at);
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, at) + mutation.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'repeat': {
      const part = text.slice(at, at + mutation.length);
      return text.slice(0, at) + part.repeat(mutation.times) + text.slice(at + mutation.length);
    }
    case 'breaks': {
      const part = text.slice(at, at + mutation.length).replace(/\r\n|\r|\n/g, mutation.to);
      return text.slice(0, at) + part + text.slice(at + mutation.length);
    }
    case 'join-lines': {
      const part = text.slice(at, at + mutation.length).replace(/\r\n|\r|\n/g, ' ');
      return text.slice(0, at) + part + text.slice(at + mutation.length);
    }
    case 'bytes':
      return text.slice(0, at) + Buffer.from(mutation.bytes).toString('utf8') + text.slice(at);
    case 'latin1-as-utf8': {
      // The text written out as Latin-1 (what a latin1 editor saves) and read back as UTF-8.
      const part = Buffer.from(text.slice(at, at + mutation.length), 'latin1').toString('utf8');
      return text.slice(0, at) + part + text.slice(at + mutation.length);
    }
    case 'splice': {
      const other = corpus[mutation.file % corpus.length].text;
      const from = offsetIn(other, mutation.from);
      return text.slice(0, at) + other.slice(from, from + mutation.length) + text.slice(at);
    }
  }
}

/** A document to fuzz: a real file (or none), its language id, and mutations. */
export interface FuzzDocument {
  source: string;
  languageId: string;
  text: string;
}

/** Real files of every folder (all sip-torture files among them), mutated, opened with their own or another served language id. */
export function fuzzDocumentArb(corpus: readonly CorpusFile[] = fuzzCorpus()): fc.Arbitrary<FuzzDocument> {
  return fc.record({
    file: fc.nat({ max: corpus.length - 1 }),
    language: fc.nat(),
    otherLanguage: fc.option(fc.constantFrom(...SERVED_LANGUAGES), { freq: 6 }),
    latin1: fc.boolean(),
    mutations: fc.array(mutationArb, { maxLength: 12 }),
  }).map(({ file, language, otherLanguage, latin1, mutations }) => {
    const source = corpus[file];
    let text = latin1 ? source.bytes.toString('latin1') : source.text;
    for (const mutation of mutations) text = mutate(text, mutation, corpus);
    const languageId = otherLanguage ?? source.languages[language % source.languages.length];
    return { source: `${source.folder}/${source.name}${latin1 ? ' (latin1)' : ''} +${mutations.length} mutations`, languageId, text };
  });
}

/** Pure junk: random code units and tokens, with and without line breaks. */
export const junkDocumentArb: fc.Arbitrary<FuzzDocument> = fc.record({
  languageId: fc.constantFrom(...SERVED_LANGUAGES),
  parts: fc.array(fc.oneof(pieceArb, fc.string({ unit: 'binary', maxLength: 200 })), { maxLength: 60 }),
}).map(({ languageId, parts }) => ({ source: 'junk', languageId, text: parts.join('') }));

// ---------------------------------------------------------------------------------------------
// Lines as the protocol counts them

const LINE_BREAK = /\r\n|\r|\n/;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

// ---------------------------------------------------------------------------------------------
// Timing each dialect's scanLine per line

/** Lines up to this long count as ordinary lines for the per-line time bound. */
export const ORDINARY_LINE_CHARS = 64 * 1024;

export interface LineTiming {
  /** The slowest ordinary line (its best of several measurements), in ms, with its dialect and length. */
  worstMs: number;
  worstDialect: string;
  worstLength: number;
  worstLine: string;
  /** Ordinary lines measured, how many of them stayed over 1 ms when measured again, and the shortest of those. */
  lines: number;
  overOneMs: number;
  shortestOverOneMs: number;
  /** The longest line seen, and the time per character of the slowest dialect on lines longer than ORDINARY_LINE_CHARS. */
  longestLine: number;
  worstNsPerCharLong: number;
}

export function newLineTiming(): LineTiming {
  return {
    worstMs: 0, worstDialect: '', worstLength: 0, worstLine: '', lines: 0, overOneMs: 0, shortestOverOneMs: Infinity, longestLine: 0, worstNsPerCharLong: 0,
  };
}

/** How often a line that looked slow is measured again (the best counts: GC pauses and a busy machine only add time). */
const REMEASURE = 5;

/** One scanner per dialect: a line is timed as the service scans it, the dialect's trigger first. */
const SCANNERS = new Map<Dialect, Scanner>();

function timeScanLine(dialect: Dialect, text: string, sink: Occurrence[]): number {
  let scanner = SCANNERS.get(dialect);
  if (!scanner) {
    scanner = new Scanner([dialect]);
    SCANNERS.set(dialect, scanner);
  }
  sink.length = 0;
  const start = performance.now();
  scanner.scanText(text, 0, sink);
  return performance.now() - start;
}

/**
 * Scans every line of `text` with every dialect, one at a time (its trigger, then the line when
 * the trigger is there, as the service does), and keeps the worst time. A line
 * that takes over 1 ms is measured again and keeps its best time, so that a garbage collection
 * or another process on the machine does not pass for a slow line.
 */
export function timeLines(text: string, timing: LineTiming, dialects: readonly Dialect[] = ALL_DIALECTS): void {
  const sink: Occurrence[] = [];
  for (const line of splitLines(text)) {
    timing.longestLine = Math.max(timing.longestLine, line.length);
    const ordinary = line.length <= ORDINARY_LINE_CHARS;
    if (ordinary) timing.lines++;
    for (const dialect of dialects) {
      let ms = timeScanLine(dialect, line, sink);
      for (let again = 0; ms > 1 && again < REMEASURE; again++) ms = Math.min(ms, timeScanLine(dialect, line, sink));
      if (!ordinary) {
        timing.worstNsPerCharLong = Math.max(timing.worstNsPerCharLong, (ms * 1e6) / line.length);
        continue;
      }
      if (ms > 1) {
        timing.overOneMs++;
        timing.shortestOverOneMs = Math.min(timing.shortestOverOneMs, line.length);
      }
      if (ms > timing.worstMs) {
        timing.worstMs = ms;
        timing.worstDialect = dialect.id;
        timing.worstLength = line.length;
        timing.worstLine = line.length > 200 ? `${line.slice(0, 200)}…` : line;
      }
    }
  }
}

export function describeTiming(timing: LineTiming): string {
  return `${timing.lines} ordinary lines x ${ALL_DIALECTS.length} dialects: worst ${timing.worstMs.toFixed(3)} ms ` +
    `(${timing.worstDialect}, ${timing.worstLength} chars), ${timing.overOneMs} over 1 ms` +
    `${timing.overOneMs > 0 ? ` (the shortest of them ${timing.shortestOverOneMs} chars)` : ''}; ` +
    `longest line ${timing.longestLine} chars, worst ${timing.worstNsPerCharLong.toFixed(0)} ns/char on lines over ${ORDINARY_LINE_CHARS}`;
}

// ---------------------------------------------------------------------------------------------
// Checks on a document, whatever its text

export const SETTINGS: Settings = resolveSettings({ hover: { language: 'both' } });

function assertSpanInLine(span: { start: number; end: number }, lineText: string, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer columns ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= lineText.length,
    `${what}: span ${JSON.stringify(span)} inside a line of ${lineText.length} chars`);
}

const CODE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Each occurrence lies on its line, holds the text it covers, and they come in line order. */
export function checkOccurrences(occurrences: readonly Occurrence[], lines: readonly string[]): void {
  let previous = 0;
  for (const o of occurrences) {
    assert.ok(o.line >= previous && o.line < lines.length, `occurrence on line ${o.line} of ${lines.length}, after ${previous}`);
    previous = o.line;
    const text = lines[o.line];
    assertSpanInLine(o.span, text, `${o.kind} ${o.digits} on line ${o.line}`);
    // The span holds the digits as written, or the name that stands for them (PJSIPHangup(BUSY_HERE), Hangup(USER_BUSY)).
    const covered = text.slice(o.span.start, o.span.end);
    if (o.kind !== 'status-pattern' && covered !== o.digits) {
      assert.ok(CODE_NAME.test(covered) && /^[0-9]+$/.test(o.digits), `${o.kind} ${o.digits} on line ${o.line} covers ${JSON.stringify(covered)}`);
    }
    if (o.phrase) {
      assertSpanInLine(o.phrase.span, text, `phrase on line ${o.line}`);
      // A phrase written as a preprocessor name (via) holds the name's value.
      assert.equal(text.slice(o.phrase.span.start, o.phrase.span.end), o.phrase.via ?? o.phrase.text, `phrase on line ${o.line}`);
    }
  }
}

/**
 * What a scan from scratch finds: each line alone, through every dialect (also lines the triggers
 * skip), with the state carried from the line above, and symbols resolved against the whole text.
 */
export function scanLineByLine(dialects: readonly Dialect[], lines: readonly string[]): Occurrence[] {
  const scanner = new Scanner(dialects);
  const found: Occurrence[] = [];
  let state = 0;
  for (let line = 0; line < lines.length; line++) {
    scanner.scanLine(lines[line], line, found, state);
    state = scanner.stateAfter(lines[line], state);
  }
  if (!scanner.resolvesSymbols) return found;
  const text = { lineAt: (line: number) => lines[line] ?? '', lineCount: lines.length };
  return resolveSymbols(found, symbolTableOf(found), text);
}

/** Plain copies, to compare occurrences (the index moves its objects' lines in place). */
function plain(occurrences: readonly Occurrence[]): unknown[] {
  return occurrences.map((o) => JSON.parse(JSON.stringify({ ...o, value: String(o.value) })));
}

/** A position to ask about: mostly near what was found, sometimes anywhere, past the end or negative. */
export interface Probe {
  line: number;
  character: number;
}

function probesOf(document: AnalyzedDocument, lines: readonly string[], seeds: readonly number[]): Probe[] {
  const probes: Probe[] = [];
  const occurrences = document.occurrences;
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i];
    const o = occurrences.length > 0 ? occurrences[seed % occurrences.length] : undefined;
    switch (i % 6) {
      case 0:
      case 1:
        if (o) probes.push({ line: o.line, character: o.span.start + (seed % (o.span.end - o.span.start + 1)) });
        break;
      case 2: {
        const line = seed % lines.length;
        probes.push({ line, character: (seed >>> 3) % (lines[line].length + 2) });
        break;
      }
      case 3:
        // Past the end of a line with an occurrence, or just after its digits (where completion may apply).
        if (o) probes.push({ line: o.line, character: seed % 2 === 0 ? lines[o.line].length + (seed % 3) : o.span.end });
        break;
      case 4:
        probes.push({ line: lines.length + (seed % 3), character: seed % 10 });
        break;
      case 5:
        if (seed % 3 === 0) probes.push({ line: -1 - (seed % 3), character: 0 });
        else probes.push({ line: o && seed % 3 === 1 ? o.line : seed % lines.length, character: -1 - (seed % 5) });
        break;
    }
  }
  return probes;
}

/** Every feature at `probes`, with the checks that hold whatever the text. */
export function checkFeatures(document: AnalyzedDocument, lines: readonly string[], seeds: readonly number[]): number {
  const lineOf = (line: number): string => lines[line] ?? '';
  const diagnostics = computeDiagnostics(document.occurrences, SETTINGS);
  for (const d of diagnostics) {
    if (d.rule === OVERFLOW_RULE) continue;
    assert.ok(d.line >= 0 && d.line < lines.length, `diagnostic on line ${d.line}`);
    assertSpanInLine(d.span, lineOf(d.line), `diagnostic ${d.rule} on line ${d.line}`);
    assert.ok(d.message.length > 0);
  }
  let calls = 1;
  for (const probe of probesOf(document, lines, seeds)) {
    calls += 2;
    const hover = computeHover(document, probe, SETTINGS);
    if (hover) {
      assert.equal(hover.line, probe.line, 'hover on the line asked');
      assertSpanInLine(hover.span, lineOf(hover.line), `hover at ${JSON.stringify(probe)}`);
      const character = Math.max(0, Math.min(probe.character, lineOf(probe.line).length));
      assert.ok(hover.span.start <= character && character <= hover.span.end,
        `hover range ${JSON.stringify(hover.span)} holds ${JSON.stringify(probe)}`);
      assert.ok(typeof hover.markdown === 'string' && hover.markdown.length > 0);
    }
    const completion = computeCompletion(document, probe);
    if (completion) {
      assert.ok(probe.line >= 0 && probe.line < lines.length, `completion at ${JSON.stringify(probe)}`);
      for (const item of completion) {
        assert.equal(item.line, probe.line);
        assertSpanInLine(item.span, lineOf(probe.line), `completion at ${JSON.stringify(probe)}`);
        // A column past the line's end means its end, as the protocol says; a negative one its start.
        const character = Math.max(0, Math.min(probe.character, lineOf(probe.line).length));
        assert.ok(item.span.start <= character && character <= item.span.end,
          `completion span ${JSON.stringify(item.span)} holds ${JSON.stringify(probe)}`);
        assert.equal(typeof item.newText, 'string');
      }
    }
  }
  // Code actions and inlay hints over a few ranges: the whole document, one line, reversed and outside ones.
  const ranges: [number, number][] = [[0, lines.length - 1], [-5, 2], [lines.length - 1, lines.length + 5], [3, 1]];
  for (const seed of seeds.slice(0, 3)) ranges.push([seed % lines.length, (seed % lines.length) + (seed % 7)]);
  for (const [start, end] of ranges) {
    calls += 2;
    for (const action of computeCodeActions(document, start, end)) {
      assert.ok(action.line >= Math.max(0, start) && action.line <= end && action.line < lines.length, `code action on line ${action.line}`);
      assertSpanInLine(action.span, lineOf(action.line), `code action on line ${action.line}`);
      if (action.edit) assertSpanInLine(action.edit.span, lineOf(action.line), `code action edit on line ${action.line}`);
    }
    for (const hint of computeInlayHints(document, start, end)) {
      assert.ok(hint.line >= Math.max(0, start) && hint.line <= end && hint.line < lines.length, `inlay hint on line ${hint.line}`);
      assert.ok(hint.character >= 0 && hint.character <= lineOf(hint.line).length, `inlay hint at ${hint.line}:${hint.character}`);
      assert.ok(hint.label.length > 0);
    }
  }
  return calls;
}

/** Opens a document, scans it, and checks the index against a scan from scratch and every feature. Returns the number of feature calls. */
export function checkDocument(fuzz: FuzzDocument, seeds: readonly number[]): number {
  const document = AnalyzedDocument.create('file:///fuzz/doc', fuzz.languageId, 1, fuzz.text);
  document.scanAll();
  const lines = splitLines(fuzz.text);
  assert.equal(document.lines.lineCount, lines.length, 'line count');
  checkOccurrences(document.occurrences, lines);
  assert.deepEqual(plain(document.occurrences), plain(scanLineByLine(document.dialects, lines)), 'the index equals a line-by-line scan');
  return checkFeatures(document, lines, seeds);
}

// ---------------------------------------------------------------------------------------------
// Incremental edits against the protocol's reference text model

export interface FuzzEdit {
  /** Where the edit starts, as a fraction of the line count (past the end too), and its column (past the line's end too). */
  line: number;
  character: number;
  /** How far the end is from the start, in lines (negative: a reversed range) and its column. */
  lines: number;
  endCharacter: number;
  text: string;
  /** How much of the document is scanned before this edit (0: none; edits land in scanned and unscanned parts). */
  scanChars: number;
  /** A change of the whole text instead of a range. */
  whole: boolean;
}

export const editArb: fc.Arbitrary<FuzzEdit> = fc.record({
  line: fc.double({ min: -0.05, max: 1.1, noNaN: true }),
  character: fc.integer({ min: -3, max: 120 }),
  lines: fc.integer({ min: -3, max: 6 }),
  endCharacter: fc.integer({ min: -3, max: 120 }),
  text: fc.oneof(
    { weight: 5, arbitrary: pieceArb },
    { weight: 2, arbitrary: fc.constantFrom('', '\r', '\n', '\r\n', 'SIP/2.0 486 Busy Here\r\n', 'SIP/2.0 409 Conflict\n') },
  ),
  scanChars: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
  whole: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
});

export type TextChange = { range: { start: Probe; end: Probe }; text: string } | { text: string };

/**
 * The text after a change, by the protocol's reference model. The model is made afresh for each
 * change: TextDocument.update keeps a wrong line table after a range that starts past the end of
 * the document (its lineCount for "X\n" made that way is 3), so it cannot be the reference for such
 * ranges; TextDocument.applyEdits on a fresh model clamps them as the protocol says.
 */
export function applyToReference(text: string, change: TextChange): string {
  if (!('range' in change)) return change.text;
  return TextDocument.applyEdits(TextDocument.create('file:///reference', 'plaintext', 0, text), [{ range: change.range, newText: change.text }]);
}

/**
 * The client's text, kept by the reference model change by change: TextDocument.update where both
 * ends of the range are on lines of the document (the model is right there), a fresh model where
 * a range reaches outside them (see applyToReference).
 */
export class ReferenceText {
  private document: TextDocument;
  private version = 0;

  constructor(text: string) {
    this.document = TextDocument.create('file:///reference', 'plaintext', 0, text);
  }

  get text(): string {
    return this.document.getText();
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  /** The length of a line without its line break (0 outside the text). */
  lineLength(line: number): number {
    if (line < 0 || line >= this.document.lineCount) return 0;
    return this.document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).length;
  }

  apply(change: TextChange): void {
    const inside = (p: Probe): boolean => p.line >= 0 && p.line < this.document.lineCount;
    if ('range' in change && inside(change.range.start) && inside(change.range.end)) {
      TextDocument.update(this.document, [change], ++this.version);
    } else {
      this.document = TextDocument.create('file:///reference', 'plaintext', ++this.version, applyToReference(this.document.getText(), change));
    }
  }
}

/** The change a fuzz edit makes in a text of `lineCount` lines. */
export function changeOf(edit: FuzzEdit, lineCount: number): TextChange {
  if (edit.whole) return { text: edit.text };
  const startLine = Math.floor(edit.line * lineCount);
  const start = { line: startLine, character: edit.character };
  const end = { line: startLine + edit.lines, character: edit.endCharacter };
  return { range: { start, end }, text: edit.text };
}

/** Applies edits to a document and to the reference model (scanning slices in between), then checks they agree. */
export function checkEdits(fuzz: FuzzDocument, edits: readonly FuzzEdit[], seeds: readonly number[]): number {
  const document = AnalyzedDocument.create('file:///fuzz/edited', fuzz.languageId, 1, fuzz.text);
  const reference = new ReferenceText(fuzz.text);
  let version = 1;
  for (const edit of edits) {
    if (edit.scanChars > 0) document.scanStep(edit.scanChars);
    const change = changeOf(edit, reference.lineCount);
    document.update([change], ++version);
    reference.apply(change);
  }
  const text = reference.text;
  assert.equal(document.getText(), text, 'the service holds the same text as the reference model');
  const lines = splitLines(text);
  assert.equal(document.lines.lineCount, lines.length, 'line count');
  for (let line = 0; line < lines.length; line++) {
    assert.equal(document.lines.lineAt(line), lines[line], `line ${line}`);
  }
  document.scanAll();
  checkOccurrences(document.occurrences, lines);
  assert.deepEqual(plain(document.occurrences), plain(scanLineByLine(document.dialects, lines)),
    'after edits, the incremental index equals a line-by-line scan of the reference text');
  return checkFeatures(document, lines, seeds);
}
