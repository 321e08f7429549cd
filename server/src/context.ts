import type { CancellationToken, Connection, InitializeParams } from 'vscode-languageserver/node';
import { SETTINGS_SECTION } from '../../common/settings';
import { resolveSettings, type AnalyzedDocument, type Settings } from './service';
import { clientSupportOf, type ClientSupport } from './clientSupport';

/**
 * How long one slice of a trace's reading runs (what a hover may wait behind), and the bounds of
 * its size in characters: the size follows the time each slice took, so that the first slices,
 * run before the reader's code is optimised, and slices on a busy machine stay short too.
 */
const TRACE_SLICE_MS = 1;
const MIN_SLICE_CHARS = 4 * 1024;
const MAX_SLICE_CHARS = 256 * 1024;
/**
 * How much of a trace's messages its opening scan reads from the top after each of its slices (16 KB
 * for every 4 MB scanned): the reading after the diagnostics goes on from there, and the message
 * reader's code is compiled for the document's own messages before a hover reads one on its own.
 */
const OPENING_TRACE_CHARS = 16 * 1024;
/**
 * How long the reading of traces stands aside after a request the user waits for (a hover, a
 * completion, a definition), and after diagnostics are published (what the user does next):
 * requests that come one after another never wait behind a slice.
 */
const STAND_ASIDE_MS = 50;
/** How long a big answer (the Outline of a trace) is made before other requests get their turn. */
const ANSWER_SLICE_MS = 10;

/**
 * What one server holds for its client: the open documents, what the client supports, and the
 * settings. Every handler gets it; nothing of it lives at module level, so that several servers
 * can run in one process (the in-process tests do).
 */
export class ServerContext {
  readonly documents = new Map<string, AnalyzedDocument>();
  client: ClientSupport = clientSupportOf(undefined);
  private locale: string | undefined;
  /** Settings sent with initializationOptions or didChangeConfiguration, for clients that cannot be asked. */
  private pushedSettings: unknown;
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  /** The reading of each document's messages under way (one a document, whoever waits for it). */
  private readonly traceReadings = new Map<AnalyzedDocument, Promise<void>>();
  /** Until when the reading of traces stands aside (a performance.now() time). */
  private standAsideUntil = 0;
  /** How long it stands aside each time (tests on a busy machine lengthen it). */
  standAsideMs = STAND_ASIDE_MS;
  /** Whether a message came in since the reading of traces last ran a slice. */
  private messageWaiting = false;
  /** How long a slice of a big answer runs (tests set 0: a pause after every item). */
  answerSliceMs = ANSWER_SLICE_MS;

  /**
   * @param piecewiseResults whether the connection's writer writes an EncodedJsonArray result in
   * pieces (the stdio transport's does; node-ipc's sends every message whole, as JSON.stringify makes it).
   */
  constructor(readonly connection: Connection, readonly piecewiseResults = false) {}

  initialize(params: InitializeParams): void {
    this.client = clientSupportOf(params.capabilities);
    this.locale = typeof params.locale === 'string' ? params.locale : undefined;
    this.pushedSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  }

  /**
   * The settings that apply to a document (or, without a uri, the workspace's): asked of the client
   * when it can answer, else those it sent, else the defaults.
   */
  settingsFor(uri?: string): Promise<Settings> {
    const key = uri ?? '';
    let settings = this.settingsCache.get(key);
    if (!settings) {
      settings = this.client.configuration
        ? this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION })
          .then((raw) => resolveSettings(raw, this.locale), () => resolveSettings(this.pushedSettings, this.locale))
        : Promise.resolve(resolveSettings(this.pushedSettings, this.locale));
      this.settingsCache.set(key, settings);
    }
    return settings;
  }

  /** workspace/didChangeConfiguration: the settings are asked for again (or taken from the notification). */
  settingsChanged(settings: unknown): void {
    if (!this.client.configuration) this.pushedSettings = (settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    this.settingsCache.clear();
  }

  /**
   * Reads a document's SIP messages to its end in slices, serving other requests between them (a
   * 100 MB trace takes seconds): what a feature that needs the whole trace waits for first. Every
   * request waits on the same reading, so one slice at most runs between two other requests. False
   * when the request was cancelled or the document closed meanwhile.
   */
  async traceRead(document: AnalyzedDocument, token?: CancellationToken): Promise<boolean> {
    let reading = this.traceReadings.get(document);
    if (!reading) {
      reading = this.readToTheEnd(document);
      this.traceReadings.set(document, reading);
      void reading.finally(() => this.traceReadings.delete(document));
    }
    const cancelled = new Promise<void>((resolve) => token?.onCancellationRequested(() => resolve()));
    await Promise.race([reading, cancelled]);
    return !token?.isCancellationRequested && this.documents.get(document.uri) === document && document.isTraceRead;
  }

  /**
   * Reads a little of a document's messages from the top while it is being scanned (after each slice
   * of the scan), unless a reading to its end is under way: that one reads on, one slice at a time.
   */
  readWithScan(document: AnalyzedDocument): void {
    if (!this.traceReadings.has(document)) document.traceStep(OPENING_TRACE_CHARS);
  }

  /**
   * A message came in (told by the transport as it reads it, before the connection queues it for its
   * handler on a later turn of the event loop): the reading of traces lets that turn go by, so that
   * the message is handled before the next slice, not after it.
   */
  messageArrived(): void {
    this.messageWaiting = true;
  }

  /** The user waits for an answer: the reading of traces runs no slice for a moment. */
  standAside(): void {
    this.standAsideUntil = performance.now() + this.standAsideMs;
  }

  private async readToTheEnd(document: AnalyzedDocument): Promise<void> {
    let chars = MIN_SLICE_CHARS;
    for (;;) {
      for (let wait = this.standAsideUntil - performance.now(); wait > 0; wait = this.standAsideUntil - performance.now()) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      if (this.documents.get(document.uri) !== document) return;
      if (this.messageWaiting) {
        this.messageWaiting = false;
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const start = performance.now();
      if (document.traceStep(chars)) return;
      const took = performance.now() - start;
      // At most twice as much as the last slice: one quick slice says little.
      chars = Math.round(Math.min(MAX_SLICE_CHARS, 2 * chars, Math.max(MIN_SLICE_CHARS, (chars * TRACE_SLICE_MS) / Math.max(took, 0.01))));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Gives `each` the items one by one, in slices of a few milliseconds with the event loop free
   * between them, so that other requests are answered meanwhile; after each slice, stops unless
   * `carryOn` says to go on. Whether every item was given.
   */
  async inSlices<T>(items: Iterable<T>, each: (item: T) => void, carryOn: () => boolean): Promise<boolean> {
    let sliceEnd = performance.now() + this.answerSliceMs;
    for (const item of items) {
      each(item);
      if (performance.now() > sliceEnd) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!carryOn()) return false;
        sliceEnd = performance.now() + this.answerSliceMs;
      }
    }
    return true;
  }

  /** Forgets a closed document and its settings. Whether it was open. */
  close(uri: string): boolean {
    if (!this.documents.delete(uri)) return false;
    this.settingsCache.delete(uri);
    return true;
  }
}
