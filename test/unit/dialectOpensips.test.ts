import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeCodeActions, computeCompletion, computeDiagnostics, computeHover, computeInlayHints, resolveSettings, type AnalyzedDocument,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { opensipsDialect } from '../../server/src/service/dialects/opensips';
import { routingScriptKindOf } from '../../server/src/service/dialects/routingScript/index';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { corpusFiles, corpusText, readTsv } from '../support/corpus';
import { analyzed, describeOccurrence, diagnosticRules, positionOf, scanOneLine } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });

function doc(text: string): AnalyzedDocument {
  return analyzed(text, 'opensips');
}

function found(text: string): string[] {
  return doc(text).occurrences.map(describeOccurrence);
}

function scanLine(text: string): string[] {
  return scanOneLine(opensipsDialect, text).map(describeOccurrence);
}

function rules(text: string): string[] {
  return diagnosticRules(doc(text), en);
}

function busyItem(text: string, needle: string, offset: number) {
  return computeCompletion(doc(text), positionOf(text, needle, offset))?.find((item) => item.label === '486 Busy Here');
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** Every file of ../shared/corpus/opensips, hand-checked (the Kamailio table's columns, and acc comments with a code). */
const EXPECTED: Record<string, { replies: number; checks: number; patterns: number; modparams: number; accounting: number; commented: number }> = {
  'opensips__1.11__etc_opensips.cfg': { replies: 8, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__1.5__etc_opensips.cfg': { replies: 7, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 7 },
  'opensips__1.5__examples_flag_reply.cfg': { replies: 0, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 0 },
  'opensips__etc_opensips.cfg': { replies: 8, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__examples_opensips-redirect-server-CT.cfg': { replies: 3, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 0 },
  'opensips__examples_templates_loadbalancer.m4': { replies: 7, checks: 1, patterns: 1, modparams: 0, accounting: 2, commented: 0 },
  'opensips__examples_templates_residential.m4': { replies: 13, checks: 2, patterns: 1, modparams: 0, accounting: 2, commented: 2 },
  'opensips__examples_templates_trunking.m4': { replies: 11, checks: 1, patterns: 1, modparams: 0, accounting: 2, commented: 0 },
  'opensips__modules_dialog_samples_opensips-dialog-cc-limit.cfg': { replies: 9, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__modules_drouting_samples_opensips-drouting-pstn.cfg': { replies: 12, checks: 1, patterns: 2, modparams: 0, accounting: 0, commented: 2 },
  'opensips__modules_jabber_doc_jabberx.cfg': { replies: 16, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 1 },
  'opensips__modules_msilo_samples_opensips-msilo.cfg': { replies: 12, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__modules_osp_etc_sample-osp-opensips.cfg': { replies: 27, checks: 6, patterns: 7, modparams: 0, accounting: 0, commented: 8 },
  'opensips__modules_presence_samples_opensips-presence-xcap.cfg': { replies: 8, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__modules_rtpproxy_examples_4to6.cfg': { replies: 4, checks: 2, patterns: 2, modparams: 0, accounting: 0, commented: 0 },
  'opensips__modules_siprec_samples_opensips.cfg': { replies: 8, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
  'opensips__modules_tm_samples_opensips-parallel-fork.cfg': { replies: 8, checks: 0, patterns: 0, modparams: 0, accounting: 0, commented: 2 },
};

const COMMENTED_REPLY = /^\s*#.*\b(?:sl_send_reply|send_reply|t_reply)\(\s*"?[0-9]/;

test('every file of the opensips corpus scans without error and finds the hand-checked counts', () => {
  const files = corpusFiles('opensips');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const { name } of files) {
    const occurrences = doc(corpusText('opensips', name)).occurrences;
    const count = (keep: (o: Occurrence) => boolean) => occurrences.filter((o) => !o.quiet && keep(o)).length;
    assert.deepEqual({
      replies: count((o) => o.context === 'reply-function'),
      checks: count((o) => o.kind === 'status' && (o.context === 'status-regex' || o.context === 'status-comparison')),
      patterns: count((o) => o.kind === 'status-pattern'),
      modparams: count((o) => o.context === 'modparam'),
      accounting: count((o) => o.context === 'accounting'),
      commented: occurrences.filter((o) => o.quiet).length,
    }, EXPECTED[name], name);
    assert.equal(occurrences.length, Object.values(EXPECTED[name]).reduce((a, b) => a + b, 0), `${name}: nothing else is found`);
    assert.ok(occurrences.every((o) => o.dialect === 'opensips'), name);
    total += occurrences.length;
  }
  assert.equal(total, 228);
});

test('the reply calls match MANIFEST.tsv auto-counts, commented-out calls (## and #) found quiet', () => {
  for (const row of readTsv('corpus/MANIFEST.tsv').filter((r) => r.category === 'opensips')) {
    const name = row.saved_path.replace(/^opensips\//, '');
    const text = corpusText('opensips', name);
    const manifest = Number(/reply\(\) calls=(\d+)/.exec(row.note)?.[1] ?? 0);
    const commented = text.split(/\r?\n/).filter((line) => COMMENTED_REPLY.test(line)).length;
    const replies = doc(text).occurrences.filter((o) => o.context === 'reply-function');
    assert.equal(replies.filter((o) => !o.quiet).length + commented, manifest, name);
    assert.equal(replies.filter((o) => o.quiet).length, commented, `${name}: every commented-out call is found quiet`);
  }
});

test('hand-checked opensips lines: bare and quoted codes, m4 templates, $rs=~, traps on the same files', () => {
  const line = (name: string, n: number) => scanLine(corpusText('opensips', name).split(/\r?\n/)[n - 1]);
  assert.deepEqual(line('opensips__etc_opensips.cfg', 104), ['status/reply-function 483@0:13-16 "Too Many Hops"']);
  assert.deepEqual(line('opensips__etc_opensips.cfg', 210), ['status/reply-function 404@0:10-13 "Not Found"']);
  for (const n of [36, 53, 54]) assert.deepEqual(line('opensips__etc_opensips.cfg', n), [], `opensips.cfg ${n}`);
  // ##if (t_check_status("3[0-9][0-9]")) { ##t_reply(404,"Not found"); commented-out code, explained but not diagnosed.
  assert.deepEqual(line('opensips__etc_opensips.cfg', 254), ['status-pattern/status-regex 3[0-9][0-9]@0:22-35 quiet']);
  assert.deepEqual(line('opensips__etc_opensips.cfg', 255), ['status/reply-function 404@0:11-14 "Not found" quiet']);
  // acc takes the leading code of its comment: acc_log_request("200 Dialog Timeout").
  assert.deepEqual(line('opensips__examples_templates_residential.m4', 558), ['status/accounting 200@0:19-22 "Dialog Timeout"']);
  // The 1.x style quoted the code.
  assert.deepEqual(line('opensips__1.5__etc_opensips.cfg', 202), ['status/reply-function 483@0:17-20 "Too Many Hops"']);
  assert.deepEqual(line('opensips__1.5__etc_opensips.cfg', 54), [], 'port=5060');
  assert.deepEqual(line('opensips__examples_templates_residential.m4', 452), ['status/reply-function 420@0:14-17 "Bad Extension"']);
  assert.deepEqual(line('opensips__examples_templates_residential.m4', 544), [
    'status/status-regex 486@0:21-24', 'status/status-regex 408@0:25-28', 'status-pattern/status-regex 486|408@0:20-29',
  ]);
  for (const n of [65, 66, 67, 82]) assert.deepEqual(line('opensips__examples_templates_residential.m4', n), [], `residential ${n}`);
  assert.deepEqual(line('opensips__examples_templates_loadbalancer.m4', 271), [
    'status/status-regex 408@0:22-25', 'status-pattern/status-regex (408)|([56][0-9][0-9])@0:20-44',
  ]);
  assert.deepEqual(line('opensips__modules_drouting_samples_opensips-drouting-pstn.cfg', 246), ['status/reply-function 404@0:15-18 "DID not found"']);
  assert.deepEqual(line('opensips__modules_drouting_samples_opensips-drouting-pstn.cfg', 337), ['status-pattern/status-regex 5[0-9][0-9]@0:21-34']);
  assert.deepEqual(line('opensips__modules_drouting_samples_opensips-drouting-pstn.cfg', 340), [], 'xlog text with $T_reply_code');
  assert.deepEqual(line('opensips__modules_rtpproxy_examples_4to6.cfg', 107), [
    'status/status-regex 183@0:13-16', 'status-pattern/status-regex 183@0:12-17',
    'status/status-regex 200@0:27-30', 'status-pattern/status-regex 200@0:26-31',
  ]);
  const osp = 'opensips__modules_osp_etc_sample-osp-opensips.cfg';
  assert.deepEqual(line(osp, 559), ['status/reply-function 100@0:22-25 "Trying"']);
  assert.deepEqual(line(osp, 1135), [
    'status/status-regex 180@0:24-27', 'status-pattern/status-regex 180@0:23-28',
    'status/status-regex 183@0:49-52', 'status-pattern/status-regex 183@0:48-53',
  ]);
  // case 300: after switch($retcode) is not a code; log texts and timers are not either.
  for (const n of [1153, 14, 15, 481, 488]) assert.deepEqual(line(osp, n), [], `osp ${n}`);
  assert.deepEqual(doc(corpusText('opensips', osp)).occurrencesOnLine(1006).map(describeOccurrence), [], 'osp 1007: case 300 of switch ($retcode)');
  assert.deepEqual(line(osp, 608), ['status/reply-function 401@0:28-31 "Unauthorized" quiet'], 'commented-out code');
});

test('hover on opensips corpus lines, nothing on a port or a timer, a commented-out check explained', () => {
  const text = corpusText('opensips', 'opensips__examples_templates_residential.m4');
  const document = doc(text);
  const hover = (needle: string, offset: number) => computeHover(document, positionOf(text, needle, offset), en)?.markdown;
  assert.match(hover('send_reply(420', 12)!, /^\*\*420 Bad Extension\*\*/);
  assert.match(hover('t_reply(404, "Not Found")', 9)!, /^\*\*404 Not Found\*\*/);
  assert.match(hover('t_check_status("486|408")', 22)!, /^\*\*408 Request Timeout\*\*/);
  assert.match(hover('t_check_status("486|408")', 15)!, /Status-code pattern/);
  assert.equal(hover('socket=udp:LISTEN_IP:5060', 23), undefined);
  assert.equal(hover('"fr_inv_timeout", 30', 19), undefined);
  assert.match(hover('##if (t_check_status("3[0-9][0-9]"))', 23)!, /Status-code pattern[\s\S]*In commented-out code/);
  const jabber = corpusText('opensips', 'opensips__modules_jabber_doc_jabberx.cfg');
  const accepted = computeHover(doc(jabber), positionOf(jabber, 'sl_send_reply(200, "Accepted")', 15), en)!.markdown;
  assert.match(accepted, /^\*\*200 OK\*\*/);
  assert.match(accepted, /Accepted/, 'the phrase the script sends is named');
});

test('the jabber sample answers 200 with the phrase of 202: a phrase mismatch with its quick fix', () => {
  const text = corpusText('opensips', 'opensips__modules_jabber_doc_jabberx.cfg');
  const document = doc(text);
  const at = positionOf(text, 'sl_send_reply(200, "Accepted")');
  const mismatch = computeDiagnostics(document.occurrences, en).filter((d) => d.rule === 'phrase-mismatch');
  assert.equal(mismatch.length, 7);
  assert.ok(mismatch.some((d) => d.line === at.line && d.span.start === at.character + 20));
  const fix = computeCodeActions(document, at.line, at.line).find((action) => action.rule === 'phrase-mismatch')!;
  assert.deepEqual(fix.edit, { span: { start: at.character + 20, end: at.character + 28 }, newText: 'OK' });
});

// ---------------------------------------------------------------------------------------------
// What counts

test('opensips functions and variables: t_reply_with_body, t_reply_by_callid, change_reply_status, $err.rcode, $T_reply_code', () => {
  assert.deepEqual(found([
    't_reply_with_body(200, "OK", "$var(body)");',
    't_reply_by_callid(487, "Request Terminated", $var(callid), $var(cseq));',
    'onreply_route { if ($rs == "603") { change_reply_status(404, "Not Found"); } }',
    'if ($err.rcode == 400 || $T_reply_code >= 500) { sl_send_reply($err.rcode, $err.rreason); }',
  ].join('\n')), [
    'status/reply-function 200@0:18-21 "OK"',
    'status/reply-function 487@1:18-21 "Request Terminated"',
    'status/status-comparison 603@2:28-31',
    'status/reply-function 404@2:56-59 "Not Found"',
    'status/status-comparison 400@3:18-21',
    'status/status-comparison 500@3:42-45',
  ]);
});

test('opensips module parameters that take codes: probing lists and the siprec failover pattern', () => {
  assert.deepEqual(found([
    'modparam("dispatcher", "options_reply_codes", "501, 403")',
    'modparam("drouting", "probing_reply_codes", "501, 403")',
    'modparam("load_balancer", "probing_reply_codes", "404")',
    'modparam("nathelper", "sipping_ignore_rpl_codes", "408, 480, 404")',
    'modparam("siprec", "skip_failover_codes", "408|487")',
    'modparam("tm", "fr_timeout", 5) modparam("tm", "onreply_avp_mode", 1) modparam("usrloc", "nat_bflag", "NAT")',
  ].join('\n')).map((o) => o.replace(/@.*/, '')), [
    'status/modparam 501', 'status/modparam 403', 'status/modparam 501', 'status/modparam 403', 'status/modparam 404',
    'status/modparam 408', 'status/modparam 480', 'status/modparam 404',
    'status/modparam 408', 'status/modparam 487', 'status-pattern/modparam 408|487',
  ]);
  assert.deepEqual(rules('modparam("siprec", "skip_failover_codes", "[7-9][0-9][0-9]")'), ['status-regex@0:42']);
});

test('opensips traps: $rc/$retcode, log levels, route numbers, $DLG_status, ## comments', () => {
  assert.deepEqual(found([
    'switch ($retcode) { case 300: sl_send_reply(300, "Redirect"); break; }',
    'log(3, "Call canceled (status 487)\\n"); route(486); t_on_failure("486");',
    'if ( $DLG_status!=NULL && !validate_dialog() ) {',
    '##t_reply(404,"Not found");',
    'if ($rc == -476) { xlog("tm error 476\\n"); }',
  ].join('\n')), ['status/reply-function 300@0:44-47 "Redirect"', 'status/reply-function 404@3:10-13 "Not found" quiet']);
});

// ---------------------------------------------------------------------------------------------
// Features

test('opensips completion inserts an unquoted integer and the reason (send_reply(486, "Busy Here"))', () => {
  const empty = busyItem('send_reply()', 'send_reply(', 11)!;
  assert.deepEqual([empty.newText, empty.span], ['486, "Busy Here"', { start: 11, end: 11 }]);
  const typed = busyItem('t_reply(4', 't_reply(4', 9)!;
  assert.deepEqual([typed.newText, typed.span], ['486, "Busy Here"', { start: 8, end: 9 }]);
  const spaced = busyItem('send_reply( 4, "Busy Here");', 'send_reply( 4', 13)!;
  assert.deepEqual([spaced.newText, spaced.span], ['486', { start: 12, end: 13 }]);
  // The legacy quoted style is kept where the user typed a quote.
  assert.equal(busyItem('sl_send_reply("")', 'reply("', 7)!.newText, '486", "Busy Here');
  assert.equal(busyItem('if ($rs == ', '== ', 3)!.newText, '486');
  assert.equal(busyItem('if (t_check_status("486|"))', '486|', 4)!.newText, '486');
  assert.equal(busyItem('modparam("nathelper", "sipping_ignore_rpl_codes", "408, ")', '408, ', 5)!.newText, '486');
  const failure = 'failure_route[GW_FAILOVER] {\n\tif (t_check_status("5[0-9][0-9]")) {\n\t\tt_reply()\n\t}\n}';
  const items = computeCompletion(doc(failure), { line: 2, character: 10 })!;
  assert.ok(items.length > 0 && items.every((item) => Number(item.label.slice(0, 3)) >= 300));
});

test('opensips diagnostics and inlay hints', () => {
  assert.deepEqual(rules('send_reply(99, "x");\nsend_reply(404, "Busy Here");\nt_reply(202, "Accepted");\nt_check_status("abc");'), [
    'impossible-code@0:11', 'phrase-mismatch@1:17', 'deprecated-code@2:8', 'status-regex@3:15',
  ]);
  const text = 'if (!($rs=~"183" || $rs=~"200")) {}\nif ($T_reply_code == 486) {}\nsend_reply(486, "Busy Here");';
  assert.deepEqual(computeInlayHints(doc(text), 0, 5).map((h) => `${h.line}:${h.character} ${h.label}`), [
    '0:15 Session Progress', '0:29 OK', '1:24 Busy Here',
  ]);
});

test('a plain-text OpenSIPS configuration is recognised as OpenSIPS, a Kamailio one as Kamailio', () => {
  assert.equal(routingScriptKindOf(corpusText('opensips', 'opensips__etc_opensips.cfg')), 'opensips');
  assert.equal(routingScriptKindOf(corpusText('opensips', 'opensips__examples_templates_residential.m4')), 'opensips');
  assert.equal(routingScriptKindOf('#!OPENSIPS\n'), 'opensips');
  assert.equal(routingScriptKindOf(corpusText('kamailio', 'kamailio__etc_kamailio.cfg')), 'kamailio');
  assert.deepEqual(dialectsFor('opensips', '').map((d) => d.id), ['opensips']);
  assert.deepEqual(dialectsFor('plaintext', corpusText('opensips', 'opensips__etc_opensips.cfg')).map((d) => d.id), ['opensips']);
});
