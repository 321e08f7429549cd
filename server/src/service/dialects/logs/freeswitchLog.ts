import type { Dialect } from '../../scanner/dialect';
import { MAX_PHRASE_CHARS } from '../../scanner/occurrence';
import { CueSet, enclosedPhrase, restPhrase, type PhraseRule } from './cues';

/** `with status Forbidden [403]`: the phrase comes before the code. */
const registrationPhrase: PhraseRule = (text, start) => {
  const marker = 'with status ';
  // Looking back no further than a phrase reaches.
  const reach = Math.max(0, start - MAX_PHRASE_CHARS - marker.length - 1);
  const back = text.slice(reach, start).lastIndexOf(marker);
  if (back === -1) return undefined;
  let from = reach + back + marker.length;
  let end = start - 1; // the '['
  while (from < end && text[from] === ' ') from++;
  while (end > from && text[end - 1] === ' ') end--;
  return end > from ? { start: from, end } : undefined;
};

const CUES = new CueSet('freeswitch-log', [
  { keyword: 'state [', pattern: /\b(?:entering|skipping) state \[[a-z_]+\]\[([0-9]+)(?=\])/g },
  { keyword: 'Overriding ', pattern: /\bOverriding SIP cause ([0-9]+)(?= with )/g },
  // "Overriding %d %s with %d" (mod_sofia, a 18x replaced by the one the other leg wants).
  { keyword: 'Overriding ', pattern: /\bOverriding ([0-9]+)(?= [A-Za-z][A-Za-z ./'-]* with [0-9]+$)/g, phrase: restPhrase(' with ') },
  { keyword: 'Overriding ', pattern: / with ([0-9]+)(?=$| from the other leg)/g },
  { keyword: 'Passing ', pattern: /\bPassing ([0-9]+)(?= [A-Za-z][A-Za-z ./'-]* to other leg)/g, phrase: restPhrase(' to other leg') },
  { keyword: 'Overlap Dial with ', pattern: /\bOverlap Dial with ([0-9]+)/g, phrase: restPhrase() },
  { keyword: 'Responding ', pattern: /\bResponding (?:to [A-Z]+ )?with:? ([0-9]+)/g, phrase: enclosedPhrase('[', ']') },
  // The phrase runs to the "[" but never into the next "Failed ", so that a line that repeats the cue stays linear.
  { keyword: 'status', pattern: /\bFailed Registration with status (?:[^[F]|F(?!ailed ))*\[([0-9]+)(?=\])/g, phrase: registrationPhrase },
  { keyword: 'code', pattern: / with code ([0-9]+)/g, requires: ['Ping '] },
  { keyword: 'status', pattern: /\bstatus \(([0-9]+)(?=\) != 200)/g },
  { keyword: 'Remote Reason: ', pattern: /\bRemote Reason: ([0-9]+)/g, kind: 'q850' },
  // Dialplan: the respond application's data is a SIP code (and phrase), hangup's a cause number.
  { keyword: ' respond(', pattern: / respond\(([0-9]+)/g, phrase: restPhrase(')') },
  { keyword: ' hangup(', pattern: / hangup\(([0-9]+)(?=\))/g, kind: 'freeswitch-cause' },
  // Channel variables (info dumps "name: [value]", event dumps "name: value", set "[name]=[value]").
  { keyword: 'status', pattern: /sip_(?:term|invite_failure)_status(?:: \[|: |\]=\[|=)([0-9]+)/g },
  { keyword: 'ause', pattern: /proto_specific_hangup_cause(?:: \[|: |\]=\[|=)sip(?::|%3A)([0-9]+)/g },
  { keyword: 'ause', pattern: /hangup_cause_q850(?:: \[|: |\]=\[|=)([0-9]+)/g, kind: 'q850' },
  { keyword: 'ause', pattern: /sip_term_cause(?:: \[|: |\]=\[|=)([0-9]+)/g, kind: 'freeswitch-cause' },
  { keyword: 'ause', pattern: / Cause: ([0-9]+)(?= \[[A-Z_]+\])/g, kind: 'freeswitch-cause', requires: ['Originate '] },
  // sofia-sip nta (transaction layer) and nua (user agent) debug lines.
  { keyword: 'nta', pattern: /\bnta: (?:received |sent |not sending )([0-9]+)/g, phrase: restPhrase(' for ') },
  { keyword: 'nta', pattern: /\bnta: ([0-9]+)/g, phrase: restPhrase(' is ', ' has ', ' was ', ' to ', ' dropped ', ' failed ', ' with ', ' already ') },
  { keyword: 'nta', pattern: /\bsending ([0-9]+)(?= )/g, requires: ['timer N1 fired'], phrase: restPhrase() },
  { keyword: 'nta', pattern: /\bresponding ([0-9]+)/g, requires: ['nta('], phrase: restPhrase(' to ACK') },
  { keyword: 'event r_', pattern: /\bevent r_[a-z_]+ ([0-9]+)/g, phrase: restPhrase() },
  { keyword: 'outbound(', pattern: /\bFAILED with ([0-9]+)/g, phrase: restPhrase() },
]);

/**
 * FreeSWITCH logs (freeswitch.log, fs_cli) and the sofia-sip stack's own debug lines in them.
 *
 * - mod_sofia: `Channel sofia/internal/1001@... entering state [terminated][486]` (0 while no
 *   response yet: not reported), `Overriding SIP cause 480 with 200 from the other leg`, `Passing 180
 *   Ringing to other leg`, `Overriding 183 Session Progress with 180`, `Responding with 486 [Busy Here]`,
 *   `Responding to INVITE with: 480`, `Overlap Dial with 484 Address Incomplete`, `gw Failed
 *   Registration with status Forbidden [403]`, `Ping to sip user '...' failed with code 408`,
 *   `Remote Reason: 16` (the Q.850 cause of a Reason header).
 * - Dialplan trace and execution: `Dialplan: ... ANTI-Action respond(407)`, `EXECUTE [depth=0]
 *   sofia/... respond(486 Busy Here)`, and `hangup(17)` (a FreeSWITCH cause number, which may be
 *   internal: 487 there is ORIGINATOR_CANCEL).
 * - Channel variables as the info application and event dumps print them: `variable_sip_term_status:
 *   [486]`, `variable_sip_invite_failure_status: [487]`, `variable_proto_specific_hangup_cause:
 *   [sip:486]`, `variable_hangup_cause_q850: [17]` (Q.850), `variable_sip_term_cause: [487]`
 *   (a FreeSWITCH cause number); `Originate Resulted in Error Cause: 17 [USER_BUSY]`.
 * - sofia-sip: `nta: received 200 OK for INVITE (1)`, `nta: sent 200 OK for BYE (461679504)`,
 *   `nta: 180 Ringing is reliably received ...`, and nua's `event r_invite 486 Busy Here` (r_ events
 *   report the response to a request the stack sent). nua's i_ events (`event i_state 200 Session
 *   Terminated`, `i_terminated 200 ...`) are stack-internal notifications: the number there is the
 *   status nua gives the state change, not a response that was sent or received, so it is left alone.
 *
 * Not codes: the idle-CPU column (`94.73% [DEBUG]`), source lines (`sofia.c:7290`), siptrace byte
 * counts (`recv 436 bytes from udp/...`, `send 603 bytes to ...`), cause names (`hanging up, cause:
 * NORMAL_CLEARING`, `Hangup ... [CS_EXECUTE] [NORMAL_CLEARING]`), sofia-sip's 9xx internal statuses.
 */
export const freeswitchLogDialect: Dialect = {
  id: 'freeswitch-log',
  trigger: /state \[|Overriding|Passing [0-9]|Overlap|respond|Remote Reason|hangup\(|nta[(:]|event r_|outbound\(|status|code|cause/,
  keywords: ['state [', 'overriding', 'passing ', 'overlap', 'respond', 'remote reason', 'hangup(', 'nta(', 'nta:', 'event r_', 'outbound(', 'status', 'code', 'cause'],
  scanLine(text, line, out) {
    CUES.scanLine(text, line, out);
  },
};
