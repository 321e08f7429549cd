import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ServerUnderTest } from '../support/lspClient';

/** KEMI scripts over the protocol: a Lua script that uses KSR is served like kamailio.cfg; a Python file that does not, not at all. */

const KEMI_URI = 'file:///kemi/kamailio.lua';
const KEMI = 'function ksr_request_route()\n  KSR.sl.sl_send_reply(404, "Busy Here")\n  if KSR.pv.get("$rs") == 486 then KSR.x.exit() end\nend\n';
const PLAIN_URI = 'file:///tools/report.py';
const PLAIN = 'import requests\nif requests.get(url).status_code == 404:\n    print("sl_send_reply(404, \\"Busy Here\\")")\n';

let server: ServerUnderTest;

before(async () => {
  server = new ServerUnderTest();
  await server.initialize();
  await server.open(KEMI_URI, 'lua', KEMI);
  await server.open(PLAIN_URI, 'python', PLAIN);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

test('a Lua KEMI script gets diagnostics, hovers, inlay hints and completion', async () => {
  const published = await server.diagnostics(KEMI_URI, (p) => p.version === 1);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['phrase-mismatch']);
  const hover = await server.hover(KEMI_URI, { line: 1, character: 24 });
  assert.match(hover.contents.value, /^\*\*404 Not Found\*\*/);
  assert.match((await server.hover(KEMI_URI, { line: 2, character: 27 })).contents.value, /^\*\*486 Busy Here\*\*/);
  const items = await server.completion(KEMI_URI, { line: 1, character: 23 });
  assert.ok(items && items.some((item) => item.label === '486 Busy Here'));
});

test('a Python file without KSR gets nothing: no diagnostics, no hover, no completion', async () => {
  const published = await server.diagnostics(PLAIN_URI);
  assert.deepEqual(published.diagnostics, []);
  assert.equal(await server.hover(PLAIN_URI, { line: 1, character: 37 }), null);
  assert.equal(await server.hover(PLAIN_URI, { line: 2, character: 25 }), null);
  const items = await server.completion(PLAIN_URI, { line: 2, character: 25 });
  assert.ok(!items || items.length === 0);
});
