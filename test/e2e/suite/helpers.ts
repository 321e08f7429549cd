import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FrameRequest } from '../runner';
import { WORKSPACE, type WorkspaceFile } from '../workspace';
import { callBridge, hasBridge, log } from './harness';

/** What the tests need from a running VS Code: files of the workspace, and waiting for the server's answers. */

export const EXTENSION_ID = 'sipsense.sipsense';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined (or throws after `timeoutMs`). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await sleep(everyMs);
  }
}

export function workspaceUri(file: WorkspaceFile): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, WORKSPACE[file].path);
}

/** Opens a workspace file in an editor, as a person would (so the client sends didOpen). */
export async function openFile(file: WorkspaceFile): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position of the n-th occurrence of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) is not in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

/** The Markdown text of every hover VS Code collects at `position`. */
export async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** The hover at `position`, waiting for the server (the first request after opening may come before it has the document). */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position, accept: (text: string) => boolean = () => true): Promise<string> {
  return waitFor(`a hover at ${uri.path}:${position.line + 1}:${position.character + 1}`, async () => {
    const text = (await hoverTexts(uri, position)).join('\n');
    return text && accept(text) ? text : undefined;
  });
}

export function sipSenseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sipsense');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The server's diagnostics for `uri` once they satisfy `accept`. */
export function diagnosticsFor(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const diagnostics = sipSenseDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

export async function completionAt(uri: vscode.Uri, position: vscode.Position, accept: (items: vscode.CompletionItem[]) => boolean): Promise<vscode.CompletionItem[]> {
  return waitFor(`completion at ${uri.path}:${position.line + 1}:${position.character + 1}`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const items = list?.items ?? [];
    return accept(items) ? items : undefined;
  });
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function updateSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sipSense').update(section, value, vscode.ConfigurationTarget.Global);
}

/** Discards the unsaved edits of the active editor and closes every editor. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Saves a screenshot of the workbench under `name` (only in code-server, where the runner has the page). */
export async function screenshot(name: string): Promise<void> {
  if (!hasBridge) return;
  const file = await callBridge('/screenshot', { name });
  await log(`  screenshot: ${String(file)}`);
}

/** Types text and presses keys in the page, as a person would (code-server only). */
export async function keys(keysToSend: { type?: string; press?: string[] }): Promise<void> {
  if (!hasBridge) throw new Error('typing into the page needs the code-server runner');
  await callBridge('/keys', keysToSend);
}

/** The text of every visible element of the workbench page that matches a CSS selector (code-server only). */
export async function visibleTexts(selector: string): Promise<string[]> {
  if (!hasBridge) throw new Error('reading the page needs the code-server runner');
  return (await callBridge('/texts', { selector })) as string[];
}

/**
 * In the frame that holds `holding` (a webview's content lives in nested iframes): clicks and/or
 * hovers an element as a person would, then evaluates `script` (an expression) and returns its value.
 */
export async function inFrame<T>(request: FrameRequest): Promise<T> {
  if (!hasBridge) throw new Error('reaching a webview needs the code-server runner');
  return (await callBridge('/frame', request)) as T;
}

/** The workbench's widgets, by the CSS classes VS Code gives them. */
export const WIDGETS = {
  hover: '.monaco-hover:not(.hidden)',
  suggest: '.editor-widget.suggest-widget.visible',
  quickInput: '.quick-input-widget',
};

export { hasBridge };
