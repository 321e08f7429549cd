import * as assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { CALL_DOCUMENT_SCHEME } from '../../../common/callFlow';
import { OPEN_CALL_COMMAND } from '../../../common/commands';
import { test } from './harness';
import { hasBridge, hoverAt, keys, positionOf, revertAndCloseAll, visibleTexts, waitFor, workspaceUri, WIDGETS } from './helpers';

/**
 * A trace over VS Code's 50 MB sync limit: no extension gets its document, so SIP Sense says so,
 * reads the file from disk, lists its calls and opens any call as a document of its own.
 */

/** RFC 3665's call flows repeated, each copy's Call-IDs prefixed with its number, until the file is over 60 MB (made here, never committed). */
async function writeLargeTrace(): Promise<vscode.Uri> {
  const unit = readFileSync(workspaceUri('callFlows').fsPath, 'utf8');
  const uri = vscode.Uri.joinPath(workspaceUri('callFlows'), '..', '..', 'large', 'rfc3665-x400.txt');
  mkdirSync(dirname(uri.fsPath), { recursive: true });
  const out = createWriteStream(uri.fsPath);
  let size = 0;
  for (let copy = 0; size <= 60 * 1024 * 1024; copy++) {
    const text = unit.replace(/^(\s*Call-ID:\s*)(\S+)/gim, (_, header: string, id: string) => `${header}${copy}-${id}`);
    size += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return uri;
}

test('a 60 MB trace: SIP Sense says why the editor shows nothing, lists its calls from disk, and opens a call as a document with a working hover', async () => {
  await revertAndCloseAll();
  const uri = await writeLargeTrace();
  await vscode.commands.executeCommand('vscode.open', uri);
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'VS Code hands the document to no extension');

  if (hasBridge) {
    // Toasts do not show in the headless page: the notification centre lists the same notice.
    const notice = await waitFor('the notice about the sync limit', async () => {
      await vscode.commands.executeCommand('notifications.showList');
      return (await visibleTexts('.notification-list-item-message')).find((t) => t.includes('rfc3665-x400.txt'));
    });
    await vscode.commands.executeCommand('notifications.hideList');
    assert.match(notice, /VS Code hands files over 50 MB to no extension/);
    await waitFor('the status bar item', async () =>
      (await visibleTexts('.statusbar-item')).find((t) => /SIP Sense: 6[01] MB, read from disk/.test(t)));
    void vscode.commands.executeCommand('sipSense.showLargeFileCalls', uri.toString());
    const rows = await waitFor('the calls in a quick pick', async () => {
      const found = await visibleTexts(`${WIDGETS.quickInput} .monaco-list-row`);
      return found.length > 0 ? found : undefined;
    }, 120_000);
    assert.match(rows[0], /REGISTER bob → bob/);
    await keys({ type: '0-2xTb9vxSit55XU7p8', press: ['Enter'] });
  } else {
    await vscode.commands.executeCommand(OPEN_CALL_COMMAND, { uri: uri.toString(), callId: '0-2xTb9vxSit55XU7p8@atlanta.example.com' });
  }

  const editor = await waitFor('the call document', () => {
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.scheme === CALL_DOCUMENT_SCHEME ? active : undefined;
  }, 120_000);
  const document = editor.document;
  assert.equal(document.languageId, 'sip');
  assert.ok(document.getText().length < 1024 * 1024, 'one call, small enough to be synchronised');
  assert.match(document.getText(), /Call-ID: 0-2xTb9vxSit55XU7p8@atlanta\.example\.com/);
  assert.doesNotMatch(document.getText(), /Call-ID: 1-/, 'nothing of another copy');
  const text = await hoverAt(document.uri, positionOf(document, 'SIP/2.0  486 Busy Here', 10));
  assert.match(text, /\*\*486 Busy Here\*\*/);
  await revertAndCloseAll();
}, 240_000);
