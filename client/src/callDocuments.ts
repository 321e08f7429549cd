import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CALL_DOCUMENT_SCHEME, CallDocumentRequest, type CallDocument, type CallDocumentParams } from '../../common/callFlow';
import { localized } from './localize';

/**
 * One call of a trace as its own read-only document (sipsense-call:/<file> <Call-ID>.sip): the
 * call's messages with their framing, cut from the trace by the server (from the open document, or
 * from disk for a file VS Code did not hand over). Small enough to be synchronised, so hover,
 * diagnostics, outline and Go to Definition work on it as on any trace. A call too long for one
 * document (a keep-alive that kept its Call-ID for weeks) comes in parts, a document each
 * (`<file> <Call-ID> (part 2 of 120).sip`), the part that holds the message asked for.
 */
export class CallDocuments implements vscode.TextDocumentContentProvider {
  /** What the server answered for each call document, by its uri. */
  private readonly answers = new Map<string, CallDocument>();
  /** Answers asked for before their document was opened, used once by provideTextDocumentContent. */
  private readonly ahead = new Map<string, CallDocument>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The uri of a call's document (of one part of it): the trace's name and the Call-ID in the path, all in the query. */
  static uriOf(trace: string, callId: string, part?: CallDocument['part']): vscode.Uri {
    const name = vscode.Uri.parse(trace).path.split('/').pop() || 'trace';
    const safe = `${name} ${callId}`.replace(/[/\\?#%*:|"<>\u0000-\u001f]/g, '_').slice(0, 120);
    const suffix = part ? ` (${localized('part {0} of {1}', part.index + 1, part.count)})` : '';
    const query = part ? { uri: trace, callId, part: part.index } : { uri: trace, callId };
    return vscode.Uri.from({ scheme: CALL_DOCUMENT_SCHEME, path: `/${safe}${suffix}.sip`, query: JSON.stringify(query) });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = uri.toString();
    let answer = this.ahead.get(key) ?? null;
    this.ahead.delete(key);
    if (!answer) {
      const { uri: trace, callId, part } = JSON.parse(uri.query) as { uri: string; callId: string; part?: number };
      answer = await this.request({ uri: trace, callId, ...(part === undefined ? {} : { part }) }, token);
    }
    if (!answer) return '';
    this.answers.set(key, answer);
    return answer.text;
  }

  /** Opens a call's document beside nothing else, read-only, at the message that starts on `line` of the trace (its first message otherwise). */
  async open(trace: string, callId: string, line?: number): Promise<vscode.TextEditor> {
    // Which part holds the line is the server's to say: the answer names the document, and fills it.
    const answer = await this.request({ uri: trace, callId, ...(line === undefined ? {} : { line }) });
    const uri = CallDocuments.uriOf(trace, callId, answer?.part);
    if (answer && !vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri.toString())) this.ahead.set(uri.toString(), answer);
    const document = await vscode.workspace.openTextDocument(uri);
    this.ahead.delete(uri.toString());
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

  private async request(params: CallDocumentParams, token?: vscode.CancellationToken): Promise<CallDocument | null> {
    const client = this.client();
    return client ? client.sendRequest(CallDocumentRequest, params, token) : null;
  }
}
