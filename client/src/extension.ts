import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { CALL_DOCUMENT_SCHEME } from '../../common/callFlow';
import { CAPTURE_SCHEME } from '../../common/capture';
import {
  EXPLAIN_COMMAND, LOOK_UP_COMMAND, OPEN_CALL_COMMAND, SHOW_ALL_CALL_FLOWS_COMMAND, SHOW_CALL_FLOW_COMMAND,
} from '../../common/commands';
import { SERVED_LANGUAGES } from '../../common/languages';
import { SETTINGS_SECTION } from '../../common/settings';
import { CallDocuments } from './callDocuments';
import { CallsView, CALLS_VIEW } from './calls/callsView';
import { CaptureEditorProvider } from './captureEditor';
import { ExplanationView } from './explanationView';
import { KemiFilter } from './kemiFilter';
import { LadderPanel, type CallChoice } from './ladder/ladderPanel';
import { LargeFiles, SHOW_LARGE_FILE_CALLS_COMMAND } from './largeFiles';
import { loadPersian, localized } from './localize';
import { pickStatusCode } from './lookUpCommand';
import { RestartPolicy } from './restartPolicy';

/** Starts the SIP Sense language server and adds what only VS Code can show. */

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // stdio, as every other editor: the server's own transport, which writes a big Outline in pieces (Node's IPC channel sends each message as one string).
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const explanations = new ExplanationView();
  const kemi = new KemiFilter();
  const output = vscode.window.createOutputChannel('SIP Sense', { log: true });
  const clientOptions: LanguageClientOptions = {
    outputChannel: output,
    errorHandler: new RestartPolicy(output),
    documentSelector: [
      ...SERVED_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: CALL_DOCUMENT_SCHEME, language: 'sip' },
      // Traces decoded from packet captures (read-only documents of our own scheme).
      { scheme: CAPTURE_SCHEME, language: 'sip' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    // HTML in hovers (VS Code sanitises it): the server right-aligns Persian with <div align="right">.
    // Every text of the user's file in them is escaped Markdown (server: features/markdownText.ts).
    markdown: { supportHtml: true },
    middleware: {
      // Ordinary Lua, Python, JavaScript ... files never reach the server; KEMI scripts (KSR.*) do.
      ...kemi.middleware,
      // VS Code shows the explanation of a code action in a preview instead of the server's message.
      executeCommand: async (command, args, next) => {
        if (command === EXPLAIN_COMMAND && typeof args[0] === 'string') return explanations.show(client, args[0]);
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('sipSense', 'SIP Sense', serverOptions, clientOptions);
  const callDocuments = new CallDocuments(() => client);
  loadPersian(context.extensionPath);
  const ladder = new LadderPanel(context.extensionUri, () => client);
  const calls = new CallsView(() => client);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(CALL_DOCUMENT_SCHEME, callDocuments),
    vscode.commands.registerCommand(OPEN_CALL_COMMAND, (args?: { uri?: unknown; callId?: unknown; line?: unknown }) =>
      typeof args?.uri === 'string' && typeof args.callId === 'string'
        ? callDocuments.open(args.uri, args.callId, typeof args.line === 'number' ? args.line : undefined)
        : undefined),
    output,
    vscode.workspace.registerTextDocumentContentProvider(ExplanationView.scheme, explanations),
    // A capture whose trace is over VS Code's limit: its calls, read from disk by the server, as for any large file.
    new CaptureEditorProvider(context.asAbsolutePath('dist/captureWorker.js'), (capture) => (capture.scheme === 'file'
      ? vscode.commands.executeCommand(SHOW_LARGE_FILE_CALLS_COMMAND, capture.toString())
      : undefined)).register(),
    vscode.commands.registerCommand(LOOK_UP_COMMAND, async (code?: unknown) => {
      const picked = typeof code === 'string' || typeof code === 'number' ? String(code) : await pickStatusCode(client);
      if (picked) await explanations.show(client, picked);
    }),
    ladder,
    // After a window reload, the ladder that was open comes back (its webview kept which one it was).
    vscode.window.registerWebviewPanelSerializer(LadderPanel.viewType, { deserializeWebviewPanel: (panel, state) => ladder.restore(panel, state) }),
    calls,
    vscode.commands.registerCommand(SHOW_CALL_FLOW_COMMAND, (target?: unknown) => showCallFlow(ladder, target, 'cursor')),
    vscode.commands.registerCommand(SHOW_ALL_CALL_FLOWS_COMMAND, (target?: unknown) => showCallFlow(ladder, target, 'all')),
  );
  await client.start();
  // After the start: announcing a large file offers a request to the server at once.
  context.subscriptions.push(new LargeFiles(() => client));
  await calls.load();
}

/** The file of the active tab, also when VS Code did not hand it to extensions (over 50 MB). */
function activeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return vscode.window.activeTextEditor?.document.uri ?? (input instanceof vscode.TabInputText ? input.uri : undefined);
}

/**
 * The ladder of `target` ({ uri, callId } or { uri, callIds }, as the CodeLens and the calls list
 * send it; the active file when absent): of the calls named, else of the call at the cursor
 * (`fallback` 'cursor') or of every call.
 */
async function showCallFlow(ladder: LadderPanel, target: unknown, fallback: 'cursor' | 'all'): Promise<void> {
  const { uri: named, callId, callIds } = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
  const uri = typeof named === 'string' ? vscode.Uri.parse(named) : named instanceof vscode.Uri ? named : activeFile();
  if (!uri) {
    void vscode.window.showInformationMessage(localized('Open a SIP trace to see its call flow.'));
    return;
  }
  const ids = typeof callId === 'string' ? [callId] : Array.isArray(callIds) ? callIds.filter((id): id is string => typeof id === 'string') : [];
  const synced = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  if (ids.length === 0 && !synced) {
    // No cursor in a file VS Code keeps to itself: the calls list names the call.
    await vscode.commands.executeCommand(`${CALLS_VIEW}.focus`);
    void vscode.window.showInformationMessage(localized('Pick a call in the SIP Calls view to see its call flow.'));
    return;
  }
  const choice: CallChoice = ids.length > 0 ? ids : fallback;
  await ladder.show(uri, choice);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
