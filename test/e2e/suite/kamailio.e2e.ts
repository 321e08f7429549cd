import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  completionAt, diagnosticsFor, hasBridge, hoverAt, hoverTexts, keys, labelOf, openFile, positionOf, revertAndCloseAll, ruleOf,
  screenshot, sleep, visibleTexts, waitFor, WIDGETS,
} from './helpers';

/** Kamailio and OpenSIPS configurations: diagnostics, quick fixes, completion in reply functions, hovers and inlay hints. */

const MISMATCH_LINE = 'sl_send_reply("403", "Message too large");';

test('Kamailio config: a reason phrase of another code is reported, with its range', async () => {
  const { document } = await openFile('kamailio');
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'phrase-mismatch'));
  const mismatch = diagnostics.filter((d) => ruleOf(d) === 'phrase-mismatch');
  assert.equal(mismatch.length, 1);
  const [diagnostic] = mismatch;
  assert.equal(document.lineAt(diagnostic.range.start.line).text.trim(), MISMATCH_LINE);
  assert.equal(diagnostic.range.start.line + 1, 678);
  assert.equal(document.getText(diagnostic.range), 'Message too large');
  assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
  assert.match(diagnostic.message, /reason phrase of 513/);
  // Custom phrases are hints, on the phrase.
  const custom = diagnostics.filter((d) => ruleOf(d) === 'custom-phrase');
  assert.ok(custom.length > 0, 'custom phrases are hinted');
  assert.ok(custom.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
  assert.ok(custom.some((d) => document.getText(d.range) === 'Not here'));
  // Comments, timers and return codes are never reported.
  for (const d of diagnostics) assert.doesNotMatch(document.lineAt(d.range.start.line).text, /^\s*#/, 'nothing in comments');
});

test('Kamailio config: the quick fix puts the standard phrase in', async () => {
  const editor = await openFile('kamailio');
  const document = editor.document;
  const [diagnostic] = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'phrase-mismatch'))
    .then((d) => d.filter((x) => ruleOf(x) === 'phrase-mismatch'));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix?.edit, `a preferred quick fix with an edit (got ${actions.map((a) => a.title).join('; ')})`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(document.lineAt(diagnostic.range.start.line).text.trim(), 'sl_send_reply("403", "Forbidden");');
  await diagnosticsFor(document.uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'phrase-mismatch'));
  await revertAndCloseAll();
});

test('Kamailio config: hover and inlay hints at t_check_status("486|408"); nothing at timers or HTTP replies', async () => {
  const { document } = await openFile('kamailio');
  const at = positionOf(document, 't_check_status("486|408")', 16);
  assert.match(await hoverAt(document.uri, at), /486 Busy Here/);
  const line = at.line;
  const hints = await waitFor('inlay hints', async () => {
    const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri,
      new vscode.Range(line, 0, line + 1, 0));
    return found?.length ? found : undefined;
  });
  const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((part) => part.value).join('')).trim());
  assert.deepEqual(labels, ['Busy Here', 'Request Timeout']);
  // Traps in the same real file: a lifetime of 180 s, an expiry of 300 s, an HTTP reply.
  const traps: [string, number][] = [
    ['modparam("dlgs", "init_lifetime", 180)', 35],
    ['autoexpire=300', 11],
    ['xhttp_reply("403", "Forbidden"', 14],
  ];
  for (const [needle, offset] of traps) {
    assert.deepEqual(await hoverTexts(document.uri, positionOf(document, needle, offset)), [], `no hover in ${needle}`);
  }
  await revertAndCloseAll();
});

test('Kamailio config: typing sl_send_reply(" and picking 486 from the list fills the code and its reason', async () => {
  const editor = await openFile('kamailio');
  const document = editor.document;
  const routeStart = positionOf(document, 'request_route {');
  const end = document.lineAt(routeStart.line).range.end;
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('type', { text: '\n' });
  await vscode.commands.executeCommand('type', { text: 'sl_send_reply("' });
  const line = routeStart.line + 1;
  assert.equal(document.lineAt(line).text.trim(), 'sl_send_reply("")', 'the editor closed the quote and the parenthesis');
  const cursor = editor.selection.active;

  // What the server offers there (the language feature, through VS Code's API).
  const items = await completionAt(document.uri, cursor, (list) => list.some((item) => labelOf(item) === '486 Busy Here'));
  const busy = items.find((item) => labelOf(item) === '486 Busy Here')!;
  assert.equal(typeof busy.insertText === 'string' ? busy.insertText : busy.insertText?.value, '486", "Busy Here');
  assert.ok(items.some((item) => labelOf(item) === '180 Ringing'), 'provisional codes too outside a failure_route');

  // What a person sees and does: the suggest widget, filtered by typing, accepted with Enter.
  if (hasBridge) {
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor('the suggest widget', async () => ((await visibleTexts(WIDGETS.suggest)).join('\n').includes('Trying') ? true : undefined));
    await keys({ type: '48' });
    await waitFor('486 Busy Here in the suggest widget', async () => ((await visibleTexts(WIDGETS.suggest)).join('\n').includes('486 Busy Here') ? true : undefined));
    // Down the list to 486, with its documentation beside the list.
    for (let i = 0; i < 20 && !(await visibleTexts(`${WIDGETS.suggest} .monaco-list-row.focused`)).join('').includes('486'); i++) {
      await keys({ press: ['ArrowDown'] });
    }
    await vscode.commands.executeCommand('toggleSuggestionDetails');
    const details = await waitFor('the documentation of 486', async () => {
      const text = (await visibleTexts('.suggest-details')).join('\n');
      return text.includes('Busy Here') ? text : undefined;
    });
    assert.match(details, /callee/i);
    await sleep(300);
    await screenshot('completion');
    await keys({ press: ['Enter'] });
  } else {
    await vscode.commands.executeCommand('type', { text: '486' });
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1000);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
  }
  await waitFor('the accepted completion', () => (document.lineAt(line).text.trim() === 'sl_send_reply("486", "Busy Here")' ? true : undefined), 5000)
    .catch(() => assert.fail(`line ${line + 1} is ${JSON.stringify(document.lineAt(line).text)}`));
  await revertAndCloseAll();
});

test('Kamailio config: in a failure_route, t_reply(" offers codes of 300 and above only', async () => {
  const editor = await openFile('kamailio');
  const document = editor.document;
  const failure = positionOf(document, 'failure_route[MANAGE_FAILURE] {');
  const end = document.lineAt(failure.line).range.end;
  await editor.edit((edit) => edit.insert(end, '\n\tt_reply("")'));
  const at = new vscode.Position(failure.line + 1, '\tt_reply("'.length);
  const items = await completionAt(document.uri, at, (list) => list.length > 0);
  const codes = items.map((item) => Number(labelOf(item).slice(0, 3)));
  assert.ok(codes.every((code) => code >= 300), `only final non-2xx codes (${codes.filter((c) => c < 300).join(', ')})`);
  assert.ok(items.some((item) => labelOf(item) === '486 Busy Here'));
  await revertAndCloseAll();
});

test('OpenSIPS config: hover at a reply code, hints at custom phrases', async () => {
  const { document } = await openFile('opensips');
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'custom-phrase'));
  const notHere = diagnostics.find((d) => document.getText(d.range) === 'Not here');
  assert.ok(notHere, 'the custom phrase "Not here" is hinted');
  assert.equal(notHere.range.start.line + 1, 121);
  assert.equal(notHere.severity, vscode.DiagnosticSeverity.Hint);
  const code = positionOf(document, 'send_reply(404,"Not here")', 11);
  assert.match(await hoverAt(document.uri, code), /\*\*404 Not Found\*\*/);
  await revertAndCloseAll();
});
