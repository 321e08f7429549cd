import type { Dialect } from '../../scanner/dialect';
import { CueSet, enclosedPhrase, restPhrase } from './cues';

/**
 * pjsip / pjsua logs (pjsua, pjsua2 apps, tg2sip, baresip-alikes on pjproject) and liblinphone.
 *
 * - pjsip transport: `RX 500 bytes Response msg 401/REGISTER/cseq=15116 (rdata0x...) from TCP ...`
 *   and `TX 557 bytes Response msg 200/INVITE/cseq=102 (tdta0x...) to UDP ...` (pjsip_rx_data_get_info
 *   prints "Response msg code/method/cseq=n"): the code is the number before "/METHOD"; the number
 *   before "bytes" is the packet size, and `Request msg INVITE/cseq=102` has no code.
 * - pjsua: `Call 0 is DISCONNECTED [reason=487 (Request Terminated)]`, `registration success,
 *   status=200 (OK)`, `SIP registration failed, status=403 (Forbidden)`, `transfer status=200 (OK)`,
 *   `(last termination reason code=200 OK)`, `Call 0 hanging up: code=486..`, `Answering call 0:
 *   code=180`, `Client publication (PUBLISH) failed, status=489, msg=...`.
 * - liblinphone: `Op [0x...] receiving call response [200], dialog is [...]`.
 *
 * Not codes: pj_status_t error numbers (`[status=70013]`, `[code=120104]`), byte counts (`RX 907
 * bytes`, linphone's `received [315] new bytes`), CSeq numbers (`cseq=15116`), ports.
 */
const CUES = new CueSet('pjsip-log', [
  { keyword: 'Response msg ', pattern: /\bResponse msg ([0-9]+)(?=\/)/g },
  { keyword: 'DISCONNECTED [reason=', pattern: /\bis DISCONNECTED \[reason=([0-9]+)/g, phrase: enclosedPhrase('(', ')') },
  { keyword: 'reason code=', pattern: /\btermination reason code=([0-9]+)/g, phrase: restPhrase(')') },
  { keyword: 'status=', pattern: /\b(?:registration (?:success|failed|updated)|transfer|\(PUBLISH\) failed),? status=([0-9]+)/g, phrase: enclosedPhrase('(', ')') },
  { keyword: ': code=', pattern: /\b(?:hanging up|pending hangup|Answering call [0-9]+): code=([0-9]+)/g },
  { keyword: 'call response [', pattern: /\breceiving call response \[([0-9]+)(?=\])/g },
]);

export const pjsipLogDialect: Dialect = {
  id: 'pjsip-log',
  trigger: /response msg|reason[ =]|status=|code=|call response/,
  keywords: ['response msg', 'reason ', 'reason=', 'status=', 'code=', 'call response'],
  scanLine(text, line, out) {
    CUES.scanLine(text, line, out);
  },
};
