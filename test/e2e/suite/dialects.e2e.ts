import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { diagnosticsFor, hoverAt, hoverTexts, openFile, positionOf, revertAndCloseAll, ruleOf } from './helpers';

/** Asterisk dialplans, FreeSWITCH dialplans and SIPp scenarios: codes where each product takes them, nothing elsewhere. */

test('Asterisk dialplan: PJSIPHangup(486) is explained, an extension number is not, PJSIPHangup(302) is an error', async () => {
  const editor = await openFile('asterisk');
  const document = editor.document;
  // The server has the document once a hover at an extension number answers (with nothing).
  const extension = positionOf(document, 'exten => 600,1,Playback(demo-echotest)', 10);
  const end = document.lineAt(document.lineCount - 1).range.end;
  await editor.edit((edit) => edit.insert(end, '\n[sipsense-test]\nexten => 486,1,PJSIPHangup(486)\nsame => n,PJSIPHangup(302)\n'));
  const hangup = positionOf(document, 'PJSIPHangup(486)', 13);
  assert.match(await hoverAt(document.uri, hangup), /\*\*486 Busy Here\*\*/);
  assert.deepEqual(await hoverTexts(document.uri, extension), [], 'no hover at extension 600');
  assert.deepEqual(await hoverTexts(document.uri, positionOf(document, 'exten => 486,1', 10)), [], 'no hover at extension 486');
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'code-not-allowed'));
  const notAllowed = diagnostics.filter((d) => ruleOf(d) === 'code-not-allowed');
  assert.equal(notAllowed.length, 1);
  assert.equal(document.getText(notAllowed[0].range), '302');
  assert.equal(notAllowed[0].severity, vscode.DiagnosticSeverity.Error);
  await revertAndCloseAll();
});

test('FreeSWITCH dialplan: respond data is explained, rfc2833-pt and timeouts are not', async () => {
  const { document } = await openFile('freeswitch');
  const respond = positionOf(document, '<action application="respond" data="486 Busy Here"/>', 37);
  assert.match(await hoverAt(document.uri, respond), /\*\*486 Busy Here\*\*/);
  for (const [needle, offset] of [['name="rfc2833-pt" value="101"', 27], ['name="rtp-timeout-sec" value="300"', 31], ['application="sleep" data="500"', 27]] as const) {
    assert.deepEqual(await hoverTexts(document.uri, positionOf(document, needle, offset)), [], `no hover in ${needle}`);
  }
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'custom-phrase'));
  assert.ok(diagnostics.some((d) => document.getText(d.range) === 'Network Blocked'), 'the 603+ wording is hinted as a custom phrase');
  await revertAndCloseAll();
});

test('SIPp scenario: <recv response="180"> is explained, retrans="500" is not', async () => {
  const { document } = await openFile('sipp');
  const recv = positionOf(document, '<recv response="180"', 17);
  assert.match(await hoverAt(document.uri, recv), /\*\*180 Ringing\*\*/);
  assert.deepEqual(await hoverTexts(document.uri, positionOf(document, '<send retrans="500">', 16)), [], 'no hover at a retransmission timer');
  await revertAndCloseAll();
});
