import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CALL_DOCUMENT_SCHEME, CallDocumentRequest, type CallDocument } from '../../common/callFlow';

/**
 * One call of a trace as its own read-only document (sipsense-call:/<file> <Call-ID>.sip): the
 * call's messages with their framing, cut from the trace by the server (from the open document, or
 * from disk for a file VS Code did not hand over). Small enough to be synchronised, so hover,
 * diagnostics, outline and Go to Definition work on it as on any trace.
 */
export class CallDocuments implements vscode.TextDocumentContentProvider {
  /** What the server answered for each call document, by its uri. */
  private readonly answers = new Map<string, CallDocument>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The uri of a call's document: the trace's name and the Call-ID in the path, both in the query. */
  static uriOf(trace: string, callId: string): vscode.Uri {
    const name = vscode.Uri.parse(trace).path.split('/').pop() || 'trace';
    const safe = `${name} ${callId}`.replace(/[/\\?#%*:|"<>\u0000-\u001f]/g, '_').slice(0, 120);
    return vscode.Uri.from({ scheme: CALL_DOCUMENT_SCHEME, path: `/${safe}.sip`, query: JSON.stringify({ uri: trace, callId }) });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const { uri: trace, callId } = JSON.parse(uri.query) as { uri: string; callId: string };
    const client = this.client();
    const answer = client ? await client.sendRequest(CallDocumentRequest, { uri: trace, callId }, token) : null;
    if (!answer) return '';
    this.answers.set(uri.toString(), answer);
    return answer.text;
  }

  /** Opens a call's document beside nothing else, read-only, at the message that starts on `line` of the trace (its first message otherwise). */
  async open(trace: string, callId: string, line?: number): Promise<vscode.TextEditor> {
    const uri = CallDocuments.uriOf(trace, callId);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const starts = this.answers.get(uri.toString())?.lines ?? [];
    const at = starts.find((start) => start.trace === line) ?? starts[0];
    if (at) {
      const position = new vscode.Position(at.document, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    }
    return editor;
  }
}
