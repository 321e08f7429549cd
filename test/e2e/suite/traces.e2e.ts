import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WORKSPACE } from '../workspace';
import { test } from './harness';
import {
  completionAt, diagnosticsFor, EXTENSION_ID, hoverAt, hoverTexts, labelOf, openFile, positionOf, revertAndCloseAll, ruleOf,
  waitFor, workspaceUri,
} from './helpers';

/** SIP traces and logs: the extension starts, hovers explain codes, numbers that are not codes get nothing. */

test('opening a trace activates the extension and starts the language server', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded from the development path`);
  await openFile('referTrace');
  await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
  // The server answers: its diagnostics arrive for the opened document.
  await diagnosticsFor(workspaceUri('referTrace'), (d) => d.length > 0);
});

test('every workspace file gets the language a user would get', async () => {
  const files = Object.entries(WORKSPACE);
  const documents = await Promise.all(files.map(([name]) => vscode.workspace.openTextDocument(workspaceUri(name as keyof typeof WORKSPACE))));
  assert.deepEqual(
    documents.map((document, i) => `${files[i][1].path}: ${document.languageId}`),
    files.map(([, file]) => `${file.path}: ${file.language}`),
  );
});

test('hover at a status line of a real trace explains the code, with its range', async () => {
  const editor = await openFile('callFlows');
  const document = editor.document;
  const at = positionOf(document, 'SIP/2.0  486 Busy Here', 10);
  const text = await hoverAt(document.uri, at);
  assert.match(text, /\*\*486 Busy Here\*\*/);
  assert.match(text, /RFC 3261/);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
  const range = hovers.find((h) => h.range)?.range;
  assert.ok(range, 'the hover has a range');
  assert.equal(document.getText(range), '486');
});

test('no hover at numbers that are not status codes: CSeq, Content-Length, port, SDP payload', async () => {
  const { document } = await openFile('callFlows');
  await hoverAt(document.uri, positionOf(document, 'SIP/2.0 180 Ringing', 9)); // the server has the document
  const traps: [string, number][] = [
    ['Content-Length: 151', 17],
    ['client.atlanta.example.com:5060', 28],
    ['m=audio 49172 RTP/AVP 0', 10],
    ['o=alice 2890844526', 9],
  ];
  for (const [needle, offset] of traps) {
    const at = positionOf(document, needle, offset);
    assert.deepEqual(await hoverTexts(document.uri, at), [], `no hover in "${needle}" at ${offset}`);
  }
  const refer = await openFile('referTrace');
  await hoverAt(refer.document.uri, positionOf(refer.document, 'SIP/2.0 202 Accepted', 9));
  assert.deepEqual(await hoverTexts(refer.document.uri, positionOf(refer.document, 'CSeq: 93809823 REFER', 8)), [], 'no hover at a CSeq number');
});

test('diagnostics of a real trace: 202 Accepted is deprecated, with its range and the Deprecated tag', async () => {
  const { document } = await openFile('referTrace');
  const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => ruleOf(x) === 'deprecated-code'));
  const deprecated = diagnostics.filter((d) => ruleOf(d) === 'deprecated-code');
  assert.equal(deprecated.length, 2, 'two 202 status lines in RFC 3515');
  for (const diagnostic of deprecated) {
    assert.equal(document.getText(diagnostic.range), '202');
    assert.equal(document.lineAt(diagnostic.range.start.line).text, 'SIP/2.0 202 Accepted');
    assert.equal(diagnostic.range.start.character, 8);
    assert.deepEqual(diagnostic.tags, [vscode.DiagnosticTag.Deprecated]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /202 Accepted is deprecated/);
  }
  assert.deepEqual(deprecated.map((d) => d.range.start.line + 1), [681, 806]);
});

test('completion after "SIP/2.0 " in a trace offers every code, deprecated ones tagged, and inserts the phrase', async () => {
  const editor = await openFile('ringing');
  const document = editor.document;
  const end = document.lineAt(document.lineCount - 1).range.end;
  await editor.edit((edit) => edit.insert(end, '\nSIP/2.0 '));
  const at = document.lineAt(document.lineCount - 1).range.end;
  assert.equal(document.lineAt(at.line).text, 'SIP/2.0 ');
  const items = await completionAt(document.uri, at, (list) => list.some((item) => labelOf(item) === '486 Busy Here'));
  const busy = items.find((item) => labelOf(item) === '486 Busy Here')!;
  const accepted = items.find((item) => labelOf(item) === '202 Accepted');
  assert.ok(accepted, 'offers 202 Accepted');
  assert.deepEqual(accepted.tags, [vscode.CompletionItemTag.Deprecated]);
  assert.ok((accepted.sortText ?? '') > (busy.sortText ?? ''), 'deprecated codes sort last');
  assert.equal(typeof busy.insertText === 'string' ? busy.insertText : busy.insertText?.value, '486 Busy Here');
  assert.ok(items.length >= 75, `every registered code is offered (${items.length})`);
  await revertAndCloseAll();
});

test('a SIP log: hover at a status line inside pjsip logger framing, nothing at its byte count', async () => {
  const { document } = await openFile('pjsipLog');
  const at = positionOf(document, 'SIP/2.0 401 Unauthorized', 9);
  assert.match(await hoverAt(document.uri, at), /\*\*401 Unauthorized\*\*/);
  const bytes = positionOf(document, '<--- Transmitting SIP response (543 bytes)', 33);
  assert.deepEqual(await hoverTexts(document.uri, bytes), [], 'no hover at a byte count');
  await revertAndCloseAll();
});
