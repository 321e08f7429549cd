import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { hasBridge, keys, openFile, sleep, visibleTexts, waitFor, WIDGETS } from './helpers';

/** The command "SIP Sense: Look up status code": by argument, and through its quick pick as a person would. */

function explanationTab(code: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes(`${code}.md`));
}

async function explanationText(code: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'sipsense-explain', path: `/${code}.md` }));
  return document.getText();
}

test('the command is contributed with its title', async () => {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('sipSense.lookUpStatusCode'));
  const manifest = vscode.extensions.getExtension('sipsense.sipsense')!.packageJSON as { contributes: { commands: { command: string; title: string }[] } };
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'sipSense.lookUpStatusCode'));
});

test('look up 486: a Markdown preview of its explanation opens', async () => {
  await openFile('callFlows');
  await vscode.commands.executeCommand('sipSense.lookUpStatusCode', '486');
  const tab = await waitFor('the preview of 486.md', () => explanationTab('486'));
  assert.ok((tab.input as vscode.TabInputWebview).viewType.includes('markdown.preview'), (tab.input as vscode.TabInputWebview).viewType);
  const text = await explanationText('486');
  assert.match(text, /486 Busy Here/);
  assert.match(text, /RFC 3261/);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('look up through the quick pick: type 603, Enter, and 603 Decline is explained', async () => {
  if (!hasBridge) {
    // Desktop VS Code: no page to type into; the quick pick's items come from the same request as in code-server.
    return;
  }
  await openFile('callFlows');
  const running = vscode.commands.executeCommand('sipSense.lookUpStatusCode');
  await waitFor('the quick pick', async () => ((await visibleTexts(WIDGETS.quickInput)).join('\n').includes('100 Trying') ? true : undefined));
  await keys({ type: '603' });
  await waitFor('603 Decline in the quick pick', async () => ((await visibleTexts(WIDGETS.quickInput)).join('\n').includes('603 Decline') ? true : undefined));
  await sleep(200);
  await keys({ press: ['Enter'] });
  await running;
  await waitFor('the preview of 603.md', () => explanationTab('603'));
  assert.match(await explanationText('603'), /603 Decline/);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});
