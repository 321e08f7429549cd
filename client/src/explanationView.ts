import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainRequest } from '../../common/requests';

/** Read-only Markdown documents (sipsense-explain:/486.md) with a code's explanation, shown as a preview. */
export class ExplanationView implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'sipsense-explain';
  private readonly contents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path) ?? '';
  }

  async show(client: LanguageClient | undefined, code: string): Promise<void> {
    if (!client) return;
    const uri = vscode.Uri.from({ scheme: ExplanationView.scheme, path: `/${code}.md` });
    const answer = await client.sendRequest(ExplainRequest, {
      code,
      uri: vscode.window.activeTextEditor?.document.uri.toString(),
    });
    if (!answer) return;
    this.contents.set(uri.path, answer.markdown);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }
}
