import { OPENSIPS_CODE_TABLES } from '../../data/routingScripts';
import { createRoutingScriptDialect } from './routingScript/index';

/**
 * OpenSIPS routing scripts (opensips.cfg and the m4 templates): the same ideas as Kamailio with
 * OpenSIPS's functions (sl, signaling, tm, sipmsgops), where 3.x takes the code as an unquoted
 * integer (send_reply(486, "Busy Here")); $rs, $T_reply_code and $err.rcode comparisons,
 * t_check_status patterns, and the module parameters that take codes.
 */
export const opensipsDialect = createRoutingScriptDialect({ id: 'opensips', codeStyle: 'bare', ...OPENSIPS_CODE_TABLES });
