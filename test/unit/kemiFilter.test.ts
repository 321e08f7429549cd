import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KemiFilter } from '../../client/src/kemiFilter';

/** The client keeps ordinary Lua/Python/JavaScript/Ruby/Squirrel files away from the server. */

function document(uri: string, languageId: string, text: string) {
  const doc = {
    uri: { toString: () => uri },
    languageId,
    text,
    getText: () => doc.text,
    lineAt: (line: number) => ({ text: doc.text.split('\n')[line] ?? '' }),
    get lineCount() {
      return doc.text.split('\n').length;
    },
  };
  return doc;
}

test('an ordinary Python file is never sent, and nothing is asked for it; a KEMI script is', async () => {
  const filter = new KemiFilter();
  const middleware = filter.middleware as any;
  const sent: string[] = [];
  const next = (what: string) => async (d: any) => {
    sent.push(`${what} ${d.uri?.toString() ?? d.document.uri.toString()}`);
  };
  const plain = document('file:///tool.py', 'python', 'import os\nprint(404)\n');
  const kemi = document('file:///kemi.py', 'python', 'def f():\n    KSR.sl.sl_send_reply(404, "x")\n');
  const cfg = document('file:///kamailio.cfg', 'kamailio', 'sl_send_reply("404", "x");');
  await middleware.didOpen(plain, next('open'));
  await middleware.didOpen(kemi, next('open'));
  await middleware.didOpen(cfg, next('open'));
  assert.deepEqual(sent, ['open file:///kemi.py', 'open file:///kamailio.cfg']);
  let asked = 0;
  const answer: unknown[] = [];
  const provide = () => {
    asked++;
    return answer;
  };
  assert.equal(middleware.provideHover(plain, {}, {}, provide), undefined);
  assert.equal(middleware.provideCompletionItem(plain, {}, {}, {}, provide), undefined);
  assert.equal(middleware.provideInlayHints(plain, {}, {}, provide), undefined);
  assert.equal(middleware.provideCodeActions(plain, {}, {}, {}, provide), undefined);
  assert.equal(middleware.provideCodeLenses(plain, {}, provide), undefined);
  assert.equal(asked, 0);
  middleware.provideHover(kemi, {}, {}, provide);
  middleware.provideHover(cfg, {}, {}, provide);
  assert.equal(asked, 2);
  // Edits of the held file are not sent, nor is its closing.
  sent.length = 0;
  plain.text = 'import os\nprint(405)\n';
  await middleware.didChange({ document: plain, contentChanges: [{ range: { start: { line: 1, character: 6 } }, text: '5' }] }, next('change'));
  await middleware.didChange({ document: kemi, contentChanges: [{ range: { start: { line: 1, character: 0 } }, text: ' ' }] }, next('change'));
  assert.deepEqual(sent, ['change file:///kemi.py']);
  // KSR typed into it: the server gets the file whole (opened), then its edits.
  sent.length = 0;
  plain.text = 'import os\nKSR.sl.sl_send_reply(405, "x")\n';
  await middleware.didChange({ document: plain, contentChanges: [{ range: { start: { line: 1, character: 0 } }, text: 'KSR.sl.sl_send_reply(405, "x")' }] }, next('change'));
  await middleware.didChange({ document: plain, contentChanges: [{ range: { start: { line: 1, character: 0 } }, text: ' ' }] }, next('change'));
  assert.deepEqual(sent, ['open file:///tool.py', 'change file:///tool.py']);
  assert.equal(middleware.provideHover(plain, {}, {}, provide), answer);
  // Closing: a held file's close is not sent; a sent file's is.
  sent.length = 0;
  const other = document('file:///other.js', 'javascript', 'console.log(1)');
  await middleware.didOpen(other, next('open'));
  await middleware.didClose(other, next('close'));
  await middleware.didClose(plain, next('close'));
  assert.deepEqual(sent, ['close file:///tool.py']);
});
