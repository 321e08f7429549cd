import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CALL_DOCUMENT_SCHEME, type CallSummary, type CallsResult } from '../../../common/callFlow';
import { CAPTURE_SCHEME, CAPTURE_VIEW_TYPE } from '../../../common/capture';
import { SHOW_CALL_FLOW_COMMAND } from '../../../common/commands';
import { traceUri } from '../captureEditor';
import { requestCalls } from '../flowRequests';
import { localized, VIEW_LANGUAGE_SETTINGS, viewNumber } from '../localize';
import {
  DEFAULT_QUERY, finalClass, finalResponse, formatDuration, formatStart, selectCalls, SORT_KEYS, statesOf, type CallQuery, type SortKey,
} from './callTable';

/** A call's state in the views' language (the state itself stays the filter's value). */
function stateWord(state: string): string {
  switch (state) {
    case 'completed': return localized('completed');
    case 'rejected': return localized('rejected');
    case 'busy': return localized('busy');
    case 'cancelled': return localized('cancelled');
    case 'redirected': return localized('redirected');
    case 'in call': return localized('in call');
    case 'registered': return localized('registered');
    case 'failed authentication': return localized('failed authentication');
    case 'no final response': return localized('no final response');
    default: return state;
  }
}
/**
 * The SIP Calls view (Explorer): the calls of the trace or capture in the active tab, like sngrep's call
 * list, sortable and filterable by text and by state. It follows the active tab through
 * window.tabGroups, so a file VS Code did not hand to extensions (over 50 MB) is listed too: the
 * server reads it from disk. Selecting a call opens its ladder.
 */

export const CALLS_VIEW = 'sipSense.calls';

/** The theme colour of a final response's class, as in the ladder (media/ladder/ladder.css says why these). */
const CLASS_COLOURS: Record<number, string> = {
  1: 'editorInfo.foreground',
  2: 'gitDecoration.addedResourceForeground',
  3: 'symbolIcon.keywordForeground',
  4: 'gitDecoration.deletedResourceForeground',
  5: 'errorForeground',
  6: 'editorError.foreground',
};

function sortLabel(key: SortKey): string {
  switch (key) {
    case 'start': return localized('Start');
    case 'from': return localized('From');
    case 'to': return localized('To');
    case 'method': return localized('Method');
    case 'state': return localized('State');
    case 'status': return localized('Final response');
    case 'messages': return localized('Messages');
    case 'duration': return localized('Duration');
  }
}

/** The schemes of the documents the server has: files, untitled ones, call documents and decoded captures. */
const TRACE_SCHEMES = new Set(['file', 'untitled', CALL_DOCUMENT_SCHEME, CAPTURE_SCHEME]);

/**
 * The trace of the active tab: its file (text, or not handed to extensions alike), or for a
 * capture's editor, the capture's decoded trace.
 */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom && input.viewType === CAPTURE_VIEW_TYPE) return traceUri(input.uri);
  return input instanceof vscode.TabInputText && TRACE_SCHEMES.has(input.uri.scheme) ? input.uri : undefined;
}

export class CallsView implements vscode.TreeDataProvider<CallSummary>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<CallSummary>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private result: CallsResult | undefined;
  private shown: CallSummary[] = [];
  private query: CallQuery = DEFAULT_QUERY;
  private loading: vscode.CancellationTokenSource | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the calls of a file were listed (or could not be). */
  readonly onDidLoad = this.loadedEmitter.event;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(CALLS_VIEW, { treeDataProvider: this, canSelectMany: true });
    this.subscriptions.push(
      this.view,
      vscode.window.tabGroups.onDidChangeTabs(() => this.follow()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.follow()),
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.uri || event.document.uri.toString() !== this.uri.toString() || event.contentChanges.length === 0) return;
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.load(), 500);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (VIEW_LANGUAGE_SETTINGS.some((setting) => event.affectsConfiguration(setting))) this.update();
      }),
      vscode.commands.registerCommand('sipSense.calls.sort', (key?: unknown) => this.sort(key)),
      vscode.commands.registerCommand('sipSense.calls.filter', (text?: unknown) => this.filterText(text)),
      vscode.commands.registerCommand('sipSense.calls.filterState', (states?: unknown) => this.filterStates(states)),
      vscode.commands.registerCommand('sipSense.calls.clearFilters', () => this.setQuery({ ...this.query, text: '', states: [] })),
      vscode.commands.registerCommand('sipSense.calls.showSelected', (item?: CallSummary, selected?: CallSummary[]) => this.showSelected(item, selected)),
    );
    this.follow();
  }

  /** The calls shown, in their order (for the tests and the commands). */
  get rows(): readonly CallSummary[] {
    return this.shown;
  }

  get source(): vscode.Uri | undefined {
    return this.uri;
  }

  /** Lists the calls of the active tab's file when it changed. */
  private follow(): void {
    const uri = activeTabUri();
    if (!uri) return; // keep the last trace: the ladder or another view took the focus
    if (this.uri?.toString() === uri.toString()) return;
    this.uri = uri;
    void this.load();
  }

  /** Asks the server again (the file changed, or the client just started). */
  async load(): Promise<void> {
    const client = this.client();
    const uri = this.uri;
    if (!client || !uri) return this.update();
    this.loading?.cancel();
    const loading = new vscode.CancellationTokenSource();
    this.loading = loading;
    this.result = undefined;
    this.update(localized('Reading the calls of {0}…', basename(uri.path)));
    const result = await vscode.window.withProgress({ location: { viewId: CALLS_VIEW } }, () =>
      requestCalls(client, uri.toString(), loading.token).catch((error: unknown) => {
        if (!loading.token.isCancellationRequested) this.update(localized('SIP Sense could not list the calls: {0}', String(error)));
        return undefined;
      }));
    if (loading.token.isCancellationRequested) return;
    this.result = result;
    if (result) this.update();
    this.loadedEmitter.fire();
  }

  private update(message?: string): void {
    const calls = this.result?.calls ?? [];
    this.shown = selectCalls(calls, this.query);
    const filtered = this.query.text !== '' || this.query.states.length > 0;
    void vscode.commands.executeCommand('setContext', 'sipSense.calls.filtered', filtered);
    const parts: string[] = [];
    if (this.uri) parts.push(basename(this.uri.path));
    if (this.result) parts.push(filtered ? localized('{0} of {1} calls', this.shown.length, calls.length) : localized('{0} calls', calls.length));
    if (this.query.text) parts.push(`“${this.query.text}”`);
    if (this.query.states.length) parts.push(this.query.states.join(', '));
    this.view.description = parts.join(' · ');
    if (message) this.view.message = message;
    else if (!this.uri) this.view.message = localized('Open a SIP trace to list its calls.');
    else if (this.result && calls.length === 0) this.view.message = this.result.note ?? localized('No SIP calls in {0}.', basename(this.uri.path));
    else if (this.result && this.shown.length === 0) this.view.message = localized('No call matches the filter.');
    else {
      const notes = [this.result?.note, this.result && !this.result.complete ? localized('The list is not complete.') : undefined];
      this.view.message = notes.filter(Boolean).join(' ') || undefined;
    }
    this.changed.fire();
  }

  private setQuery(query: CallQuery): void {
    this.query = query;
    this.update();
  }

  private async sort(key: unknown): Promise<void> {
    let picked = typeof key === 'string' && (SORT_KEYS as readonly string[]).includes(key) ? key as SortKey : undefined;
    if (!picked) {
      const choice = await vscode.window.showQuickPick(SORT_KEYS.map((k) => ({
        label: sortLabel(k), key: k,
        description: k === this.query.sort ? (this.query.descending ? '↓' : '↑') : undefined,
      })), { placeHolder: localized('Sort the calls by (the same column again reverses the order)') });
      picked = choice?.key;
    }
    if (!picked) return;
    this.setQuery({ ...this.query, sort: picked, descending: picked === this.query.sort ? !this.query.descending : false });
  }

  private async filterText(text: unknown): Promise<void> {
    const value = typeof text === 'string' ? text : await vscode.window.showInputBox({
      value: this.query.text,
      prompt: localized('Show the calls whose Call-ID, From, To, method, state or final response holds this text'),
      placeHolder: localized('e.g. alice, 486, REJECTED'),
    });
    if (value !== undefined) this.setQuery({ ...this.query, text: value });
  }

  private async filterStates(states: unknown): Promise<void> {
    let chosen = Array.isArray(states) ? states.filter((s): s is string => typeof s === 'string') : undefined;
    if (!chosen) {
      const present = statesOf(this.result?.calls ?? []);
      const picked = await vscode.window.showQuickPick(present.map((state) => ({
        label: stateWord(state),
        state,
        description: localized('{0} calls', (this.result?.calls ?? []).filter((call) => call.state === state).length),
        picked: this.query.states.includes(state),
      })), { canPickMany: true, placeHolder: localized('Show the calls in these states (none: all)') });
      chosen = picked?.map((item) => item.state);
    }
    if (chosen) this.setQuery({ ...this.query, states: chosen });
  }

  private async showSelected(item?: CallSummary, selected?: CallSummary[]): Promise<void> {
    const calls = selected && selected.length > 0 ? selected : item ? [item] : [...this.view.selection];
    if (!this.uri || calls.length === 0) return;
    await vscode.commands.executeCommand(SHOW_CALL_FLOW_COMMAND, { uri: this.uri.toString(), callIds: calls.map((call) => call.callId) });
  }

  getTreeItem(call: CallSummary): vscode.TreeItem {
    const start = formatStart(call.start);
    const item = new vscode.TreeItem(`${start ? `${start.slice(11)}  ` : ''}${call.from} → ${call.to}`);
    const response = finalResponse(call);
    // The outcome first: it is what a narrow sidebar should still show.
    const duration = viewNumber(formatDuration(call.duration, (value) => localized('{0} s', value)));
    item.description = [response, stateWord(call.state), call.method, localized('{0} messages', call.messages), duration]
      .filter(Boolean).join(' · ');
    item.tooltip = [
      `Call-ID: ${call.callId}`,
      `${localized('Start')}: ${start}`,
      `${localized('From')}: ${call.from}`,
      `${localized('To')}: ${call.to}`,
      `${localized('Method')}: ${call.method}`,
      `${localized('State')}: ${stateWord(call.state)}`,
      `${localized('Final response')}: ${response}`,
      `${localized('Messages')}: ${viewNumber(call.messages)}`,
      `${localized('Duration')}: ${duration}`,
    ].join('\n');
    const klass = finalClass(call);
    item.iconPath = new vscode.ThemeIcon('call-outgoing', klass ? new vscode.ThemeColor(CLASS_COLOURS[klass]) : undefined);
    item.id = `${call.line}:${call.callId}`;
    item.contextValue = 'sipCall';
    item.accessibilityInformation = { label: `${item.label as string}, ${item.description}` };
    if (this.uri) {
      item.command = { title: localized('Show Call Flow'), command: SHOW_CALL_FLOW_COMMAND, arguments: [{ uri: this.uri.toString(), callId: call.callId }] };
    }
    return item;
  }

  getChildren(parent?: CallSummary): CallSummary[] {
    return parent ? [] : this.shown;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.loading?.cancel();
    this.changed.dispose();
    this.loadedEmitter.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
