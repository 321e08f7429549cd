import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeCompletion, computeDiagnostics, computeHover, computeInlayHints, resolveSettings, type AnalyzedDocument,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { explainCause } from '../../server/src/service/features/explain';
import { freeswitchDialect, looksLikeFreeswitchXml } from '../../server/src/service/dialects/freeswitch';
import { freeswitchCauseByName } from '../../server/src/service/registry';
import { xmlCommentRanges, xmlTagsOnLine } from '../../server/src/service/syntax/xmlLine';
import { corpusFiles, corpusText } from '../support/corpus';
import { analyzed, occurrenceFields, positionOf, scanOneLine } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });
const SOFIA_TEST = 'freeswitch__src_mod_endpoints_mod_sofia_test_conf_freeswitch.xml';

function doc(text: string): AnalyzedDocument {
  return analyzed(text, 'xml');
}

/** A dialplan fragment, wrapped so that it is recognised as FreeSWITCH XML. */
function dialplan(...lines: string[]): string {
  return ['<include>', ...lines, '</include>'].join('\n');
}

function found(text: string) {
  return doc(text).occurrences.map(occurrenceFields);
}

function hoverAt(text: string, needle: string, offset = 0): string | undefined {
  return computeHover(doc(text), positionOf(text, needle, offset), en)?.markdown;
}

/**
 * Every file of ../shared/corpus/freeswitch, hand-checked. The manifest's auto-count looks for the
 * respond application only (respond=7 in the mod_sofia test configuration); the sip_reason values
 * of the same file (SIP;cause=603 four times, Q.850;cause=21 twice) are found too. The sip profile
 * is FreeSWITCH configuration without a dialplan: no dialect is given to it, and it has no code.
 */
const EXPECTED: Record<string, string> = {
  'freeswitch__2009__conf_dialplan_default.xml': '',
  'freeswitch__2009__conf_dialplan_public.xml': '56:status:407',
  'freeswitch__conf_sbc_dialplan_default.xml': '',
  'freeswitch__conf_testing_dialplan_default_0019_conf.xml': '',
  'freeswitch__conf_vanilla_dialplan_default.xml': '',
  'freeswitch__conf_vanilla_dialplan_features.xml': '',
  'freeswitch__conf_vanilla_dialplan_public.xml': '63:status:407',
  'freeswitch__conf_vanilla_sip_profiles_internal.xml': '',
  'freeswitch__src_mod_applications_mod_easyroute_conf_dialplan_easyroute.xml': '15:status:503',
  'freeswitch__src_mod_applications_mod_limit_conf_dialplan_limit.xml': '',
  [SOFIA_TEST]: '146:status:603 147:status:603 152:q850:21 153:status:603 158:status:603 159:status:603 164:q850:21 ' +
    '165:status:603 171:status:603 176:status:603 177:status:486 182:status:603 185:status:603',
};

test('every file of the freeswitch corpus scans without error and finds exactly the hand-checked codes', () => {
  const files = corpusFiles('freeswitch');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const file of files) {
    const text = corpusText('freeswitch', file.name);
    const document = doc(text);
    const seen = document.occurrences.map((o) => `${o.line + 1}:${o.kind}:${o.digits}`).join(' ');
    assert.equal(seen, EXPECTED[file.name], file.name);
    for (const occurrence of document.occurrences) {
      assert.ok(computeHover(document, { line: occurrence.line, character: occurrence.span.start }, en), file.name);
    }
    // Every line scanned directly (even in the file that gets no dialect) holds no more than the table says.
    const direct = text.split(/\r?\n/).reduce((n, line) => n + scanOneLine(freeswitchDialect, line).length, 0);
    assert.equal(direct, EXPECTED[file.name] === '' ? 0 : EXPECTED[file.name].split(' ').length, file.name);
    total += document.occurrences.length;
  }
  assert.equal(total, 16);
  assert.deepEqual(dialectsFor('xml', corpusText('freeswitch', 'freeswitch__conf_vanilla_sip_profiles_internal.xml')), []);
});

test('respond: code and phrase with exact spans; custom phrases are legal (a hint, never a warning)', () => {
  const text = corpusText('freeswitch', SOFIA_TEST);
  const document = doc(text);
  const lines = text.split(/\r?\n/);
  const busy = document.occurrences.find((o) => o.line === 176)!;
  assert.equal(lines[176].trim(), '<action application="respond" data="486 Busy Here"/>');
  assert.deepEqual([busy.kind, busy.context, busy.digits, busy.span, busy.phrase?.text, busy.phrase?.span, busy.dialect],
    ['status', 'dialplan-app', '486', { start: 46, end: 49 }, 'Busy Here', { start: 50, end: 59 }, 'freeswitch']);
  assert.match(computeHover(document, { line: 176, character: 47 }, en)!.markdown, /^\*\*486 Busy Here\*\*/);
  const network = document.occurrences.find((o) => o.line === 146)!;
  assert.deepEqual([network.digits, network.phrase?.text], ['603', 'Network Blocked']);
  const diagnostics = computeDiagnostics(document.occurrences, en);
  assert.deepEqual([...new Set(diagnostics.map((d) => `${d.rule}:${d.severity}`))], ['custom-phrase:hint']);
  assert.deepEqual(diagnostics.map((d) => d.line + 1), [147, 153, 165, 171, 185], 'each "603 Network Blocked", not "603 Decline"');
});

test('sip_reason values are Reason header causes: SIP;cause=603 a code, Q.850;cause=21 a cause', () => {
  const text = corpusText('freeswitch', SOFIA_TEST);
  const document = doc(text);
  const lines = text.split(/\r?\n/);
  const reasons = document.occurrences.filter((o) => o.context === 'reason-header');
  assert.deepEqual(reasons.map((o) => [o.line + 1, o.kind, lines[o.line].slice(o.span.start - 6, o.span.end)]), [
    [146, 'status', 'cause=603'], [152, 'q850', 'cause=21'], [158, 'status', 'cause=603'],
    [164, 'q850', 'cause=21'], [176, 'status', 'cause=603'], [182, 'status', 'cause=603'],
  ]);
  assert.match(computeHover(document, { line: 151, character: reasons[1].span.start }, en)!.markdown, /^\*\*Q\.850 cause 21\*\*/);
});

test('a bare respond code gets the phrase as an inlay hint (vanilla public.xml: 407 asks for authentication)', () => {
  const text = corpusText('freeswitch', 'freeswitch__conf_vanilla_dialplan_public.xml');
  const document = doc(text);
  const lines = text.split(/\r?\n/);
  assert.equal(lines[62].trim(), '<anti-action application="respond" data="407"/>');
  assert.deepEqual(computeInlayHints(document, 0, lines.length).map((h) => [h.line, h.character, h.label]),
    [[62, 45, 'Proxy Authentication Required']]);
});

test('real lines that are not codes: commented-out actions, continue_on_fail=true, destination numbers, params', () => {
  const traps: [string, string][] = [
    ['freeswitch__conf_vanilla_dialplan_default.xml', '\t<!--<action application="set" data="continue_on_fail=NORMAL_TEMPORARY_FAILURE,USER_BUSY,NO_ANSWER,TIMEOUT,NO_ROUTE_DESTINATION"/> -->'],
    ['freeswitch__conf_vanilla_dialplan_default.xml', '\t<action application="set" data="continue_on_fail=true"/>'],
    ['freeswitch__conf_vanilla_dialplan_default.xml', '      <condition field="destination_number" expression="^5000$">'],
    ['freeswitch__conf_vanilla_dialplan_default.xml', '\t<action application="hangup"/>'],
    ['freeswitch__conf_sbc_dialplan_default.xml', '      <condition field="${strftime(%H%M)}" expression="^((09|1[0-7])[0-5][0-9]|1800)$">'],
    [SOFIA_TEST, '            <param name="rfc2833-pt" value="101"/>'],
    [SOFIA_TEST, '            <param name="rtp-timeout-sec" value="300"/>'],
    [SOFIA_TEST, '            <param name="session-timeout" value="600"/>'],
    [SOFIA_TEST, '          <action application="set" data="sip_603plus_passthrough=true"/>'],
    ['freeswitch__conf_vanilla_sip_profiles_internal.xml', '    <!-- uncomment if you don\'t wish to try a next SRV destination on 503 response -->'],
    ['freeswitch__conf_vanilla_sip_profiles_internal.xml', '    <!--<param name="sip-options-respond-503-on-busy" value="true"/>-->'],
  ];
  for (const [file, line] of traps) {
    const lines = corpusText('freeswitch', file).split(/\r?\n/);
    assert.notEqual(lines.indexOf(line), -1, `${file} has the line ${line}`);
    assert.deepEqual(scanOneLine(freeswitchDialect, line), [], line);
  }
});

test('hangup data: Q.850 causes and FreeSWITCH-internal causes, by number or by name, never status codes', () => {
  const text = dialplan(
    '<action application="hangup" data="17"/>',
    '<action application="hangup" data="USER_BUSY"/>',
    '<action application="hangup" data="normal_clearing"/>',
    '<action application="hangup" data="487"/>',
    '<action application="hangup" data="DECLINE"/>',
    '<action application="hangup" data="$1"/>',
    '<action application="hangup" data="NO_SUCH_CAUSE"/>',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits, o.value]), [
    [1, 'q850', 'dialplan-app', '17', 17],
    [2, 'q850', 'dialplan-app', 'USER_BUSY', 17],
    [3, 'q850', 'dialplan-app', 'normal_clearing', 16],
    [4, 'freeswitch-cause', 'dialplan-app', '487', 487],
    [5, 'freeswitch-cause', 'dialplan-app', 'DECLINE', 816],
  ]);
  assert.match(hoverAt(text, 'data="17"', 7)!, /^\*\*Q\.850 cause 17\*\*[^]*FreeSWITCH: 486 Busy Here/);
  const cancel = hoverAt(text, 'data="487"', 7)!;
  assert.match(cancel, /^\*\*FreeSWITCH cause 487\*\* · ORIGINATOR_CANCEL/);
  assert.match(cancel, /neither Q\.850 nor a SIP status code/);
  assert.match(hoverAt(text, 'DECLINE', 2)!, /^\*\*FreeSWITCH cause 816\*\* · DECLINE/);
  assert.deepEqual(computeDiagnostics(doc(text).occurrences, en), []);
});

test('continue_on_fail / failure_causes lists are compared with FreeSWITCH cause numbers and names', () => {
  const text = dialplan(
    '<action application="set" data="continue_on_fail=USER_BUSY,NORMAL_TEMPORARY_FAILURE,603,487"/>',
    '<action application="export" data="nolocal:failure_causes=NO_ANSWER,17"/>',
    '<action application="set" data="continue_on_fail=603"/>',
    '<action application="set" data="continue_on_fail=false"/>',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits, o.value]), [
    [1, 'q850', 'channel-variable', 'USER_BUSY', 17],
    [1, 'q850', 'channel-variable', 'NORMAL_TEMPORARY_FAILURE', 41],
    [1, 'freeswitch-cause', 'channel-variable', '603', 603],
    [1, 'freeswitch-cause', 'channel-variable', '487', 487],
    [2, 'q850', 'channel-variable', 'NO_ANSWER', 19],
    [2, 'q850', 'channel-variable', '17', 17],
  ]);
  // 603 in the list is a cause number: whatever the hover says, it does not explain SIP 603 Decline.
  const md = hoverAt(text, '603,', 1)!;
  assert.match(md, /not with SIP status codes\. 603 is none of them, so it never matches/);
  assert.doesNotMatch(md, /603 Decline\*\*/);
  // No status-code diagnostics on causes.
  assert.deepEqual(computeDiagnostics(doc(text).occurrences, en), []);
});

test('channel variables that carry a SIP code: sip_term_status, sip_invite_failure_status, proto_specific_hangup_cause', () => {
  const text = dialplan(
    '<action application="log" data="INFO ${cond(${sip_term_status} == 486 ? busy : other)}"/>',
    '<action application="set" data="x=${proto_specific_hangup_cause}"/> proto_specific_hangup_cause=sip:480',
    '<action application="log" data="last_bridge_proto_specific_hangup_cause=sip:603 sip_invite_failure_status=\'487\'"/>',
    '<action application="log" data="sip_term_status_x=486 sip_term_status=${x}"/>',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits]), [
    [1, 'status', 'channel-variable', '486'],
    [2, 'status', 'channel-variable', '480'],
    [3, 'status', 'channel-variable', '487'],
    [3, 'status', 'channel-variable', '603'],
  ]);
  assert.match(hoverAt(text, '== 486', 4)!, /^\*\*486 Busy Here\*\*/);
});

test('<condition field="${sip_term_status}" expression=...>: the pattern and its literal codes', () => {
  const text = dialplan(
    '<condition field="${sip_term_status}" expression="^(486|6[0-9][0-9])$">',
    '<condition field="${sip_invite_failure_status}" expression="^7[0-9]{2}$">',
    '<condition field="destination_number" expression="^(486)$">',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits]), [
    [1, 'status', 'status-regex', '486'],
    [1, 'status-pattern', 'status-regex', '^(486|6[0-9][0-9])$'],
    [2, 'status-pattern', 'status-regex', '^7[0-9]{2}$'],
  ]);
  assert.match(hoverAt(text, '|6[0-9]', 2)!, /Status-code pattern/);
  assert.match(hoverAt(text, '(486|', 2)!, /^\*\*486 Busy Here\*\*/);
  assert.deepEqual(computeDiagnostics(doc(text).occurrences, en).map((d) => [d.rule, d.line]), [['status-regex', 2]]);
  // Only whole branches are codes: not [123]00, 5{100}, \123, nor the 404 glued after a group.
  const glued = '<condition field="${sip_term_status}" expression="^(486|[123]00|5{100}|\\123)404$|^(480)$"/>';
  assert.deepEqual(scanOneLine(freeswitchDialect, glued).filter((o) => o.kind === 'status').map((o) => [o.digits, o.span.start]), [['486', 52], ['480', 83]]);
});

test('XML comments on the line hide what they hold, and only what they hold', () => {
  const line = '<action application="hangup" data="17"/> <!-- <action application="respond" data="404"/> -->';
  assert.deepEqual(scanOneLine(freeswitchDialect, line).map((o) => o.digits), ['17']);
  assert.deepEqual(scanOneLine(freeswitchDialect, '  old <action application="respond" data="404"/> -->  <action application="respond" data="480"/>')
    .map((o) => o.digits), ['480']);
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action application="respond" data="486"/> <!-- sip_term_status=404'), [
    scanOneLine(freeswitchDialect, '<action application="respond" data="486"/>')[0],
  ]);
  assert.deepEqual(xmlCommentRanges('a<!--b-->c<!--d'), [{ start: 1, end: 9 }, { start: 10, end: 15 }]);
});

test('the tag reader: quotes may hold < and >, attributes in any order, single quotes', () => {
  const tags = xmlTagsOnLine('<action data=\'503 a>b<c\' application = "respond"/><other x="1"><anti-action application="respond" data="486">', ['action', 'anti-action']);
  assert.deepEqual(tags.map((t) => [t.name, t.attributes.map((a) => `${a.name}=${a.value}`)]), [
    ['action', ['data=503 a>b<c', 'application=respond']],
    ['anti-action', ['application=respond', 'data=486']],
  ]);
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action data=\'503 Out of channels\' application="respond"/>').map((o) => [o.digits, o.phrase?.text]), [
    ['503', 'Out of channels'],
  ]);
});

test('respond with a run-time phrase, or no code, or a variable', () => {
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action application="respond" data="500 ${reason}"/>').map((o) => [o.digits, o.phrase]), [['500', undefined]]);
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action application="respond" data="${code}"/>'), []);
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action application="respond" data="48x"/>'), []);
  assert.deepEqual(scanOneLine(freeswitchDialect, '<action application="respond" data="99 Odd"/>').map((o) => o.digits), ['99']);
});

test('completion inside respond data=" inserts the code and its phrase', () => {
  const text = dialplan('<action application="respond" data="48"/>', '<action application="hangup" data=""/>');
  const items = computeCompletion(doc(text), { line: 1, character: 38 })!;
  const busy = items.find((item) => item.label === '486 Busy Here')!;
  assert.equal(busy.newText, '486 Busy Here');
  assert.deepEqual(busy.span, { start: 36, end: 38 });
  assert.equal(computeCompletion(doc(text), { line: 2, character: 35 }), undefined, 'not in hangup data');
  const phrased = dialplan('<action application="respond" data="4 Busy"/>');
  assert.deepEqual(computeCompletion(doc(phrased), { line: 1, character: 37 })![0].span, { start: 36, end: 42 });
  assert.equal(computeCompletion(doc(phrased), { line: 1, character: 39 }), undefined, 'not inside the phrase');
});

test('which XML is FreeSWITCH: dialplans and freeswitch.xml yes, other XML no', () => {
  assert.ok(looksLikeFreeswitchXml('<include>\n  <context name="default">'));
  assert.ok(looksLikeFreeswitchXml('<extension name="conf">'));
  assert.ok(looksLikeFreeswitchXml('<?xml version="1.0"?>\n<document type="freeswitch/xml">'));
  assert.ok(looksLikeFreeswitchXml('  <anti-action application="respond" data="407"/>'));
  assert.ok(!looksLikeFreeswitchXml('<project><modelVersion>4.0.0</modelVersion><include layout="@layout/x"/></project>'));
  assert.deepEqual(dialectsFor('xml', '<svg><rect width="486" height="603"/></svg>'), []);
  assert.deepEqual(dialectsFor('xml', '<include>\n</include>').map((d) => d.id), ['freeswitch']);
  assert.equal(freeswitchCauseByName('originator_cancel'), 487);
  assert.equal(freeswitchCauseByName('NONE'), undefined);
});

test('the trigger is in every line with an occurrence', () => {
  const trigger = new RegExp(freeswitchDialect.trigger.source, 'im');
  for (const line of [
    '<action application="respond" data="486"/>', 'sip_term_status=486', 'x proto_specific_hangup_cause=sip:486',
    '<condition field="${sip_term_status}" expression="486">', 'sip_invite_failure_status==487',
  ]) {
    assert.ok(scanOneLine(freeswitchDialect, line).length > 0, line);
    assert.ok(trigger.test(line), line);
  }
});

test('long pathological lines are scanned in linear time', () => {
  const size = 2_000_000;
  for (const unit of ['<', '<a b="', '<action b=c ', '<!--', '<!-- --><action application="respond" data="486 x"/>',
    'sip_term_status=', 'proto_specific_hangup_cause=sip:', '<condition field="${sip_term_status}" expression="1234[{',
    '<action application="set" data="continue_on_fail=USER_BUSY,', '&quot;']) {
    const line = unit.repeat(Math.ceil(size / unit.length));
    const started = Date.now();
    scanOneLine(freeswitchDialect, line);
    assert.ok(Date.now() - started < 5000, unit);
  }
});

test('a SIP-looking number in continue_on_fail is explained as a FreeSWITCH cause that never matches', () => {
  const md = explainCause('freeswitch-cause', 603, 'en');
  assert.match(md, /never matches/);
  assert.match(md, /603 Decline response reaches FreeSWITCH as cause 21/);
  assert.match(explainCause('freeswitch-cause', 17, 'en'), /Q\.850 cause 17/);
  assert.match(explainCause('freeswitch-cause', 487, 'en'), /ORIGINATOR_CANCEL/);
});
