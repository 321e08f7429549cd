import type { ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { AnalyzedDocument, servedLanguageId } from '../service';
import type { Validation } from './validation';

/** Document synchronisation (incremental) and settings changes: both lead to new diagnostics. */
export function registerDocumentHandlers(context: ServerContext, validation: Validation): ServerCapabilities {
  const { connection, documents } = context;

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const languageId = servedLanguageId(textDocument.languageId);
    if (!languageId) return;
    documents.set(textDocument.uri, AnalyzedDocument.create(textDocument.uri, languageId, textDocument.version, textDocument.text));
    validation.schedule(textDocument.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return;
    document.update(contentChanges, textDocument.version ?? document.version + 1);
    validation.schedule(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    if (!context.close(textDocument.uri)) return;
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    context.settingsChanged(change.settings);
    for (const uri of documents.keys()) validation.schedule(uri);
  });

  return { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } };
}
