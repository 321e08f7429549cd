import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  IDENT, IN_BLOCK_COMMENT, IN_CODE, IN_LUA_COMMENT, NUMBER, OP, OPEN_STRING, PUNCT, PVAR, STRING, lexLine, type Tokens,
} from '../../server/src/service/dialects/routingScript/lexer';

const NAMES: Record<number, string> = { [IDENT]: 'ident', [NUMBER]: 'number', [STRING]: 'string', [OPEN_STRING]: 'open-string', [PVAR]: 'pvar', [OP]: 'op', [PUNCT]: 'punct' };

function tokens(text: string, list: Tokens): string[] {
  const out: string[] = [];
  for (let k = 0; k < list.length; k++) out.push(`${NAMES[list.type[k]]}:${text.slice(list.start[k], list.end[k])}`);
  return out;
}

test('code: names, numbers, strings, pseudo-variables and operators, up to a trailing comment', () => {
  const text = 'if ($T_rpl($rs) == 486 && status=~"18[0-9]") sl_send_reply("404", \'x\'); # sl_send_reply("200", "OK");';
  const lexed = lexLine(text);
  assert.deepEqual(tokens(text, lexed.code), [
    'ident:if', 'punct:(', 'pvar:$T_rpl($rs)', 'op:==', 'number:486', 'op:&&', 'ident:status', 'op:=~', 'string:"18[0-9]"', 'punct:)',
    'ident:sl_send_reply', 'punct:(', 'string:"404"', 'punct:,', "string:'x'", 'punct:)', 'punct:;',
  ]);
  assert.equal(lexed.code.codeEnd, text.indexOf('#'));
  assert.deepEqual(lexed.comments.map((c) => tokens(text, c)), [['ident:sl_send_reply', 'punct:(', 'string:"200"', 'punct:,', 'string:"OK"', 'punct:)', 'punct:;']]);
  assert.equal(lexed.endState, IN_CODE);
});

test('block comments: open at the end of a line, closed on a later one, inline ones skipped', () => {
  const opens = 'sl_send_reply("404", "x"); /* t_reply("486", "y");';
  const lexed = lexLine(opens);
  assert.equal(lexed.endState, IN_BLOCK_COMMENT);
  assert.equal(lexed.code.codeEnd, opens.indexOf('/*'));
  assert.equal(lexed.comments.length, 1);
  const inside = lexLine('  sl_send_reply("500", "z");', IN_BLOCK_COMMENT);
  assert.deepEqual([inside.code.length, inside.comments.length, inside.endState], [0, 1, IN_BLOCK_COMMENT]);
  const closes = 'end */ t_reply("480", "Later"); /* inline */ exit;';
  const after = lexLine(closes, IN_BLOCK_COMMENT);
  assert.equal(after.endState, IN_CODE);
  assert.deepEqual(tokens(closes, after.code), ['ident:t_reply', 'punct:(', 'string:"480"', 'punct:,', 'string:"Later"', 'punct:)', 'punct:;', 'ident:exit', 'punct:;']);
  // A "/*" in a string or after # opens nothing.
  assert.equal(lexLine('xlog("/* not a comment"); # nor /* this').endState, IN_CODE);
});

test('KEMI Lua block comments: --[[ ... ]] and --[==[ ... ]==] across lines, like /* */', () => {
  const opens = 'KSR.sl.sl_send_reply(404, "x") --[[ KSR.tm.t_reply(486, "y")';
  const lexed = lexLine(opens);
  assert.equal(lexed.endState, IN_LUA_COMMENT);
  assert.equal(lexed.code.codeEnd, opens.indexOf('--[['));
  assert.equal(lexed.comments.length, 1);
  // Inside, "*/" closes nothing; "]]" does, and code goes on after it.
  const inside = lexLine('  KSR.sl.sl_send_reply(500, "z") */', IN_LUA_COMMENT);
  assert.deepEqual([inside.code.length, inside.comments.length, inside.endState], [0, 1, IN_LUA_COMMENT]);
  const closes = ']] KSR.tm.t_reply(480, "Later") --[[ inline ]] KSR.x.exit()';
  const after = lexLine(closes, IN_LUA_COMMENT);
  assert.equal(after.endState, IN_CODE);
  assert.deepEqual(tokens(closes, after.code).filter((t) => t.startsWith('number') || t.startsWith('ident:KSR')), ['ident:KSR', 'number:480', 'ident:KSR']);
  // A level-2 bracket is closed by ]==] only.
  assert.equal(lexLine('--[==[ a ]] b ]=]').endState, IN_LUA_COMMENT + 2);
  assert.equal(lexLine(' ]] still inside ]==] KSR.x.exit()', IN_LUA_COMMENT + 2).endState, IN_CODE);
  // At the start of a line: the block comment, not a whole-line "--" comment; a plain "--[" is a line comment.
  assert.equal(lexLine('--[[').endState, IN_LUA_COMMENT);
  assert.equal(lexLine('--[ not a long bracket').endState, IN_CODE);
  assert.equal(lexLine('x = "--[[" -- [[ spaced: a line comment').endState, IN_CODE);
});

test('preprocessor directives are neither code nor comment; m4 dnl and quotes; a Lua comment', () => {
  for (const text of ['#!define BUSY 486', '!!trydef X "603"', '  #!substdef "/A/B/"']) {
    const lexed = lexLine(text);
    assert.deepEqual([lexed.code.length, lexed.comments.length], [0, 0], text);
  }
  const m4 = "ifelse(USE_X,`yes',`send_reply(486, \"Busy\")') dnl t_reply(500, \"x\")";
  const lexed = lexLine(m4);
  assert.ok(tokens(m4, lexed.code).includes('number:486'));
  assert.equal(lexed.code.codeEnd, m4.indexOf('dnl'));
  assert.deepEqual(lexLine('-- KSR.sl.sl_send_reply(404, "x")').code.length, 0);
  assert.equal(lexLine('-- KSR.sl.sl_send_reply(404, "x")').comments.length, 1);
});

test('prose in comments is not lexed (no call, comparison or label in it)', () => {
  assert.deepEqual(lexLine('# reply with 404 when the user is unknown').comments, []);
});
