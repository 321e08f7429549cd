import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeCompletion, computeDiagnostics, computeHover, computeInlayHints, resolveSettings, type AnalyzedDocument,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { looksLikeSippScenario, sippDialect } from '../../server/src/service/dialects/sipp';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { corpusFiles, corpusText, readTsv } from '../support/corpus';
import { analyzed, scanOneLine } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });

function doc(text: string): AnalyzedDocument {
  return analyzed(text, 'xml');
}

function scenario(...lines: string[]): string {
  return ['<?xml version="1.0" encoding="ISO-8859-1" ?>', '<scenario name="test">', ...lines, '</scenario>'].join('\n');
}

function found(text: string) {
  return doc(text).occurrences.map((o) => ({
    kind: o.kind, context: o.context, digits: o.digits, line: o.line, start: o.span.start, end: o.span.end,
    ...(o.phrase ? { phrase: o.phrase.text } : {}),
  }));
}

/**
 * Every file of ../shared/corpus/sipp, hand-checked: <recv response> codes (sipp-recv) and the
 * status lines of <send> CDATA (status-line). They agree with the manifest's auto-count for every
 * file; in uac_digest_leak.xml the "SIP/2.0 401 Unauthorized." quoted in the closing line of an
 * XML comment is not counted there and not found here.
 */
const EXPECTED: Record<string, string> = {
  'freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uac_digest_leak.xml': 'r100 r183 r180 r200 s407',
  'freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uas_407.xml': 's407 s180 s200',
  'freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uas_register_403.xml': 's401 s403',
  'sipp__docs_3pcc-C-A.xml': 'r100 r180 r183 r200 r200',
  'sipp__docs_branchc.xml': 'r200 r200 r100 r180 r183 r403 r200 r200',
  'sipp__docs_branchs.xml': 's200 s180 s403 s100 s200 s200',
  'sipp__docs_ooc_default.xml': 's200',
  'sipp__docs_regexp.xml': 'r100 r180 r183 r200 r200',
  'sipp__docs_uac.xml': 'r100 r180 r183 r200 r200',
  'sipp__docs_uas.xml': 's180 s200 s200',
  'sipp__regress_github-_0337_reply488.xml': 's488',
  'sipp__regress_github-_0862_uac.xml': 'r100 r180 r183 r200 s200',
  'sipp__regress_github-_0862_uas.xml': 's180 s200 r200',
  'sipp__sipp_scenarios_pfca_uac_apattern_crypto_simple_renegotiation.xml': 'r100 r180 r200 r200 r100 r200 r200',
  'sipp__sipp_scenarios_uc360_register_challenge.xml': 'r401 r200',
};

function tally(codes: readonly Occurrence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of codes) counts.set(o.digits, (counts.get(o.digits) ?? 0) + 1);
  return counts;
}

test('every file of the sipp corpus scans without error and finds exactly the hand-checked codes', () => {
  const files = corpusFiles('sipp');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const file of files) {
    const document = doc(corpusText('sipp', file.name));
    assert.deepEqual(document.dialects.map((d) => d.id), ['sipp'], file.name);
    const seen = document.occurrences.map((o) => `${o.context === 'sipp-recv' ? 'r' : 's'}${o.digits}`).join(' ');
    assert.equal(seen, EXPECTED[file.name], file.name);
    for (const o of document.occurrences) {
      assert.equal(o.kind, 'status');
      assert.ok(computeHover(document, { line: o.line, character: o.span.start }, en), file.name);
    }
    total += document.occurrences.length;
  }
  assert.equal(total, 61);
});

test('the counts agree with the manifest auto-count of every sipp file', () => {
  const rows = readTsv('corpus/MANIFEST.tsv').filter((row) => row.category === 'sipp');
  assert.equal(rows.length, corpusFiles('sipp').length);
  for (const row of rows) {
    const name = row.saved_path.replace(/^sipp\//, '');
    const document = doc(corpusText('sipp', name));
    const note = row.note;
    const recv = Number(/recv response==(\d+)/.exec(note)?.[1] ?? 0);
    const statusLines = Number(/status-lines=(\d+)/.exec(note)?.[1] ?? 0);
    assert.equal(document.occurrences.filter((o) => o.context === 'sipp-recv').length, recv, name);
    assert.equal(document.occurrences.filter((o) => o.context === 'status-line').length, statusLines, name);
    const codes = [...(/codes (.*)$/.exec(note)?.[1] ?? '').matchAll(/(\d{3})x(\d+)/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual([...tally(document.occurrences)].sort(), codes.sort(), name);
  }
});

test('<recv response="100"> in uac.xml: a code without a phrase, its phrase as an inlay hint', () => {
  const text = corpusText('sipp', 'sipp__docs_uac.xml');
  const document = doc(text);
  const lines = text.split(/\r?\n/);
  assert.equal(lines[50], '  <recv response="100"');
  const trying = document.occurrences.find((o) => o.line === 50)!;
  assert.deepEqual([trying.kind, trying.context, trying.span, trying.phrase, trying.dialect],
    ['status', 'sipp-recv', { start: 18, end: 21 }, undefined, 'sipp']);
  assert.match(computeHover(document, { line: 50, character: 19 }, en)!.markdown, /^\*\*100 Trying\*\*/);
  assert.deepEqual(computeInlayHints(document, 50, 58).map((h) => [h.line, h.character, h.label]), [
    [50, 21, 'Trying'], [54, 21, 'Ringing'], [57, 21, 'Session Progress'],
  ]);
  assert.deepEqual(computeDiagnostics(document.occurrences, en), []);
});

test('status lines of <send> CDATA in branchs.xml: "403 Error" is a custom phrase, shown as a hint', () => {
  const text = corpusText('sipp', 'sipp__docs_branchs.xml');
  const document = doc(text);
  const error = document.occurrences.find((o) => o.digits === '403')!;
  assert.deepEqual([error.line + 1, error.context, error.span, error.phrase?.text], [72, 'status-line', { start: 14, end: 17 }, 'Error']);
  assert.match(computeHover(document, { line: error.line, character: 15 }, en)!.markdown, /^\*\*403 Forbidden\*\*/);
  assert.deepEqual(computeDiagnostics(document.occurrences, en).map((d) => [d.rule, d.severity, d.line + 1]), [['custom-phrase', 'hint', 72]]);
});

test('uas_407.xml: "407 Authorization Required" is found with its phrase; the request lines are not codes', () => {
  const text = corpusText('sipp', 'freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uas_407.xml');
  const occurrences = doc(text).occurrences;
  assert.deepEqual(occurrences.map((o) => [o.line + 1, o.digits, o.phrase?.text]), [
    [9, '407', 'Authorization Required'], [29, '180', 'Ringing'], [44, '200', 'OK'],
  ]);
});

test('real lines that are not codes: retrans, timeout, [len], CSeq, media ports, request names, repartition tables', () => {
  const traps: [string, string][] = [
    ['sipp__docs_uac.xml', '  <send retrans="500">'],
    ['sipp__docs_uac.xml', '      CSeq: 1 INVITE'],
    ['sipp__docs_uac.xml', '      Content-Length: [len]'],
    ['sipp__docs_uac.xml', '  <ResponseTimeRepartition value="10, 20, 30, 40, 50, 100, 150, 200"/>'],
    ['sipp__docs_uac.xml', '  <CallLengthRepartition value="10, 50, 100, 500, 1000, 5000, 10000"/>'],
    ['sipp__docs_uas.xml', '  <recv request="INVITE" crlf="true">'],
    ['freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uas_407.xml', ' <recv request="ACK" timeout="1000">'],
    ['freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uac_digest_leak.xml', '      Max-Forwards: 70'],
    ['freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uac_digest_leak.xml', '  <!-- by adding the \'lost = "10"\'. Value can be [1-100] percent.       -->'],
    ['freeswitch__src_mod_endpoints_mod_sofia_test_sipp-scenarios_uac_digest_leak.xml', '       You could also try with SIP/2.0 401 Unauthorized. -->'],
  ];
  for (const [file, line] of traps) {
    const text = corpusText('sipp', file);
    const index = text.split(/\r?\n/).indexOf(line);
    assert.notEqual(index, -1, `${file} has the line ${line}`);
    const document = doc(text);
    assert.deepEqual(document.occurrencesOnLine(index), [], line);
    const digits = /[0-9]{2,}/.exec(line);
    if (digits) assert.equal(computeHover(document, { line: index, character: digits.index + 1 }, en), undefined, line);
  }
});

test('the Digest response="..." of an Authorization header is never a code, even when it is all digits', () => {
  const text = scenario(
    '  <send><![CDATA[',
    '      REGISTER sip:example.com SIP/2.0',
    '      Authorization: Digest username="u", realm="r", nonce="n", uri="sip:example.com", response="486"',
    '      Proxy-Authorization: Digest username="u",',
    '        response="603", algorithm=MD5',
    '  ]]></send>',
    '  <recv response="401" auth="true"/>',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.digits, o.context]), [[8, '401', 'sipp-recv']]);
});

test('<recv> variants: single quotes, the attribute on its own line, response_txn, commented-out recv', () => {
  const text = scenario(
    "  <recv response='183' optional='true' response_txn=\"invite\"/>",
    '  <recv',
    '        response="180" optional="true">',
    '  <!-- <recv response="999"/> -->',
    '  <recv response="abc"/>',
    '  <recv response="4860"/>',
  );
  assert.deepEqual(found(text).map((o) => [o.line, o.digits, o.start]), [[2, '183', 18], [4, '180', 18], [7, '4860', 18]]);
  assert.deepEqual(computeDiagnostics(doc(text).occurrences, en).map((d) => [d.rule, d.line]), [['impossible-code', 7]]);
});

test('completion: in <recv response=" the code alone; after SIP/2.0 in CDATA the code and its phrase', () => {
  const text = scenario('  <recv response="4" optional="true"/>', '  <send><![CDATA[', '      SIP/2.0 ', '  ]]></send>', '  <recv', '     response="">');
  const recv = computeCompletion(doc(text), { line: 2, character: 19 })!;
  const busy = recv.find((item) => item.label === '486 Busy Here')!;
  assert.equal(busy.newText, '486');
  assert.deepEqual(busy.span, { start: 18, end: 19 });
  const statusLine = computeCompletion(doc(text), { line: 4, character: 14 })!;
  assert.equal(statusLine.find((item) => item.label === '486 Busy Here')!.newText, '486 Busy Here');
  const below = computeCompletion(doc(text), { line: 7, character: 15 })!;
  assert.deepEqual(below.find((item) => item.label === '180 Ringing')!.span, { start: 15, end: 15 });
  assert.equal(computeCompletion(doc(text), { line: 2, character: 32 }), undefined, 'not in optional=');
  assert.equal(computeCompletion(doc(scenario('  <recv request="INV"/>')), { line: 2, character: 20 }), undefined);
});

test('which XML is a SIPp scenario', () => {
  assert.ok(looksLikeSippScenario('<?xml version="1.0"?>\n<!DOCTYPE scenario SYSTEM "sipp.dtd">\n<scenario name="Basic UAS">'));
  assert.ok(!looksLikeSippScenario('<scenarios-list/>'));
  assert.deepEqual(dialectsFor('xml', '<scenario name="x">').map((d) => d.id), ['sipp']);
});

test('the trigger is in every line with an occurrence', () => {
  const trigger = new RegExp(sippDialect.trigger.source, 'im');
  for (const line of ['<recv response="200">', '   response="180"', 'SIP/2.0 200 OK', 'Reason: SIP;cause=486']) {
    assert.ok(scanOneLine(sippDialect, line).length > 0, line);
    assert.ok(trigger.test(line), line);
  }
});

test('long pathological lines are scanned in linear time', () => {
  const size = 2_000_000;
  for (const unit of ['<recv response="', '<recv ', '<!--', 'SIP/2.0 200 OK -->', '<', 'response="1" ']) {
    const line = unit.repeat(Math.ceil(size / unit.length));
    const started = Date.now();
    scanOneLine(sippDialect, line);
    assert.ok(Date.now() - started < 5000, unit);
  }
});

test('<ereg regexp="SIP/2.0 100"> over a status line (a message or a sipfrag body): the code it looks for', () => {
  const text = [
    '<scenario name="x">',
    '  <recv request="NOTIFY">',
    '    <action>',
    '      <ereg regexp="SIP/2.0 100" search_in="body" check_it="true" assign_to="1"/>',
    '      <ereg regexp="^SIP/2\\.0 18[0-9]|SIP/2\\.0 200" search_in="msg" assign_to="2"/>',
    '      <ereg regexp="[0-9]{1,3}[.][0-9]{1,3}:[0-9]{1,5}" search_in="msg" assign_to="3"/>',
    '      <!-- <ereg regexp="SIP/2.0 486" search_in="body" assign_to="4"/> -->',
    '    </action>',
    '  </recv>',
    '</scenario>',
  ].join('\n');
  const document = doc(text);
  assert.deepEqual(document.occurrences.map((o) => `${o.line}:${o.span.start}:${o.digits}:${o.context}`), ['3:28:100:status-regex', '4:47:200:status-regex']);
  const hover = computeHover(document, { line: 3, character: 29 }, en)!.markdown;
  assert.match(hover, /^\*\*100 Trying\*\*[\s\S]*SIPp matches this regular expression/);
});
