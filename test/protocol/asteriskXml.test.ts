import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { corpusText } from '../support/corpus';
import { positionOf } from '../support/documents';
import { ServerUnderTest } from '../support/lspClient';

const ERROR = 1;
const HINT = 4;

const EXTENSIONS_URI = 'file:///corpus/asterisk/extensions.conf';
const extensions = corpusText('asterisk', 'asterisk__configs_samples_extensions.conf.sample');
const FREESWITCH_URI = 'file:///corpus/freeswitch/freeswitch.xml';
const freeswitch = corpusText('freeswitch', 'freeswitch__src_mod_endpoints_mod_sofia_test_conf_freeswitch.xml');
const SIPP_URI = 'file:///corpus/sipp/uac.xml';
const uac = corpusText('sipp', 'sipp__docs_uac.xml');

let server: ServerUnderTest;

before(async () => {
  server = new ServerUnderTest();
  await server.initialize();
  await server.open(EXTENSIONS_URI, 'asterisk', extensions);
  await server.open(FREESWITCH_URI, 'xml', freeswitch);
  await server.open(SIPP_URI, 'xml', uac);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

test('Asterisk extensions.conf: no diagnostics, no hover on a Dial timeout; an edit brings PJSIPHangup(302) and Hangup(17)', async () => {
  const first = await server.diagnostics(EXTENSIONS_URI, (p) => p.version === 1);
  assert.deepEqual(first.diagnostics, []);
  const timeout = positionOf(extensions, 'Dial(PJSIP/${isnresult},40)', 25);
  assert.equal(await server.hover(EXTENSIONS_URI, timeout), null);

  const lines = extensions.split(/\r?\n/).length;
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: EXTENSIONS_URI, version: 2 },
    contentChanges: [{
      range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } },
      text: '\n[rejects]\nexten => 486,1,PJSIPHangup(302)\n same => n,Hangup(17)\n same => n,PJSIPHangup(',
    }],
  });
  const published = await server.diagnostics(EXTENSIONS_URI, (p) => p.version === 2);
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.range.start]), [
    ['code-not-allowed', ERROR, { line: lines + 1, character: 27 }],
  ]);
  const cause = await server.hover(EXTENSIONS_URI, { line: lines + 2, character: 19 });
  assert.match(cause.contents.value, /^\*\*Q\.850 cause 17\*\*/);
  assert.match(cause.contents.value, /not a SIP status code/);
  assert.equal(await server.hover(EXTENSIONS_URI, { line: lines + 1, character: 10 }), null, 'the extension number 486');
  const items = (await server.completion(EXTENSIONS_URI, { line: lines + 3, character: 23 }))!;
  assert.ok(items.length > 0);
  assert.ok(items.every((item) => /^[456][0-9][0-9] /.test(item.label)));
  assert.equal(items.find((item) => item.label === '486 Busy Here').textEdit.newText, '486');
});

test('FreeSWITCH dialplan XML: hover at respond 486 and not at a payload type; custom phrases are hints; completion in data="', async () => {
  const busy = positionOf(freeswitch, 'data="486 Busy Here"', 7);
  const explained = await server.hover(FREESWITCH_URI, busy);
  assert.match(explained.contents.value, /^\*\*486 Busy Here\*\*/);
  assert.equal(await server.hover(FREESWITCH_URI, positionOf(freeswitch, '"rfc2833-pt" value="101"', 21)), null);
  assert.equal(await server.hover(FREESWITCH_URI, positionOf(freeswitch, 'sip_603plus_passthrough', 5)), null);

  const published = await server.diagnostics(FREESWITCH_URI, (p) => p.version === 1);
  assert.deepEqual([...new Set(published.diagnostics.map((d) => `${d.code}:${d.severity}`))], [`custom-phrase:${HINT}`]);
  assert.equal(published.diagnostics.length, 5);

  const items = (await server.completion(FREESWITCH_URI, { line: busy.line, character: busy.character - 1 }))!;
  const item = items.find((i) => i.label === '480 Temporarily Unavailable');
  assert.equal(item.textEdit.newText, '480 Temporarily Unavailable');
  assert.deepEqual(item.textEdit.range, { start: { line: busy.line, character: 46 }, end: { line: busy.line, character: 59 } });
});

test('SIPp scenario: hover at <recv response="180">, none at retrans="500"; inlay hints and completion for recv', async () => {
  const ringing = positionOf(uac, '<recv response="180"', 17);
  assert.match((await server.hover(SIPP_URI, ringing)).contents.value, /^\*\*180 Ringing\*\*/);
  assert.equal(await server.hover(SIPP_URI, positionOf(uac, 'retrans="500"', 10)), null);

  const hints = await server.request('textDocument/inlayHint', {
    textDocument: { uri: SIPP_URI }, range: { start: { line: 0, character: 0 }, end: { line: ringing.line, character: 0 } },
  });
  assert.deepEqual(hints.map((h: any) => [h.position.line, h.label]).slice(0, 2), [[50, 'Trying'], [54, 'Ringing']]);

  const items = (await server.completion(SIPP_URI, { line: ringing.line, character: 18 }))!;
  const item = items.find((i) => i.label === '183 Session Progress');
  assert.equal(item.textEdit.newText, '183');
  const published = await server.diagnostics(SIPP_URI, (p) => p.version === 1);
  assert.deepEqual(published.diagnostics, []);
});
