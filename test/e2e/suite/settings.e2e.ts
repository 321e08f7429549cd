import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { statusEntry } from '../../../server/src/service/registry';
import { withPersianDigits } from '../../../common/digits';
import { persianRunOf } from '../../support/persian';
import { test } from './harness';
import {
  diagnosticsFor, hoverAt, openFile, positionOf, revertAndCloseAll, ruleOf, updateSetting, waitFor,
} from './helpers';

/** Settings changed in VS Code reach the running server and take effect without a restart. */

const PERSIAN = /[\u0600-\u06FF]/;

test('sipSense.hover.language: fa gives the Persian explanation, en the English one, both gives both', async () => {
  const { document } = await openFile('callFlows');
  const at = positionOf(document, 'SIP/2.0  486 Busy Here', 10);
  try {
    await updateSetting('hover.language', 'fa');
    const persian = await hoverAt(document.uri, at, (text) => PERSIAN.test(text));
    assert.match(persian, /\*\*۴۸۶ Busy Here\*\*/, 'the code in Persian digits, as Persian prose writes it');
    // as written in the data, character for character (the server bundle is UTF-8), its numbers in Persian digits
    assert.ok(persian.includes(persianRunOf(withPersianDigits(statusEntry(486)!.meaning.fa))), persian);
    assert.doesNotMatch(persian, /In practice/);
    await updateSetting('hover.language', 'both');
    const both = await hoverAt(document.uri, at, (text) => PERSIAN.test(text) && /Busy Here/.test(text) && /In practice/.test(text));
    assert.ok(both);
    await updateSetting('hover.language', 'en');
    const english = await hoverAt(document.uri, at, (text) => !PERSIAN.test(text));
    assert.match(english, /\*\*486 Busy Here\*\*/);
  } finally {
    await updateSetting('hover.language', undefined);
    await revertAndCloseAll();
  }
});

test('sipSense.diagnostics.severity: deprecated-code as error, then off, then back to warning', async () => {
  const { document } = await openFile('referTrace');
  const deprecated = (d: vscode.Diagnostic[]) => d.filter((x) => ruleOf(x) === 'deprecated-code');
  try {
    await diagnosticsFor(document.uri, (d) => deprecated(d).length === 2 && deprecated(d).every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
    await updateSetting('diagnostics.severity', { 'deprecated-code': 'error' });
    const asErrors = await diagnosticsFor(document.uri, (d) => deprecated(d).length === 2 && deprecated(d).every((x) => x.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(deprecated(asErrors).map((d) => document.getText(d.range)), ['202', '202']);
    await updateSetting('diagnostics.severity', { 'deprecated-code': 'off' });
    await diagnosticsFor(document.uri, (d) => deprecated(d).length === 0);
  } finally {
    await updateSetting('diagnostics.severity', undefined);
  }
  await diagnosticsFor(document.uri, (d) => deprecated(d).length === 2 && deprecated(d).every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
  await revertAndCloseAll();
});

test('sipSense.diagnostics.enable and sipSense.inlayHints.enable turn their features off and on', async () => {
  const { document } = await openFile('kamailio');
  const line = positionOf(document, 't_check_status("486|408")').line;
  const hints = async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri,
    new vscode.Range(line, 0, line + 1, 0))) ?? [];
  try {
    await waitFor('inlay hints', async () => ((await hints()).length === 2 ? true : undefined));
    await updateSetting('inlayHints.enable', false);
    await waitFor('no inlay hints', async () => ((await hints()).length === 0 ? true : undefined));
    await diagnosticsFor(document.uri, (d) => d.length > 0);
    await updateSetting('diagnostics.enable', false);
    await diagnosticsFor(document.uri, (d) => d.length === 0);
  } finally {
    await updateSetting('inlayHints.enable', undefined);
    await updateSetting('diagnostics.enable', undefined);
  }
  await waitFor('inlay hints again', async () => ((await hints()).length === 2 ? true : undefined));
  await diagnosticsFor(document.uri, (d) => d.length > 0);
  await revertAndCloseAll();
});
