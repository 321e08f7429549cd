import type { Dialect } from '../../scanner/dialect';
import { capitalized, CueSet, enclosedPhrase, quotedPhrase, restPhrase } from './cues';

/**
 * Asterisk logs (/var/log/asterisk/full, messages, the CLI): the lines chan_sip, chan_pjsip and
 * res_pjsip print about responses, and the Q.850 causes they print beside them.
 *
 * - chan_sip: `Got SIP response 486 "Busy Here" back from 1.2.3.4:5060` (also after "Incoming call: ",
 *   and `Got SIP REGISTER response 403 "Forbidden" back from host '...'`), `SIP response 200 to
 *   standard invite`, `Got 404 Not found on SIP register ...`, `Got a 408 response to our REGISTER`,
 *   `Received response: "200 OK" from '...'`, `Using Reason header for cause code: 16` (Q.850).
 * - chan_pjsip (debug/trace): `chan_pjsip_incoming_response: PJSIP/x: Status: 100`, `Method: INVITE
 *   Status: 183`; chan_pjsip_hangup `Cause: 488` is the SIP code hangup_cause2sip() chose (releases
 *   before commit 5766460cc7 of October 2025), while the newer `Cause: 16  Tech Cause: 486` prints the
 *   Q.850 cause first and the SIP code second; `ast_cause: 17  tech_cause: 486` (tech_cause may be
 *   "SIP 486 Busy Here").
 * - res_pjsip: `Response is 200 OK`, `received final response code 488`, `Received REGISTER response
 *   401(Unauthorized)`, `Fatal response '403' received from ...`, `'503' fatal response received`,
 *   `NOTIFY with response '200'`.
 * - Q.850 causes: `Unable to create channel of type 'SIP' (cause 20 - Subscriber absent)`, AMI
 *   `Cause: 16` lines, `AST hangup cause 17 (no match found in PJSIP)`.
 * - Dialplan execution: `Executing [s@ctx:1] PJSIPHangup("PJSIP/100-0001", "486")` (a SIP code) and
 *   `Hangup("PJSIP/100-0001", "17")` (a Q.850 cause).
 *
 * Not codes: the byte count of the res_pjsip logger framing (`<--- Received SIP response (605 bytes)
 * from UDP:1.2.3.4:5060 --->`; the status line on the next line is the SIP message dialect's),
 * thread ids (`VERBOSE[1302][C-00000171]`), source lines (`chan_pjsip.c:2540`), timestamps.
 */
const CUES = new CueSet('asterisk-log', [
  // chan_sip verbose: the quoted text is the rest of the status line, i.e. the phrase.
  { keyword: 'esponse', pattern: /\bGot SIP (?:[A-Z]+ )?response ([0-9]+)/g, phrase: quotedPhrase },
  { keyword: 'esponse', pattern: /\bSIP response ([0-9]+)(?= to )/g },
  // Fixed texts of chan_sip: "Got 404 Not found on SIP register", "Got 202 accepted on transfer" (prose, not a phrase).
  { keyword: 'Got ', pattern: /\bGot (?:a )?([0-9]+)(?= (?:response|on |accepted|OK|Not found|Interval too brief))/g, phrase: capitalized(restPhrase(' on ', ' for ', ' response', ',')) },
  { keyword: 'Got ', pattern: /\bGot unknown code '([0-9]+)'/g },
  { keyword: 'esponse', pattern: /\bTreating ([0-9]+)(?= response)/g },
  { keyword: 'esponse', pattern: /\bReceived response: "([0-9]+)/g, phrase: restPhrase('"') },
  { keyword: 'esponse', pattern: /\bInvalid SIP response code: '([0-9]+)'/g },
  { keyword: 'esponse', pattern: /\bresponse \(([0-9]+)\)/g, requires: ['SIP transfer to'] },
  { keyword: 'ause', pattern: /\bUsing Reason header for cause code: ([0-9]+)/g, kind: 'q850' },
  // chan_pjsip / res_pjsip_session scope traces.
  { keyword: 'Status', pattern: /\bStatus: ([0-9]+)/g, requires: ['chan_pjsip', 'res_pjsip'] },
  { keyword: 'ause', pattern: /\bTech Cause: ([0-9]+)/g, requires: ['chan_pjsip_hangup'] },
  { keyword: 'ause', pattern: /\bCause: ([0-9]+)(?= +Tech Cause: )/g, kind: 'q850', requires: ['chan_pjsip_hangup'] },
  { keyword: 'ause', pattern: /\bCause: ([0-9]+)(?![0-9]| +Tech Cause)/g, requires: ['chan_pjsip_hangup'] },
  { keyword: 'ause', pattern: /\btech_cause: SIP ([0-9]+)/g, phrase: restPhrase('. Skipped') },
  { keyword: 'ause', pattern: /\btech_cause:? (?:cause )?([0-9]+)/g },
  { keyword: 'ause', pattern: /\bast_cause:? ([0-9]+)/g, kind: 'q850' },
  { keyword: 'ause', pattern: /\binv_session->cause: ([0-9]+)/g },
  { keyword: 'ause', pattern: /\bAST hangup cause ([0-9]+)(?= \(no match found in PJSIP\))/g, kind: 'q850' },
  // res_pjsip and its modules. Not "Invalid HTTP response code 400" (res_http_websocket) nor curl's "HTTP response code: 200".
  { keyword: 'esponse', pattern: /\b[Rr]esponse [Cc]ode:? ([0-9]+)/g, rejects: ['HTTP', 'http'] },
  { keyword: 'esponse', pattern: /\bResponse is ([0-9]+)/g, phrase: restPhrase() },
  { keyword: 'esponse', pattern: /\bResponse ([0-9]+)$/g, requires: ['ast_sip_session_terminate'] },
  { keyword: 'esponse', pattern: /\b(?:REGISTER|MESSAGE|error) response ([0-9]+)/g, phrase: enclosedPhrase('(', ')') },
  { keyword: 'esponse', pattern: /\b[Rr]esponse (?:of )?'([0-9]+)'/g },
  { keyword: 'esponse', pattern: /'([0-9]+)'(?= fatal response received)/g, requires: ['fatal response received'] },
  { keyword: 'esponse', pattern: /\b([0-9]+)(?= [A-Z][a-z]+ fatal response received)/g, requires: ['fatal response received'] },
  { keyword: 'esponse', pattern: /\bReceived ([0-9]+)(?= response to )/g },
  { keyword: 'Status', pattern: /\bStatus code ([0-9]+)(?= was received)/g },
  { keyword: 'esponse', pattern: /\bis '([0-9]+)'/g, requires: ['Final response for REFER'] },
  // Q.850 causes.
  { keyword: 'cause', pattern: /\(cause ([0-9]+)(?= - )/g, kind: 'q850' },
  { keyword: 'Cause', pattern: /^[ \t]*Cause: ([0-9]+)(?=[ \t\r]*$)/g, kind: 'q850' },
  { keyword: 'Cause', pattern: /^[ \t]*TechCause: ([0-9]+)(?=[ \t\r]*$)/g },
  // Dialplan execution (verbose 3): the arguments as the application got them.
  { keyword: 'Hangup("', pattern: /\] PJSIPHangup\("[^"]*", "([0-9]+)/g, requires: ['Executing'] },
  { keyword: 'Hangup("', pattern: /\] Hangup\("[^"]*", "([0-9]+)/g, kind: 'q850', requires: ['Executing'] },
]);

export const asteriskLogDialect: Dialect = {
  id: 'asterisk-log',
  trigger: /response|cause|status|Got |hangup\("/,
  keywords: ['response', 'cause', 'status', 'got ', 'hangup("'],
  scanLine(text, line, out) {
    CUES.scanLine(text, line, out);
  },
};
