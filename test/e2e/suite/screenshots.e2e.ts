import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  diagnosticsFor, hasBridge, openFile, positionOf, revertAndCloseAll, ruleOf, screenshot, sleep, visibleTexts, waitFor, WIDGETS,
} from './helpers';

/**
 * What a person sees: the hover and the diagnostics as the workbench renders them (read back from
 * the page), saved as the README's screenshots (images/ with `npm run test:e2e -- --screenshots`).
 */

async function showHoverAt(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('editor.action.showHover');
}

test('the hover over 486 in a trace, as rendered', async () => {
  const editor = await openFile('callFlows');
  const at = positionOf(editor.document, 'SIP/2.0  486 Busy Here', 10);
  if (!hasBridge) return;
  const rendered = await waitFor('the hover widget', async () => {
    await showHoverAt(editor, at);
    await sleep(300);
    const text = (await visibleTexts(WIDGETS.hover)).join('\n');
    return text.includes('486 Busy Here') ? text : undefined;
  }, 20_000, 500);
  assert.match(rendered, /RFC 3261/);
  await screenshot('hover');
  await revertAndCloseAll();
});

test('the diagnostics of a Kamailio config, as rendered in the editor and the Problems panel', async () => {
  const editor = await openFile('kamailio');
  const document = editor.document;
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'phrase-mismatch'));
  const mismatch = diagnostics.find((d) => ruleOf(d) === 'phrase-mismatch')!;
  if (!hasBridge) return;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const problems = await waitFor('the Problems panel', async () => {
    const text = (await visibleTexts('.markers-panel')).join('\n');
    return text.includes('reason phrase of 513') ? text : undefined;
  });
  assert.match(problems, /kamailio__etc_kamailio\.cfg/);
  assert.match(problems, /phrase-mismatch/);
  assert.match(problems, /\[Ln 678, Col 25\]/);
  const rendered = await waitFor('the hover over the diagnostic', async () => {
    await showHoverAt(editor, mismatch.range.start.translate(0, 2));
    await sleep(300);
    const text = (await visibleTexts(WIDGETS.hover)).join('\n');
    return text.includes('reason phrase of 513') ? text : undefined;
  }, 20_000, 500);
  assert.match(rendered, /phrase-mismatch/);
  await screenshot('diagnostics');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await revertAndCloseAll();
});
