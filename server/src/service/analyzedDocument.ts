import { isKemiLanguage } from '../../../common/languages';
import { dialectsFor, scannerFor } from './dialectSelection';
import type { Dialect } from './scanner/dialect';
import type { Occurrence } from './scanner/occurrence';
import { OccurrenceIndex } from './scanner/occurrenceIndex';
import type { Scanner } from './scanner/scanner';
import { resolveSymbols, symbolTableOf, type SymbolTable } from './scanner/symbols';
import type { Lines } from './text';
import { TextStore, type TextChange } from './textStore';
import { buildTraceModel } from './trace/model';
import { readMessagesAround } from './trace/reader';
import { TraceIndex } from './trace/traceIndex';
import type { SipMessage, TraceModel } from './trace/types';

/** How many lines a feature reads through at once, before a big trace's reading from the top gets there (a few milliseconds). */
export const READ_AT_ONCE_LINES = 20_000;

/** How many call models a document keeps (those of the calls asked about last). */
const KEPT_CALL_MODELS = 8;

/** How much of a plaintext document is read again, after an edit, to tell whether it still looks like SIP. */
const RECONSIDER_MAX_LINES = 2000;

/**
 * A document and what the scanner found in it, kept in step edit by edit.
 * The service's features read it; nothing here knows about the protocol.
 */
export class AnalyzedDocument {
  private scanner: Scanner;
  private index: OccurrenceIndex;
  private readonly text: TextStore;
  private currentVersion: number;
  private readonly traceIndex = new TraceIndex();
  /** The trace model of `traceVersion`, built when a feature first asks for it. */
  private traceModel: TraceModel | undefined;
  private traceVersion = -1;
  /**
   * The models of the calls asked for last (by their message lists), while the whole trace has no
   * model of this version: a call of thousands of messages (a day of REGISTER refreshes) is grouped once, not at every hover.
   */
  private readonly callModels = new Map<readonly SipMessage[], { version: number; length: number; model: TraceModel }>();
  /** The occurrences with their symbols resolved, for the index's generation they were made from. */
  private resolved: { generation: number; table: SymbolTable; occurrences: readonly Occurrence[] } | undefined;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    this.text = new TextStore(content);
    this.currentVersion = version;
    this.scanner = scannerFor(languageId, content);
    this.index = new OccurrenceIndex(this.scanner);
  }

  static create(uri: string, languageId: string, version: number, text: string): AnalyzedDocument {
    return new AnalyzedDocument(uri, languageId, version, text);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Line access for features. */
  get lines(): Lines {
    return this.text;
  }

  /** The length of a line (without cutting it out of the text). */
  lineLength(line: number): number {
    return this.text.lineLength(line);
  }

  /** The whole text (joined anew after edits: not for hot paths). */
  getText(): string {
    return this.text.getText();
  }

  /** The dialects that apply to this document. */
  get dialects(): readonly Dialect[] {
    return this.scanner.dialects;
  }

  /** Whether any dialect applies to this document. */
  get isServed(): boolean {
    return !this.scanner.isEmpty;
  }

  /**
   * The SIP messages, transactions and calls of the document (empty where no SIP message dialect
   * applies), built at most once per version and shared by every feature.
   */
  get trace(): TraceModel {
    if (this.traceModel === undefined || this.traceVersion !== this.currentVersion) {
      this.traceModel = buildTraceModel(this.traceMessages);
      this.traceVersion = this.currentVersion;
    }
    return this.traceModel;
  }

  /** The SIP messages alone (kept in step with edits: cheap to ask for after an edit, unlike `trace`). */
  get traceMessages(): readonly SipMessage[] {
    return this.readsSip ? this.traceIndex.messages(this.text) : [];
  }

  /**
   * The SIP messages, read from the top at least as far as the message at `line` (a hover needs no
   * more: a big document is not read to its end for it).
   */
  traceMessagesThrough(line: number): readonly SipMessage[] {
    return this.readsSip ? this.traceIndex.readThrough(this.text, line) : [];
  }

  /**
   * Reads the next slice of the document's messages (about `maxChars` of text), so that a server
   * can read a big trace between requests; true once all are read (at once where it reads no SIP).
   */
  traceStep(maxChars?: number): boolean {
    return !this.readsSip || this.traceIndex.readStep(this.text, maxChars);
  }

  /**
   * The messages to know the message at `line` by: those read from the top through it when little
   * is left to read (`fromTheTop`), else the messages around it read on their own: bounded work
   * whatever the document's size, for a hover in the first seconds of a big trace (what the
   * message is, not yet what it answers).
   */
  traceMessagesAt(line: number): { messages: readonly SipMessage[]; fromTheTop: boolean } {
    if (!this.readsSip) return { messages: [], fromTheTop: true };
    if (this.traceIndex.linesLeftThrough(line) <= READ_AT_ONCE_LINES) return { messages: this.traceMessagesThrough(line), fromTheTop: true };
    return { messages: readMessagesAround(line, this.text.lineCount, (l) => this.text.lineAt(l)), fromTheTop: false };
  }

  /** Whether the whole document's messages are read (so that what follows a message is known too). */
  get isTraceRead(): boolean {
    return !this.readsSip || this.traceIndex.isComplete;
  }

  /**
   * A model that holds message `index` (of the messages read so far) with its call: `trace` when it
   * is built for this version, else the model of that call alone (no need to group the whole trace
   * after an edit; for a message without a Call-ID, of the messages without one that have its
   * branch), from the messages read so far, or from all of them with `toTheEnd` (for what follows
   * the message: its responses). `index` is the message's index in it.
   */
  traceAround(index: number, toTheEnd = false): { model: TraceModel; index: number } {
    if (this.traceModel !== undefined && this.traceVersion === this.currentVersion) return { model: this.traceModel, index };
    const message = (toTheEnd ? this.traceMessages : this.traceMessagesThrough(-1))[index];
    const call = this.callMessagesOf(message);
    let kept = this.callModels.get(call);
    if (kept === undefined || kept.version !== this.currentVersion || kept.length !== call.length) {
      kept = { version: this.currentVersion, length: call.length, model: buildTraceModel(call.slice()) };
    }
    this.callModels.delete(call);
    this.callModels.set(call, kept);
    if (this.callModels.size > KEPT_CALL_MODELS) this.callModels.delete(this.callModels.keys().next().value as readonly SipMessage[]);
    return { model: kept.model, index: kept.model.messages.indexOf(message) };
  }

  /** The messages read so far whose Call-ID is that of `message` (one of `traceMessages`), in trace order. */
  callMessagesOf(message: SipMessage): readonly SipMessage[] {
    return this.traceIndex.callMessages(message);
  }

  /** Whether the document's messages are read (SIP traces and the logs that embed them). */
  private get readsSip(): boolean {
    return this.scanner.dialects.some((d) => d.id === 'sip-message');
  }

  /** Applies edits in order, as the protocol sends them, and keeps the index in step. */
  update(changes: readonly TextChange[], version: number): void {
    for (const change of changes) {
      const changed = this.text.applyChange(change);
      if ('range' in change) {
        this.index.applyEdit(this.text, changed.startLine, changed.oldEndLine, changed.newEndLine);
        this.traceIndex.applyEdit(this.text, changed.startLine, changed.oldEndLine, changed.newEndLine);
        // A Python, Lua ... file becomes a KEMI script when KSR appears in it.
        if (!this.isServed && isKemiLanguage(this.languageId) && this.text.textOfLines(changed.startLine, changed.newEndLine + 1).includes('KSR.')) {
          this.rescan(this.text.getText());
        }
      } else {
        this.rescan(this.text.getText());
        this.traceIndex.invalidate();
      }
    }
    this.currentVersion = version;
    if (this.languageId === 'plaintext') this.reconsiderDialects();
  }

  /** Scans a slice of what is left; true when the whole document is scanned. */
  scanStep(maxChars?: number): boolean {
    return this.index.scanStep(this.text, maxChars);
  }

  /** Scans whatever is left, at once. */
  scanAll(): void {
    this.index.scanAll(this.text);
  }

  get isScanned(): boolean {
    return this.index.isComplete;
  }

  /** All occurrences found so far (all of them once isScanned), symbols resolved. */
  get occurrences(): readonly Occurrence[] {
    return this.scanner.resolvesSymbols ? this.resolution().occurrences : this.index.occurrences;
  }

  /** The occurrences on one line, scanned afresh (cheap: one line, and what the document's other lines say about it). */
  occurrencesOnLine(line: number): Occurrence[] {
    const found: Occurrence[] = [];
    this.scanner.scanLine(this.text.lineAt(line), line, found, this.stateAt(line));
    return this.scanner.resolvesSymbols ? resolveSymbols(found, this.resolution().table, this.text) : found;
  }

  private resolution(): { table: SymbolTable; occurrences: readonly Occurrence[] } {
    const generation = this.index.generation;
    if (this.resolved?.generation !== generation) {
      const raw = this.index.occurrences;
      const table = symbolTableOf(raw);
      this.resolved = { generation, table, occurrences: resolveSymbols(raw, table, this.text) };
    }
    return this.resolved;
  }

  /** The carried state at the start of a line: from the index where it is scanned, worked out from there beyond. */
  private stateAt(line: number): number {
    if (!this.scanner.carriesState) return 0;
    const scanned = this.index.scannedLines;
    if (line <= scanned) return this.index.stateAt(line);
    let state = this.index.stateAt(scanned);
    for (let l = scanned; l < line; l++) state = this.scanner.stateAfter(this.text.lineAt(l), state);
    return state;
  }

  /** The occurrence whose digits touch `character` on `line`. */
  occurrenceAt(line: number, character: number): Occurrence | undefined {
    return this.occurrencesOnLine(line).find((o) => o.span.start <= character && character <= o.span.end);
  }

  private rescan(head: string): void {
    this.scanner = scannerFor(this.languageId, head);
    this.index = new OccurrenceIndex(this.scanner);
    this.resolved = undefined;
  }

  /** A plaintext document may start or stop looking like SIP as it is typed. */
  private reconsiderDialects(): void {
    const head = this.text.textOfLines(0, RECONSIDER_MAX_LINES);
    if ((dialectsFor(this.languageId, head).length === 0) !== this.scanner.isEmpty) this.rescan(head);
  }
}
