import type { RoutingScriptCodeTables } from '../../../data/types';

/**
 * What Kamailio and OpenSIPS routing scripts have in common (both descend from SER): the reply
 * functions whose argument is a status code, the variables that hold the code of a reply
 * ($rs, $T_reply_code ...), the regular expressions over codes (t_check_status, status=~) and the
 * module parameters that take codes. Each product's dialect is this engine with its own tables.
 *
 * A line is read by a small lexer (lexer.ts) that knows the script's strings, pseudo-variables and
 * comments (#, //, and /* *\/ across lines: the scanner carries whether a line starts inside one),
 * so nothing inside an xlog text or a route name is ever taken for a code, and what is inside a
 * comment is taken only when it is commented-out code (explained, never diagnosed). The rest of a
 * line's reading is line-local and linear in the line length (tokens.ts matches brackets in one
 * pass), so a 10 MB line costs a fraction of a second. Modules: lexer.ts, tokens.ts (reading the
 * tokens), values.ts (what holds a code, comparisons), recognition.ts, completion.ts, sniff.ts.
 */

/** A product's tables of what takes a code (server/src/data/routingScripts.ts) and how it writes codes. */
export interface RoutingScriptConfig extends RoutingScriptCodeTables {
  id: 'kamailio' | 'opensips';
  /**
   * How the code argument of a reply function is written when completion inserts it:
   * Kamailio's scripts quote it (sl_send_reply("486", ...)), OpenSIPS 3.x wants an integer.
   * What the user already typed (a quote, a bare digit, a KEMI call) wins over this.
   */
  codeStyle: 'quoted' | 'bare';
  /**
   * Kamailio's KEMI scripts (Lua, Python, JavaScript, Ruby, Squirrel calling KSR.*): their own
   * variables that hold the reply code and their helper functions that reply are read too.
   */
  kemi?: true;
}

export { createRoutingScriptDialect } from './recognition';
export { isInFailureRoute } from './completion';
export { routingScriptKindOf } from './sniff';
