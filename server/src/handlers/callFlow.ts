import { fileURLToPath } from 'node:url';
import {
  LSPErrorCodes, ResponseError, type CancellationToken, type CodeLens, type ProgressToken, type ServerCapabilities, type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import {
  CallDocumentRequest, CallFlowRequest, CallsRequest, type CallDocument, type CallsResult,
} from '../../../common/callFlow';
import { SHOW_CALL_FLOW_COMMAND } from '../../../common/commands';
import type { ServerContext } from '../context';
import { say, type FromDiskMessages } from '../service/messages';
import type { FileCalls } from '../files/fileCalls';
import { FileTraces, type Cancellation } from '../files/fileTraces';
import { ReadCancelled, readMessageLines } from '../files/traceFile';
import { callFlow, callLensTitle, callPart, callSummaries, type CallPart } from '../service/features/callFlow';
import type { SipMessage, TraceModel } from '../service/trace';

/**
 * The call flow's requests (the calls list, the ladder, one call as a document) and the CodeLens on
 * each call. A document the client opened is answered from its model; a file it did not hand over
 * (VS Code hands none over 50 MB to extensions) is read from disk, streamed, with progress.
 */

/**
 * The most messages one sipSense/callFlow answer carries (a window of them; the ladder pages
 * through the rest): a trace of a million messages is never sent whole.
 */
export const MAX_FLOW_MESSAGES = 10_000;

type Source =
  | { kind: 'document'; model: TraceModel; lineAt: (line: number) => string }
  /** `path`: where the messages' text is read back (the file, or a capture's decoded text). */
  | { kind: 'file'; calls: FileCalls; path: string };

export function registerCallFlow(context: ServerContext): ServerCapabilities {
  const { connection, documents } = context;
  const files = new FileTraces();
  connection.onExit(() => files.clear());

  /**
   * The model behind a request's uri; undefined when the server has no such document and it is no
   * file. Reading a file shows progress: the client's, when it sent a workDoneToken, else the
   * server's own (cancellable) where the client allows it.
   */
  async function sourceOf(params: unknown, token: CancellationToken): Promise<Source | undefined> {
    const uri = uriOf(params);
    const document = documents.get(uri);
    if (document) {
      if (!(await context.traceRead(document, token))) return undefined;
      return { kind: 'document', model: document.trace, lineAt: (line) => document.lines.lineAt(line) };
    }
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    const { language } = await context.settingsFor(uri);
    const says = (text: (m: FromDiskMessages) => string) => say(language, (m) => text(m.fromDisk));
    const workDoneToken = (params as { workDoneToken?: ProgressToken }).workDoneToken;
    let progress: WorkDoneProgressReporter | undefined;
    let cancellation: Cancellation = token;
    if (workDoneToken !== undefined) {
      progress = connection.window.attachWorkDoneProgress(workDoneToken);
    } else if (context.client.workDoneProgress) {
      const own = await connection.window.createWorkDoneProgress();
      progress = own;
      cancellation = eitherCancelled(token, own.token);
    }
    progress?.begin(says((m) => m.reading), 0, path, true);
    let reported = -1;
    try {
      const trace = await files.get(path, cancellation, (bytes, total) => {
        if (total === undefined) {
          // A capture: how much text it decoded to so far.
          progress?.report(says((m) => m.decodedSoFar(megabytes(bytes))));
          return;
        }
        const percentage = total === 0 ? 100 : Math.floor((bytes / total) * 100);
        if (percentage === reported) return;
        reported = percentage;
        progress?.report(percentage, says((m) => m.readSoFar(megabytes(bytes), megabytes(total))));
      });
      return { kind: 'file', calls: trace, path: trace.textPath ?? path };
    } catch (error) {
      if (error instanceof ReadCancelled) {
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        throw new ResponseError(LSPErrorCodes.RequestCancelled, says((m) => m.cancelled));
      }
      throw new ResponseError(LSPErrorCodes.RequestFailed, says((m) => m.cannotRead(path, (error as NodeJS.ErrnoException).code ?? String(error))));
    } finally {
      progress?.done();
    }
  }

  connection.onRequest(CallsRequest, async (params, token): Promise<CallsResult> => {
    const source = await sourceOf(params, token);
    const { language } = await context.settingsFor(uriOf(params));
    if (!source) return { source: 'document', complete: false, messages: 0, calls: [], note: say(language, (m) => m.fromDisk.noSource) };
    if (source.kind === 'document') return { source: 'document', complete: true, messages: source.model.messages.length, calls: callSummaries(source.model) };
    const { calls, messages, bytes, decode } = source.calls;
    const note = say(language, (m) => (decode !== undefined ? m.fromDisk.decoded(megabytes(bytes)) : m.fromDisk.read(megabytes(bytes))));
    return { source: 'file', complete: true, messages, calls: [...calls], note };
  });

  connection.onRequest(CallFlowRequest, async (params, token) => {
    const callIds = (params as { callIds?: unknown }).callIds;
    if (callIds !== undefined && !(Array.isArray(callIds) && callIds.every((id) => typeof id === 'string'))) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, 'callIds must be an array of strings');
    }
    const { start, line, limit } = params as { start?: unknown; line?: unknown; limit?: unknown };
    checkCounts({ start, line, limit });
    const window = {
      limit: Math.max(1, Math.min(MAX_FLOW_MESSAGES, (limit as number | undefined) ?? MAX_FLOW_MESSAGES)),
      start: start as number | undefined,
      line: line as number | undefined,
    };
    const source = await sourceOf(params, token);
    if (!source) return { participants: [], messages: [], window: { start: 0, total: 0 } };
    return source.kind === 'document' ? callFlow(source.model, callIds, window) : source.calls.ladder(callIds, window);
  });

  connection.onRequest(CallDocumentRequest, async (params, token): Promise<CallDocument | null> => {
    const { callId, part, line } = params as { callId?: unknown; part?: unknown; line?: unknown };
    if (typeof callId !== 'string') throw new ResponseError(LSPErrorCodes.RequestFailed, 'callId must be a string');
    checkCounts({ part, line });
    const wanted = { part: part as number | undefined, line: line as number | undefined };
    const source = await sourceOf(params, token);
    if (source?.kind === 'file') {
      const starts = source.calls.callStartLines(callId);
      if (starts === undefined) return null;
      const cut = callPart(starts.length, (i) => starts[i], wanted);
      const messages = (await source.calls.callMessages(callId, cut.from, cut.to)) ?? [];
      return callDocument(messages, await readMessageLines(source.path, messages, MAX_CALL_DOCUMENT_CHARS), cut, starts.length);
    }
    const call = source?.model.calls.find((c) => c.callId === callId);
    if (!source || !call) return null;
    const all = call.messages.map((i) => source.model.messages[i]);
    const cut = callPart(all.length, (i) => all[i].startLine, wanted);
    const messages = all.slice(cut.from, cut.to);
    return callDocument(messages, linesWithin(messages, source.lineAt, MAX_CALL_DOCUMENT_CHARS), cut, all.length);
  });

  connection.onCodeLens(async ({ textDocument }, token): Promise<CodeLens[] | null> => {
    const document = documents.get(textDocument.uri);
    if (!document || !(await context.traceRead(document, token))) return null;
    const { language } = await context.settingsFor(textDocument.uri);
    return callSummaries(document.trace).map((call) => ({
      range: { start: { line: call.line, character: 0 }, end: { line: call.line, character: 0 } },
      command: { title: callLensTitle(call, language), command: SHOW_CALL_FLOW_COMMAND, arguments: [{ uri: textDocument.uri, callId: call.callId }] },
    }));
  });

  return { codeLensProvider: { resolveProvider: false } };
}

/**
 * The most characters of one part of a call document, after which it ends early: far above what
 * CALL_DOCUMENT_PART_MESSAGES messages of common size make (a few MB), far below what the editor
 * synchronises (50 MB) and what a string may hold.
 */
const MAX_CALL_DOCUMENT_CHARS = 32 * 1024 * 1024;

/**
 * One call's messages (those of `texts`: the first ones of `messages` when the text bound cut them
 * short), framing included, one after the other with a blank line between them; which part of the
 * call it is when the call has more than one.
 */
function callDocument(messages: readonly SipMessage[], texts: readonly string[][], cut: CallPart, total: number): CallDocument {
  const lines: string[] = [];
  const starts: CallDocument['lines'] = [];
  texts.forEach((text, i) => {
    const message = messages[i];
    if (lines.length > 0) lines.push('');
    const first = message.frameLine ?? message.startLine;
    starts.push({ trace: message.startLine, document: lines.length + message.startLine - first });
    lines.push(...text);
  });
  const part = cut.count > 1 || texts.length < messages.length ? { part: { index: cut.index, count: cut.count, from: cut.from, messages: total } } : {};
  return { text: `${lines.join('\n')}\n`, lines: starts, ...part };
}

/** The lines of messages held in memory, as readMessageLines reads them from disk: up to the message that passes `maxChars`. */
function linesWithin(messages: readonly SipMessage[], lineAt: (line: number) => string, maxChars: number): string[][] {
  const texts: string[][] = [];
  let chars = 0;
  for (const message of messages) {
    if (chars > maxChars) break;
    const lines: string[] = [];
    for (let line = message.frameLine ?? message.startLine; line <= message.endLine; line++) {
      const text = lineAt(line);
      chars += text.length + 1;
      lines.push(text);
    }
    texts.push(lines);
  }
  return texts;
}

/** Parameters that are absent or a non-negative integer (parameters come from the wire, whatever their declared type). */
function checkCounts(values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `${name} must be a non-negative integer`);
    }
  }
}

/** The uri parameter, checked (parameters come from the wire, whatever their declared type). */
function uriOf(params: unknown): string {
  const uri = (params as { uri?: unknown } | undefined)?.uri;
  if (typeof uri !== 'string') throw new ResponseError(LSPErrorCodes.RequestFailed, 'uri must be a string');
  return uri;
}

/** Cancelled when either is. */
function eitherCancelled(a: Cancellation, b: Cancellation): Cancellation {
  return {
    get isCancellationRequested() {
      return a.isCancellationRequested || b.isCancellationRequested;
    },
    onCancellationRequested(listener) {
      let fired = false;
      const once = () => {
        if (fired) return;
        fired = true;
        listener();
      };
      const first = a.onCancellationRequested(once);
      const second = b.onCancellationRequested(once);
      return { dispose: () => (first.dispose(), second.dispose()) };
    },
  };
}

/** A size in megabytes, as the messages give it ('12.5'; their words add the unit). */
function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}
