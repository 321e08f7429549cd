/** Recognition by content: whether a document opened as plain text is a Kamailio or OpenSIPS configuration. */

/** The first line of a Kamailio/SER configuration (#!KAMAILIO, #!SER, #!OPENSER, #!MAXCOMPAT, #!ALL), or #!OPENSIPS. */
const SHEBANG = /^\uFEFF?#!(KAMAILIO|SER|OPENSER|MAXCOMPAT|ALL|OPENSIPS)\b/;
const LOADMODULE = /^[ \t]*loadmodule[ \t]+"/m;
const MODPARAM = /^[ \t]*modparam[ \t]*\(/m;
const ROUTE_BLOCK = /^[ \t]*(?:request_|failure_|onreply_|branch_)?route[ \t]*[[{]/m;
/** A call that only routing scripts make (route files that a main script includes have no loadmodule or modparam). */
const SCRIPT_CALL = /\b(?:sl_send_reply|send_reply|t_reply|t_relay|t_check_status|t_on_failure|t_on_reply|t_on_branch|loose_route|record_route)[ \t]*\(/;

/**
 * Whether a document is a Kamailio or an OpenSIPS routing script, by its first line or, failing
 * that, by what only such scripts have: route blocks, with loadmodule "..." or modparam(...)
 * lines, or with statements that call the script's functions (a file of routes that a main script
 * includes, an m4 piece of a template); or loadmodule and modparam lines. OpenSIPS when it names
 * OpenSIPS and not Kamailio.
 */
export function routingScriptKindOf(head: string): 'kamailio' | 'opensips' | undefined {
  const shebang = SHEBANG.exec(head);
  if (shebang) return shebang[1] === 'OPENSIPS' ? 'opensips' : 'kamailio';
  const modparam = MODPARAM.test(head);
  const loadmodule = LOADMODULE.test(head);
  const script = (modparam && loadmodule) || (ROUTE_BLOCK.test(head) && (modparam || loadmodule || SCRIPT_CALL.test(head)));
  if (!script) return undefined;
  return /opensips/i.test(head) && !/kamailio/i.test(head) ? 'opensips' : 'kamailio';
}

