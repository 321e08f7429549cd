import type { RoutingScriptCodeTables } from './types';

/*
 * What takes a status code in Kamailio and OpenSIPS routing scripts: the one source of both the
 * grammars (scripts/grammar-siprouter.mjs reads this file) and the dialects (dialects/kamailio.ts,
 * opensips.ts). Each name was checked against the module's exported functions and parameters
 * (cmd_export_t / param_export_t) and its admin guide.
 */

/** Kamailio (and SER): the sl, tm, tmx and textopsx functions, and the code parameters of sl, tm, pipelimit, ims_registrar_scscf, dispatcher, lcr and usrloc. */
export const KAMAILIO_CODE_TABLES: RoutingScriptCodeTables = {
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
    // textopsx, in an onreply_route.
    change_reply_status: { code: 0, reason: 1 },
    change_reply_status_code: { code: 0 },
  },
  statusPatternFunctions: ['t_check_status'],
  statusCheckFunctions: ['t_grep_status'],
  // acc_logic.c (acc_parse_code): three leading digits of the comment are the record's code.
  accountingFunctions: ['acc_log_request', 'acc_db_request', 'acc_request', 'acc_rad_request', 'acc_diam_request'],
  modparams: {
    'sl/default_code': { kind: 'code' },
    'tm/default_code': { kind: 'code' },
    'tm/reply_408_code': { kind: 'code' },
    'pipelimit/reply_code': { kind: 'code' },
    'ims_registrar_scscf/error_reply_code': { kind: 'code' },
    'tm/failover_reply_codes': {
      kind: 'list',
      allowed: {
        min: 300,
        max: 699,
        why: {
          en: 'tm failover_reply_codes takes only codes of 300 and above (a failure that makes DNS failover try the next address).',
          fa: 'failover_reply_codes در ماژول tm فقط کدهای 300 و بالاتر را می‌پذیرد (خطایی که باعث می‌شود DNS failover نشانی بعدی را امتحان کند).',
        },
      },
    },
    'dispatcher/ds_ping_reply_codes': { kind: 'list' },
    'lcr/ping_valid_reply_codes': { kind: 'list' },
    'usrloc/ka_reply_codes': { kind: 'list' },
  },
};

/** OpenSIPS 2.x/3.x: the sl, signaling, tm and sipmsgops functions, and the code parameters of dispatcher, drouting, load_balancer, nathelper and siprec. */
export const OPENSIPS_CODE_TABLES: RoutingScriptCodeTables = {
  replyFunctions: {
    sl_send_reply: { code: 0, reason: 1 },
    send_reply: { code: 0, reason: 1 },
    t_reply: { code: 0, reason: 1 },
    t_reply_with_body: { code: 0, reason: 1 },
    // tm: t_reply_by_callid(code, reason_phrase, [callid], [cseq]).
    t_reply_by_callid: { code: 0, reason: 1 },
    // sipmsgops, in an onreply_route.
    change_reply_status: { code: 0, reason: 1 },
  },
  statusPatternFunctions: ['t_check_status'],
  statusCheckFunctions: [],
  // acc_logic.c (acc_parse_code), as in Kamailio: three leading digits of the comment are the record's code.
  accountingFunctions: ['acc_log_request', 'acc_db_request', 'acc_aaa_request', 'acc_evi_request'],
  modparams: {
    'dispatcher/options_reply_codes': { kind: 'list' },
    'drouting/probing_reply_codes': { kind: 'list' },
    'load_balancer/probing_reply_codes': { kind: 'list' },
    'nathelper/sipping_ignore_rpl_codes': { kind: 'list' },
    'siprec/skip_failover_codes': { kind: 'regex' },
  },
};
