import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CAPTURE_SCHEME } from '../../../common/capture';
import { CAPTURES } from '../workspace';
import { test } from './harness';
import { hoverAt, positionOf, waitFor } from './helpers';

/** Packet captures: opening one decodes it and opens its trace, read-only, with SIP Sense's features. */

function captureUri(name: keyof typeof CAPTURES): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, CAPTURES[name].path);
}

test('opening a .pcap opens its decoded trace (language sip, read-only), where a status code has its hover', async () => {
  const capture = captureUri('cancel');
  await vscode.commands.executeCommand('vscode.open', capture);
  const document = await waitFor('the decoded trace of cancel.pcap', () => vscode.workspace.textDocuments.find(
    (d) => d.uri.scheme === CAPTURE_SCHEME && d.uri.query === capture.toString(),
  ), 60_000);
  assert.equal(document.languageId, 'sip');
  assert.match(document.getText(), /^U \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} [\d.]+:\d+ -> [\d.]+:\d+$/m);
  const text = await hoverAt(document.uri, positionOf(document, 'SIP/2.0 487', 9));
  assert.match(text, /\*\*487 Request Terminated\*\*/);
  // A read-only document: typing in its editor changes nothing.
  const before = document.getText();
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('type', { text: 'x' });
  assert.equal(document.getText(), before);
  assert.equal(document.isDirty, false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});
