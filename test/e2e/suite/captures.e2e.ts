import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
    (d) => d.uri.scheme === 'sipsense-capture' && d.uri.query === capture.toString(),
  ), 60_000);
  assert.equal(document.languageId, 'sip');
  assert.match(document.getText(), /^U \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} [\d.]+:\d+ -> [\d.]+:\d+$/m);
  const text = await hoverAt(document.uri, positionOf(document, 'SIP/2.0 487', 9));
  assert.match(text, /\*\*487 Request Terminated\*\*/);
  // A read-only document: an edit is refused.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), 'x');
  assert.equal(await vscode.workspace.applyEdit(edit), false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});
