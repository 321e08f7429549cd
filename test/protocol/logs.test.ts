import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { corpusText } from '../support/corpus';
import { positionOf } from '../support/documents';
import { ServerUnderTest } from '../support/lspClient';

const HINT = 4;
const INFORMATION = 3;

/** A real file of the logs corpus: res_pjsip logger traces and Asterisk log lines. */
const GUIDE_URI = 'file:///corpus/logs/pjsip-troubleshooting.log';
const guide = corpusText('logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md');

/** Log lines of three products (quoted in ../shared/reference/contexts.md from public issues), opened as plain text. */
const MIXED_URI = 'file:///logs/mixed.txt';
const mixed = [
  '[Dec 13 20:53:40] VERBOSE[1302][C-00000171] chan_sip.c:     -- Got SIP response 500 "JsSIP Internal Error" back from 23.246.247.146:5060',
  'Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=500',
  'Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_pick_branch: picked branch 0, code 500 (prio=700)',
  '2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7505 Channel sofia/internal/1001@10.0.0.1 entering state [terminated][486]',
  'send 603 bytes to udp/[10.0.0.1]:5060 at 16:49:33.907405:',
  "app_dial.c:2591 dial_exec_full: Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)",
].join('\n');

let server: ServerUnderTest;

before(async () => {
  server = new ServerUnderTest();
  await server.initialize();
  await server.open(GUIDE_URI, 'log', guide);
  await server.open(MIXED_URI, 'plaintext', mixed);
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0, server.stderr.join(''));
});

test('a real Asterisk log page: hover on a Q.850 cause and on a status line; none on the logger framing byte count; no diagnostics', async () => {
  const published = await server.diagnostics(GUIDE_URI, (p) => p.version === 1);
  assert.deepEqual(published.diagnostics, []);

  const cause = await server.hover(GUIDE_URI, positionOf(guide, '(cause 66 - Channel not implemented)', 7));
  assert.match(cause.contents.value, /^\*\*Q\.850 cause 66\*\* · Channel type not implemented/);
  assert.match(cause.contents.value, /not a SIP status code/);
  const at = positionOf(guide, '(cause 66', 7);
  assert.deepEqual(cause.range, { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 2 } });

  const status = await server.hover(GUIDE_URI, positionOf(guide, 'SIP/2.0 401 Unauthorized', 9));
  assert.match(status.contents.value, /^\*\*401 Unauthorized\*\*/);

  assert.equal(await server.hover(GUIDE_URI, positionOf(guide, '(543 bytes)', 2)), null, 'byte count');
  assert.equal(await server.hover(GUIDE_URI, positionOf(guide, 'WARNING[2700]', 9)), null, 'thread id');
  assert.equal(await server.hover(GUIDE_URI, positionOf(guide, 'app_dial.c:2431', 12)), null, 'source line');
});

test('log lines opened as plain text: recognised by content, hover on each product\'s code, none on ports, pids, priorities and byte counts', async () => {
  const lines = mixed.split('\n');
  const at = (line: number, needle: string) => ({ line, character: lines[line].indexOf(needle) + 1 });
  assert.match((await server.hover(MIXED_URI, at(0, '500 "')))!.contents.value, /^\*\*500 Server Internal Error\*\*/);
  assert.match((await server.hover(MIXED_URI, at(1, '100,')))!.contents.value, /^\*\*100 Trying\*\*/);
  assert.match((await server.hover(MIXED_URI, at(3, '486]')))!.contents.value, /^\*\*486 Busy Here\*\*/);
  assert.match((await server.hover(MIXED_URI, at(5, '20 -')))!.contents.value, /^\*\*Q\.850 cause 20\*\*/);
  for (const [line, trap] of [[0, '5060'], [0, '1302'], [1, '795'], [1, '1232'], [2, '700'], [4, '603'], [4, '5060']] as const) {
    assert.equal(await server.hover(MIXED_URI, at(line, trap)), null, `${trap} on line ${line}`);
  }
});

test('diagnostics, inlay hints and (no) completion on log lines', async () => {
  const published = await server.diagnostics(MIXED_URI, (p) => p.version === 1);
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, mixed.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)]), [
    ['custom-phrase', HINT, 0, 'JsSIP Internal Error'],
  ]);

  const hints = await server.request('textDocument/inlayHint', {
    textDocument: { uri: MIXED_URI }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
  });
  assert.deepEqual(hints.map((h: any) => [h.position.line, h.label]), [
    [1, 'Trying'], [1, 'Server Internal Error'], [2, 'Server Internal Error'], [3, 'Busy Here'],
  ]);

  // Logs are read, not written: no code list in a log line.
  const none = await server.request('textDocument/completion', { textDocument: { uri: MIXED_URI }, position: { line: 3, character: 10 } });
  assert.ok(none === null || none.length === 0);

  // An edit that changes a reported phrase is re-checked on that line.
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: MIXED_URI, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      text: '    -- Got SIP response 404 "Busy Here" back from 10.0.0.1:5060\n' }],
  });
  const edited = await server.diagnostics(MIXED_URI, (p) => p.version === 2);
  assert.deepEqual(edited.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['phrase-mismatch', INFORMATION, 0]]);
});
