import type { Dialect } from '../../scanner/dialect';
import { asteriskLogDialect } from './asteriskLog';
import { freeswitchLogDialect } from './freeswitchLog';
import { kamailioLogDialect } from './kamailioLog';
import { pjsipLogDialect } from './pjsipLog';
import { sipInLogDialect } from './sipInLog';
import { sippLogDialect } from './sippLog';

export { asteriskLogDialect, freeswitchLogDialect, kamailioLogDialect, pjsipLogDialect, sipInLogDialect, sippLogDialect };

/**
 * The dialects of log files, scanned beside the SIP message dialect (which finds the status lines
 * and headers of the messages that logs embed). A number counts only behind the words its program
 * prints before it, so each product's dialect stays silent on the others' logs.
 */
export const LOG_DIALECTS: readonly Dialect[] = [
  asteriskLogDialect, kamailioLogDialect, freeswitchLogDialect, pjsipLogDialect, sipInLogDialect, sippLogDialect,
];

/**
 * Lines that only the logs of VoIP software have: Asterisk's `] VERBOSE[1302]` (or FAX[...]) and its source files,
 * Kamailio/OpenSIPS syslog tags (`kamailio[795]:`, `[t_reply.c:1232]: t_should_relay_response()`,
 * `DBG:tm:`), FreeSWITCH's `[DEBUG] sofia.c:7290`, sofia-sip's `nta: ` and `nua(0x`, pjsip's source
 * names and `Response msg 401/`, liblinphone/belle-sip's tags, SIPp's error entries (`Aborting call on
 * unexpected message for Call-Id`).
 */
const VOIP_LOG_LINE = /\] (?:VERBOSE|DEBUG|NOTICE|WARNING|ERROR|DTMF|SECURITY|FAX)\[[0-9]+\]|\b(?:chan_sip|chan_pjsip|res_pjsip[a-z_]*|app_dial|pbx)\.c:|\b(?:kamailio|opensips)\[[0-9]+\]:|\[[a-z_/]+\.c:[0-9]+\]: [a-z_]+\(\)|\b(?:DBG|INFO|NOTICE|WARNING|ERROR|CRITICAL):[a-z_]+:[a-z_]+:|\[(?:DEBUG|INFO|NOTICE|WARNING|ERR|CRIT|ALERT|CONSOLE)\] [a-z_]+\.c:[0-9]+ |\bnta: |\bnua\(0x|\b(?:pjsua_[a-z]+|sip_endpoint|sip_transport)\.c |\b(?:Response|Request) msg [0-9A-Z]+\/|\[(?:belle-sip|liblinphone)\]|\bbelle-sip-message|\b(?:Aborting|Continuing) call on unexpected message for Call-Id '/;

/** Whether the start of a plain-text document reads like the log of a SIP server, PBX or SIP stack. */
export function looksLikeVoipLog(head: string): boolean {
  return VOIP_LOG_LINE.test(head);
}
