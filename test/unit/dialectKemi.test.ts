import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCompletion, computeHover, resolveSettings } from '../../server/src/service';
import { dialectsFor } from '../../server/src/service/dialectSelection';
import { analyzed, describeOccurrence, diagnosticRules, positionOf } from '../support/documents';

/** KEMI scripts (Kamailio's routing logic in Lua, Python, JavaScript, Ruby, Squirrel): served only when they use KSR. */

const en = resolveSettings({ hover: { language: 'en' } });

const LUA = [
  'function ksr_request_route()',
  '  if KSR.pv.get("$rs") ~= 486 then KSR.x.exit() end',
  '  KSR.sl.sl_send_reply(404, "Not found")',
  '  -- KSR.sl.send_reply(200, "OK")',
  '  if KSR.tm.t_check_status("486|408") > 0 then KSR.tm.t_reply(480, "Later") end',
  'end',
].join('\n');

const PYTHON = [
  'import KSR as KSR',
  'class kamailio:',
  '    def ksr_failure_route_manage(self, msg):',
  '        if KSR.pv.get("$T_reply_code") == 486:',
  '            KSR.sl.send_reply(603, "Declined")',
  '        # KSR.tm.t_reply(409, "Conflict")',
  '        return 1',
].join('\n');

const JAVASCRIPT = [
  'function ksr_request_route() {',
  '  if (KSR.pv.get("$rs") === 408) { KSR.tm.t_reply(500, "Server Internal Error"); }',
  '  KSR.sl.sl_send_reply(404, "Busy Here"); // a phrase of another code',
  '}',
].join('\n');

test('Lua, Python, JavaScript, Ruby and Squirrel files that use KSR are read with the Kamailio tables', () => {
  for (const language of ['lua', 'python', 'javascript', 'ruby', 'squirrel']) {
    assert.deepEqual(dialectsFor(language, 'KSR.sl.sl_send_reply(404, "Not found")').map((d) => d.id), ['kamailio'], language);
    assert.deepEqual(dialectsFor(language, 'print(404)\nrequests.get(url).status_code == 404'), [], `${language} without KSR`);
  }
  assert.deepEqual(analyzed(LUA, 'lua').occurrences.map(describeOccurrence), [
    'status/status-comparison 486@1:26-29',
    'status/reply-function 404@2:23-26 "Not found"',
    'status/reply-function 200@3:23-26 "OK" quiet',
    'status/status-regex 486@4:28-31', 'status/status-regex 408@4:32-35', 'status-pattern/status-regex 486|408@4:27-36',
    'status/reply-function 480@4:62-65 "Later"',
  ]);
  assert.deepEqual(analyzed(PYTHON, 'python').occurrences.map(describeOccurrence), [
    'status/status-comparison 486@3:42-45',
    'status/reply-function 603@4:30-33 "Declined"',
    'status/reply-function 409@5:25-28 "Conflict" quiet',
  ]);
  assert.deepEqual(analyzed(JAVASCRIPT, 'javascript').occurrences.map((o) => `${o.context} ${o.digits}`), [
    'status-comparison 408', 'reply-function 500', 'reply-function 404',
  ], 'JavaScript\'s === compares too');
  assert.deepEqual(diagnosticRules(analyzed(JAVASCRIPT, 'javascript'), en), ['phrase-mismatch@2:29']);
});

test('a Lua block comment (--[[ ... ]]) over several lines holds commented-out code: hovered, never diagnosed', () => {
  const text = [
    'function ksr_request_route()',
    '  --[[',
    '  KSR.sl.sl_send_reply(409, "Busy Here")',
    '  if KSR.pv.get("$rs") == 411 then KSR.x.exit() end',
    '  ]] KSR.sl.sl_send_reply(404, "Busy Here")',
    '  --[==[ KSR.tm.t_reply(409, "x") ]] ]==] KSR.tm.t_reply(411, "Length Required")',
    '  -- prose that names 486 is nothing',
    'end',
  ].join('\n');
  const document = analyzed(text, 'lua');
  assert.deepEqual(document.occurrences.map(describeOccurrence), [
    'status/reply-function 409@2:23-26 "Busy Here" quiet',
    'status/status-comparison 411@3:26-29 quiet',
    'status/reply-function 404@4:26-29 "Busy Here"',
    // The code after the comment first, then what the comment holds.
    'status/reply-function 411@5:57-60 "Length Required"',
    'status/reply-function 409@5:24-27 "x" quiet',
  ]);
  assert.deepEqual(diagnosticRules(document), ['phrase-mismatch@4:32', 'removed-code@5:57']);
  const hover = computeHover(document, positionOf(text, '409, "Busy', 1), en)!.markdown;
  assert.match(hover, /^\*\*409 Conflict\*\*/);
  assert.match(hover, /In commented-out code/);
});

test('hover and completion in a KEMI script work as in kamailio.cfg; an ordinary file gets nothing', () => {
  const lua = analyzed(LUA, 'lua');
  assert.match(computeHover(lua, positionOf(LUA, 'sl_send_reply(404', 15), en)!.markdown, /^\*\*404 Not Found\*\*/);
  const typed = 'function f()\n  KSR.sl.sl_send_reply()\nend';
  const items = computeCompletion(analyzed(typed, 'lua'), positionOf(typed, 'sl_send_reply(', 14))!;
  assert.equal(items.find((item) => item.label === '486 Busy Here')!.newText, '486, "Busy Here"', 'KEMI takes an integer code');
  const plain = 'import requests\nr = requests.get(url)\nif r.status_code == 404:\n    raise SystemExit(486)\n';
  const document = analyzed(plain, 'python');
  assert.equal(document.isServed, false);
  assert.equal(computeHover(document, positionOf(plain, '404', 1), en), undefined);
  assert.equal(computeCompletion(document, positionOf(plain, '404', 1)), undefined);
  assert.deepEqual(diagnosticRules(document, en), []);
});

test('a Python file becomes a KEMI script when KSR is typed into it', () => {
  const document = analyzed('def route():\n    pass\n', 'python');
  assert.equal(document.isServed, false);
  document.update([{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }, text: 'KSR.sl.sl_send_reply(486, "Busy Here")' }], 2);
  document.scanAll();
  assert.deepEqual(document.occurrences.map(describeOccurrence), ['status/reply-function 486@1:25-28 "Busy Here"']);
});

test('a local variable that holds the reply code (scode = KSR.pv.get("$rs")) is compared with codes, in every KEMI language', () => {
  const scripts: Record<string, string> = {
    lua: 'function ksr_onreply_route()\n  local code = KSR.kx.get_status()\n  if code >= 180 and code < 299 then KSR.info("early\\n") end\nend\n',
    python: 'import KSR\ndef ksr_onreply_manage():\n    rc = KSR.pv.get("$T(reply_code)")\n    if rc == 183 or 200 == rc:\n        return 1\n',
    javascript: 'function ksr_onreply_manage() {\n\tvar st = KSR.kx.gets_status();\n\tif (st == "180") { KSR.info("ringing\\n"); }\n}\n',
    ruby: 'def ksr_onreply_manage()\n  got = KSR::PV.get("$rs")\n  KSR::INFO("x") if got > 100\nend\n',
  };
  const found = (language: string) => analyzed(scripts[language], language).occurrences.map((o) => `${o.context} ${o.digits}@${o.line}:${o.span.start}`);
  assert.deepEqual(found('lua'), ['status-comparison 180@2:13'], 'an ordering bound (299) is no code');
  assert.deepEqual(found('python'), ['status-comparison 183@3:13', 'status-comparison 200@3:20']);
  assert.deepEqual(found('javascript'), ['status-comparison 180@2:12']);
  assert.deepEqual(found('ruby'), ['status-comparison 100@2:26']);
  const hover = computeHover(analyzed(scripts.lua, 'lua'), { line: 2, character: 15 }, en)!;
  assert.match(hover.markdown, /`code` holds the reply code \(assigned on line 2\)/);
  // Other numbers, and names that hold something else, are not codes.
  const other = 'import KSR\ndef ksr_route():\n    n = KSR.pv.get("$var(count)")\n    if n > 100:\n        KSR.sl.send_reply(503, "Busy")\n    rc = KSR.pv.get("$rs")\n    rc = 0\n    if rc == 200:\n        return 1\n';
  assert.deepEqual(analyzed(other, 'python').occurrences.map((o) => `${o.context} ${o.digits}`), ['reply-function 503'], 'the nearest assignment above decides');
});

test('a number compared with a variable whose name regular expressions read as syntax: no exception, and a JavaScript $name that holds the code is found', () => {
  // Half typed in a script: `if (202 != $var(x` (the fuzz run's `202 != $err.rcodexlog("` too) threw "Invalid regular expression" from every feature.
  for (const language of ['kamailio', 'opensips']) {
    for (const text of ['if (202 != $var(x\n', '202 != $err.rcodexlog("', 'if ($var(a[ == 404 || 486 == $avp(b*)\n']) {
      assert.deepEqual(analyzed(text, language).occurrences.map((o) => o.digits), [], `${language}: ${text}`);
    }
  }
  const javascript = 'function ksr_onreply_manage() {\n\tvar $st = KSR.kx.gets_status();\n\tif ($st == 180) { KSR.info("ringing\\n"); }\n}\n';
  assert.deepEqual(analyzed(javascript, 'javascript').occurrences.map((o) => `${o.context} ${o.digits}@${o.line}:${o.span.start}`), ['status-comparison 180@2:12']);
});

test('a Ruby script that writes its module names with double colons (KSR::SL.sl_send_reply) is a KEMI script', () => {
  const ruby = 'def ksr_request_route()\n  KSR::SL.sl_send_reply(403, "Not relaying")\n  exit\nend\n';
  assert.deepEqual(dialectsFor('ruby', ruby).map((d) => d.id), ['kamailio']);
  assert.deepEqual(analyzed(ruby, 'ruby').occurrences.map((o) => `${o.context} ${o.digits}`), ['reply-function 403']);
  assert.deepEqual(dialectsFor('ruby', 'module KSRX\n  A::B.c(404)\nend\n'), [], 'no KSR module, no KEMI');
});

test('KEMI helper functions that pass a parameter on as the reply code: their calls take codes (with the phrase where the reason is passed on too)', () => {
  const lua = [
    'local answer = {}',
    'function answer.stateless(status, text)',
    '  KSR.sl.sl_send_reply(status, text)',
    'end',
    'function answer.busy_and_exit()',
    '  answer.stateless(486, "Busy Here")',
    '  KSR.x.exit()',
    'end',
    'function count(n) return n end',
    'local total = count(500)',
  ].join('\n');
  assert.deepEqual(analyzed(lua, 'lua').occurrences.map(describeOccurrence), ['status/reply-function 486@5:19-22 "Busy Here"']);
  const hover = computeHover(analyzed(lua, 'lua'), { line: 5, character: 20 }, en)!.markdown;
  assert.match(hover, /^\*\*486 Busy Here\*\*/);
  assert.match(hover, /`answer\.stateless` sends its reply with this code \(defined on line 2\)/);
  const python = [
    'import KSR',
    'class kamailio:',
    '    def refuse(self, code, why="Forbidden"):',
    '        KSR.tm.t_reply(code, why)',
    '    def ksr_request_route(self, msg):',
    '        self.refuse(403)',
    '        self.refuse(60)',
  ].join('\n');
  assert.deepEqual(analyzed(python, 'python').occurrences.map((o) => `${o.context} ${o.digits}@${o.line}`), ['reply-function 403@5'], 'a method called on self; 60 is no code');
});
