import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { CALL_DOCUMENT_SCHEME } from '../../common/callFlow';
import { CAPTURE_SCHEME } from '../../common/capture';
import { EXPLAIN_COMMAND, LOOK_UP_COMMAND, OPEN_CALL_COMMAND } from '../../common/commands';
import { SERVED_LANGUAGES } from '../../common/languages';
import { SETTINGS_SECTION } from '../../common/settings';
import { CallDocuments } from './callDocuments';
import { CaptureEditorProvider } from './captureEditor';
import { ExplanationView } from './explanationView';
import { KemiFilter } from './kemiFilter';
import { LargeFiles, SHOW_LARGE_FILE_CALLS_COMMAND } from './largeFiles';
import { pickStatusCode } from './lookUpCommand';
import { RestartPolicy } from './restartPolicy';

/** Starts the SIP Sense language server and adds what only VS Code can show. */

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
  );
  await client.start();
  // After the start: announcing a large file offers a request to the server at once.
  context.subscriptions.push(new LargeFiles(() => client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
