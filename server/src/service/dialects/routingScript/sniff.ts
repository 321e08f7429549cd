/** Recognition by content: whether a document opened as plain text is a Kamailio or OpenSIPS configuration. */

/** The first line of a Kamailio/SER configuration (#!KAMAILIO, #!SER, #!OPENSER, #!MAXCOMPAT, #!ALL), or #!OPENSIPS. */
const SHEBANG = /^\uFEFF?#!(KAMAILIO|SER|OPENSER|MAXCOMPAT|ALL|OPENSIPS)\b/;
const LOADMODULE = /^[ \t]*loadmodule[ \t]+"/m;
const MODPARAM = /^[ \t]*modparam[ \t]*\(/m;
const ROUTE_BLOCK = /^[ \t]*(?:request_|failure_|onreply_|branch_)?route[ \t]*[[{]/m;

/**
 * Whether a document is a Kamailio or an OpenSIPS routing script, by its first line or, failing
 * that, by what only such scripts have: loadmodule "..." and modparam(...) lines, or modparam and
 * route blocks. OpenSIPS when it names OpenSIPS and not Kamailio.
 */
export function routingScriptKindOf(head: string): 'kamailio' | 'opensips' | undefined {
  const shebang = SHEBANG.exec(head);
  if (shebang) return shebang[1] === 'OPENSIPS' ? 'opensips' : 'kamailio';
  if (!MODPARAM.test(head) || !(LOADMODULE.test(head) || ROUTE_BLOCK.test(head))) return undefined;
  return /opensips/i.test(head) && !/kamailio/i.test(head) ? 'opensips' : 'kamailio';
}

