import { createRoutingScriptDialect } from './routingScript';

/**
 * OpenSIPS routing scripts (opensips.cfg and the m4 templates): the same ideas as Kamailio with
 * OpenSIPS's functions (sl, signaling, tm, sipmsgops), where 3.x takes the code as an unquoted
 * integer (send_reply(486, "Busy Here")); $rs, $T_reply_code and $err.rcode comparisons,
 * t_check_status patterns, and the module parameters that take codes.
 */
export const opensipsDialect = createRoutingScriptDialect({
  id: 'opensips',
  codeStyle: 'bare',
  replyFunctions: {
    sl_send_reply: { code: 0, reason: 1 },
    send_reply: { code: 0, reason: 1 },
    t_reply: { code: 0, reason: 1 },
    t_reply_with_body: { code: 0, reason: 1 },
    t_reply_by_callid: { code: 0, reason: 1 },
    change_reply_status: { code: 0, reason: 1 },
  },
  modparams: {
    'dispatcher/options_reply_codes': { kind: 'list' },
    'drouting/probing_reply_codes': { kind: 'list' },
    'load_balancer/probing_reply_codes': { kind: 'list' },
    'nathelper/sipping_ignore_rpl_codes': { kind: 'list' },
    'siprec/skip_failover_codes': { kind: 'regex' },
  },
});
