import * as assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { CALL_DOCUMENT_SCHEME } from '../../../common/callFlow';
import { OPEN_CALL_COMMAND } from '../../../common/commands';
import { test } from './harness';
import {
  hasBridge, hoverAt, inFrame, keys, positionOf, revertAndCloseAll, visibleTexts, waitFor, workspaceUri, WIDGETS,
} from './helpers';

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
      // Not the progress of the SIP Calls view's reading, which names the file too.
      return (await visibleTexts('.notification-list-item-message')).find((t) => t.includes('rfc3665-x400.txt') && t.includes('50 MB'));
    });
    await vscode.commands.executeCommand('notifications.hideList');
    assert.match(notice, /VS Code hands files over 50 MB to no extension/);
    await waitFor('the status bar item', async () =>
      (await visibleTexts('.statusbar-item')).find((t) => /SIP Sense: 6[01] MB, read from disk/.test(t)));
    void vscode.commands.executeCommand('sipSense.showLargeFileCalls', uri.toString());
    // Until the list has rendered its first rows (in a fresh-clone CI run, one row of copy 1 was read before them).
    await waitFor('the calls in a quick pick, the first one among them', async () => {
      const found = await visibleTexts(`${WIDGETS.quickInput} .monaco-list-row`);
      return found.some((row) => /^REGISTER bob → bob/.test(row)) ? found : undefined;
    }, 120_000);
    // The list's first item (rows are reused out of order in the page as the list renders).
    assert.match((await visibleTexts(`${WIDGETS.quickInput} .monaco-list-row[data-index="0"]`))[0] ?? '', /REGISTER bob → bob/);
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

test('a 60 MB trace in the SIP Calls view: its calls read from disk, a call\'s ladder, and an arrow that opens the call\'s document at that message', async () => {
  const uri = vscode.Uri.joinPath(workspaceUri('callFlows'), '..', '..', 'large', 'rfc3665-x400.txt');
  await vscode.commands.executeCommand('vscode.open', uri);
  if (!hasBridge) return;
  await vscode.commands.executeCommand('sipSense.calls.focus');
  const callRows = '.pane-body .monaco-list-row[aria-label*=" → "]';
  // The busy calls, in the file's order: the first is copy 0's.
  await vscode.commands.executeCommand('sipSense.calls.filter', 'busy here');
  const rows = await waitFor('the busy calls of the large file, read from disk', async () => {
    const found = await visibleTexts(callRows);
    return found.length > 1 && found.every((row) => /486 Busy Here/.test(row)) ? found : undefined;
  }, 120_000);
  assert.match(rows[0], /alice → bob.*486 Busy Here · busy · INVITE · 121 messages/s);
  assert.match((await visibleTexts('.pane-body')).join('\n'), /Read from disk \(6[01] MB\)/);
  await inFrame({ holding: callRows, click: callRows });
  const ladder = 'body > .scroller';
  await waitFor('its ladder', async () => {
    const heading = await inFrame<string>({ holding: ladder, script: `document.querySelector('.call-heading .call-id')?.textContent ?? ''` });
    return heading === '0-2xTb9vxSit55XU7p8@atlanta.example.com' ? true : undefined;
  }, 60_000);
  // Scrolled until the first 487 is drawn (only the rows in view exist).
  const terminatedLine = await inFrame<number>({
    holding: ladder,
    script: `(async () => {
      const scroller = document.querySelector('.scroller');
      for (let top = 0; top <= scroller.scrollHeight; top += 200) {
        scroller.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const row = [...document.querySelectorAll('.row')].find((r) => r.querySelector('.label')?.textContent.startsWith('487'));
        if (row) return Number(row.dataset.line);
      }
      return -1;
    })()`,
  });
  assert.ok(terminatedLine >= 0, 'a 487 arrow');
  await inFrame({ holding: ladder, click: `.row[data-line="${terminatedLine}"] .label` });
  const editor = await waitFor('the call document at the 487', () => {
    const found = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === CALL_DOCUMENT_SCHEME);
    return found && /487 Request Terminated/.test(found.document.lineAt(found.selection.active.line).text) ? found : undefined;
  }, 60_000);
  assert.match(editor.document.getText(), /Call-ID: 0-2xTb9vxSit55XU7p8@atlanta\.example\.com/);
  await vscode.commands.executeCommand('sipSense.calls.clearFilters');
  await revertAndCloseAll();
}, 240_000);
