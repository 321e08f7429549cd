import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeCompletion, computeDiagnostics, computeHover, computeInlayHints, resolveSettings, type AnalyzedDocument,
} from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { LOG_DIALECTS, looksLikeVoipLog } from '../../server/src/service/dialects/logs';
import { CueSet } from '../../server/src/service/dialects/logs/cues';
import type { Dialect } from '../../server/src/service/scanner/dialect';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { corpusFiles, corpusText } from '../support/corpus';
import { analyzed } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });

function doc(text: string, languageId = 'log'): AnalyzedDocument {
  return analyzed(text, languageId);
}

/** "kind digits@column (dialect) “phrase”" for each occurrence on the (only) line of `text`. */
function seen(text: string): string[] {
  return doc(text).occurrences.map(describe);
}

function describe(o: Occurrence): string {
  const phrase = o.phrase ? ` “${o.phrase.text}”` : '';
  return `${o.kind} ${o.digits}@${o.span.start} (${o.dialect ?? o.context})${phrase}`;
}

/** The column of the n-th `needle` in `text`. */
function col(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.notEqual(at, -1, `${needle} in ${text}`);
  return at;
}

// ---------------------------------------------------------------------------------------------
// The corpus: every file of ../shared/corpus/logs.

/**
 * Every occurrence in every file, hand-checked: "line kind digits" (1-based lines). The two
 * Asterisk documentation pages embed chan_sip and res_pjsip traces (status lines, found by the SIP
 * message dialect) and log lines; the FAX flow log and the Kamailio debugger README have numbers
 * everywhere and no code.
 */
const EXPECTED: Record<string, string[]> = {
  'asterisk__contrib_scripts_spandspflow2pcap.log': [],
  'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-chan_sip_Configuring-chan_sip-for-Presence-Subscriptions.md': [
    // The ladder diagram of the subscription flow.
    '112 status 401 log-line', '114 status 200 log-line', '116 status 200 log-line',
    // sip set debug on: the status lines of the transmitted and read responses.
    '151 status 401 status-line', '194 status 200 status-line', '244 status 200 status-line',
  ],
  'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md': [
    '211 status 401 status-line', '269 status 401 status-line',
    // app_dial: "Unable to create channel of type 'SIP' (cause 66 - Channel not implemented)".
    '384 q850 66 log-line', '396 q850 3 log-line',
  ],
  'kamailio__src_modules_debugger_README.txt': [],
};

test('every file of the logs corpus scans as a log and finds exactly the hand-checked occurrences', () => {
  const files = corpusFiles('logs');
  assert.deepEqual(files.map((f) => f.name), Object.keys(EXPECTED).sort(), 'the folder and this table list the same files');
  let total = 0;
  for (const file of files) {
    const text = corpusText('logs', file.name);
    const document = doc(text);
    assert.deepEqual(document.dialects.map((d) => d.id),
      ['sip-message', 'asterisk-log', 'kamailio-log', 'freeswitch-log', 'pjsip-log', 'sip-in-log', 'sipp-log'], file.name);
    const found = document.occurrences.map((o) => `${o.line + 1} ${o.kind} ${o.digits} ${o.context}`);
    assert.deepEqual(found, EXPECTED[file.name], file.name);
    // Every occurrence has a hover, and it explains what the occurrence is.
    for (const o of document.occurrences) {
      const hover = computeHover(document, { line: o.line, character: o.span.start + 1 }, en);
      assert.ok(hover, `${file.name}:${o.line + 1}`);
      if (o.kind === 'q850') assert.match(hover.markdown, new RegExp(`^\\*\\*Q\\.850 cause ${o.digits}\\*\\*`));
      else assert.match(hover.markdown, new RegExp(`^\\*\\*${o.digits} `));
    }
    total += document.occurrences.length;
  }
  assert.equal(total, 10);
});

test('the FAX flow log (605 lines of numbers) holds no code: sequence numbers, thread ids, hex dumps, "status is ... in state 1"', () => {
  const text = corpusText('logs', 'asterisk__contrib_scripts_spandspflow2pcap.log');
  const lines = text.split(/\r?\n/);
  assert.equal(lines.length, 606);
  const document = doc(text);
  for (const [trap, number] of [
    ['[2015-12-02 11:56:05] FAX[13876][C-00000001] res_fax.c: FLOW T.38 Rx   100: IFP d0 01 80 00 35 ff c0', ' 100'],
    ['[2015-12-02 11:55:58] FAX[13876][C-00000001] res_fax.c: FLOW T.30 HDLC signal status is Carrier up (-2) in state 1', '13876'],
    ['[2015-12-02 11:56:05] FAX[13876][C-00000001] res_fax.c: FLOW T.38 Rx   100: (0) data v17-14400/hdlc-data + 54 byte(s)', '14400'],
  ]) {
    const line = lines.findIndex((l) => l.startsWith(trap));
    assert.notEqual(line, -1, trap);
    assert.deepEqual(document.occurrencesOnLine(line), []);
    assert.equal(computeHover(document, { line, character: col(lines[line], number) + 2 }, en), undefined);
  }
  assert.deepEqual(computeDiagnostics(document.occurrences, en), []);
  // As plain text it is still recognised as an Asterisk log (FAX[pid] level tag).
  assert.ok(looksLikeVoipLog(text));
});

test('the res_pjsip troubleshooting guide: logger framing byte counts, thread ids and source lines are not codes; app_dial causes are Q.850', () => {
  const text = corpusText('logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md');
  const lines = text.split(/\r?\n/);
  const document = doc(text);
  const framing = lines.indexOf('<--- Transmitting SIP response (543 bytes) to UDP:10.24.16.37:5060 --->');
  assert.equal(framing + 1, 210);
  assert.deepEqual(document.occurrencesOnLine(framing), []);
  assert.equal(computeHover(document, { line: framing, character: col(lines[framing], '543') + 1 }, en), undefined);
  // The status line after the framing is the SIP message dialect's, with its phrase.
  const unauthorized = document.occurrencesOnLine(framing + 1)[0];
  assert.deepEqual([unauthorized.context, unauthorized.span, unauthorized.phrase?.text], ['status-line', { start: 8, end: 11 }, 'Unauthorized']);
  assert.match(computeHover(document, { line: framing + 1, character: 9 }, en)!.markdown, /^\*\*401 Unauthorized\*\*/);
  const received = lines.indexOf('<--- Received SIP request (1053 bytes) from UDP:10.24.16.37:5060 --->');
  assert.deepEqual(document.occurrencesOnLine(received), []);

  const dial = 383;
  assert.equal(lines[dial], "[2014-10-14 15:55:58.440] WARNING[2700][C-00000000]: app_dial.c:2431 dial_exec_full: Unable to create channel of type 'SIP' (cause 66 - Channel not implemented)");
  const cause = document.occurrencesOnLine(dial);
  assert.deepEqual(cause.map(describe), [`q850 66@${col(lines[dial], '66 -')} (asterisk-log)`]);
  const hover = computeHover(document, { line: dial, character: col(lines[dial], '66 -') }, en)!.markdown;
  assert.match(hover, /^\*\*Q\.850 cause 66\*\*/);
  assert.match(hover, /not a SIP status code/);
  for (const trap of ['2431', '2700', '15:55:58.440']) {
    assert.equal(computeHover(document, { line: dial, character: col(lines[dial], trap) + 1 }, en), undefined, trap);
  }
  // Prose about a response is not a log line: "Asterisk will transmit a 403 Forbidden in response ..."
  const prose = lines.findIndex((l) => l.startsWith('Asterisk will transmit a 403 Forbidden'));
  assert.deepEqual(document.occurrencesOnLine(prose), []);
  // Causes are not status codes, and the status lines are well-formed: nothing to diagnose.
  assert.deepEqual(computeDiagnostics(document.occurrences, en), []);
});

test('the chan_sip presence page: the ladder diagram gets codes only where the arrow carries a code and its phrase', () => {
  const text = corpusText('logs', 'documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-chan_sip_Configuring-chan_sip-for-Presence-Subscriptions.md');
  const lines = text.split(/\r?\n/);
  const document = doc(text);
  assert.deepEqual(lines.slice(110, 116), [
    'SUBSCRIBE --->', ' <--- 401 Unauthorized', 'SUBSCRIBE(w/ Auth) --->',
    ' <--- 200 OK', ' <--- NOTIFY', '200 OK --->',
  ]);
  assert.deepEqual(document.occurrencesOnLine(111).map(describe), ['status 401@6 (sip-in-log) “Unauthorized”']);
  assert.deepEqual(document.occurrencesOnLine(113).map(describe), ['status 200@6 (sip-in-log) “OK”']);
  assert.deepEqual(document.occurrencesOnLine(115).map(describe), ['status 200@0 (sip-in-log) “OK”']);
  // "SUBSCRIBE --->" and " <--- NOTIFY" carry requests, not codes.
  assert.deepEqual([110, 112, 114].flatMap((line) => document.occurrencesOnLine(line)), []);
  assert.match(computeHover(document, { line: 111, character: 7 }, en)!.markdown, /^\*\*401 Unauthorized\*\*/);
  // Framing and footers of sip set debug: ports, header counts, timers.
  for (const line of ['<--- SIP read from UDP:10.24.17.254:37509 --->', '--- (16 headers 0 lines) ---', '<------------->',
    "Scheduling destruction of SIP dialog 'ZjE2ZDAwYThiOTA2MzYxOWEwNTEwMjc1ZGIxNTk3NDU.' in 32000 ms (Method: SUBSCRIBE)", 'CSeq: 102 NOTIFY']) {
    const index = lines.indexOf(line);
    assert.notEqual(index, -1, line);
    assert.deepEqual(document.occurrencesOnLine(index), [], line);
  }
});

test('the Kamailio debugger README: kamcmd\'s "200 ok" RPC reply, cfgtrace l=/a= numbers, pids and CONFIG LINE are not codes', () => {
  const text = corpusText('logs', 'kamailio__src_modules_debugger_README.txt');
  const lines = text.split(/\r?\n/);
  const document = doc(text);
  assert.equal(document.occurrences.length, 0);
  for (const line of ['200 ok', ' 9(6285) ERROR: *** cfgtrace: c=[/etc/kamailio/debugger.cfg] l=368 a=6 n=route',
    'ERROR: debugger [debugger_mod.c:467]: w_dbg_sip_msg(): CONFIG LINE 338', 'kamcmd> dbg.bp move 6402']) {
    const index = lines.indexOf(line);
    assert.notEqual(index, -1, line);
    const digits = /[0-9]{3,}/.exec(line)!;
    assert.equal(computeHover(document, { line: index, character: digits.index + 1 }, en), undefined, line);
  }
  // Its head reads like a Kamailio log; as plain text, though, its modparam()/loadmodule examples make it
  // a Kamailio configuration first (the routing-script recogniser decides before the log one).
  assert.ok(looksLikeVoipLog(text));
  assert.deepEqual(dialectsFor('plaintext', text).map((d) => d.id), ['kamailio']);
});

test('the other corpus folders opened as logs: the log dialects stay silent, but for one RFC ladder arrow', () => {
  const logIds = new Set(LOG_DIALECTS.map((d) => d.id));
  const found: string[] = [];
  let files = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'kamailio', 'opensips', 'asterisk', 'freeswitch', 'sipp']) {
    for (const file of corpusFiles(folder)) {
      files++;
      const text = corpusText(folder, file.name);
      for (const o of doc(text).occurrences) {
        if (o.dialect && logIds.has(o.dialect)) found.push(`${folder}/${file.name}:${o.line + 1} ${describe(o)}`);
      }
    }
  }
  assert.ok(files > 50, `${files} files`);
  // RFC 3903's call flow: "| ----- M2: 200 OK -----> |" is a 200 OK in a ladder.
  assert.deepEqual(found, ['sip-traces/rfc3903.txt:1313 status 200@47 (sip-in-log) “OK”']);
  // Fixed: the end of an XML comment is no ladder arrow ("<!-- ... the 202 Accepted -->", "<!-- Send PRACK for 180 Ringing -->").
  for (const [folder, name, line] of [
    ['freeswitch', 'freeswitch__conf_vanilla_sip_profiles_internal.xml', '    <!-- add a random deviation to the expires value of the 202 Accepted -->'],
    ['sipp', 'sipp__sipp_scenarios_pfca_uac_apattern_crypto_simple_renegotiation.xml', '  <!-- Send PRACK for 180 Ringing -->'],
  ]) {
    assert.ok(corpusText(folder, name).split(/\r?\n/).includes(line), line);
    assert.deepEqual(seen(line), [], line);
  }
});

// ---------------------------------------------------------------------------------------------
// Real log lines (quoted in ../shared/reference/contexts.md from public issues) and traps.

const LINES: [string, string[]][] = [
  // Asterisk chan_sip (futel/asteriskserver#39, versatica/tryit-jssip#5).
  ['[Dec 13 20:53:40] VERBOSE[1302][C-00000171] chan_sip.c:     -- Got SIP response 503 "Service Unavailable" back from 23.246.247.146:5060',
    ['status 503 (asterisk-log) “Service Unavailable”']],
  ['    -- Got SIP response 500 "JsSIP Internal Error" back from 192.168.1.104:5060', ['status 500 (asterisk-log) “JsSIP Internal Error”']],
  ['    -- Incoming call: Got SIP response 486 "Busy here" back from 10.0.0.1:5060', ['status 486 (asterisk-log) “Busy here”']],
  ["    -- Got SIP REGISTER response 403 \"Forbidden\" back from host '10.0.0.1:5060'", ['status 403 (asterisk-log) “Forbidden”']],
  ['<--- Reliably Transmitting (no NAT) to 192.168.0.110:5060 --->', []],
  ["app_dial.c:2591 dial_exec_full: Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)", ['q850 20 (asterisk-log)']],
  // res_pjsip logger framing: the byte count is not a code (the status line follows on the next line).
  ['<--- Received SIP response (605 bytes) from UDP:207.244.247.124:5060 --->', []],
  ['[2026-01-08 20:28:01] VERBOSE[934] res_pjsip_logger.c: <--- Received SIP response (602 bytes) from UDP:208.100.60.17:5060 --->', []],
  // chan_pjsip debug (asterisk/asterisk#1719, TECH7Fox/sipcore-hass-integration#78).
  ['chan_pjsip.c:3196 chan_pjsip_incoming_response:  PJSIP/telphin-01-00000005: Status: 100', ['status 100 (asterisk-log)']],
  // Until Asterisk commit 5766460cc7 (October 2025), chan_pjsip_hangup printed the SIP code hangup_cause2sip() chose as "Cause".
  ['chan_pjsip.c:2540 chan_pjsip_hangup:  Cause: 488', ['status 488 (asterisk-log)']],
  // Since then it prints the Q.850 cause and the SIP code.
  ['chan_pjsip.c:2705 chan_pjsip_hangup: PJSIP/100-00000002: Cause: 16  Tech Cause: 486', ['status 486 (asterisk-log)', 'q850 16 (asterisk-log)']],
  ['chan_pjsip.c:3181 chan_pjsip_session_end: PJSIP/100-00000002: ast_cause: 17  tech_cause: 486', ['status 486 (asterisk-log)', 'q850 17 (asterisk-log)']],
  ['chan_pjsip.c:3380 chan_pjsip_incoming_response_update_cause: PJSIP/x: ast_cause: 17 tech_cause: SIP 486 Busy Here',
    ['status 486 (asterisk-log) “Busy Here”', 'q850 17 (asterisk-log)']],
  ["res_pjsip_outbound_registration.c:1585 handle_registration_response: Fatal response '403' received from 'sip:sip.example.com' on registration attempt to 'sip:100@sip.example.com', stopping outbound registration",
    ['status 403 (asterisk-log)']],
  ["res_pjsip_outbound_registration.c:1571 handle_registration_response: 403 Forbidden fatal response received from 'sip:a' on registration attempt to 'sip:b', retrying in '60' seconds",
    ['status 403 (asterisk-log)']],
  ['res_pjsip_session.c:4518 handle_incoming_response: PJSIP/x: Response is 183 Session Progress', ['status 183 (asterisk-log) “Session Progress”']],
  ['res_pjsip_outbound_registration.c:1634 registration_client_send: Received REGISTER response 401(Unauthorized)', ['status 401 (asterisk-log) “Unauthorized”']],
  ['    -- Executing [486@from-internal:1] PJSIPHangup("PJSIP/100-00000001", "486") in new stack', ['status 486 (asterisk-log) @"486")']],
  ['    -- Executing [s@macro-dial:7] Hangup("PJSIP/100-00000001", "17") in new stack', ['q850 17 (asterisk-log)']],
  ['Got 404 Not found on SIP register to service 100@example.com, giving up', ['status 404 (asterisk-log) “Not found”']],
  ['Got 202 accepted on transfer', ['status 202 (asterisk-log)']],
  ["dialplan_functions.c:1294 pjsip_response_code_validator: PJSIP/x: Response code 302 is out of range 400 -> 699.", ['status 302 (asterisk-log)']],
  // AMI Hangup event: Cause is Q.850, TechCause the SIP code; PJSIPHangup's "Cause: 437" (an action, not an event) is left alone.
  ['Cause: 16', ['q850 16 (asterisk-log)']],
  ['TechCause: 486', ['status 486 (asterisk-log)']],
  ['Cause: 437', []],
  // Kamailio syslog (kamailio/kamailio#1395, #1648, #3707).
  ['Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=500',
    ['status 100 (kamailio-log)', 'status 500 (kamailio-log)']],
  ['Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: DEBUG: acc [acc_logic.c:643]: tmcb_func(): acc callback called for t(0x7f7da801f350) event type 128, reply code 500',
    ['status 500 (kamailio-log)']],
  ['Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: NOTICE: acc [acc.c:315]: acc_log_request(): ACC: call missed: timestamp=1515761540;method=INVITE;from_tag=1;to_tag=;call_id=2;code=500;reason=;src_user=+34639446862',
    ['status 500 (kamailio-log)']],
  ['NOTICE: acc [acc.c:315]: acc_log_request(): ACC: transaction answered: method=INVITE;from_tag=1;to_tag=2;call_id=3;code=200;reason=OK;src_user=4',
    ['status 200 (kamailio-log) “OK”']],
  ["INFO: tm [t_reply.c:479]: _reply_light(): can't generate 487 reply when a final 408 was sent out",
    ['status 487 (kamailio-log)', 'status 408 (kamailio-log)']],
  ['ERROR: uac [uac_reg.c:1001]: uac_reg_tm_callback(): got sip response 408 while registering [a]', ['status 408 (kamailio-log)']],
  ['DEBUG: tm [t_reply.c:1965]: reply_received(): reply status=180 branch=0, save=0, relay=0 icode=0 msg status=180', ['status 180 (kamailio-log)']],
  ['DEBUG: tm [t_reply.c:1387]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=100', ['status 100 (kamailio-log)']],
  // OpenSIPS (OpenSIPS/opensips#3344): "prio=700" is a branch priority.
  ['Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_check_status: checked status is <500>', ['status 500 (kamailio-log)']],
  ['Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_should_relay_response: T_code=183, new_code=500', ['status 183 (kamailio-log)', 'status 500 (kamailio-log)']],
  ['Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_pick_branch: picked branch 0, code 500 (prio=700)', ['status 500 (kamailio-log)']],
  // The parser's state numbers and Kamailio's internal error numbers are not codes.
  ['ERROR: <core> [core/parser/parse_fline.c:138]: parse_first_line(): unexpected char [x] in status 12: <<SIP/2.0 x>>.', []],
  ['ERROR: sl [sl_funcs.c:415]: sl_reply_error(): stateless error reply used: Unresolvable destination (478/SL)', []],
  ['ERROR: http_client [functions.c:1]: curl_con_query_url(): HTTP response code 404', []],
  // FreeSWITCH (signalwire/freeswitch#120, onsip/SIP.js#118, #1448, #979, #1268, #2630, fusionpbx#1518).
  ['2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7290 Channel sofia/external/DESTNUMBER@sbc entering state [ready][200]', ['status 200 (freeswitch-log)']],
  ['2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7505 Channel sofia/internal/1001@10.0.0.1 entering state [terminated][486]', ['status 486 (freeswitch-log)']],
  ['2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7505 Channel sofia/internal/1001@10.0.0.1 entering state [calling][0]', []],
  ['2020-01-01 10:00:00.000000 [NOTICE] sofia.c:952 Hangup sofia/external/704@10.40.10.43 [CS_EXECUTE] [NORMAL_CLEARING]', []],
  ['2020-01-01 10:00:00.000000 94.73% [DEBUG] mod_sofia.c:463 sofia/internal/703@10.0.0.1 Overriding SIP cause 480 with 200 from the other leg',
    ['status 480 (freeswitch-log)', 'status 200 (freeswitch-log)']],
  // Fixed: "Overriding" in other programs' words is not FreeSWITCH's "Overriding %d %s with %d".
  ['WARNING: Overriding 300 with 600 seconds', []],
  ['2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7065 sofia/internal/1001@10.0.0.1 Overriding 183 Session Progress with 180',
    ['status 183 (freeswitch-log) “Session Progress”', 'status 180 (freeswitch-log) @with 180']],
  ['2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7069 sofia/internal/1001@10.0.0.1 Passing 180 Ringing to other leg', ['status 180 (freeswitch-log) “Ringing”']],
  ['2020-01-01 10:00:00.000000 94.73% [NOTICE] mod_sofia.c:500 sofia/internal/703@10.0.0.1 hanging up, cause: NORMAL_CLEARING', []],
  ['recv 436 bytes from udp/[10.0.0.1]:5060 at 16:49:33.907291:', []],
  ['send 603 bytes to udp/[10.0.0.1]:5060 at 16:49:33.907405:', []],
  ['nta.c:6826 incoming_reply() nta: sent 200 OK for BYE (461679504)', ['status 200 (freeswitch-log) “OK”']],
  ['nta.c:3396 agent_recv_response() nta: received 486 Busy Here for INVITE (102)', ['status 486 (freeswitch-log) “Busy Here”']],
  // nua's i_ events are stack-internal; r_ events carry the response to a request the stack sent.
  ['nua_stack.c:301 nua_stack_event() nua(0x7f7d6801b7b0): event i_state 200 Session Terminated', []],
  ['nua_stack.c:301 nua_stack_event() nua(0x7f7d6801b7b0): event r_invite 486 Busy Here', ['status 486 (freeswitch-log) “Busy Here”']],
  ['Dialplan: sofia/main/1000@default.com:5060 ANTI-Action respond(407)', ['status 407 (freeswitch-log)']],
  ['EXECUTE [depth=0] sofia/internal/1000@10.0.0.1 respond(486 Busy Here)', ['status 486 (freeswitch-log) “Busy Here”']],
  ['EXECUTE [depth=0] sofia/internal/1000@10.0.0.1 hangup(17)', ['freeswitch-cause 17 (freeswitch-log)']],
  ['variable_sip_term_status: [486]', ['status 486 (freeswitch-log)']],
  ['variable_proto_specific_hangup_cause: [sip:486]', ['status 486 (freeswitch-log)']],
  ['variable_hangup_cause_q850: [17]', ['q850 17 (freeswitch-log)']],
  ['variable_sip_term_cause: [487]', ['freeswitch-cause 487 (freeswitch-log)']],
  ['sofia_reg.c:2661 gw1 Failed Registration with status Forbidden [403]. failure #1', ['status 403 (freeswitch-log) “Forbidden”']],
  ['switch_ivr_originate.c:4057 Originate Resulted in Error Cause: 17 [USER_BUSY]', ['freeswitch-cause 17 (freeswitch-log)']],
  // pjsip / pjsua / linphone (pjsip/pjproject#2342, Infactum/tg2sip#5, linphone-android#958).
  ['16:35:39.843           pjsua_core.c  .RX 500 bytes Response msg 401/REGISTER/cseq=15116 (rdata0x1adf868) from TCP 116.15.91.124:5060:',
    ['status 401 (pjsip-log)']],
  ['[pjsip][debug] RX 907 bytes Request msg INVITE/cseq=102 (rdata0x7f7944011018) from UDP 10.10.1.1:5060:', []],
  ['Call 0 is DISCONNECTED [reason=487 (Request Terminated)]', ['status 487 (pjsip-log) “Request Terminated”']],
  ['pjsua_acc.c  sip:100@example.com: registration success, status=200 (OK), will re-register in 300 seconds', ['status 200 (pjsip-log) “OK”']],
  ['pjsua_core.c  .Error sending message: Connection refused [status=120111]', []],
  ['[Message] channel [0x7fd1c33c8000]: received [315] new bytes from [UDP://pbx.test.com.au:5060]:', []],
  ['[Message] \tSIP/2.0 100 Giving a try', ['status 100 (sip-message) “Giving a try”']],
  ['2020-03-29 01:25:07.960538+0530 linphone[68064:1643374] [Message] \tReason: SIP;cause=200;text="Call completed elsewhere"',
    ['status 200 (sip-in-log)']],
  ['2020-03-29 01:25:07.960538+0530 linphone[68064:1643374] [Message] \tReason: Q.850;cause=16;text="Normal call clearing"',
    ['q850 16 (sip-in-log)']],
  ['2020-03-29 01:25:07.960538+0530 linphone[68064:1643374] [Message] \tWarning: 399 example.com "Bad SDP"', ['warn 399 (sip-in-log)']],
  ['2021-12-02 16:06:36:504 liblinphone-message-Op [03652E30] receiving call response [200], dialog is [00F40998] in state [BELLE_SIP_DIALOG_TERMINATED]',
    ['status 200 (pjsip-log)']],
  // HTTP in the same logs is never SIP; neither are tcpdump lengths and ports.
  ['HTTP/1.1 101 Switching Protocols', []],
  ['HTTP/1.1 200 OK', []],
  ['09:17:59.864749 IP IP.vultr.com.5363 > IP.49658: UDP, length 576', []],
];

/**
 * Checks an expectation "kind digits (dialect) “phrase”" against an occurrence, whose digits must
 * stand at the first place the line has them as a number of their own, or after `@needle` if given
 * (at the same digits inside the needle).
 */
function columnOf(line: string, entry: string): number {
  const [what, needle] = entry.split(' @');
  const digits = what.split(' ')[1];
  if (needle) return line.indexOf(needle) + needle.indexOf(digits);
  return new RegExp(`(?<![0-9])${digits}(?![0-9])`).exec(line)!.index;
}

test('real log lines: the codes (with kind, column and phrase) and nothing else', () => {
  for (const [line, expected] of LINES) {
    const occurrences = doc(line).occurrences;
    const described = occurrences.map((o) => describe(o).replace(/@[0-9]+ /, ' '));
    assert.deepEqual(described, expected.map((entry) => entry.split(' @')[0]), line);
    occurrences.forEach((o, i) => {
      assert.equal(o.span.start, columnOf(line, expected[i]), `${expected[i]} in ${line}`);
      assert.equal(o.span.end, o.span.start + o.digits.length);
      if (o.phrase) assert.equal(line.slice(o.phrase.span.start, o.phrase.span.end), o.phrase.text);
    });
  }
});

test('every dialect\'s trigger is in every line it finds something on (the scanner skips the other lines)', () => {
  const byId = new Map<string, Dialect>(LOG_DIALECTS.map((d) => [d.id, d]));
  let checked = 0;
  for (const [line] of LINES) {
    for (const o of doc(line).occurrences) {
      const dialect = o.dialect && byId.get(o.dialect);
      if (!dialect) continue;
      assert.match(line, new RegExp(dialect.trigger.source, 'im'), `${dialect.id}: ${line}`);
      checked++;
    }
  }
  assert.ok(checked > 50, `${checked}`);
});

test('hover: a code behind a log cue is explained as the code; the byte count, pid, source line, CPU column and priority beside it are not', () => {
  const text = [
    '[Dec 13 20:53:40] VERBOSE[1302][C-00000171] chan_sip.c:     -- Got SIP response 486 "Busy Here" back from 23.246.247.146:5060',
    '<--- Received SIP response (605 bytes) from UDP:207.244.247.124:5060 --->',
    'SIP/2.0 100 Trying',
    'Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=500',
    'Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_pick_branch: picked branch 0, code 500 (prio=700)',
    '2020-01-01 10:00:00.000000 94.73% [DEBUG] mod_sofia.c:463 sofia/internal/703@10.0.0.1 Overriding SIP cause 480 with 200 from the other leg',
    "app_dial.c:2591 dial_exec_full: Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)",
    'variable_sip_term_cause: [487]',
  ].join('\n');
  const lines = text.split('\n');
  const document = doc(text);
  const hover = (line: number, needle: string, nth = 0) =>
    computeHover(document, { line, character: col(lines[line], needle, nth) + 1 }, en)?.markdown;
  assert.match(hover(0, '486')!, /^\*\*486 Busy Here\*\*/);
  assert.equal(hover(0, '1302'), undefined);
  assert.equal(hover(0, '5060'), undefined);
  assert.equal(hover(1, '605'), undefined);
  assert.match(hover(2, '100')!, /^\*\*100 Trying\*\*/);
  assert.match(hover(3, '100')!, /^\*\*100 Trying\*\*/);
  assert.match(hover(3, '500')!, /^\*\*500 Server Internal Error\*\*/);
  assert.equal(hover(3, '795'), undefined);
  assert.equal(hover(3, '1232'), undefined);
  assert.match(hover(4, '500')!, /^\*\*500 /);
  assert.equal(hover(4, '700'), undefined);
  assert.equal(hover(4, '51971'), undefined);
  assert.match(hover(5, '480')!, /^\*\*480 Temporarily Unavailable\*\*/);
  assert.equal(hover(5, '94.73'), undefined);
  assert.equal(hover(5, ':463'), undefined);
  const q850 = hover(6, '20 -')!;
  assert.match(q850, /^\*\*Q\.850 cause 20\*\*/);
  assert.match(q850, /not a SIP status code/);
  assert.equal(hover(6, '2591'), undefined);
  // FreeSWITCH's sip_term_cause is a FreeSWITCH cause number: 487 there is ORIGINATOR_CANCEL, not SIP 487.
  const cause = hover(7, '487')!;
  assert.match(cause, /^\*\*FreeSWITCH cause 487\*\* · ORIGINATOR_CANCEL/);
  assert.doesNotMatch(cause, /Request Terminated\*\*/);
});

test('inlay hints give the phrase of bare codes; codes that come with their phrase get none', () => {
  const text = [
    'chan_pjsip.c:3196 chan_pjsip_incoming_response:  PJSIP/telphin-01-00000005: Status: 180',
    '2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7505 Channel sofia/internal/1001@10.0.0.1 entering state [terminated][486]',
    '    -- Got SIP response 503 "Service Unavailable" back from 23.246.247.146:5060',
    "app_dial.c:2591 dial_exec_full: Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)",
  ].join('\n');
  assert.deepEqual(computeInlayHints(doc(text), 0, 3).map((h) => [h.line, h.label]), [[0, 'Ringing'], [1, 'Busy Here']]);
});

test('diagnostics on log lines: a custom phrase is a hint, a phrase of another code is information; traps give nothing', () => {
  const text = [
    '    -- Got SIP response 500 "JsSIP Internal Error" back from 192.168.1.104:5060',
    '    -- Got SIP response 404 "Busy Here" back from 192.168.1.104:5060',
    'DEBUG: tm [t_reply.c:1387]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=100',
    '<--- Received SIP response (605 bytes) from UDP:207.244.247.124:5060 --->',
    'Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_pick_branch: picked branch 0, code 500 (prio=700)',
  ].join('\n');
  assert.deepEqual(computeDiagnostics(doc(text).occurrences, en).map((d) => [d.rule, d.severity, d.line, text.split('\n')[d.line].slice(d.span.start, d.span.end)]), [
    ['custom-phrase', 'hint', 0, 'JsSIP Internal Error'],
    ['phrase-mismatch', 'information', 1, 'Busy Here'],
  ]);
});

test('logs offer no code completion (they are read, not written), except after SIP/2.0 at the start of a line', () => {
  const text = 'chan_pjsip.c:3196 chan_pjsip_incoming_response:  PJSIP/x: Status: \nSIP/2.0 ';
  assert.equal(computeCompletion(doc(text), { line: 0, character: 66 }), undefined);
  assert.ok(computeCompletion(doc(text), { line: 1, character: 8 })!.some((item) => item.label === '486 Busy Here'));
});

// ---------------------------------------------------------------------------------------------
// Which documents get the log dialects.

test('a plain-text document gets the log dialects when its head reads like a VoIP log, and nothing when it does not', () => {
  const logIds = ['sip-message', 'asterisk-log', 'kamailio-log', 'freeswitch-log', 'pjsip-log', 'sip-in-log', 'sipp-log'];
  const samples = [
    '[Dec 13 20:53:40] VERBOSE[1302][C-00000171] chan_sip.c:     -- Got SIP response 503 "Service Unavailable" back from 23.246.247.146:5060',
    '[2014-10-13 16:12:17.349] DEBUG[27284]: res_pjsip_endpoint_identifier_user.c:106 username_identify: Could not identify endpoint',
    'Jan 12 12:52:20 kamailio-alone /usr/sbin/kamailio[795]: DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=500',
    'Mar 12 10:01:10 lb opensips[51971]: DBG:tm:t_check_status: checked status is <500>',
    '2020-01-01 10:00:00.000000 [DEBUG] sofia.c:7290 Channel sofia/external/DESTNUMBER@sbc entering state [ready][200]',
    '16:35:39.843           pjsua_core.c  .RX 500 bytes Response msg 401/REGISTER/cseq=15116 (rdata0x1adf868) from TCP 116.15.91.124:5060:',
    '2020-04-21 11:41:00:522 [belle-sip] MESSAGE Changing [server] [BYE] transaction [0x9cb139c0], from state [COMPLETED] to [TERMINATED]',
  ];
  for (const sample of samples) {
    assert.ok(looksLikeVoipLog(sample), sample);
    assert.deepEqual(dialectsFor('plaintext', `some words first\n${sample}\n`).map((d) => d.id), logIds, sample);
    assert.deepEqual(doc(sample, 'plaintext').dialects.map((d) => d.id), logIds);
  }
  for (const other of ['Shopping list: 200 g butter, 486 sheets of paper', 'npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/x',
    '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326']) {
    assert.ok(!looksLikeVoipLog(other), other);
    assert.deepEqual(dialectsFor('plaintext', other), [], other);
  }
  // A log opened as plain text finds its codes like the log language does.
  assert.deepEqual(seen(samples[0]), doc(samples[0], 'plaintext').occurrences.map(describe));
  assert.deepEqual(dialectsFor('log', '').map((d) => d.id), logIds);
});

test('a web server log as a log file: HTTP statuses and sizes are not SIP codes', () => {
  const text = [
    '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
    '127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] "GET /missing HTTP/1.1" 404 153 "-" "curl/8.0" response code 404',
    'npm ERR! 404 Not Found - GET https://registry.npmjs.org/x - Not found',
  ].join('\n');
  assert.deepEqual(doc(text).occurrences, []);
});

// ---------------------------------------------------------------------------------------------
// Robustness: long lines stay linear.

test('pathological lines (10 MB of repeated cues, dashes, spaces) scan in linear time', () => {
  const unit = 1_000_000;
  const lines = [
    'Got SIP response '.repeat(unit / 17),
    '-'.repeat(10 * unit) + '>',
    '<'.repeat(1) + '-'.repeat(10 * unit),
    '<-- 200 '.repeat(unit / 8) + 'x',
    'Overriding 183 '.repeat(unit / 15) + ' with 180',
    ' '.repeat(10 * unit) + 'Reason: SIP;',
    '\tReason: '.repeat(unit / 9),
    'status code T_code= nta: entering state [a][1 '.repeat(unit / 47),
    'a'.repeat(10 * unit) + ' -->',
  ];
  for (const line of lines) {
    const start = process.hrtime.bigint();
    doc(line);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms < 3000, `${line.slice(0, 30)}... took ${ms} ms`);
  }
});

test('edits rescan only the edited line: a code typed into a log line is found, one removed is gone', () => {
  const line = 'DEBUG: tm [t_reply.c:1387]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=100';
  const document = doc(`x\n${line}\ny`);
  assert.deepEqual(document.occurrences.map((o) => o.digits), ['100']);
  const at = col(line, 'T_code=0') + 'T_code='.length;
  document.update([{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + 1 } }, text: '486' }], 2);
  document.scanAll();
  assert.deepEqual(document.occurrences.map((o) => [o.line, o.digits]), [[1, '486'], [1, '100']]);
  document.update([{ range: { start: { line: 1, character: at }, end: { line: 1, character: line.length + 2 } }, text: '' }], 3);
  document.scanAll();
  assert.deepEqual(document.occurrences, []);
});

test('SIPp error logs: the response a scenario was expecting is a code, the index and the times beside it are not', () => {
  const aborted = "2024-05-02\t14:03:11.201733\t1714658591.201733: Aborting call on unexpected message for Call-Id '7-3141@10.0.0.5': while expecting '183' (index 2), received 'SIP/2.0 503 Service Unavailable";
  const expecting = aborted.indexOf("'183'") + 1;
  assert.deepEqual(seen(aborted).filter((o) => o.includes('sipp-log')), [`status 183@${expecting} (sipp-log)`]);
  assert.deepEqual(seen("2024-05-02\t14:03:12.000001\t1714658592.000001: Aborting call on unexpected message for Call-Id '9-1@h': while expecting 'ACK' (index 5), received 'BYE sip:a@h SIP/2.0"), []);
  assert.deepEqual(seen('Test plan: while expecting \'200\' the proxy timed out'), [], 'the cue is SIPp\'s whole sentence');
  // A SIPp error log opened as plain text is read as a VoIP log.
  assert.ok(looksLikeVoipLog(`first words\n${aborted}\n`));
});

test('a cue set finds every keyword a line holds: one that starts another, one inside another', () => {
  const cues = new CueSet('test-log', [
    { keyword: 'code', pattern: /\bcode=?([0-9]+)/g },
    { keyword: 'code=', pattern: /\bcode=([0-9]+);/g },
    { keyword: 'response', pattern: /\bresponse code=([0-9]+)/g },
    { keyword: 'spon', pattern: /spon[a-z]* ([0-9]+)/g },
  ]);
  const digitsOf = (text: string) => {
    const out: Occurrence[] = [];
    cues.scanLine(text, 0, out);
    return out.map((o) => o.digits);
  };
  // "code" starts "code=", the keyword found there
  assert.deepEqual(digitsOf('status code=404'), ['404']);
  // "spon" stands inside "response"
  assert.deepEqual(digitsOf('a response 180'), ['180']);
  assert.deepEqual(digitsOf('nothing here 486'), []);
});
