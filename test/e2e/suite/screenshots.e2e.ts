import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { ngrepTrace } from '../traceGenerator';
import {
  diagnosticsFor, hasBridge, inFrame, openFile, positionOf, revertAndCloseAll, ruleOf, screenshot, sleep, updateSetting, visibleTexts, waitFor, WIDGETS, workspaceUri,
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

/** The text of the hover at `position` once it holds `wanted`. */
async function hoverHolding(editor: vscode.TextEditor, position: vscode.Position, wanted: string): Promise<string> {
  return waitFor(`the hover holding ${wanted}`, async () => {
    await showHoverAt(editor, position);
    await sleep(300);
    const text = (await visibleTexts(WIDGETS.hover)).join('\n');
    return text.includes(wanted) ? text : undefined;
  }, 20_000, 500);
}

test('the hover over 486 in a trace, as rendered', async () => {
  const editor = await openFile('callFlows');
  const at = positionOf(editor.document, 'SIP/2.0  486 Busy Here', 10);
  if (!hasBridge) return;
  assert.match(await hoverHolding(editor, at, '486 Busy Here'), /RFC 3261/);
  await screenshot('hover');
  await revertAndCloseAll();
});

test('the Persian hover, as rendered: right-aligned, right to left, Persian digits; a hostile phrase shows as text', async () => {
  const editor = await openFile('callFlows');
  const at = positionOf(editor.document, 'SIP/2.0  486 Busy Here', 10);
  if (!hasBridge) return;
  await updateSetting('language', 'fa');
  try {
    assert.match(await hoverHolding(editor, at, '۴۸۶ Busy Here'), /RFC 3261/);
    const layout = await inFrame<{ align: string | null; direction: string; textAlign: string }>({
      holding: '.monaco-workbench',
      script: `(() => { const div = document.querySelector('${WIDGETS.hover} div[align]'); const p = div?.querySelector('p');
        return { align: div?.getAttribute('align') ?? null, direction: p ? getComputedStyle(p).direction : '', textAlign: p ? getComputedStyle(p).textAlign : '' }; })()`,
    });
    assert.equal(layout.align, 'right', 'VS Code keeps align on the Persian section');
    assert.match(layout.textAlign, /^(-webkit-)?right$/, 'align="right" is Chromium\'s -webkit-right');
    await mouseAway();
    await showHoverAt(editor, at);
    await sleep(600);
    await screenshot('hover-fa');
    await vscode.commands.executeCommand('editor.action.hideHover');
    // A phrase that tries HTML and a link, in a trace of its own.
    const hostile = await vscode.workspace.openTextDocument({
      language: 'sip',
      content: 'SIP/2.0 486 <img src=x onerror=alert(1)> [click](https://evil.example/x) <b>bold</b>\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n',
    });
    const hostileEditor = await vscode.window.showTextDocument(hostile, { preview: false });
    const shown = await hoverHolding(hostileEditor, new vscode.Position(0, 9), 'onerror');
    assert.match(shown, /<img src=x onerror=alert\(1\)> \[click\]\(https:\/\/evil\.example\/x\) <b>bold<\/b>/, 'the phrase as written');
    const elements = await inFrame<number>({
      holding: '.monaco-workbench',
      script: `document.querySelectorAll('${WIDGETS.hover} img, ${WIDGETS.hover} b, ${WIDGETS.hover} a[href*="evil"]').length`,
    });
    assert.equal(elements, 0, 'no image, no bold, no link came from the phrase');
  } finally {
    await updateSetting('language', undefined);
    await revertAndCloseAll();
  }
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
  assert.match(await hoverHolding(editor, mismatch.range.start.translate(0, 2), 'reason phrase of 513'), /phrase-mismatch/);
  await screenshot('diagnostics');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await revertAndCloseAll();
});

/** Moves the mouse onto the status bar, so that no tooltip covers a screenshot. */
async function mouseAway(): Promise<void> {
  await inFrame({ holding: '.monaco-workbench', hover: '.statusbar' });
}

test('the Outline of a proxy trace, as rendered: the call, its transactions, each hop\'s INVITE inside the one it interleaves with', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  // RFC 3665 3.2 alone (lines 791 to 1406): Alice's INVITE through two proxies to Bob, each hop's transaction interleaved with the next.
  const rfc = await vscode.workspace.openTextDocument(workspaceUri('callFlows'));
  const uri = vscode.Uri.joinPath(folder.uri, 'traces', 'two-proxies.txt');
  await vscode.workspace.fs.writeFile(uri, Buffer.from(rfc.getText(new vscode.Range(790, 0, 1406, 0))));
  const outline = vscode.workspace.getConfiguration('outline');
  await outline.update('collapseItems', 'alwaysExpand', vscode.ConfigurationTarget.Global);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await vscode.commands.executeCommand('outline.focus');
  if (!hasBridge) return;
  // The folders' section folded, so that the Outline has the room.
  await inFrame({ holding: '.monaco-workbench', click: '.sidebar .pane-header[aria-expanded="true"]' });
  // The cursor on Bob's 200 OK (F12, the third hop).
  const ok = positionOf(editor.document, 'SIP/2.0 200 OK', 10, 0);
  editor.selection = new vscode.Selection(ok, ok);
  editor.revealRange(new vscode.Range(ok, ok), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  // Each row's depth and text, as the Outline view draws them.
  const rows = await waitFor('the third hop\'s INVITE drawn inside the second\'s, inside the first\'s', async () => {
    const found = await inFrame<{ level: number; text: string }[]>({
      holding: '.outline-pane',
      script: `[...document.querySelectorAll('.outline-pane .monaco-list-row')].map((row) => ({ level: Number(row.getAttribute('aria-level')), text: row.textContent ?? '' }))`,
    });
    const hops = found.filter((row) => row.text.startsWith('INVITE → 200 OK')).map((row) => row.level);
    return hops.length >= 3 && hops[1] === hops[0] + 1 && hops[2] === hops[1] + 1 ? found : undefined;
  });
  const innermost = rows.find((row) => row.text.startsWith('INVITE sip:bob@client.biloxi.example.com'));
  assert.equal(innermost?.level, rows.find((row) => row.text.startsWith('INVITE → 200 OK'))!.level + 3, rows.map((row) => `${row.level} ${row.text}`).join('\n'));
  await mouseAway();
  await sleep(500);
  await screenshot('outline');
  await outline.update('collapseItems', undefined, vscode.ConfigurationTarget.Global);
  await revertAndCloseAll();
  await vscode.workspace.fs.delete(uri);
});

test('the ladder beside a trace, and the SIP Calls view, as rendered', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const uri = vscode.Uri.joinPath(folder.uri, 'traces', 'ngrep-calls.txt');
  await vscode.workspace.fs.writeFile(uri, Buffer.from(ngrepTrace(42)));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const busy = positionOf(editor.document, 'SIP/2.0 486 Busy Here', 10, 1);
  editor.selection = new vscode.Selection(busy, busy);
  editor.revealRange(new vscode.Range(busy, busy), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('sipSense.showAllCallFlows');
  if (!hasBridge) return;
  await waitFor('the ladder with the busy call current', async () => {
    const current = await inFrame<string>({ holding: 'body > .scroller', script: `document.querySelector('.row.current .label')?.textContent ?? ''` });
    return current.startsWith('486 Busy Here') ? current : undefined;
  });
  await mouseAway();
  await sleep(500);
  await screenshot('call-flow');

  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('sipSense.calls.focus');
  // A wider sidebar, by its sash, as a person would.
  const box = await inFrame<{ right: number; middle: number }>({
    holding: '.part.sidebar', script: `(() => { const r = document.querySelector('.part.sidebar').getBoundingClientRect(); return { right: r.right, middle: r.top + r.height / 2 }; })()`,
  });
  await inFrame({ holding: '.part.sidebar', drag: { from: [box.right + 1, box.middle], to: [560, box.middle] } });
  // The folders' section folded, so that the calls have the room.
  await inFrame({ holding: '.monaco-workbench', click: '.sidebar .pane-header[aria-expanded="true"]' });
  await vscode.commands.executeCommand('sipSense.calls.clearFilters');
  await vscode.commands.executeCommand('sipSense.calls.sort', 'status');
  await waitFor('the calls listed', async () => ((await visibleTexts('.pane-body .monaco-list-row[aria-label*=" → "]')).length >= 4 ? true : undefined));
  await mouseAway();
  await sleep(500);
  await screenshot('calls-list');
  await vscode.commands.executeCommand('sipSense.calls.sort', 'start');
  await revertAndCloseAll();
});
