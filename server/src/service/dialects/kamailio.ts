import { createRoutingScriptDialect } from './routingScript';

/**
 * Kamailio (and SER) routing scripts, kamailio.cfg and the files it includes: reply functions of
 * the sl, tm, tmx and textopsx modules (code quoted or not, or a pseudo-variable, which is not
 * read), $rs/$T_reply_code/$T_rpl($rs)/$T(reply_code)/$err.rcode and `status` comparisons,
 * t_check_status/status=~ patterns, t_grep_status, and the module parameters that take codes.
 * KEMI calls read the same way (KSR.sl.sl_send_reply(404, "Not Found"), KSR.pv.get("$rs") == 486).
 */
export const kamailioDialect = createRoutingScriptDialect({
  id: 'kamailio',
  codeStyle: 'quoted',
  replyFunctions: {
    sl_send_reply: { code: 0, reason: 1 },
    sl_reply: { code: 0, reason: 1 },
    send_reply: { code: 0, reason: 1 },
    // The third argument is a mode (flags), not a code.
    send_reply_mode: { code: 0, reason: 1 },
    // Forwards the received reply with another code of its class (sl.c: "reply code class cannot be changed").
    sl_forward_reply: { code: 0, reason: 1, keepsReceivedClass: true },
    t_reply: { code: 0, reason: 1 },
    t_send_reply: { code: 0, reason: 1 },
    // tmx: t_reply_callid(callid, cseq, code, reason).
    t_reply_callid: { code: 2, reason: 3 },
    change_reply_status: { code: 0, reason: 1 },
    change_reply_status_code: { code: 0 },
  },
  modparams: {
    'sl/default_code': { kind: 'code' },
    'tm/default_code': { kind: 'code' },
    'tm/reply_408_code': { kind: 'code' },
    'pipelimit/reply_code': { kind: 'code' },
    'ims_registrar_scscf/error_reply_code': { kind: 'code' },
    'tm/failover_reply_codes': {
      kind: 'list',
      allowed: { min: 300, max: 699, why: 'tm failover_reply_codes takes only codes of 300 and above (a failure that makes DNS failover try the next address).' },
    },
    'dispatcher/ds_ping_reply_codes': { kind: 'list' },
    'lcr/ping_valid_reply_codes': { kind: 'list' },
    'usrloc/ka_reply_codes': { kind: 'list' },
  },
});
