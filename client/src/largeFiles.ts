import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CallsRequest, type CallSummary } from '../../common/callFlow';
import { OPEN_CALL_COMMAND } from '../../common/commands';
import { formatStart } from './calls/callTable';

/**
 * Files VS Code shows but hands to no extension (over its 50 MB model sync limit): the editor gets
 * nothing from SIP Sense there, so say why, where the user looks, and offer what still works: the
 * server reads the file from disk and lists its calls; each call opens as a document of its own.
 */

/** VS Code's model sync limit (_MODEL_SYNC_LIMIT): no extension sees a text model larger than this. */
export const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

/** The command behind the message's button and the status bar item (arguments: the file's uri as a string). */
export const SHOW_LARGE_FILE_CALLS_COMMAND = 'sipSense.showLargeFileCalls';

export class LargeFiles implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem('sipSense.largeFile', vscode.StatusBarAlignment.Left, 100);
  /** Files already announced (each once per session), and every file found too large, with its size. */
  private readonly announced = new Set<string>();
  private readonly sizes = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.status.name = 'SIP Sense: large file';
    this.subscriptions.push(
      this.status,
      vscode.window.tabGroups.onDidChangeTabs(() => void this.check()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => void this.check()),
      vscode.commands.registerCommand(SHOW_LARGE_FILE_CALLS_COMMAND, (uri?: string) => this.showCalls(uri)),
    );
    void this.check();
  }

  /** Looks at the active tab: a file with no document behind it, over the limit, is announced. */
  private async check(): Promise<void> {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri = input instanceof vscode.TabInputText ? input.uri : undefined;
    const size = uri ? await this.sizeBeyondLimit(uri) : undefined;
    if (!uri || size === undefined) {
      this.status.hide();
      return;
    }
    const key = uri.toString();
    const name = uri.path.split('/').pop() ?? key;
    this.status.text = `$(warning) ${vscode.l10n.t('SIP Sense: {0} MB, read from disk', Math.round(size / (1024 * 1024)))}`;
    this.status.tooltip = vscode.l10n.t('VS Code hands files over 50 MB to no extension, so the editor shows no SIP Sense feature here. SIP Sense reads the file from disk: click to list its calls; each call opens as a document of its own with every feature.');
    this.status.command = { title: vscode.l10n.t('Show calls'), command: SHOW_LARGE_FILE_CALLS_COMMAND, arguments: [key] };
    this.status.show();
    if (this.announced.has(key)) return;
    this.announced.add(key);
    const show = vscode.l10n.t('Show calls');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is {1} MB: VS Code hands files over 50 MB to no extension, so SIP Sense cannot work in this editor. SIP Sense reads it from disk instead: show its calls, and open any call as a document of its own.', name, Math.round(size / (1024 * 1024))),
      show,
    );
    if (choice === show) await this.showCalls(key);
  }

  /** The file's size when it is a file on disk over the limit that VS Code did not hand over. */
  private async sizeBeyondLimit(uri: vscode.Uri): Promise<number | undefined> {
    if (uri.scheme !== 'file') return undefined;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return undefined;
    const known = this.sizes.get(uri.toString());
    if (known !== undefined) return known;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size <= SYNC_LIMIT_BYTES) return undefined;
      this.sizes.set(uri.toString(), size);
      return size;
    } catch {
      return undefined;
    }
  }

  /** The calls of a file read from disk, in a quick pick; the one chosen opens as its own document. */
  async showCalls(uri?: string): Promise<void> {
    const client = this.client();
    if (!client || !uri) return;
    const result = await client.sendRequest(CallsRequest, { uri });
    if (result.calls.length === 0) {
      await vscode.window.showInformationMessage(result.note ?? vscode.l10n.t('SIP Sense found no SIP calls in this file.'));
      return;
    }
    const items = result.calls.map((call) => ({ label: titleOf(call), description: outcomeOf(call), detail: detailOf(call), call }));
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('{0} calls, {1} SIP messages, read from disk: pick a call to open it', result.calls.length, result.messages),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) await vscode.commands.executeCommand(OPEN_CALL_COMMAND, { uri, callId: picked.call.callId });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function titleOf(call: CallSummary): string {
  return `${call.method} ${call.from || '?'} → ${call.to || '?'}`;
}

function outcomeOf(call: CallSummary): string {
  const status = call.status === undefined ? '' : `${call.status}${call.phrase ? ` ${call.phrase}` : ''} · `;
  return `${status}${call.state}`;
}

function detailOf(call: CallSummary): string {
  const start = call.start === undefined ? '' : ` · ${formatStart(call.start)}`;
  const duration = call.duration === undefined ? '' : ` · ${call.duration.toFixed(1)} s`;
  return `${call.callId} · ${vscode.l10n.t('{0} messages', call.messages)}${duration}${start}`;
}
