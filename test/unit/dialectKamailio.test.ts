import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AnalyzedDocument, computeCodeActions, computeCompletion, computeHover, computeInlayHints, resolveSettings,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { kamailioDialect } from '../../server/src/service/dialects/kamailio';
import { opensipsDialect } from '../../server/src/service/dialects/opensips';
import { routingScriptKindOf } from '../../server/src/service/dialects/routingScript/index';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { corpusFiles, corpusText, readTsv } from '../support/corpus';
import { analyzed, describeOccurrence, diagnosticRules, positionOf, scanOneLine } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });

function doc(text: string): AnalyzedDocument {
  return analyzed(text, 'kamailio');
}

/** The occurrences of a text, compactly: "kind/context digits@line:start-end "phrase"". */
function found(text: string): string[] {
  return doc(text).occurrences.map(describeOccurrence);
}

function rules(text: string): string[] {
  return diagnosticRules(doc(text), en);
}

function completionAt(text: string, needle: string, offset: number) {
  return computeCompletion(doc(text), positionOf(text, needle, offset));
}

// ---------------------------------------------------------------------------------------------
// The corpus

/**
 * Every file of ../shared/corpus/kamailio, hand-checked. `replies` are the reply-function codes,
 * `checks` the codes of t_check_status/status=~/$rs comparisons, `patterns` the regexes, outside
 * comments; `commented` what commented-out code holds (# sl_send_reply(...), calls inside /* *\/).
 */
const EXPECTED: Record<string, { replies: number; checks: number; patterns: number; modparams: number; commented: number }> = {
  'kamailio__etc_kamailio.cfg': { replies: 15, checks: 4, patterns: 4, modparams: 0, commented: 1 },
  'kamailio__etc_sip-router.cfg': { replies: 18, checks: 4, patterns: 2, modparams: 0, commented: 2 },
  'kamailio__misc_examples_ims_icscf_kamailio.cfg': { replies: 28, checks: 6, patterns: 7, modparams: 0, commented: 0 },
  'kamailio__misc_examples_ims_pcscf_kamailio.cfg': { replies: 13, checks: 1, patterns: 2, modparams: 0, commented: 0 },
  'kamailio__misc_examples_ims_pcscf_route_register.cfg': { replies: 6, checks: 4, patterns: 4, modparams: 0, commented: 0 },
  'kamailio__misc_examples_ims_scscf_kamailio.cfg': { replies: 44, checks: 2, patterns: 4, modparams: 2, commented: 2 },
  'kamailio__misc_examples_kamailio_serial_183.cfg': { replies: 3, checks: 0, patterns: 1, modparams: 0, commented: 0 },
  'kamailio__misc_examples_kemi_kamailio-basic-kemi-native.cfg': { replies: 7, checks: 0, patterns: 1, modparams: 0, commented: 1 },
  'kamailio__misc_examples_mixed_voicemail.cfg': { replies: 9, checks: 0, patterns: 0, modparams: 0, commented: 0 },
  'kamailio__misc_examples_obsoleted_imgw.cfg': { replies: 9, checks: 0, patterns: 0, modparams: 0, commented: 1 },
  'kamailio__misc_examples_outbound_edge_websocket.cfg': { replies: 7, checks: 1, patterns: 0, modparams: 0, commented: 0 },
  'kamailio__misc_examples_pkg_sip-router-oob.cfg': { replies: 27, checks: 4, patterns: 5, modparams: 0, commented: 3 },
  'kamailio__misc_examples_presence_full-no-failover.cfg': { replies: 13, checks: 0, patterns: 0, modparams: 0, commented: 0 },
  'kamailio__misc_examples_webrtc_kamailio-default-websocket.cfg': { replies: 13, checks: 4, patterns: 4, modparams: 0, commented: 1 },
  'kamailio__test_misc_cfg_use_jab.cfg': { replies: 4, checks: 0, patterns: 0, modparams: 0, commented: 2 },
};

/** A reply call on a commented-out line: the manifest's auto-count includes them, and so do we (found quiet). */
const COMMENTED_REPLY = /^\s*#.*\b(?:sl_send_reply|sl_reply|send_reply|t_reply)\(\s*"?[0-9]/;

test('every file of the kamailio corpus scans without error and finds the hand-checked counts', () => {
  const files = corpusFiles('kamailio');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const { name } of files) {
    const occurrences = doc(corpusText('kamailio', name)).occurrences;
    const count = (keep: (o: Occurrence) => boolean) => occurrences.filter((o) => !o.quiet && keep(o)).length;
    assert.deepEqual({
      replies: count((o) => o.context === 'reply-function'),
      checks: count((o) => o.kind === 'status' && (o.context === 'status-regex' || o.context === 'status-comparison')),
      patterns: count((o) => o.kind === 'status-pattern'),
      modparams: count((o) => o.context === 'modparam'),
      commented: occurrences.filter((o) => o.quiet).length,
    }, EXPECTED[name], name);
    assert.equal(occurrences.length, Object.values(EXPECTED[name]).reduce((a, b) => a + b, 0), `${name}: nothing else is found`);
    assert.ok(occurrences.every((o) => o.dialect === 'kamailio' && (o.kind === 'status' || o.kind === 'status-pattern')), name);
    total += occurrences.length;
  }
  assert.equal(total, 295);
});

test('the reply calls match MANIFEST.tsv auto-counts, commented-out calls found quiet', () => {
  const rows = readTsv('corpus/MANIFEST.tsv').filter((row) => row.category === 'kamailio');
  const names = new Set<string>();
  for (const row of rows) {
    const name = row.saved_path.replace(/^kamailio\//, '');
    if (names.has(name)) continue; // the manifest lists two files twice
    names.add(name);
    const text = corpusText('kamailio', name);
    const manifest = Number(/reply\(\) calls=(\d+)/.exec(row.note)?.[1] ?? 0);
    const commented = text.split(/\r?\n/).filter((line) => COMMENTED_REPLY.test(line)).length;
    const replies = doc(text).occurrences.filter((o) => o.context === 'reply-function');
    assert.equal(replies.length, manifest, name);
    assert.ok(replies.filter((o) => o.quiet).length >= commented, `${name}: every commented-out call is found quiet`);
  }
  assert.equal(names.size, corpusFiles('kamailio').length);
});

test('kamailio.cfg: reply codes with their phrases, status=~ and t_check_status patterns, exact columns', () => {
  const lines = corpusText('kamailio', 'kamailio__etc_kamailio.cfg').split(/\r?\n/);
  const at = (n: number) => scanOneLine(kamailioDialect, lines[n - 1]).map((o) => describeOccurrence({ ...o, line: n }));
  assert.deepEqual(at(609), ['status/reply-function 484@609:17-20 "Address Incomplete"']);
  assert.deepEqual(at(790), ['status/reply-function 404@790:16-19 "Not Found"']);
  assert.deepEqual(at(1090), ['status-pattern/status-regex [12][0-9][0-9]@1090:12-28']);
  assert.deepEqual(at(1104), ['status-pattern/status-regex 3[0-9][0-9]@1104:20-33']);
  assert.deepEqual(at(1112), [
    'status/status-regex 401@1112:21-24', 'status/status-regex 407@1112:25-28', 'status-pattern/status-regex 401|407@1112:20-29',
  ]);
  // Traps on the same file: xhttp_reply sends HTTP codes; process counts, timers, modes and lifetimes are numbers.
  for (const n of [1024, 1033, 191, 221, 386, 388, 390]) assert.deepEqual(at(n), [], `${n}: ${lines[n - 1]}`);
  assert.match(lines[674 - 1], /^\s*# sl_send_reply\("200"/, 'line 674 is a commented-out reply');
  assert.deepEqual(at(674), ['status/reply-function 200@674:19-22 "OK" quiet'], 'commented-out code: explained, never diagnosed');
});

test('hand-checked lines across the other kamailio files, codes and traps', () => {
  const line = (name: string, n: number) => scanOneLine(kamailioDialect, corpusText('kamailio', name).split(/\r?\n/)[n - 1]).map((o) => describeOccurrence(o));
  // $rs >= 200 && $rs <= 299: 200 is a code, 299 only a bound (no "unregistered" noise).
  assert.deepEqual(line('kamailio__misc_examples_outbound_edge_websocket.cfg', 225), ['status/status-comparison 200@0:33-36']);
  assert.deepEqual(line('kamailio__misc_examples_outbound_edge_websocket.cfg', 248), [], 'xhttp_reply("403") is HTTP');
  // dispatcher ds_ping_reply_codes: codes, not the class.
  assert.deepEqual(line('kamailio__misc_examples_ims_scscf_kamailio.cfg', 389), ['status/modparam 404@0:60-63', 'status/modparam 480@0:69-72']);
  assert.deepEqual(line('kamailio__misc_examples_ims_scscf_kamailio.cfg', 890), [], 'Ro_CCR(..., 30, ...) is a timer');
  // A phrase with a pseudo-variable in it is the phrase (custom text).
  assert.deepEqual(line('kamailio__misc_examples_ims_scscf_kamailio.cfg', 940), ['status/reply-function 402@0:16-19 "Payment required ($avp(s:cca_result_code))"']);
  assert.deepEqual(line('kamailio__misc_examples_ims_icscf_kamailio.cfg', 412), [
    'status/status-regex 408@0:23-26', 'status/status-regex 480@0:29-32', 'status-pattern/status-regex (408)|(480)@0:21-34',
  ]);
  assert.deepEqual(line('kamailio__misc_examples_ims_icscf_kamailio.cfg', 598), ['status-pattern/status-regex [5-6]..@0:42-51']);
  assert.deepEqual(line('kamailio__misc_examples_ims_icscf_kamailio.cfg', 551), ['status/reply-function 604@0:12-15 "Does not exist anywhere - HSS User Unknown"']);
  assert.deepEqual(line('kamailio__misc_examples_kamailio_serial_183.cfg', 38), ['status/reply-function 200@0:42-45 "ok"']);
  assert.deepEqual(line('kamailio__misc_examples_kamailio_serial_183.cfg', 60), ['status-pattern/status-regex 18[0-9]@0:13-22']);
  // A condition continued on the next line is still read: "&& status=~...".
  assert.deepEqual(line('kamailio__misc_examples_pkg_sip-router-oob.cfg', 1627), ['status-pattern/status-regex (18[03])|(2[0-9][0-9])@0:16-40']);
  for (const n of [1130, 1131, 1733, 242]) assert.deepEqual(line('kamailio__misc_examples_pkg_sip-router-oob.cfg', n), [], `oob ${n}`);
  assert.deepEqual(line('kamailio__misc_examples_ims_pcscf_kamailio.cfg', 845), [
    'status/status-regex 403@0:22-25', 'status-pattern/status-regex 403|[5-6][0-9][0-9]@0:21-42',
  ]);
  assert.deepEqual(line('kamailio__misc_examples_ims_pcscf_kamailio.cfg', 822), [], 'xlog text with $T_rpl($ct)');
  assert.deepEqual(line('kamailio__etc_sip-router.cfg', 428), ['status/reply-function 404@0:14-17 "Unknown user in From" quiet'], 'commented-out sl_reply');
});

test('hover on corpus lines: the code with the phrase the script sends, the pattern, nothing on traps', () => {
  const text = corpusText('kamailio', 'kamailio__etc_kamailio.cfg');
  const document = doc(text);
  const hover = (needle: string, offset: number) => computeHover(document, positionOf(text, needle, offset), en)?.markdown;
  assert.match(hover('sl_send_reply("484"', 16)!, /^\*\*484 Address Incomplete\*\*/);
  const mismatch = hover('sl_send_reply("403", "Message too large")', 16)!;
  assert.match(mismatch, /^\*\*403 Forbidden\*\*/);
  assert.match(mismatch, /Message too large/, 'the hover names the phrase the script sends');
  assert.match(hover('status=~"[12]', 10)!, /Status-code pattern\*\* `\[12\]\[0-9\]\[0-9\]`[\s\S]*Matches 100-299/);
  assert.match(hover('t_check_status("486|408")', 17)!, /^\*\*486 Busy Here\*\*/);
  assert.match(hover('t_check_status("486|408")', 21)!, /^\*\*408 Request Timeout\*\*/);
  assert.match(hover('t_check_status("486|408")', 15)!, /Status-code pattern\*\* `486\|408`[\s\S]*Matches 408, 486/, 'on the quote, the pattern');
  assert.equal(hover('xhttp_reply("403"', 14), undefined);
  assert.equal(hover('children=8', 9), undefined);
  assert.equal(hover('"fr_timer", 30000', 14), undefined);
  const commented = hover('# sl_send_reply("200"', 18)!;
  assert.match(commented, /^\*\*200 OK\*\*/, 'commented-out code is explained');
  assert.match(commented, /In commented-out code/);
});

test('sl_forward_reply: the hover says the new code must keep the received reply\'s class; other reply functions say nothing of it', () => {
  const text = [
    'onreply_route[MANAGE_REPLY] {',
    '  if ($rs == 486) { sl_forward_reply("404", "Not Found"); drop; }',
    '  KSR.sl.sl_forward_reply("480", "Later");',
    '  sl_send_reply("404", "Not Found");',
    '}',
  ].join('\n');
  const document = doc(text);
  const hover = (needle: string, offset: number, settings = en) => computeHover(document, positionOf(text, needle, offset), settings)?.markdown ?? '';
  const forwarded = hover('sl_forward_reply("404"', 18);
  assert.match(forwarded, /^\*\*404 Not Found\*\*/);
  assert.match(forwarded, /on a reply that is not 4xx the function fails \("reply code class cannot be changed"\)/);
  assert.match(hover('KSR.sl.sl_forward_reply("480"', 25), /not 4xx the function fails/);
  assert.match(hover('sl_forward_reply("404"', 18, resolveSettings({ hover: { language: 'fa' } })), /اجازهٔ تغییر کلاس را نمی‌دهد/);
  assert.doesNotMatch(hover('sl_send_reply("404"', 15), /class cannot be changed/);
});

// ---------------------------------------------------------------------------------------------
// What counts and what does not

test('reply functions: quoted, bare and KEMI codes; pseudo-variable codes are not read; send_reply_mode takes flags', () => {
  assert.deepEqual(found([
    'sl_send_reply("404", "Not Found");',
    'sl_reply(486, \'Busy Here\');',
    't_send_reply( "480" , "Temporarily Unavailable" );',
    'send_reply_mode("404", "Not found", "3");',
    'sl_forward_reply("404");',
    't_reply_callid($ci, "1", "486", "Busy Here");',
    'change_reply_status(404, "Not Found"); change_reply_status_code("404");',
    'KSR.sl.sl_send_reply(484, "Address Incomplete")',
    't_reply("$var(code)", "$var(reason)"); sl_send_reply($err.rcode, $err.rreason); t_reply_error(); sl_reply_error();',
  ].join('\n')), [
    'status/reply-function 404@0:15-18 "Not Found"',
    'status/reply-function 486@1:9-12 "Busy Here"',
    'status/reply-function 480@2:15-18 "Temporarily Unavailable"',
    'status/reply-function 404@3:17-20 "Not found"',
    'status/reply-function 404@4:18-21',
    'status/reply-function 486@5:26-29 "Busy Here"',
    'status/reply-function 404@6:20-23 "Not Found"',
    'status/reply-function 404@6:65-68',
    'status/reply-function 484@7:21-24 "Address Incomplete"',
  ]);
});

test('phrases: a lone pseudo-variable or an empty string is no phrase; text with pseudo-variables is custom text', () => {
  const occurrences = doc([
    'send_reply("403", "$var(reason)");',
    'send_reply("403", "");',
    'send_reply("403", $var(r));',
    'send_reply("403", "Invalid user - $fU");',
  ].join('\n')).occurrences;
  assert.deepEqual(occurrences.map((o) => o.phrase?.text), [undefined, undefined, undefined, 'Invalid user - $fU']);
  assert.deepEqual(rules('send_reply("403", "Invalid user - $fU");'), ['custom-phrase@0:19'], 'legal custom text, a hint only');
  assert.deepEqual(rules('sl_send_reply("500", "Server Internal Error (478/SL)");'), ['custom-phrase@0:22']);
});

test('comparisons: $rs, $T_reply_code, $T_reply_last, $T_rpl($rs), $T(reply_code), $err.rcode, status, reversed, KEMI getters', () => {
  assert.deepEqual(found([
    'if ($rs == 486 || $T_reply_code != "487" || $T_reply_last == 408 || $T_rpl($rs) == 480 || $T(reply_code) == 404) {',
    'if ($err.rcode == 477 || status == "603" || 500 <= $rs || $(rs{s.int}) == 302) {',
    'if KSR.pv.get("$rs") == 486 and KSR.kx.get_status() == 200:',
    'if (status=~"^4[0-9]{2}$" || $rs =~ "18[03]") {',
  ].join('\n')), [
    'status/status-comparison 486@0:11-14',
    'status/status-comparison 487@0:36-39',
    'status/status-comparison 408@0:61-64',
    'status/status-comparison 480@0:83-86',
    'status/status-comparison 404@0:108-111',
    'status/status-comparison 477@1:18-21',
    'status/status-comparison 603@1:36-39',
    'status/status-comparison 500@1:44-47',
    'status/status-comparison 302@1:74-77',
    'status/status-comparison 486@2:24-27',
    'status/status-comparison 200@2:55-58',
    'status-pattern/status-regex ^4[0-9]{2}$@3:12-25',
    'status-pattern/status-regex 18[03]@3:36-44',
  ]);
});

test('not codes: $rc return codes, timers, flags, ports, children, $var assignments, xlog text, comments, route names, HTTP replies', () => {
  const text = [
    'switch($rc) { case -478: xlog("L_WARN","T_Relay returned 478, sending back 503.\\n"); }',
    'modparam("tm", "fr_timer", 30000)',
    'modparam("tm", "fr_inv_timer", 120000)',
    'modparam("tm", "faked_reply_prio", 2000)',
    'modparam("tm", "failure_reply_mode", 3)',
    'listen=udp:10.0.0.10:5060',
    'children=8',
    '$var(x) = 100; $avp(status) == 486; $var(code) = 486; obj.status == 200;',
    'xlog("L_INFO", "$ci|log|failed $T_reply_code $T_reply_reason $rs == 486\\n");',
    '# sl_send_reply("404", "Not Found");',
    '#!define REPLY_CODE 486',
    'sl_send_reply("404", "x"); // sl_send_reply("486", "y")',
    '/* t_reply("486", "Busy") */ t_on_failure("486"); route(486);',
    'route[486] { t_on_reply("MANAGE_REPLY"); }',
    ' * sl_send_reply("486", "Busy Here") in a block comment',
    'end of a block comment */ t_reply("480", "Temporarily Unavailable");',
    'xhttp_reply("403", "Forbidden", "text/html", ""); xmlrpc_reply("400", "x"); jsonrpc_reply("500", "x"); msrp_reply("403", "x");',
    'append_to_reply("Retry-After: 120\\r\\nWarning: 399 x\\r\\n");',
    'if ($rs == -1 || $rs == $var(c) || $var(rs) == 486 || "486" =~ $rs || $rs >= 700 || $rs <= 299) {}',
  ].join('\n');
  assert.deepEqual(found(text).filter((o) => !o.endsWith(' quiet')), ['status/reply-function 404@11:15-18 "x"', 'status/reply-function 480@15:35-38 "Temporarily Unavailable"']);
  // Reply calls in comments are commented-out code: explained on hover, never diagnosed.
  assert.deepEqual(found(text).filter((o) => o.endsWith(' quiet')), [
    'status/reply-function 404@9:17-20 "Not Found" quiet', 'status/reply-function 486@11:45-48 "y" quiet',
    'status/reply-function 486@12:12-15 "Busy" quiet', 'status/reply-function 486@14:18-21 "Busy Here" quiet',
  ]);
  assert.deepEqual(rules(text), ['custom-phrase@11:22'], 'only the code outside comments is checked');
});

test('module parameters that take codes: single codes, code lists (classes are not codes), failover >= 300', () => {
  const text = [
    'modparam("sl", "default_code", 505)',
    'modparam("tm", "default_code", "501")',
    'modparam("tm", "reply_408_code", 410)',
    'modparam("pipelimit", "reply_code", 503)',
    'modparam("tm", "failover_reply_codes", "code=403;code=488;class=5")',
    'modparam("dispatcher", "ds_ping_reply_codes", "class=2;code=403;code=488;class=3")',
    'modparam("usrloc", "ka_reply_codes", "2,405,486")',
    'modparam("lcr", "ping_valid_reply_codes", "403,405,501")',
    'modparam("tm", "failover_reply_codes", "code=200")',
  ].join('\n');
  assert.deepEqual(found(text).map((o) => o.replace(/@.*/, '')), [
    'status/modparam 505', 'status/modparam 501', 'status/modparam 410', 'status/modparam 503',
    'status/modparam 403', 'status/modparam 488', 'status/modparam 403', 'status/modparam 488',
    'status/modparam 405', 'status/modparam 486', 'status/modparam 403', 'status/modparam 405', 'status/modparam 501',
    'status/modparam 200',
  ]);
  assert.deepEqual(rules(text), ['code-not-allowed@8:45']);
});

test('t_grep_status takes one code (not a pattern); t_check_status patterns give their literal codes and are checked', () => {
  assert.deepEqual(found('if (t_grep_status("486")) { t_reply("486", "Busy"); }'), [
    'status/status-comparison 486@0:19-22', 'status/reply-function 486@0:37-40 "Busy"',
  ]);
  // Only whole branches are literal codes: 4860, 48 of 48[0-9], the {2} quantifier are not.
  assert.deepEqual(found('t_check_status("(487)|(408)|4860|48[0-9]|4[0-9]{2}|^600$")'), [
    'status/status-regex 487@0:17-20', 'status/status-regex 408@0:23-26', 'status/status-regex 600@0:52-55',
    'status-pattern/status-regex (487)|(408)|4860|48[0-9]|4[0-9]{2}|^600$@0:15-57',
  ]);
  assert.deepEqual(found('t_check_status("$avp(codes)")'), [], 'a pattern built at run time is not checked');
  assert.deepEqual(rules('t_check_status("abc"); t_check_status("(4[0-9]{2}"); t_check_status("486|408");'), [
    'status-regex@0:15', 'status-regex@0:38',
  ]);
});

// ---------------------------------------------------------------------------------------------
// Features

test('diagnostics: impossible codes, a phrase of another code with its quick fix, deprecated 202', () => {
  const text = 'sl_send_reply("99", "Low");\nsl_send_reply("404", "Busy Here");\nt_reply("202", "Accepted");\nif ($rs == 1000) {}\n';
  assert.deepEqual(rules(text), ['impossible-code@0:15', 'phrase-mismatch@1:22', 'deprecated-code@2:9', 'impossible-code@3:11']);
  const [fix] = computeCodeActions(doc(text), 1, 1);
  assert.deepEqual([fix.rule, fix.edit], ['phrase-mismatch', { span: { start: 22, end: 31 }, newText: 'Not Found' }]);
});

test('inlay hints name bare codes only: patterns, comparisons, t_grep_status; not a reply that gives its phrase', () => {
  const text = 'if (t_check_status("486|408")) {}\nif ($rs == 486) {}\nt_grep_status("487");\nsl_send_reply("404", "Not Found");\n';
  assert.deepEqual(computeInlayHints(doc(text), 0, 10).map((h) => `${h.line}:${h.character} ${h.label}`), [
    '0:23 Busy Here', '0:27 Request Timeout', '1:14 Busy Here', '2:18 Request Terminated',
  ]);
});

test('completion in a reply function fills the reason argument too, in the dialect\'s quoting', () => {
  const empty = completionAt('sl_send_reply()', 'sl_send_reply(', 14)!;
  const busy = empty.find((item) => item.label === '486 Busy Here')!;
  assert.deepEqual([busy.newText, busy.span], ['"486", "Busy Here"', { start: 14, end: 14 }]);
  // In quotes (as auto-closing leaves them): the closing quote now closes the phrase.
  const quoted = completionAt('sl_send_reply("")', 'sl_send_reply("', 15)!.find((item) => item.label === '486 Busy Here')!;
  assert.deepEqual([quoted.newText, quoted.span], ['486", "Busy Here', { start: 15, end: 15 }]);
  const open = completionAt('t_reply("4', 't_reply("4', 10)!.find((item) => item.label === '486 Busy Here')!;
  assert.deepEqual([open.newText, open.span], ['486", "Busy Here"', { start: 9, end: 10 }]);
  // A reason already there: the code alone.
  const withReason = completionAt('send_reply("4", "Busy Here");', 'send_reply("4', 13)!.find((item) => item.label === '486 Busy Here')!;
  assert.deepEqual([withReason.newText, withReason.span], ['486', { start: 12, end: 13 }]);
  // KEMI takes integers.
  const kemi = completionAt('KSR.sl.sl_send_reply()', 'reply(', 6)!.find((item) => item.label === '486 Busy Here')!;
  assert.equal(kemi.newText, '486, "Busy Here"');
  assert.equal(completionAt('send_reply_mode("", "x", "3")', 'send_reply_mode("', 17)!.find((item) => item.label === '486 Busy Here')!.newText, '486');
  assert.equal(completionAt('sl_send_reply("404", "x", "3")', '"x"', 1), undefined, 'not in the reason');
  assert.equal(completionAt('# sl_send_reply("")', 'reply("', 7), undefined, 'not in a comment');
  assert.equal(completionAt('xhttp_reply("")', 'reply("', 7), undefined, 'not in an HTTP reply');
});

test('completion after comparisons and in patterns and code modparams: the code alone', () => {
  const code = (text: string, needle: string, offset: number) => completionAt(text, needle, offset)?.find((item) => item.label === '486 Busy Here');
  assert.deepEqual(code('if ($rs == ) {', '== ', 3), { ...code('if ($rs == ) {', '== ', 3)!, newText: '486', span: { start: 11, end: 11 } });
  assert.equal(code('if ($T_reply_code != 4', '!= 4', 4)!.newText, '486');
  assert.equal(code('if (status == "4")', '"4', 2)!.newText, '486');
  const inPattern = code('if (t_check_status("408|4")) {', '|4', 2)!;
  assert.deepEqual([inPattern.newText, inPattern.span], ['486', { start: 24, end: 25 }]);
  assert.equal(code('if (status=~"18")', '"18', 3)!.newText, '486');
  assert.equal(code('t_check_status("[5-6]4")', '6]4', 3), undefined, 'not inside a bracket expression');
  assert.equal(code('t_grep_status()', '(', 1)!.newText, '"486"');
  const failover = completionAt('modparam("tm", "failover_reply_codes", "code=403;code=")', 'code=")', 5)!;
  assert.ok(failover.every((item) => Number(item.label.slice(0, 3)) >= 300), 'failover takes codes >= 300 only');
  assert.ok(failover.some((item) => item.newText === '486'));
  assert.equal(code('modparam("sl", "default_code", )', ', )', 2)!.newText, '486');
  assert.equal(completionAt('modparam("tm", "fr_timer", )', ', )', 2), undefined);
});

test('in a failure_route, reply completion offers codes of 300 and above only', () => {
  // route(NATMANAGE) is a call, not the start of a route block (a bug found by the protocol test).
  const text = 'route[RELAY] {\n\tt_reply("")\n}\nfailure_route[MANAGE_FAILURE] {\n\troute(NATMANAGE);\n\t\tt_reply("")\n\t}\n}\n';
  const inRoute = computeCompletion(doc(text), { line: 1, character: 10 })!;
  const inFailure = computeCompletion(doc(text), { line: 5, character: 11 })!;
  assert.ok(inRoute.some((item) => item.label.startsWith('180 ')));
  assert.ok(inFailure.length > 0 && inFailure.every((item) => Number(item.label.slice(0, 3)) >= 300));
  assert.ok(inFailure.some((item) => item.label === '486 Busy Here'));
});

// ---------------------------------------------------------------------------------------------
// Recognition, robustness

test('a plain-text document is a Kamailio script by its first line or its loadmodule/modparam lines', () => {
  assert.equal(routingScriptKindOf('#!KAMAILIO\n#\n'), 'kamailio');
  assert.equal(routingScriptKindOf('#!SER\n'), 'kamailio');
  assert.equal(routingScriptKindOf(corpusText('kamailio', 'kamailio__misc_examples_mixed_voicemail.cfg')), 'kamailio');
  assert.equal(routingScriptKindOf('loadmodule "tm.so"\nmodparam("tm", "fr_timer", 30000)\nroute {\n}\n'), 'kamailio');
  assert.equal(routingScriptKindOf('modparam is a word\nroute 66 is a road\n'), undefined);
  assert.equal(routingScriptKindOf('SIP/2.0 486 Busy Here\r\n'), undefined);
  assert.deepEqual(dialectsFor('kamailio', '').map((d) => d.id), ['kamailio']);
  assert.deepEqual(dialectsFor('plaintext', corpusText('kamailio', 'kamailio__etc_kamailio.cfg')).map((d) => d.id), ['kamailio']);
  assert.deepEqual(analyzed('#!KAMAILIO\nsl_send_reply("404", "Not Found");\n', 'plaintext').occurrences.map((o) => o.digits), ['404']);
  assert.deepEqual(analyzed('sl_send_reply("404", "Not Found");\n', 'plaintext').occurrences, [], 'plain text without a sign of a script');
});

test('a plain-text document is a script by its route blocks too: loadmodule with no modparam, a file of routes that a main script includes', () => {
  // A minimal script loads its modules and sets no parameter.
  const minimal = 'loadmodule "sl.so"\n\nroute {\n\tif (method == "OPTIONS") {\n\t\tsl_send_reply("200", "alive");\n\t}\n}\n';
  assert.equal(routingScriptKindOf(minimal), 'kamailio');
  // A route file (include_file "route/outbound.cfg", an m4 piece of a template) has route blocks and calls only.
  const routeFile = '# outbound leg\nroute[OUTBOUND]\n{\n\tif (!t_relay()) {\n\t\tsend_reply("500", "Relay failed");\n\t}\n\texit;\n}\n';
  assert.equal(routingScriptKindOf(routeFile), 'kamailio');
  assert.equal(routingScriptKindOf('#comment naming opensips\nonreply_route[watch] {\n\tif (t_check_status("183")) xlog("early\\n");\n}\n'), 'opensips');
  assert.deepEqual(analyzed(routeFile, 'plaintext').occurrences.map((o) => `${o.context} ${o.digits}`), ['reply-function 500']);
  // A route block alone, or script words in prose, are not enough.
  assert.equal(routingScriptKindOf('route {\n  follow the signs\n}\n'), undefined);
  assert.equal(routingScriptKindOf('The proxy calls send_reply("404", "Not Found") when no route matches.\n'), undefined);
});

test('the trigger is on every line with an occurrence (all corpus lines with one match it)', () => {
  const trigger = new RegExp(kamailioDialect.trigger.source, 'i');
  for (const { name } of corpusFiles('kamailio')) {
    for (const line of corpusText('kamailio', name).split(/\r?\n/)) {
      if (scanOneLine(kamailioDialect, line).length > 0) assert.ok(trigger.test(line), `${name}: ${line}`);
    }
  }
});

test('the trigger is on a line whose acc call is glued to a number, which the lexer reads as a number and a call (junk that the fuzz run found)', () => {
  for (const dialect of [kamailioDialect, opensipsDialect]) {
    const text = 'SIP/2.0acc_log_request("200 Dialog Timeout")SIP/2.0 ';
    const document = AnalyzedDocument.create('file:///fuzz/doc', dialect.id, 1, text);
    document.scanAll();
    assert.deepEqual(document.occurrences.map(describeOccurrence), scanOneLine(dialect, text).map(describeOccurrence), dialect.id);
    assert.equal(document.occurrences.length, 1, dialect.id);
  }
});

test('long lines of nested calls, commas, brackets, quotes or open comments are scanned in linear time (10 MB included)', () => {
  // A quadratic scan of a 2 MB line would take hours; a linear one well under a second.
  const size = 2_000_000;
  const lines = [
    't_reply('.repeat(size / 8), 'sl_send_reply(' + '1,'.repeat(size / 2), '$('.repeat(size / 2), '/*'.repeat(size / 2),
    'sl_send_reply(' + '['.repeat(size), '`'.repeat(size / 2) + "'".repeat(size / 2), '"\\'.repeat(size / 2),
    't_check_status("' + '486|'.repeat(size / 4) + '")', '$rs == 486 && '.repeat(size / 14),
  ];
  for (const line of lines) {
    const started = Date.now();
    scanOneLine(kamailioDialect, line);
    kamailioDialect.completionAt!({ lineCount: 1, lineAt: () => line }, 0, line.length >> 1);
    assert.ok(Date.now() - started < 8000, `${line.slice(0, 20)}...: ${Date.now() - started} ms`);
  }
  const tenMegabytes = 'sl_send_reply(t_reply(' + '"\\",'.repeat(2_500_000) + ')';
  const started = Date.now();
  assert.equal(scanOneLine(kamailioDialect, tenMegabytes).length, 0);
  assert.ok(Date.now() - started < 20000, `10 MB: ${Date.now() - started} ms`);
});

// ---------------------------------------------------------------------------------------------
// Codes that other lines decide: preprocessor names, switch labels; and codes built in strings

test('#!define, #!trydef and #!substdef names where a code or a phrase goes: the use explains the code, the definition too', () => {
  const text = [
    '#!define ACL_CODE_DENY "603"',
    '#!trydef BUSY_CODE 486',
    '#!substdef "/BUSY_TEXT/Busy Here/"',
    '#!define TIMER 300',
    '#!define DENY_REASON "Decline"',
    'request_route {',
    '  sl_send_reply(ACL_CODE_DENY, DENY_REASON);',
    '  if ($rs == BUSY_CODE) { t_reply("486", "BUSY_TEXT"); }',
    '  sl_send_reply(UNKNOWN_CODE, NOT_DEFINED_HERE);',
    '  $var(t) = TIMER; t_set_fr(TIMER);',
    '}',
  ].join('\n');
  assert.deepEqual(found(text), [
    'status/definition 603@0:24-27 quiet',
    'status/definition 486@1:19-22 quiet',
    'status/reply-function 603@6:16-29 "Decline"',
    'status/status-comparison 486@7:13-22',
    'status/reply-function 486@7:35-38 "Busy Here"',
  ]);
  // Names standing for the standard phrase are not custom phrases; TIMER (300) is never used as a code.
  assert.deepEqual(rules(text), []);
  const document = doc(text);
  const hover = (needle: string, offset: number) => computeHover(document, positionOf(text, needle, offset), en)?.markdown;
  const use = hover('sl_send_reply(ACL_CODE_DENY', 16)!;
  assert.match(use, /^\*\*603 Decline\*\*/);
  assert.match(use, /`ACL_CODE_DENY` stands for 603 here \(defined on line 1\)/);
  const definition = hover('"603"', 2)!;
  assert.match(definition, /^\*\*603 Decline\*\*/);
  assert.match(definition, /`ACL_CODE_DENY` is defined as this code and used where a status code goes \(line 7\)/);
  assert.match(hover('$rs == BUSY_CODE', 9)!, /^\*\*486 Busy Here\*\*[\s\S]*`BUSY_CODE` stands for 486/);
  assert.equal(hover('#!define TIMER 300', 16), undefined);
  assert.deepEqual(computeInlayHints(document, 0, 10).map((h) => `${h.line}:${h.label}`), ['0:Decline', '1:Busy Here', '7:Busy Here']);
});

test('m4 define (OpenSIPS templates) stands for a code wherever the name is, strings included', () => {
  const text = ["define(`BUSY', `486')", "define(`BUSY_TEXT', `Busy Here')", 'route {', '  send_reply(BUSY, "BUSY_TEXT");', '  send_reply("BUSY", "x");', '}'].join('\n');
  const document = analyzed(text, 'opensips');
  assert.deepEqual(document.occurrences.map(describeOccurrence), [
    'status/definition 486@0:16-19 quiet',
    'status/reply-function 486@3:13-17 "Busy Here"',
    'status/reply-function 486@4:14-18 "x"',
  ]);
});

test('switch labels are codes when the switch is over a reply code', () => {
  const text = [
    'onreply_route {',
    '  switch ($rs) {',
    '    case 486:',
    '      xlog("busy\\n"); break;',
    '    case 408: t_reply("480", "Later"); break;',
    '  }',
    '  switch ($retcode) { case 300: break; }',
    '  switch ($var(x)) {',
    '    case 404:',
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(found(text), [
    'status/status-comparison 486@2:9-12', 'status/status-comparison 408@4:9-12', 'status/reply-function 480@4:23-26 "Later"',
  ]);
  assert.match(computeHover(doc(text), { line: 2, character: 10 }, en)!.markdown, /^\*\*486 Busy Here\*\*[\s\S]*A case of switch \(\$rs\)/);
});

test('acc comments with a leading code, and tm.reply/t_reply commands built for JSON-RPC or MI', () => {
  const text = [
    'acc_log_request("200 Dialog Timeout"); acc_db_request("603 Declined by user", "acc"); acc_log_request("missed $rU"); acc_log_request("2000 x");',
    'jsonrpc_exec(\'{"jsonrpc": "2.0", "method": "tm.reply", "params": [486, "Busy Here", "123:456", "totag"]}\');',
    '$var(cmd) = "{\\"jsonrpc\\":\\"2.0\\",\\"method\\":\\"t_reply\\",\\"params\\":{\\"code\\":\\"480\\",\\"reason\\":\\"Later\\"}}";',
    'jsonrpc_exec(\'{"jsonrpc": "2.0", "method": "core.uptime", "params": [486]}\');',
  ].join('\n');
  assert.deepEqual(found(text), [
    'status/accounting 200@0:17-20 "Dialog Timeout"',
    'status/accounting 603@0:55-58 "Declined by user"',
    'status/reply-function 486@1:66-69 "Busy Here"',
    'status/reply-function 480@2:80-83 "Later"',
  ]);
  const document = doc(text);
  assert.match(computeHover(document, { line: 0, character: 18 }, en)!.markdown, /acc takes the three leading digits/);
  assert.match(computeHover(document, { line: 1, character: 67 }, en)!.markdown, /^\*\*486 Busy Here\*\*[\s\S]*tm\.reply\/t_reply management command/);
});

test('a reply call inside a /* */ block over several lines is commented-out code: explained, never diagnosed', () => {
  const text = ['/*', '  sl_send_reply("404", "Busy Here");', '  if ($rs == 409) {}', '*/ sl_send_reply("480", "Later");', 'sl_send_reply("409", "Conflict");'].join('\n');
  assert.deepEqual(found(text), [
    'status/reply-function 404@1:17-20 "Busy Here" quiet', 'status/status-comparison 409@2:13-16 quiet',
    'status/reply-function 480@3:18-21 "Later"', 'status/reply-function 409@4:15-18 "Conflict"',
  ]);
  assert.deepEqual(rules(text), ['custom-phrase@3:25', 'removed-code@4:15']);
  assert.match(computeHover(doc(text), { line: 1, character: 18 }, en)!.markdown, /In commented-out code/);
});

test('a variable that a reply function sends as its code: the numbers assigned to it and compared with it are codes', () => {
  const script = [
    'route[REJECT] {',
    '\tsl_send_reply("$var(code)", "$var(reason)");',
    '\texit;',
    '}',
    'request_route {',
    '\tif (!allow_source_address()) {',
    '\t\t$var(code) = 403;',
    '\t\t$var(reason) = "Forbidden";',
    '\t\troute(REJECT);',
    '\t}',
    '\tif ($var(code) == 486 || $var(count) > 100) exit;',
    '\t$var(count) = 100;',
    '\tif ($(sel(cfg_get.proxy.busy_code){s.int}) != 486) send_reply("$(sel(cfg_get.proxy.busy_code){s.int})", "Busy");',
    '}',
  ].join('\n');
  assert.deepEqual(found(script), ['status/reply-function 403@6:15-18', 'status/status-comparison 486@10:19-22', 'status/status-comparison 486@12:47-50']);
  const hover = computeHover(doc(script), { line: 6, character: 16 }, en)!.markdown;
  assert.match(hover, /^\*\*403 Forbidden\*\*/);
  assert.match(hover, /`\$var\(code\)` is sent as the code of a reply \(line 2\)/);
  // Without a reply that sends it, a variable is only a variable.
  assert.deepEqual(found('request_route {\n\t$var(code) = 403;\n\tif ($var(code) == 486) exit;\n}\n'), []);
});

test('the presence module\'s $notify_reply($rs) holds the code of the reply to a NOTIFY: compared with codes, also as a switch subject', () => {
  const script = 'event_route[presence:notify-reply] {\n\tif ($notify_reply($rs) == 481) {\n\t\txlog("gone\\n");\n\t}\n\tswitch ($notify_reply($rs)) {\n\t\tcase 408:\n\t\t\tbreak;\n\t}\n}\n';
  assert.deepEqual(found(script), ['status/status-comparison 481@1:27-30', 'status/status-comparison 408@5:7-10']);
  assert.deepEqual(found('if ($notify_reply($ru) == 481) exit;\n'), [], 'another field of the reply');
});
