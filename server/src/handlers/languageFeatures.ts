import { CodeActionKind, MessageType, ShowMessageNotification, type ServerCapabilities } from 'vscode-languageserver/node';
import { EXPLAIN_COMMAND } from '../../../common/commands';
import type { ServerContext } from '../context';
import { markupOf, toCodeAction, toCompletionItem, toHover, toInlayHint, type CompletionData } from '../convert';
import {
  completionDocumentation, computeCodeActions, computeCompletion, computeHover, computeInlayHints, explainStatus, markdownToPlainText, warmUpHover,
} from '../service';

/** Hover, completion, quick fixes, inlay hints and the explain command: what the codes under the cursor get. */
export function registerLanguageFeatures(context: ServerContext): ServerCapabilities {
  const { connection, documents } = context;

  // Once the client is set up, with nothing else to do yet: the first hover of the session must not pay for V8 compiling its code.
  connection.onInitialized(async () => {
    const settings = await context.settingsFor();
    for (const hover of warmUpHover(settings)) toHover(hover, { format: context.client.hoverFormat, html: context.client.markdownHtml, language: settings.language });
  });

  connection.onHover(async ({ textDocument, position }) => {
    context.standAside();
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const settings = await context.settingsFor(textDocument.uri);
    const hover = computeHover(document, position, settings);
    return hover ? toHover(hover, { format: context.client.hoverFormat, html: context.client.markdownHtml, language: settings.language }) : null;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    context.standAside();
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const { language } = await context.settingsFor(textDocument.uri);
    return computeCompletion(document, position, language)?.map((item) => toCompletionItem(item, textDocument.uri)) ?? null;
  });

  connection.onCompletionResolve(async (item) => {
    const data = item.data as Partial<CompletionData> | undefined;
    if (typeof data?.code !== 'number') return item;
    const settings = await context.settingsFor(typeof data.uri === 'string' ? data.uri : undefined);
    const format = { format: context.client.completionDocumentationFormat, html: context.client.markdownHtml, language: settings.language };
    return { ...item, documentation: markupOf(completionDocumentation(data.code, settings), format) };
  });

  connection.onCodeAction(async ({ textDocument, range, context: actionContext }) => {
    context.standAside();
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const { language } = await context.settingsFor(textDocument.uri);
    return computeCodeActions(document, range.start.line, range.end.line, language)
      .map((action) => toCodeAction(action, textDocument.uri, actionContext.diagnostics));
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    context.standAside();
    const document = documents.get(textDocument.uri);
    if (!document || !(await context.settingsFor(textDocument.uri)).inlayHints.enable) return null;
    return computeInlayHints(document, range.start.line, range.end.line).map(toInlayHint);
  });

  // For editors without the VS Code client: the explanation as a message. A notification, not
  // window/showMessageRequest: there is nothing to choose, and a client without that request
  // would leave its rejection unhandled.
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== EXPLAIN_COMMAND || typeof args?.[0] !== 'string') return null;
    const settings = await context.settingsFor();
    const message = markdownToPlainText(explainStatus(args[0], settings.language));
    await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    return null;
  });

  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' '], resolveProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    executeCommandProvider: { commands: [EXPLAIN_COMMAND] },
    inlayHintProvider: true,
  };
}
