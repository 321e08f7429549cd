import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CallFlow } from '../../../common/callFlow';
import { LADDER_VIEW_TYPE, OPEN_CALL_COMMAND } from '../../../common/commands';
import { messageAtLine } from '../../../common/flowLines';
import type { LadderStrings, ToWebview } from '../../../media/ladder/src/protocol';
import { requestExplanation, requestFlow } from '../flowRequests';
import { localized, VIEW_LANGUAGE_SETTINGS, viewIsPersian } from '../localize';
import { ladderState, parseLadderState } from './ladderState';
import { parseFromWebview } from './webviewMessages';

/**
 * The call-flow panel beside the trace: a webview (media/ladder) drawing the ladder of the flow
 * the server computes (sipSense/callFlow). It follows the trace's editor (the cursor's message is
 * highlighted) and the editor follows it (an arrow clicked, or Enter on it, reveals its message).
 */

/** Which calls to show: those named, all of them, or the one at the editor's cursor. */
export type CallChoice = string[] | 'all' | 'cursor';

function ladderStrings(): LadderStrings {
  return {
    title: localized('Call flow'),
    time: localized('Time'),
    inferred: localized('inferred'),
    inferredNote: localized('This trace has no addresses of its own: columns are the hosts of Via sent-by, Contact and Request-URI.'),
    allCalls: localized('All calls'),
    selectedCalls: localized('Selected calls'),
    call: localized('Call'),
    order: localized('Order'),
    byCall: localized('Calls one after another'),
    byTime: localized('Calls side by side, in time order'),
    retransmission: localized('retransmission'),
    sdp: localized('with SDP'),
    messages: localized('messages'),
    noMessages: localized('No SIP messages to show.'),
    fromTo: localized('from {0} to {1}'),
    line: localized('line'),
    window: localized('{0}–{1} of {2}'),
    earlier: localized('{0} earlier'),
    more: localized('{0} more'),
  };
}

/** Whether a ladder is a window of more messages than it holds. */
function isWindow(flow: CallFlow): boolean {
  return !!flow.window && flow.window.total > flow.messages.length;
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}

export class LadderPanel implements vscode.Disposable {
  static readonly viewType = LADDER_VIEW_TYPE;
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private choice: CallChoice = 'all';
  private flow: CallFlow | undefined;
  private callIds: string[] | undefined;
  /** The calls the server was asked to draw (all when undefined). */
  private asked: string[] | undefined;
  private pageTimer: NodeJS.Timeout | undefined;
  private ready = false;
  /** The line the ladder just put the editor's cursor on. */
  private revealedLine: number | undefined;
  private loading: vscode.CancellationTokenSource | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (!this.isOurs(event.textEditor.document.uri)) return;
        const line = event.selections[0]?.active.line ?? null;
        // The ladder moved the cursor there itself: no echo, which could arrive after the next key press.
        if (line !== null && line === this.revealedLine) {
          this.revealedLine = undefined;
          return;
        }
        this.revealedLine = undefined;
        this.post({ type: 'cursor', line, moved: true });
        // The cursor went to a message the window shown does not hold: the window around it.
        clearTimeout(this.pageTimer);
        if (line !== null && this.outsideWindow(line)) this.pageTimer = setTimeout(() => void this.page({ line }), 150);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isOurs(event.document.uri) || event.contentChanges.length === 0) return;
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.load({ start: this.flow?.window?.start }), 400);
      }),
      // The panel's words and its explanations follow the language setting.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (VIEW_LANGUAGE_SETTINGS.some((setting) => event.affectsConfiguration(setting))) this.sendFlow();
      }),
    );
  }

  private get media(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media', 'dist');
  }

  private isOurs(uri: vscode.Uri): boolean {
    return !!this.panel && !!this.uri && uri.toString() === this.uri.toString();
  }

  /** Shows the ladder of `uri` (its calls per `choice`) beside the editor, creating the panel once. */
  async show(uri: vscode.Uri, choice: CallChoice): Promise<void> {
    this.uri = uri;
    this.choice = choice;
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(
        LadderPanel.viewType,
        localized('Call flow'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.options(),
      ));
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.load();
  }

  /**
   * A ladder panel VS Code brought back after a window reload, with the state its webview kept:
   * the same ladder again (its trace opened first, so that it follows the editor as before).
   * A state this extension did not write, or a second panel, is closed.
   */
  async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parseLadderState(raw);
    if (!state || this.panel) {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    this.uri = uri;
    this.choice = state.calls;
    panel.webview.options = this.options();
    this.adopt(panel);
    // Over VS Code's sync limit it cannot be opened: the server reads it from disk, as before the reload.
    await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined);
    await this.load({ start: state.start });
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.media] };
  }

  /** Makes `panel` this ladder's, its page loaded anew. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.flow = undefined;
      this.loading?.cancel();
    });
    panel.webview.html = this.html(panel.webview);
    if (this.uri) panel.title = `${localized('Call flow')}: ${basename(this.uri.path)}`;
  }

  private html(webview: vscode.Webview): string {
    const token = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'ladder.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'ladder-style.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${token}'`,
      "img-src 'none'",
      "font-src 'none'",
      "connect-src 'none'",
      "frame-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
</head>
<body>
<script nonce="${token}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  /**
   * Asks the server for the ladder of the calls `choice` names, the window of it at `at` (one
   * answer carries a window of a big trace's messages), around the editor's cursor by default.
   * A document's ladder holds every call (its picker switches between them) unless that is more
   * than one answer carries; then, and for a file read from disk, the server draws only the calls
   * wanted.
   */
  private async load(at: { start?: number; line?: number } = {}): Promise<void> {
    const uri = this.uri;
    if (!uri) return;
    const editor = this.editorOf(uri);
    const named = Array.isArray(this.choice) ? this.choice : undefined;
    let asked = this.onDisk(uri) ? named : undefined;
    let flow = await this.request(asked, at.start === undefined && at.line === undefined && editor ? { line: editor.selection.active.line } : at);
    if (!flow) return;
    const shown = named ?? (this.choice === 'cursor' ? this.callAtCursor(flow) : undefined);
    if (!asked && shown && isWindow(flow)) {
      asked = shown;
      flow = await this.request(asked, at);
      if (!flow) return;
    }
    this.asked = asked;
    this.flow = flow;
    this.callIds = shown;
    this.sendFlow();
  }

  /** Another window of the ladder shown, of the same calls. */
  private async page(at: { start?: number; line?: number }): Promise<void> {
    const flow = await this.request(this.asked, at);
    if (!flow) return;
    this.flow = flow;
    this.sendFlow();
  }

  /** The server's ladder; undefined when the panel closed, a newer request replaced this one, or it failed (said to the user). */
  private async request(callIds: string[] | undefined, at: { start?: number; line?: number }): Promise<CallFlow | undefined> {
    const client = this.client();
    const uri = this.uri;
    if (!client || !uri || !this.panel) return undefined;
    this.loading?.cancel();
    const loading = new vscode.CancellationTokenSource();
    this.loading = loading;
    const flow = await requestFlow(client, uri.toString(), callIds, at, loading.token).catch((error: unknown) => {
      if (!loading.token.isCancellationRequested) void vscode.window.showErrorMessage(localized('SIP Sense could not draw the call flow: {0}', String(error)));
      return undefined;
    });
    return !flow || loading.token.isCancellationRequested || !this.panel ? undefined : flow;
  }

  /** Whether the editor's cursor is on a line of the ladder's messages that the window shown does not hold. */
  private outsideWindow(line: number): boolean {
    const flow = this.flow;
    if (!flow?.window || !isWindow(flow) || flow.messages.length === 0) return false;
    const first = flow.messages[0];
    const last = flow.messages[flow.messages.length - 1];
    const atStart = flow.window.start === 0;
    const atEnd = flow.window.start + flow.messages.length >= flow.window.total;
    return (line < first.line && !atStart) || (line > last.endLine && !atEnd);
  }

  /** A file VS Code did not hand to extensions (over its sync limit): the server reads it from disk. */
  private onDisk(uri: vscode.Uri): boolean {
    return !vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  }

  private editorOf(uri: vscode.Uri): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  }

  private callAtCursor(flow: CallFlow): string[] | undefined {
    const editor = this.uri && this.editorOf(this.uri);
    if (!editor) return undefined;
    const index = messageAtLine(flow.messages, editor.selection.active.line);
    const callId = index === undefined ? undefined : flow.messages[index].callId;
    return callId === undefined ? undefined : [callId];
  }

  private sendFlow(): void {
    if (!this.ready || !this.flow || !this.uri) return;
    this.post({
      type: 'flow', flow: this.flow, callIds: this.callIds, title: basename(this.uri.path), strings: ladderStrings(), rtl: viewIsPersian(),
      state: ladderState(this.uri.toString(), this.callIds ?? 'all', this.flow.window?.start),
    });
    const editor = this.editorOf(this.uri);
    if (editor) this.post({ type: 'cursor', line: editor.selection.active.line });
  }

  private post(message: ToWebview): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw, this.flow?.messages.length ?? 0, this.flow?.window?.total);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendFlow();
        break;
      case 'reveal':
        void this.reveal(message.index);
        break;
      case 'explain':
        void this.explain(message.index);
        break;
      case 'page':
        void this.page({ start: message.start });
        break;
    }
  }

  /** Puts the editor's cursor on the start line of the message `index`; the focus stays in the ladder (keyboard users go on from there). */
  private async reveal(index: number): Promise<void> {
    const message = this.flow?.messages[index];
    const uri = this.uri;
    if (!message || !uri) return;
    if (this.onDisk(uri)) {
      // VS Code will not open the file itself: the call opens as its own document, at this message.
      if (message.callId !== undefined) {
        await vscode.commands.executeCommand(OPEN_CALL_COMMAND, { uri: uri.toString(), callId: message.callId, line: message.line });
      }
      return;
    }
    const open = this.editorOf(uri);
    const document = open?.document ?? await vscode.workspace.openTextDocument(uri);
    const line = Math.min(message.line, document.lineCount - 1);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: open?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: true, preview: false,
    });
    const start = new vscode.Position(line, 0);
    if (!editor.selection.active.isEqual(start)) this.revealedLine = line;
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async explain(index: number): Promise<void> {
    const message = this.flow?.messages[index];
    const client = this.client();
    if (!message || !client || !this.uri) return;
    const answer = message.status === undefined ? null : await requestExplanation(client, message.status, this.uri.toString()).catch(() => null);
    this.post({ type: 'explanation', index, markdown: answer?.markdown ?? null });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.pageTimer);
    this.loading?.cancel();
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
