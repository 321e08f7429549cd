import type { Dialect } from '../../scanner/dialect';
import { attributePhrase, CueSet } from './cues';

/** Lines of HTTP clients (http_client, http_async_client, ruxc) report HTTP statuses. */
const HTTP = ['HTTP', 'http'];

const CUES = new CueSet('kamailio-log', [
  // tm (both products).
  { keyword: 'code', pattern: /\bT_code=([0-9]+)/g },
  { keyword: 'code', pattern: /\bnew_code=([0-9]+)/g },
  { keyword: 'eply', pattern: /\breply status=([0-9]+)/g },
  { keyword: 'eply', pattern: /\b(?:can't|failed to) generate ([0-9]+)(?= reply)/g },
  { keyword: 'eply', pattern: /\bwhen a final ([0-9]+)(?= was sent out)/g },
  { keyword: 'code', pattern: /\bpicked (?:branch [0-9]+|reply is [0-9a-fx()nil]+), code ([0-9]+)/g },
  { keyword: 'code', pattern: /\bfor code ([0-9]+)/g, requires: ['pick_branch'] },
  { keyword: 'status', pattern: /\bstatus (?:code )?is <([0-9]+)(?=>)/g },
  { keyword: 'code', pattern: /\breply code (?:for branch [0-9]+ )?is <([0-9]+)(?=>)/g },
  { keyword: 'code', pattern: /\bwith status code: \[([0-9]+)(?=\])/g },
  { keyword: 'status', pattern: /\bstored: ([0-9]+)(?=, received: )/g, requires: ['status rewrite'] },
  { keyword: 'status', pattern: /\bstored: [0-9]+, received: ([0-9]+)/g, requires: ['status rewrite'] },
  { keyword: 'status', pattern: /\buas status: ([0-9]+)/g },
  { keyword: 'with ', pattern: /\b(?:completed|finished|negatively|failed) with (?:status|code) ([0-9]+)/g },
  { keyword: 'status', pattern: /\btm callback with status ([0-9]+)/g },
  { keyword: 'eply', pattern: /\breceiving a final reply ([0-9]+)/g },
  { keyword: 'status', pattern: /\bMI UAC generated status ([0-9]+)/g },
  // acc.
  { keyword: 'code', pattern: /\breply code ([0-9]+)/g, rejects: HTTP },
  { keyword: 'code', pattern: /[;: ]code=([0-9]+)/g, requires: ['ACC: '], phrase: attributePhrase(';reason=', ';') },
  { keyword: 'code', pattern: /\bacc code in filter: ([0-9]+)/g },
  { keyword: 'code', pattern: /\bprobing acc state - code: ([0-9]+)/g },
  // uac / uac_registrant.
  { keyword: 'registering', pattern: /\bsip response ([0-9]+)(?= while registering)/g },
  { keyword: 'registering', pattern: /\bgot ([0-9]+)(?= response while registering)/g },
  // OpenSIPS b2b_entities / uac_registrant / dialog.
  { keyword: 'eply', pattern: /\b(?:[Bb]ad|[Nn]egative|provisional|[Rr]etransmission for|received in) reply ([0-9]+)/g },
  { keyword: 'eply', pattern: /\bReply ([0-9]+)(?= received)/g },
  { keyword: 'Status Code received', pattern: /\bStatus Code received = +\[([0-9]+)(?=\])/g },
]);

/**
 * Kamailio and OpenSIPS logs (syslog, or -E on stderr): the lines of tm, sl, acc, uac, dispatcher
 * and dialog that report replies. The two share tm's code, so most lines read the same:
 *
 * - tm: `t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=500` (T_code is the reply the
 *   transaction sent so far, 0 before any), `reply status=180 branch=0`, `can't generate 487 reply
 *   when a final 408 was sent out` (OpenSIPS: "failed to generate"), `picked branch 0, code 500
 *   (prio=700)`, `picked reply is 0x..., code 486`, `t status code is <200>`, `checked status is <500>`
 *   (OpenSIPS t_check_status), `reply code is <486>`, `relaying reply with status code: [200]`,
 *   `status rewrite by UAS: stored: 486, received: 200`, `completed with status 200`.
 * - acc: `acc callback called for t(0x...) event type 128, reply code 500` and the accounting record
 *   `ACC: call missed: ...;code=500;reason=Server Internal Error;...` (the phrase is `reason=`).
 * - uac: `got sip response 408 while registering [...]`, `got 423 response while registering`.
 * - dispatcher: `OPTIONS-Request was finished with code 408`.
 * - OpenSIPS b2b/uac: `Reply 200 received for callid ...`, `Negative reply 486 received ...`,
 *   `Status Code received =  [486]`.
 *
 * Not codes: pids (`kamailio[795]`, ` 9(6285) ERROR:`), source lines (`t_reply.c:479`), branch
 * priorities (`prio=700`), the parser's `unexpected char [x] in status 12`, internal error numbers
 * (`(478/SL)`), cfgtrace line numbers (`l=368 a=6`), timestamps (`timestamp=1515761540`).
 */
export const kamailioLogDialect: Dialect = {
  id: 'kamailio-log',
  trigger: /code|reply|status|registering/,
  keywords: ['code', 'reply', 'status', 'registering'],
  scanLine(text, line, out) {
    CUES.scanLine(text, line, out);
  },
};
