import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeCompletion, computeDiagnostics, computeHover, computeInlayHints, resolveSettings, type AnalyzedDocument,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { asteriskDialect, codeRange } from '../../server/src/service/dialects/asterisk';
import { asteriskCauseByName, pjsipStatusByName } from '../../server/src/service/registry';
import { corpusFiles, corpusText } from '../support/corpus';
import { analyzed, diagnosticRules, occurrenceFields, positionOf, scanOneLine } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });

function doc(text: string): AnalyzedDocument {
  return analyzed(text, 'asterisk');
}

function found(text: string) {
  return doc(text).occurrences.map(occurrenceFields);
}

function hoverAt(text: string, needle: string, offset = 0): string | undefined {
  return computeHover(doc(text), positionOf(text, needle, offset), en)?.markdown;
}

function rules(text: string): string[] {
  return diagnosticRules(doc(text), en);
}

/**
 * Every file of ../shared/corpus/asterisk, hand-checked: the sample configurations hold no status
 * code outside comments (the manifest's auto-count says 0 for each of them; the 403/183/401/407
 * they talk about are all in ';' comments), and the PJSIPHangup page has three real calls (its
 * "PJSIPHangup(Cause)" syntax line and "PJSIPHangup()" title are not calls with a code).
 */
const EXPECTED: Record<string, string> = {
  'asterisk__1.4__configs_extensions.conf.sample': '',
  'asterisk__1.4__configs_sip.conf.sample': '',
  'asterisk__configs_samples_extensions.conf.sample': '',
  'asterisk__configs_samples_pjsip.conf.sample': '',
  'asterisk__configs_samples_pjsip_wizard.conf.sample': '',
  'asterisk__configs_samples_sip.conf.sample@pre-chan_sip-removal': '',
  'asterisk__configs_samples_stir_shaken.conf.sample': '',
  'documentation__docs_Asterisk_18_Documentation_API_Documentation_Dialplan_Applications_PJSIPHangup.md':
    '36:status:437 42:status:437 48:status:437',
  'documentation__docs_Configuration_Miscellaneous_Hangup-Cause-Mappings.md': '',
};

test('every file of the asterisk corpus scans without error and finds exactly the hand-checked codes', () => {
  const files = corpusFiles('asterisk');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const file of files) {
    const document = doc(corpusText('asterisk', file.name));
    const seen = document.occurrences.map((o) => `${o.line + 1}:${o.kind}:${o.digits}`).join(' ');
    assert.equal(seen, EXPECTED[file.name], file.name);
    for (const occurrence of document.occurrences) {
      assert.ok(computeHover(document, { line: occurrence.line, character: occurrence.span.start }, en), file.name);
    }
    total += document.occurrences.length;
  }
  assert.equal(total, 3);
});

test('the PJSIPHangup page: numeric and named codes, restricted to 400-699, with the right spans', () => {
  const text = corpusText('asterisk', 'documentation__docs_Asterisk_18_Documentation_API_Documentation_Dialplan_Applications_PJSIPHangup.md');
  const document = doc(text);
  const lines = text.split(/\r?\n/);
  assert.deepEqual(document.occurrences.map((o) => [o.line + 1, lines[o.line].slice(o.span.start, o.span.end), o.digits, o.context]), [
    [36, '437', '437', 'dialplan-app'],
    [42, 'UNSUPPORTED_CERTIFICATE', '437', 'dialplan-app'],
    [48, '437', '437', 'dialplan-app'],
  ]);
  for (const o of document.occurrences) assert.deepEqual([o.allowed?.min, o.allowed?.max, o.dialect], [400, 699, 'asterisk']);
  // Hover on the number and on the name: the status code 437, by its registry title.
  assert.match(computeHover(document, positionOf(text, 'PJSIPHangup(437)', 13), en)!.markdown, /^\*\*437 /);
  assert.match(computeHover(document, positionOf(text, 'UNSUPPORTED_CERTIFICATE)', 5), en)!.markdown, /^\*\*437 /);
  // The syntax line and the title are not calls with a code.
  assert.equal(computeHover(document, positionOf(text, 'PJSIPHangup(Cause)', 13), en), undefined);
  assert.deepEqual(computeDiagnostics(document.occurrences, en).filter((d) => d.severity === 'error'), []);
});

test('real sample lines that are not codes: extension numbers, timeouts, ports, commented-out mentions', () => {
  const traps: [string, string][] = [
    ['asterisk__1.4__configs_extensions.conf.sample', 'exten => 500,1,Playback(demo-abouttotry); Let them know what\'s going on'],
    ['asterisk__1.4__configs_extensions.conf.sample', 'exten => 600,n,Echo\t\t\t; Do the echo test'],
    ['asterisk__1.4__configs_extensions.conf.sample', 'exten => s,1,Dial(${ARG2},20)\t\t\t; Ring the interface, 20 seconds maximum'],
    ['asterisk__1.4__configs_sip.conf.sample', 'bindport=5060                   ; UDP Port to bind to (SIP standard port is 5060)'],
    ['asterisk__configs_samples_extensions.conf.sample', '\tsame => n(dial),Dial(PJSIP/${isnresult},40)'],
    ['asterisk__configs_samples_extensions.conf.sample', '\tsame => n,Wait(60)'],
    ['asterisk__configs_samples_extensions.conf.sample', 'exten => fn-BUSY,1,Busy()'],
    ['asterisk__configs_samples_extensions.conf.sample', '\tsame => n,Hangup()'],
    ['asterisk__configs_samples_extensions.conf.sample', '; exten => 777,n,Hangup()'],
    ['asterisk__configs_samples_pjsip.conf.sample', ';forbidden_retry_interval=0     ; Interval used when receiving a 403 Forbidden'],
    ['asterisk__configs_samples_pjsip.conf.sample', ';allow_sending_180_after_183=yes\t; Allow Asterisk to send 180 Ringing to an endpoint'],
    ['asterisk__configs_samples_sip.conf.sample@pre-chan_sip-removal', ';register_retry_403=yes         ; Treat 403 responses to registrations as if they were'],
    ['asterisk__configs_samples_sip.conf.sample@pre-chan_sip-removal', ';rtpholdtimeout=300             ; Terminate call if 300 seconds of no RTP or RTCP activity'],
    ['documentation__docs_Configuration_Miscellaneous_Hangup-Cause-Mappings.md', '| AST\\_CAUSE\\_USER\\_BUSY | 17. User busy | OR2\\_CAUSE\\_BUSY\\_NUMBER | 486, 600 | busy |'],
  ];
  for (const [file, line] of traps) {
    const text = corpusText('asterisk', file);
    const lines = text.split(/\r?\n/);
    const index = lines.indexOf(line);
    assert.notEqual(index, -1, `${file} has the line ${line}`);
    const document = doc(text);
    assert.deepEqual(document.occurrencesOnLine(index), [], line);
    const digits = /[0-9]{2,}/.exec(line);
    if (digits) assert.equal(computeHover(document, { line: index, character: digits.index + 1 }, en), undefined, line);
  }
});

test('PJSIPHangup(302) is a code Asterisk does not accept: code-not-allowed, an error', () => {
  const text = 'exten => 486,1,PJSIPHangup(302)\n same => n,PJSIPHangup(486)\n';
  assert.deepEqual(found(text).map((o) => [o.digits, o.line, o.start]), [['302', 0, 27], ['486', 1, 23]]);
  const diagnostics = computeDiagnostics(doc(text).occurrences, en);
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.line, d.span.start, d.span.end]), [['code-not-allowed', 'error', 0, 27, 30]]);
  assert.match(diagnostics[0].message, /400 to 699/);
  assert.match(diagnostics[0].message, /603 Decline/);
  // The extension number 486 of the same line is nothing.
  assert.equal(computeHover(doc(text), { line: 0, character: 10 }, en), undefined);
});

test('PJSIPHangup(99) and PJSIPHangup(7000) are impossible codes', () => {
  assert.deepEqual(rules('same => n,PJSIPHangup(99)\nsame => n,PJSIPHangup(7000)\n'), ['impossible-code@0:22', 'impossible-code@1:22']);
});

test('PJSIPHangup by name: short and PJSIP_SC_ names in any case stand for their code (ast_sip_str2rc)', () => {
  const text = [
    'same => n,PJSIPHangup(BUSY_HERE)',
    'same => n,PJSIPHangup(pjsip_sc_decline)',
    'same => n,PJSIPHangup(RINGING)',
    'same => n,PJSIPHangup(UNSUPPORTED_CERTIFICATE)',
    'same => n,PJSIPHangup(Cause)',
    'same => n,PJSIPHangup(${CODE})',
  ].join('\n');
  assert.deepEqual(found(text).map((o) => [o.line, o.digits, o.start, o.end, o.phrase]), [
    [0, '486', 22, 31, 'BUSY_HERE'],
    [1, '603', 22, 38, undefined],
    [2, '180', 22, 29, 'RINGING'],
    [3, '437', 22, 45, undefined],
  ]);
  // RINGING is 180: out of PJSIPHangup's range. The names are not reason phrases to correct.
  assert.deepEqual(rules(text), ['code-not-allowed@2:22']);
  assert.equal(pjsipStatusByName('Busy_Here'), 486);
  assert.equal(pjsipStatusByName('PJSIP_SC_REJECTED'), 608);
  assert.equal(pjsipStatusByName('TSX_TIMEOUT'), undefined, 'an alias, not in the table Asterisk generated');
  assert.equal(pjsipStatusByName('toString'), undefined);
  assert.match(hoverAt(text, 'BUSY_HERE', 3)!, /^\*\*486 Busy Here\*\*/);
});

test('inlay hints: after a bare PJSIPHangup code, and after a name that does not say the phrase', () => {
  const text = 'same => n,PJSIPHangup(486)\nsame => n,PJSIPHangup(BUSY_HERE)\nsame => n,Hangup(17)\n';
  assert.deepEqual(computeInlayHints(doc(text), 0, 2).map((h) => [h.line, h.character, h.label]), [[0, 25, 'Busy Here']]);
});

test('Hangup(N) is a Q.850 cause: hover explains the cause and the SIP code Asterisk sends, never a status code', () => {
  const text = 'exten => s,1,Hangup(17)\n same => n,Hangup(21)\n same => n,Hangup(USER_BUSY)\n';
  assert.deepEqual(found(text).map((o) => [o.kind, o.context, o.digits, o.value]), [
    ['q850', 'dialplan-app', '17', 17], ['q850', 'dialplan-app', '21', 21], ['q850', 'dialplan-app', 'USER_BUSY', 17],
  ]);
  const busy = hoverAt(text, 'Hangup(17)', 8)!;
  assert.match(busy, /^\*\*Q\.850 cause 17\*\*/);
  assert.match(busy, /not a SIP status code/);
  assert.match(busy, /Asterisk chan_pjsip: 486 Busy Here/);
  const rejected = hoverAt(text, 'Hangup(21)', 8)!;
  assert.match(rejected, /RFC 3398: 403 Forbidden · Asterisk chan_pjsip: 403 Forbidden/);
  assert.match(hoverAt(text, 'USER_BUSY', 2)!, /^\*\*Q\.850 cause 17\*\*/);
  assert.deepEqual(rules(text), [], 'causes get no status-code diagnostics');
});

test('Hangup(486) is still a cause (Asterisk reads a number), so the hover says it is not SIP 486', () => {
  const text = 'same => n,Hangup(486)\n';
  assert.deepEqual(found(text).map((o) => [o.kind, o.digits]), [['q850', '486']]);
  const md = hoverAt(text, '486', 1)!;
  assert.match(md, /not a SIP status code/);
  assert.doesNotMatch(md, /Busy Here/);
});

test('Hangup names: the causes[] names of main/channel.c, not the #define aliases', () => {
  assert.equal(asteriskCauseByName('normal_clearing'), 16);
  assert.equal(asteriskCauseByName('INTERWORKING'), 127);
  assert.equal(asteriskCauseByName('BUSY'), undefined, 'AST_CAUSE_BUSY is a C alias; Hangup(BUSY) is an invalid cause');
  assert.deepEqual(found('same => n,Hangup(BUSY)\n'), []);
});

test('not codes: Busy/Congestion/Wait seconds, Dial timeouts, extensions, priorities, SoftHangup and AGI ports', () => {
  const text = [
    'exten => 486,1,Answer()',
    'exten => 101,1,AGI(agi://127.0.0.1:4577/call_log)',
    ' same => n,Busy(20)',
    ' same => n,Congestion(10)',
    ' same => n,Wait(30)',
    ' same => n,Dial(PJSIP/100,30,Tt)',
    ' same => n,SoftHangup(PJSIP/100-00000001)',
    ' same => n,HangupCauseClear()',
    ' same => n,Set(CAUSE=${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},ast)})',
    '[globals]',
    'timer_t1=500',
    'timert1=500',
    'qualifygap=100',
    'tcpauthlimit = 100',
    'max_contacts=1',
    'forbidden_retry_interval=600',
    'defaultexpiry=120',
    'maxcallbitrate=384',
    'port=5060',
  ].join('\n');
  assert.deepEqual(found(text), []);
});

test('comments: ";" to the end of the line unless escaped, block comment ends, AEL "//" lines', () => {
  assert.deepEqual(found('; same => n,PJSIPHangup(302)\n'), []);
  assert.deepEqual(found(' same => n,Hangup(17) ; was PJSIPHangup(302)\n').map((o) => o.digits), ['17']);
  assert.deepEqual(found('old PJSIPHangup(302) --; same => n,PJSIPHangup(404)\n').map((o) => o.digits), ['404']);
  assert.deepEqual(found('  // PJSIPHangup(302);\n'), []);
  assert.deepEqual(found('  PJSIPHangup(480); // AEL\n').map((o) => o.digits), ['480']);
  assert.deepEqual(codeRange('a\\;b;c'), { start: 0, end: 4 });
});

test('ExecIf with two applications on one line, and the Lua form app.Hangup(5)', () => {
  const text = 'same => n,ExecIf($[${X} = 1]?PJSIPHangup(437):Hangup(21))\napp.Hangup(5)\n';
  assert.deepEqual(found(text).map((o) => [o.kind, o.digits, o.line]), [['status', '437', 0], ['q850', '21', 0], ['q850', '5', 1]]);
});

test('"SIP 486 Busy Here" strings of HANGUPCAUSE(chan,tech) and SIP_CAUSE are codes with their phrase; caller IDs are not', () => {
  const text = [
    ' same => n,GotoIf($["${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},tech)}" = "SIP 486 Busy Here"]?busy)',
    ' same => n,ExecIf($["${MASTER_CHANNEL(HASH(SIP_CAUSE,${CDR(dstchannel)}))}" = "SIP 603 Declined"]?Set(X=1))',
    ' same => n,GotoIf($[${HANGUPCAUSE(${CH},tech)} = SIP 404 Busy Here]?nf)',
    ' same => n,GotoIf($["${HANGUPCAUSE(${CH},tech):0:5}" = "SIP 4"]?fail)',
    ' same => n,Set(DESC=SIP trunk 100)',
    'callerid="SIP 101" <101>',
    'exten => 100,1,Set(CALLERID(name)=SIP 100 Reception)',
    ' same => n,Set(CAUSE=${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},tech)})',
    ' same => n,GotoIf($["${CAUSE}" = "SIP 480 Temporarily Unavailable"]?away)',
  ].join('\n');
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits, o.phrase]), [
    [0, 'status', 'channel-variable', '486', 'Busy Here'],
    [1, 'status', 'channel-variable', '603', 'Declined'],
    [2, 'status', 'channel-variable', '404', 'Busy Here'],
    [8, 'status', 'channel-variable', '480', 'Temporarily Unavailable'],
  ]);
  // chan_sip's "603 Declined" is its own wording (a hint at most); "404 Busy Here" is a phrase of another code.
  const diagnostics = computeDiagnostics(doc(text).occurrences, en);
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'phrase-mismatch').map((d) => d.line), [2]);
  assert.equal(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length, 0);
});

test('Reason headers set from the dialplan: SIP causes are codes, Q.850 causes are causes', () => {
  const text = ' same => n,Set(PJSIP_HEADER(add,Reason)=SIP\\;cause=480\\;text="Gone",Q.850\\;cause=18)\n' +
    ' same => n,SIPAddHeader(Reason: Q.850\\;cause=16)\n';
  assert.deepEqual(found(text).map((o) => [o.line, o.kind, o.context, o.digits]), [
    [0, 'status', 'reason-header', '480'], [0, 'q850', 'reason-header', '18'], [1, 'q850', 'reason-header', '16'],
  ]);
});

test('completion inside PJSIPHangup( offers 400-699 only and inserts the code alone', () => {
  const text = ' same => n,PJSIPHangup(48)\n';
  const items = computeCompletion(doc(text), { line: 0, character: 25 })!;
  assert.ok(items.length > 0);
  assert.ok(items.every((item) => Number(item.newText) >= 400 && Number(item.newText) <= 699));
  const busy = items.find((item) => item.label === '486 Busy Here')!;
  assert.equal(busy.newText, '486');
  assert.deepEqual(busy.span, { start: 23, end: 25 });
  assert.ok(!items.some((item) => item.label.startsWith('180 ')));
  // Empty parentheses, and a name being typed.
  assert.ok(computeCompletion(doc('same => n,PJSIPHangup()'), { line: 0, character: 22 })!.length > 0);
  assert.deepEqual(computeCompletion(doc('same => n,PJSIPHangup(BUSY)'), { line: 0, character: 24 })![0].span, { start: 22, end: 26 });
  // Not in Hangup(, not in a comment, not in an extension number.
  assert.equal(computeCompletion(doc('same => n,Hangup()'), { line: 0, character: 17 }), undefined);
  assert.equal(computeCompletion(doc('; same => n,PJSIPHangup()'), { line: 0, character: 24 }), undefined);
  assert.equal(computeCompletion(doc('exten => 48'), { line: 0, character: 11 }), undefined);
});

test('the asterisk language gets the Asterisk dialect; the trigger is in every line with an occurrence', () => {
  assert.deepEqual(dialectsFor('asterisk', '[general]\n').map((d) => d.id), ['asterisk']);
  const lines = [
    'same => n,PJSIPHangup(486)', 'same=>n,hangup ( 17 )', '$["${C}" = "SIP 486 Busy Here"]', 'Set(PJSIP_HEADER(add,Reason)=SIP\\;cause=480)',
  ];
  const trigger = new RegExp(asteriskDialect.trigger.source, 'im');
  for (const line of lines) {
    assert.ok(scanOneLine(asteriskDialect, line).length > 0, line);
    assert.ok(trigger.test(line), line);
  }
});

test('long pathological lines are scanned in linear time', () => {
  const size = 2_000_000;
  for (const unit of ['Hangup(', 'PJSIPHangup(17 ', '"SIP 48', '$["SIP 486 x', 'HANGUPCAUSE "SIP 486 ', '=SIP 1234', 'Reason)=SIP\\;cause=1,', '\\;', '--;', ' ']) {
    const line = unit.repeat(Math.ceil(size / unit.length));
    const started = Date.now();
    scanOneLine(asteriskDialect, line);
    assert.ok(Date.now() - started < 5000, unit);
  }
});
