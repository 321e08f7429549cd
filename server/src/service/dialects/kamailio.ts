import { KAMAILIO_CODE_TABLES } from '../../data/routingScripts';
import { createRoutingScriptDialect } from './routingScript/index';

/**
 * Kamailio (and SER) routing scripts, kamailio.cfg and the files it includes: reply functions of
 * the sl, tm, tmx and textopsx modules (code quoted or not, or a pseudo-variable, which is not
 * read), $rs/$T_reply_code/$T_rpl($rs)/$T(reply_code)/$err.rcode and `status` comparisons,
 * t_check_status/status=~ patterns, t_grep_status, and the module parameters that take codes.
 * KEMI calls read the same way (KSR.sl.sl_send_reply(404, "Not Found"), KSR.pv.get("$rs") == 486).
 */
export const kamailioDialect = createRoutingScriptDialect({ id: 'kamailio', codeStyle: 'quoted', ...KAMAILIO_CODE_TABLES });

/** KEMI scripts: the same reading, and their variables that hold the reply code and helper functions that reply. */
export const kemiDialect = createRoutingScriptDialect({ id: 'kamailio', codeStyle: 'quoted', kemi: true, ...KAMAILIO_CODE_TABLES });
