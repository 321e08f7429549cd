import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { diagnosticsFor, hoverAt, hoverTexts, openFile, positionOf, revertAndCloseAll, ruleOf, sipSenseDiagnostics, sleep } from './helpers';

/** KEMI: a Lua script that uses KSR is served like kamailio.cfg; an ordinary Python file is left alone. */

test('KEMI Lua script: the phrase of another code is reported, and the code is explained on hover', async () => {
  const { document } = await openFile('kemiLua');
  assert.equal(document.languageId, 'lua');
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.length > 0);
  assert.deepEqual(diagnostics.map(ruleOf), ['phrase-mismatch']);
  assert.equal(document.getText(diagnostics[0].range), 'Busy Here');
  assert.match(await hoverAt(document.uri, positionOf(document, 'sl_send_reply(404', 15)), /404 Not Found/);
  assert.match(await hoverAt(document.uri, positionOf(document, '== 486', 4)), /486 Busy Here/);
  await revertAndCloseAll();
});

test('an ordinary Python file gets no diagnostics and no hover from SIP Sense', async () => {
  const { document } = await openFile('plainPython');
  assert.equal(document.languageId, 'python');
  // The Lua script above shows diagnostics within a second or two; give this one as long.
  await sleep(3000);
  assert.deepEqual(sipSenseDiagnostics(document.uri), []);
  assert.deepEqual(await hoverTexts(document.uri, positionOf(document, '== 404', 4)), []);
  assert.deepEqual(await hoverTexts(document.uri, positionOf(document, 'reply(404', 7)), []);
  const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'reply(404', 7));
  assert.ok(!items.items.some((item) => /Busy Here/.test(typeof item.label === 'string' ? item.label : item.label.label)));
  await revertAndCloseAll();
});
