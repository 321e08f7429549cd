import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { corpusText } from '../support/corpus';
import { positionOf } from '../support/documents';
import { ServerUnderTest } from '../support/lspClient';

const INFORMATION = 3;
const HINT = 4;

const KAMAILIO_URI = 'file:///corpus/kamailio/kamailio.cfg';
const kamailio = corpusText('kamailio', 'kamailio__etc_kamailio.cfg');
const OPENSIPS_URI = 'file:///corpus/opensips/residential.m4';
const residential = corpusText('opensips', 'opensips__examples_templates_residential.m4');
const PLAIN_URI = 'file:///corpus/opensips/jabberx.txt';
const jabberx = corpusText('opensips', 'opensips__modules_jabber_doc_jabberx.cfg');

let server: ServerUnderTest;

before(async () => {
  server = new ServerUnderTest();
  await server.initialize();
  await server.open(KAMAILIO_URI, 'kamailio', kamailio);
  await server.open(OPENSIPS_URI, 'opensips', residential);
  await server.open(PLAIN_URI, 'plaintext', jabberx);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.split(/\r?\n/)[range.start.line].slice(range.start.character, range.end.character);
}

test('kamailio.cfg: diagnostics are the phrase mismatch of 403 "Message too large" and hints on custom phrases', async () => {
  const published = await server.diagnostics(KAMAILIO_URI, (p) => p.version === 1);
  const mismatch = published.diagnostics.filter((d) => d.code === 'phrase-mismatch');
  assert.equal(mismatch.length, 1);
  assert.equal(mismatch[0].severity, INFORMATION);
  assert.equal(textAt(kamailio, mismatch[0].range), 'Message too large');
  assert.match(mismatch[0].message, /513/);
  const others = published.diagnostics.filter((d) => d.code !== 'phrase-mismatch');
  assert.ok(others.length > 0 && others.every((d) => d.code === 'custom-phrase' && d.severity === HINT));
  assert.ok(others.some((d) => textAt(kamailio, d.range) === 'Not here'));
  // No diagnostics on the xhttp_reply lines (HTTP) nor on commented-out replies.
  const xhttp = positionOf(kamailio, 'xhttp_reply("403"');
  const commented = positionOf(kamailio, '# sl_send_reply("200"');
  assert.ok(published.diagnostics.every((d) => d.range.start.line !== xhttp.line && d.range.start.line !== commented.line));
});

test('kamailio.cfg: hover on a reply code, a t_check_status code and pattern; nothing on HTTP codes, children or timers', async () => {
  const incomplete = await server.hover(KAMAILIO_URI, positionOf(kamailio, 'sl_send_reply("484"', 16));
  assert.match(incomplete.contents.value, /^\*\*484 Address Incomplete\*\*/);
  const busy = positionOf(kamailio, 't_check_status("486|408")', 17);
  const code = await server.hover(KAMAILIO_URI, busy);
  assert.match(code.contents.value, /^\*\*486 Busy Here\*\*/);
  assert.deepEqual(code.range, { start: { line: busy.line, character: busy.character - 1 }, end: { line: busy.line, character: busy.character + 2 } });
  const pattern = await server.hover(KAMAILIO_URI, positionOf(kamailio, 'status=~"[12]', 10));
  assert.match(pattern.contents.value, /Status-code pattern/);
  for (const trap of [['xhttp_reply("403"', 14], ['children=8', 9], ['"fr_timer", 30000', 14]] as const) {
    assert.equal(await server.hover(KAMAILIO_URI, positionOf(kamailio, trap[0], trap[1])), null, trap[0]);
  }
  // Commented-out code is explained (and never diagnosed, see above).
  const commented = await server.hover(KAMAILIO_URI, positionOf(kamailio, '# sl_send_reply("200"', 18));
  assert.match(commented.contents.value, /^\*\*200 OK\*\*[\s\S]*In commented-out code/);
});

test('kamailio.cfg: completion in a new t_reply of the failure_route fills the reason and offers only codes >= 300', async () => {
  const at = positionOf(kamailio, 'if (t_check_status("486|408")) {');
  const line = at.line + 1;
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: KAMAILIO_URI, version: 2 },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\t\tt_reply("");\n' }],
  });
  const items = (await server.completion(KAMAILIO_URI, { line, character: 11 }))!;
  assert.ok(items.length > 0 && items.every((item) => Number(item.label.slice(0, 3)) >= 300), 'a failure_route answers with >= 300');
  const busy = items.find((item) => item.label === '486 Busy Here');
  assert.deepEqual(busy.textEdit, { range: { start: { line, character: 11 }, end: { line, character: 11 } }, newText: '486", "Busy Here' });
  // The edit is scanned: the new call is found once completed.
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: KAMAILIO_URI, version: 3 },
    contentChanges: [{ range: { start: { line, character: 11 }, end: { line, character: 11 } }, text: '404", "Busy Here' }],
  });
  const published = await server.diagnostics(KAMAILIO_URI, (p) => p.version === 3);
  const mismatch = published.diagnostics.filter((d) => d.code === 'phrase-mismatch' && d.range.start.line === line);
  assert.equal(mismatch.length, 1);
  const actions = await server.request('textDocument/codeAction', {
    textDocument: { uri: KAMAILIO_URI }, range: mismatch[0].range, context: { diagnostics: mismatch },
  });
  assert.deepEqual(actions.find((a: any) => a.isPreferred).edit.changes[KAMAILIO_URI], [{ range: mismatch[0].range, newText: 'Not Found' }]);
});

test('kamailio.cfg: inlay hints name the codes of t_check_status and nothing where the script gives the phrase', async () => {
  const at = positionOf(kamailio, 'if (t_check_status("401|407")) {');
  const hints = await server.request('textDocument/inlayHint', {
    textDocument: { uri: KAMAILIO_URI }, range: { start: { line: at.line, character: 0 }, end: { line: at.line + 1, character: 0 } },
  });
  assert.deepEqual(hints.map((h: any) => [h.position.line, h.position.character, h.label]), [
    [at.line, at.character + 23, 'Unauthorized'], [at.line, at.character + 27, 'Proxy Authentication Required'],
  ]);
});

test('residential.m4 (opensips): hover, no diagnostics beyond hints, completion with an unquoted code', async () => {
  const published = await server.diagnostics(OPENSIPS_URI, (p) => p.version === 1);
  assert.ok(published.diagnostics.every((d) => d.code === 'custom-phrase'), JSON.stringify(published.diagnostics.map((d) => d.code)));
  const extension = await server.hover(OPENSIPS_URI, positionOf(residential, 'send_reply(420', 12));
  assert.match(extension.contents.value, /^\*\*420 Bad Extension\*\*/);
  assert.equal(await server.hover(OPENSIPS_URI, positionOf(residential, 'socket=udp:LISTEN_IP:5060', 23)), null);
  const at = positionOf(residential, 'send_reply(420,"Bad Extension");');
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: OPENSIPS_URI, version: 2 },
    contentChanges: [{ range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 32 } }, text: 'send_reply()' }],
  });
  const items = (await server.completion(OPENSIPS_URI, { line: at.line, character: at.character + 11 }))!;
  const busy = items.find((item) => item.label === '486 Busy Here');
  assert.equal(busy.textEdit.newText, '486, "Busy Here"');
  assert.ok(items.some((item) => item.label.startsWith('180 ')), 'a request route may send any code');
});

test('an OpenSIPS configuration opened as plain text is recognised and checked', async () => {
  const published = await server.diagnostics(PLAIN_URI, (p) => p.version === 1);
  assert.equal(published.diagnostics.filter((d) => d.code === 'phrase-mismatch').length, 7, 'sl_send_reply(200, "Accepted")');
  const accepted = await server.hover(PLAIN_URI, positionOf(jabberx, 'sl_send_reply(200, "Accepted")', 15));
  assert.match(accepted.contents.value, /^\*\*200 OK\*\*/);
});
