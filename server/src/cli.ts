import { closeSync, createReadStream, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { basename } from 'node:path';
import { readFileCalls } from './files/fileCalls';
import { readFileFlow, type FileFlow } from './files/fileFlow';
import { exitOnSignals } from './files/tempFolders';
import { htmlPage } from './flow/htmlPage';
import { StreamedCalls } from './service/features/streamedCalls';
import { jsonLadder } from './flow/jsonLadder';
import { LadderCount } from './flow/ladderHead';
import { svgDocument } from './flow/svgLadder';
import { textLadder } from './flow/textLadder';
import { decodeCaptureFile, looksLikeCapture, skipReasonOf, type CaptureProblem, type DecodeResult, type Skip } from './capture';
import {
  AnalyzedDocument, DiagnosticsCollector, explainStatus, markdownToPlainText, resolveSettings, type DiagnosticInfo, type Settings,
} from './service';
import { isKemiLanguage } from '../../common/languages';
import { scannerFor } from './service/dialectSelection';
import { LineTooLong, MAX_STREAMED_LINE, StreamedScan } from './service/scanner/streamedScan';
import type { CallSummary } from '../../common/callFlow';
import { captureProblemText } from '../../common/captureMessages';
import { MESSAGES, inScript, languagesOf, type CliMessages, type Lang, type Messages } from './service/messages';
import { languageForFile } from './service/fileLanguage';
import type { CallState } from './service/trace';
import { VERSION } from './version';

/** `sipsense`: the language service's diagnostics and explanations on the command line. */

/** How each command is written: the same in every language (the usage text of the catalogues goes around it). */
const SYNOPSIS = `  sipsense check [--format text|json] [--severity error|warning|information|hint] [--lang en|fa|both] FILE...
  sipsense explain [--lang en|fa|both] CODE
  sipsense calls [--format text|csv|json] [--lang en|fa|both] FILE...
  sipsense flow [--call CALL-ID] [--format text|svg|html|json] [--lang en|fa|both] FILE
  sipsense decode [--lang en|fa|both] CAPTURE [-o FILE]
  sipsense --help | --version`;

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;
/** The languages of the messages (--lang). */
const LANGUAGES = ['en', 'fa', 'both'] as const;
type Language = (typeof LANGUAGES)[number];
type Severity = (typeof SEVERITY_ORDER)[number];

/** Bad usage: what is wrong, in the words of the catalogues (said in the language of --lang). */
class UsageError extends Error {
  constructor(readonly says: (m: CliMessages) => string) {
    super(says(MESSAGES.en.cli));
  }
}

/** The language of the command line's own words: the --lang given anywhere on it (English without one). */
function languageOf(args: readonly string[]): Language {
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at === -1 ? undefined : args[at].includes('=') ? args[at].slice('--lang='.length) : args[at + 1];
  return LANGUAGES.find((lang) => lang === value) ?? 'en';
}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves once what out() was given has been written (a command that writes as it reads waits for it). */
  drained?: () => Promise<void>;
}

/** Runs the command line and returns the exit code (a promise for the commands that stream: check, calls, flow, decode). */
export function main(args: readonly string[], io: Output): number | Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === '--help' || command === '-h') {
      io.out(tell(languageOf(args), '', (m) => m.cli.usage(SYNOPSIS)));
      return 0;
    }
    if (command === '--version') {
      io.out(VERSION);
      return 0;
    }
    if (command === 'check') return check(rest, io);
    if (command === 'explain') return explain(rest, io);
    if (command === 'calls') return calls(rest, io);
    if (command === 'flow') return flow(rest, io);
    if (command === 'decode') {
      const { file, output, language } = decodeArguments(rest);
      return decode(file, output, language, io);
    }
    throw new UsageError((m) => (command ? m.unknownCommand(command) : m.noCommand));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(tell(languageOf(args), 'sipsense: ', (m) => `${error.says(m.cli)}\n${m.cli.usage(SYNOPSIS)}`));
    return 2;
  }
}

/** Splits `--name value` options (also `--name=value`) from positional arguments. */
function parseOptions(args: readonly string[], allowed: Record<string, readonly string[]>): { options: Record<string, string>; rest: string[] } {
  const options: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    const values = allowed[name];
    if (!values) throw new UsageError((m) => m.unknownOption(name));
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError((m) => m.needsValue(name));
    // An empty list of values: the option takes any value.
    if (values.length > 0 && !values.includes(value)) throw new UsageError((m) => m.takesOneOf(name, values.join(', ')));
    options[name] = value;
  }
  return { options, rest };
}

function check(args: readonly string[], io: Output): Promise<number> {
  // Usage errors at once (main turns them into exit code 2), before any file is read.
  const { options, rest: files } = parseOptions(args, { format: ['text', 'json'], severity: SEVERITY_ORDER, lang: LANGUAGES });
  if (files.length === 0) throw new UsageError((m) => m.needsFiles('check'));
  return checkFiles(files, options, io);
}

async function checkFiles(files: readonly string[], options: Record<string, string>, io: Output): Promise<number> {
  const threshold = SEVERITY_ORDER.indexOf((options.severity ?? 'information') as Severity);
  const language = (options.lang ?? 'en') as Language;
  const settings = resolveSettings({ language });
  const report: { file: string; diagnostic: DiagnosticInfo }[] = [];
  let failed = false;
  for (const file of files) {
    const checked = await diagnosticsOfFile(file, settings, language, io);
    if (checked.failed) failed = true;
    for (const diagnostic of checked.diagnostics) {
      if (SEVERITY_ORDER.indexOf(diagnostic.severity) > threshold) continue;
      report.push({ file, diagnostic });
      if (diagnostic.severity === 'error') failed = true;
    }
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(report.map(({ file, diagnostic: d }) => ({
      file, line: d.line + 1, column: d.span.start + 1, endColumn: d.span.end + 1, severity: d.severity, rule: d.rule, message: d.message,
    })), null, 2));
  } else {
    for (const { file, diagnostic: d } of report) {
      io.out(`${file}:${d.line + 1}:${d.span.start + 1}: ${d.severity}: ${d.message} [${d.rule}]`);
    }
  }
  return failed ? 1 : 0;
}

/** How much of a file is read to tell what it is: enough bytes for the characters its language is told by. */
const HEAD_BYTES = 256 * 1024;

/**
 * The diagnostics of one file, in bounded memory whatever its size: a text scanned as it streams
 * from disk, a capture's trace as it is decoded (neither kept whole); only a script whose
 * occurrences name each other (a routing script) or that is told by what it calls (KEMI) is read
 * whole. What cannot be read, a capture's damage and a binary file are said.
 */
async function diagnosticsOfFile(file: string, settings: Settings, language: Language, io: Output): Promise<{ diagnostics: DiagnosticInfo[]; failed: boolean }> {
  const cannotRead = (error: unknown) => {
    io.err(sayCannot(language, (m) => m.cannotRead, file, error));
    return { diagnostics: [], failed: true };
  };
  let head: Buffer;
  try {
    head = readHead(file, HEAD_BYTES);
  } catch (error) {
    return cannotRead(error);
  }
  const collector = new DiagnosticsCollector(settings);
  if (looksLikeCapture(head)) {
    const scan = new StreamedScan(scannerFor('sip', ''));
    const text = new StringDecoder('utf8');
    const result = await decodeCaptureFile(file, (chunk) => collector.add(scan.push(text.write(chunk))));
    collector.add(scan.push(text.end()));
    collector.add(scan.end());
    if (result.error) io.err(sayProblem(language, file, result.error));
    return { diagnostics: collector.diagnostics(), failed: result.error !== undefined };
  }
  if (head.subarray(0, 8192).includes(0)) {
    io.err(tell(language, 'sipsense: ', (m) => m.cli.skippedBinary(file)));
    return { diagnostics: [], failed: false };
  }
  const headText = head.toString('utf8');
  const languageId = languageForFile(file, headText.slice(0, 1024).split(/\r?\n|\r/, 1)[0]);
  const scanner = scannerFor(languageId, headText);
  try {
    if (isKemiLanguage(languageId) || scanner.resolvesSymbols) {
      const document = AnalyzedDocument.create(`file://${file}`, languageId, 1, readFileSync(file, 'utf8'));
      document.scanAll();
      collector.add(document.occurrences);
    } else {
      const scan = new StreamedScan(scanner);
      const text = new StringDecoder('utf8');
      for await (const chunk of createReadStream(file)) collector.add(scan.push(text.write(chunk as Buffer)));
      collector.add(scan.push(text.end()));
      collector.add(scan.end());
    }
  } catch (error) {
    if (error instanceof LineTooLong) {
      io.err(tell(language, `sipsense: ${file}: `, (m) => m.cli.lineTooLong(error.line + 1, MAX_STREAMED_LINE / 1_000_000)));
      return { diagnostics: collector.diagnostics(), failed: true };
    }
    return cannotRead(error);
  }
  return { diagnostics: collector.diagnostics(), failed: false };
}

/** The first `bytes` bytes of a file (fewer when it is shorter). */
function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

function explain(args: readonly string[], io: Output): number {
  const { options, rest } = parseOptions(args, { lang: LANGUAGES });
  if (rest.length !== 1 || !/^[0-9]{1,12}$/.test(rest[0])) throw new UsageError((m) => m.explainTakesCode);
  const language = (options.lang ?? 'en') as Language;
  io.out(markdownToPlainText(explainStatus(rest[0], language)));
  return 0;
}

/** The columns of `sipsense calls`, in order. */
const CALL_COLUMNS = ['file', 'callId', 'method', 'from', 'to', 'start', 'duration', 'messages', 'status', 'phrase', 'state'] as const;
type CallRow = Record<(typeof CALL_COLUMNS)[number], string | number | null>;

/** A time as the trace gave it: a date and time, or a time of day alone (seconds since 1970 below one day). */
function formatTime(seconds: number): string {
  const iso = new Date(Math.floor(seconds * 1000)).toISOString();
  const micros = String(Math.round((seconds % 1) * 1e6) % 1e6).padStart(6, '0');
  const time = `${iso.slice(11, 19)}.${micros}`;
  return seconds < 86400 ? time : `${iso.slice(0, 10)} ${time}`;
}

/** Control characters of untrusted text shown as escapes (a terminal or spreadsheet must not act on them). */
function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : printable(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A message of the catalogues in the language of --lang after `prefix` ("sipsense: FILE: "), a line
 * each language: the prefix is no part of the sentence, so the sentence's numbers are written in its script.
 */
function tell(language: Language, prefix: string, text: (m: Messages) => string): string {
  return languagesOf(language).map((lang) => `${prefix}${inScript(lang, text(MESSAGES[lang]))}`).join('\n');
}

/** What the capture decoder said of `file` (an error or a note), in the language of --lang. */
function sayProblem(language: Language, file: string, said: CaptureProblem): string {
  return tell(language, `sipsense: ${file}: `, (m) => captureProblemText(m.capture, said));
}

/** That `file` could not be read (or written), in the language of --lang. */
function sayCannot(language: Language, words: (m: CliMessages) => (file: string, reason: string) => string, file: string, error: unknown): string {
  return tell(language, 'sipsense: ', (m) => words(m.cli)(file, (error as NodeJS.ErrnoException).code ?? String(error)));
}

/**
 * The calls list of a file read from disk as the server lists a file the editor did not hand over:
 * a text trace read in chunks, a capture decoded as it streams. A capture's notes and damage are
 * said (what was read before the damage is kept); undefined, said too, when the file cannot be read.
 */
async function streamedCalls(file: string, language: Language, io: Output): Promise<readonly CallSummary[] | undefined> {
  try {
    const trace = await readFileCalls(file);
    trace.dispose();
    for (const note of trace.decode?.stats.notes ?? []) io.err(sayProblem(language, file, note));
    if (trace.decode?.error) io.err(sayProblem(language, file, trace.decode.error));
    return trace.calls;
  } catch (error) {
    io.err(sayCannot(language, (m) => m.cannotRead, file, error));
    return undefined;
  }
}

function calls(args: readonly string[], io: Output): Promise<number> {
  // Usage errors at once (main turns them into exit code 2), before any file is read.
  const { options, rest: files } = parseOptions(args, { format: ['text', 'csv', 'json'], lang: LANGUAGES });
  if (files.length === 0) throw new UsageError((m) => m.needsFiles('calls'));
  return listCalls(files, options, io);
}

async function listCalls(files: readonly string[], options: Record<string, string>, io: Output): Promise<number> {
  const rows: CallRow[] = [];
  let failed = false;
  for (const file of files) {
    const listed = await streamedCalls(file, (options.lang ?? 'en') as Language, io);
    if (!listed) {
      failed = true;
      continue;
    }
    for (const call of listed) {
      rows.push({
        file,
        callId: call.callId,
        method: call.method,
        from: call.from,
        to: call.to,
        start: call.start === undefined ? null : formatTime(call.start),
        duration: call.duration ?? null,
        messages: call.messages,
        status: call.status ?? null,
        phrase: call.phrase ?? null,
        state: call.state,
      });
    }
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(rows, null, 2));
  } else if (options.format === 'csv') {
    for (const row of [Object.fromEntries(CALL_COLUMNS.map((c) => [c, c])) as CallRow, ...rows]) io.out(CALL_COLUMNS.map((c) => csvField(row[c])).join(','));
  } else {
    // A row is one line: with --lang both, its words are English.
    const lang: Lang = options.lang === 'fa' ? 'fa' : 'en';
    const words = MESSAGES[lang].cli;
    for (const row of rows) {
      const final = row.status === null ? '' : `${row.status} ${row.phrase ?? ''}`.trimEnd();
      const cells = [row.callId, row.method, `${row.from} → ${row.to}`, row.start ?? '-', row.duration === null ? '-' : `${row.duration} s`, inScript(lang, words.messageCount(row.messages as number)), final || '-', words.callStates[row.state as CallState]];
      io.out(`${files.length > 1 ? `${row.file}: ` : ''}${cells.map((c) => printable(String(c))).join('  ')}`);
    }
  }
  return failed ? 1 : 0;
}

function flow(args: readonly string[], io: Output): Promise<number> {
  const { options, rest } = parseOptions(args, { format: ['text', 'svg', 'html', 'json'], call: [], lang: LANGUAGES });
  if (rest.length !== 1) throw new UsageError((m) => m.flowTakesFile);
  return drawFlow(rest[0], options, io);
}

/** The most output held before it is written (a ladder is written as its arrows are read, never held whole). */
const OUTPUT_BATCH = 1024 * 1024;

/**
 * Draws the ladder of a file as it reads the file a second time (see readFileFlow: bounded memory,
 * whatever the file's size). A capture is decoded as it streams; what was read before any damage
 * is still drawn, and the damage said (exit code 1).
 */
async function drawFlow(file: string, options: Record<string, string>, io: Output): Promise<number> {
  const language = (options.lang ?? 'en') as Language;
  const callId = options.call;
  const count = new LadderCount();
  // The page's calls table, summarised call by call as the first reading goes.
  const table = options.format === 'html' ? new StreamedCalls() : undefined;
  let read: FileFlow | undefined;
  try {
    read = await readFileFlow(file, (arrow, message, transaction) => {
      count.add(arrow);
      table?.add(message, transaction);
    }, { callId });
    for (const note of read.decode?.stats.notes ?? []) io.err(sayProblem(language, file, note));
    if (read.decode?.error) io.err(sayProblem(language, file, read.decode.error));
    const head = count.head(read.participants);
    if (callId !== undefined && head.messages === 0) {
      io.err(tell(language, 'sipsense: ', (m) => m.cli.noSuchCall(callId, file)));
      return 1;
    }
    const title = `${basename(file)}${callId === undefined ? '' : ` · ${callId}`}`;
    const writer = options.format === 'json' ? jsonLadder(head)
      : options.format === 'svg' ? svgDocument(head, title)
        : table ? htmlPage(head, table.summaries(), table.size, title)
          : textLadder(head);
    let pending = '';
    // Whole lines go out (out() adds back the line end taken off); the rest waits for more.
    const flush = () => {
      const end = pending.lastIndexOf('\n');
      if (end === -1) return;
      io.out(pending.slice(0, end));
      pending = pending.slice(end + 1);
    };
    for (const piece of writer.head) {
      pending += piece;
      if (pending.length <= OUTPUT_BATCH) continue;
      flush();
      await io.drained?.();
    }
    await read.arrows((arrow) => {
      pending += writer.arrow(arrow);
      if (pending.length > OUTPUT_BATCH) flush();
    }, async () => {
      flush();
      await io.drained?.();
    });
    io.out(pending + writer.tail);
    return read.decode?.error ? 1 : 0;
  } catch (error) {
    io.err(sayCannot(language, (m) => m.cannotRead, file, error));
    return 1;
  } finally {
    read?.dispose();
  }
}

function decodeArguments(args: readonly string[]): { file: string; output: string | undefined; language: Language } {
  let output: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o' || args[i] === '--output') {
      output = args[++i];
      if (output === undefined) throw new UsageError((m) => m.outputNeedsFile);
    } else {
      rest.push(args[i]);
    }
  }
  const { options, rest: files } = parseOptions(rest, { lang: LANGUAGES });
  if (files.length !== 1) throw new UsageError((m) => m.decodeTakesCapture);
  return { file: files[0], output, language: (options.lang ?? 'en') as Language };
}

/** Streams the trace of a capture to stdout or to `output`, written as it is decoded. */
async function decode(file: string, output: string | undefined, language: Language, io: Output): Promise<number> {
  let fd: number | undefined;
  try {
    fd = output === undefined ? undefined : openSync(output, 'w');
  } catch (error) {
    io.err(sayCannot(language, (m) => m.cannotWrite, output ?? '', error));
    return 1;
  }
  const target = fd;
  const write = target === undefined
    // Batches end with a record's blank line: out() adds back the line end taken off.
    ? (chunk: Buffer) => io.out(chunk.toString('utf8', 0, chunk.length - 1))
    : (chunk: Buffer) => {
      for (let at = 0; at < chunk.length;) at += writeSync(target, chunk, at);
    };
  let result: DecodeResult;
  try {
    result = await decodeCaptureFile(file, write);
  } finally {
    if (target !== undefined) closeSync(target);
  }
  for (const note of result.stats.notes) io.err(sayProblem(language, file, note));
  if (result.error) {
    io.err(sayProblem(language, file, result.error));
    return 1;
  }
  if (output !== undefined) {
    const { frames, sipMessages, skipped } = result.stats;
    io.err(tell(language, `sipsense: ${file}: `, (m) => {
      const counts = Object.entries(skipped).map(([key, count]) => {
        const { reason, detail } = skipReasonOf(key as Skip);
        return `${count} ${m.capture.skipped[reason](detail)}`;
      });
      return m.cli.decoded(frames, sipMessages, counts.join(m.cli.listSeparator));
    }));
  }
  return 0;
}

if (require.main === module) {
  // `flow` of a capture keeps its decoded text in a temporary folder until it ends.
  exitOnSignals();
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: Output = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
  };
  void Promise.resolve(main(process.argv.slice(2), io)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    io.err(`sipsense: ${String(error)}`);
    process.exitCode = 2;
  });
}
