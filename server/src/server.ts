import {
  CodeActionKind, CompletionItemKind, CompletionItemTag, createConnection, DiagnosticSeverity, DiagnosticTag,
  ProposedFeatures, TextDocumentSyncKind, type CodeAction, type CompletionItem, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import {
  AnalyzedDocument, allStatusEntries, completionDocumentation, computeCodeActions, computeCompletion, computeDiagnostics, computeHover, computeInlayHints,
  EXPLAIN_COMMAND, explainStatus, markdownToPlainText, resolveSettings, servedLanguageId, type DiagnosticInfo, type Settings,
} from './service';
import { createStdioConnection } from './transport';

/** Wires the language service to the Language Server Protocol. */

// Over stdio, a reader that answers malformed messages and finds the next frame (see transport.ts).
const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
const documents = new Map<string, AnalyzedDocument>();

let locale: string | undefined;
let initialSettings: unknown;
let canPullConfiguration = false;
const settingsCache = new Map<string, Promise<Settings>>();

connection.onInitialize((params): InitializeResult => {
  locale = params.locale;
  initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' '], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [EXPLAIN_COMMAND] },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'sipsense-language-server', version: '0.1.0' },
  };
});

/**
 * The settings that apply to a document (or, without a uri, the workspace's): asked of the client
 * when it can answer, else those of initializationOptions, else the defaults.
 */
function settingsFor(uri?: string): Promise<Settings> {
  const key = uri ?? '';
  let settings = settingsCache.get(key);
  if (!settings) {
    settings = canPullConfiguration
      ? connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'sipSense' } : { section: 'sipSense' })
        .then((raw) => resolveSettings(raw, locale), () => resolveSettings(initialSettings, locale))
      : Promise.resolve(resolveSettings(initialSettings, locale));
    settingsCache.set(key, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration) initialSettings = (change.settings as { sipSense?: unknown } | undefined)?.sipSense;
  settingsCache.clear();
  for (const uri of documents.keys()) scheduleValidation(uri);
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  const languageId = servedLanguageId(textDocument.languageId);
  if (!languageId) return;
  documents.set(textDocument.uri, AnalyzedDocument.create(textDocument.uri, languageId, textDocument.version, textDocument.text));
  scheduleValidation(textDocument.uri);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return;
  document.update(contentChanges, textDocument.version ?? document.version + 1);
  scheduleValidation(textDocument.uri);
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  if (!documents.delete(textDocument.uri)) return;
  settingsCache.delete(textDocument.uri);
  void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

/**
 * Validation runs in slices: each slice scans a few megabytes, then yields so that hovers and
 * edits are served in between; the diagnostics are published once the document is scanned, for
 * the version that was scanned.
 */
const pendingValidation = new Set<string>();

function scheduleValidation(uri: string): void {
  if (pendingValidation.has(uri)) return;
  pendingValidation.add(uri);
  setImmediate(() => void validate(uri));
}

async function validate(uri: string): Promise<void> {
  pendingValidation.delete(uri);
  const document = documents.get(uri);
  if (!document) return;
  if (!document.scanStep()) {
    scheduleValidation(uri);
    return;
  }
  const version = document.version;
  const settings = await settingsFor(uri);
  if (documents.get(uri) !== document || document.version !== version || !document.isScanned) return;
  const diagnostics = computeDiagnostics(document.occurrences, settings).map(toDiagnostic);
  await connection.sendDiagnostics({ uri, version, diagnostics });
}

const SEVERITY: Record<DiagnosticInfo['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(info: DiagnosticInfo): Diagnostic {
  return {
    range: { start: { line: info.line, character: info.span.start }, end: { line: info.line, character: info.span.end } },
    severity: SEVERITY[info.severity],
    code: info.rule,
    source: 'sipsense',
    message: info.message,
    ...(info.deprecated ? { tags: [DiagnosticTag.Deprecated] } : {}),
    ...(info.data ? { data: info.data } : {}),
  };
}

connection.onHover(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  const hover = computeHover(document, position, await settingsFor(textDocument.uri));
  if (!hover) return null;
  return {
    contents: { kind: 'markdown', value: hover.markdown },
    range: { start: { line: hover.line, character: hover.span.start }, end: { line: hover.line, character: hover.span.end } },
  };
});

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  const items = computeCompletion(document, position);
  if (!items) return null;
  return items.map((item): CompletionItem => ({
    label: item.label,
    kind: CompletionItemKind.EnumMember,
    detail: item.detail,
    data: { uri: textDocument.uri, code: item.code } satisfies CompletionData,
    sortText: item.sortText,
    filterText: item.filterText,
    ...(item.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    textEdit: {
      range: { start: { line: item.line, character: item.span.start }, end: { line: item.line, character: item.span.end } },
      newText: item.newText,
    },
  }));
});

/** What a completion item carries to its resolve request: the code, and the document whose settings apply. */
interface CompletionData {
  uri: string;
  code: number;
}

connection.onCompletionResolve(async (item) => {
  const data = item.data as Partial<CompletionData> | undefined;
  if (typeof data?.code !== 'number') return item;
  const settings = await settingsFor(typeof data.uri === 'string' ? data.uri : undefined);
  return { ...item, documentation: { kind: 'markdown', value: completionDocumentation(data.code, settings) } };
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  return computeCodeActions(document, range.start.line, range.end.line).map((action): CodeAction => {
    const span = { start: { line: action.line, character: action.span.start }, end: { line: action.line, character: action.span.end } };
    const diagnostics = context.diagnostics.filter((d) => d.code === action.rule && d.range.start.line === action.line &&
      d.range.start.character === action.span.start);
    return {
      title: action.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: action.preferred,
      ...(action.edit ? { edit: { changes: { [textDocument.uri]: [{ range: span, newText: action.edit.newText }] } } } : {}),
      ...(action.command ? { command: { title: action.command.title, command: action.command.id, arguments: action.command.arguments } } : {}),
    };
  });
});

connection.languages.inlayHint.on(async ({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  if (!document || !(await settingsFor(textDocument.uri)).inlayHints.enable) return null;
  return computeInlayHints(document, range.start.line, range.end.line).map((hint) => ({
    position: { line: hint.line, character: hint.character },
    label: hint.label,
    paddingLeft: true,
  }));
});

/** For editors without the VS Code client: the explanation as a message. */
connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== EXPLAIN_COMMAND || typeof args?.[0] !== 'string') return null;
  const settings = await settingsFor();
  connection.window.showInformationMessage(markdownToPlainText(explainStatus(args[0], settings.hover.language)));
  return null;
});

/** Custom requests of the VS Code client's look-up command. */
connection.onRequest('sipSense/codes', () =>
  allStatusEntries().map((entry) => ({ code: entry.code, phrase: entry.phrase, status: entry.status })));

connection.onRequest('sipSense/explain', async (params: { code?: unknown; uri?: unknown }) => {
  const code = typeof params?.code === 'string' || typeof params?.code === 'number' ? String(params.code) : undefined;
  if (!code || !/^[0-9]{1,12}$/.test(code)) return null;
  const settings = await settingsFor(typeof params.uri === 'string' && documents.has(params.uri) ? params.uri : undefined);
  return { markdown: explainStatus(code, settings.hover.language) };
});

process.on('uncaughtException', (error) => {
  connection.console.error(`SIP Sense: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});

connection.listen();
