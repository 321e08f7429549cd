import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { languageForFile } from '../../server/src/service/fileLanguage';
import { runCli as run, runCliAsync as runAsync } from '../support/cli';
import { repoRoot, sharedRoot } from '../support/corpus';


const dir = mkdtempSync(join(tmpdir(), 'sipsense-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('--version prints package.json\'s version, the one place it is written', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const result = run('--version');
  assert.equal(result.code, 0);
  assert.equal(result.out, manifest.version);
});

test('check prints diagnostics like a compiler and exits 1 on an error', async () => {
  const bigcode = join(sharedRoot, 'corpus', 'sip-traces', 'resiprocate__resip_stack_test_bigcode.dat');
  const result = await runAsync('check', bigcode);
  assert.equal(result.code, 1);
  assert.equal(result.out, `${bigcode}:1:9: error: 4294967301 is not a valid SIP status code: status codes are three digits from 100 to 699 (RFC 3261 §7.2). [impossible-code]`);
});

test('check exits 0 on warnings only; --severity filters; --format json', async () => {
  const trace = file('a.sip', 'SIP/2.0 202 Accepted\r\nCSeq: 1 REFER\r\n\r\nSIP/2.0 603 Nope\r\n');
  const text = await runAsync('check', trace);
  assert.equal(text.code, 0);
  assert.match(text.out, /a\.sip:1:9: warning: 202 Accepted is deprecated/);
  assert.doesNotMatch(text.out, /custom-phrase/, 'hints are below the default threshold');
  assert.equal((await runAsync('check', '--severity', 'error', trace)).out, '');
  const json = JSON.parse((await runAsync('check', '--format=json', '--severity', 'hint', trace)).out);
  assert.deepEqual(json.map((d: { line: number; column: number; rule: string }) => [d.line, d.column, d.rule]), [[1, 9, 'deprecated-code'], [4, 13, 'custom-phrase']]);
});

test('unreadable and binary files get a clear message and the others are still checked', async () => {
  const binary = file('capture.pcap', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x53, 0x49, 0x50]));
  const trace = file('b.sip', 'SIP/2.0 409 Conflict\n');
  const result = await runAsync('check', join(dir, 'missing.sip'), binary, trace);
  assert.equal(result.code, 1);
  assert.match(result.err, /cannot read .*missing\.sip: ENOENT/);
  assert.match(result.err, /skipped .*capture\.pcap: binary file/);
  assert.match(result.out, /b\.sip:1:9: warning: .*\[removed-code\]/);
});

test('check reads KEMI scripts by their extension (Lua, Python, JavaScript, Ruby, Squirrel), and an ordinary script gets nothing', async () => {
  const lua = file('routing.lua', 'function ksr_request_route()\n  KSR.sl.sl_send_reply(409, "Conflict")\nend\n');
  const python = file('tool.py', 'import requests\nif requests.get(url).status_code == 409:\n    print("Conflict")\n');
  const result = await runAsync('check', lua, python);
  assert.match(result.out, /routing\.lua:2:24: warning: .*\[removed-code\]/);
  assert.doesNotMatch(result.out, /tool\.py/);
  for (const [name, language] of [['a.lua', 'lua'], ['a.py', 'python'], ['a.js', 'javascript'], ['a.rb', 'ruby'], ['a.nut', 'squirrel'], ['a.sq', 'squirrel']]) {
    assert.equal(languageForFile(`/srv/${name}`, ''), language, name);
  }
});

test('bad usage exits 2 with the usage text', () => {
  for (const args of [[], ['check'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x'], ['explain'], ['explain', 'abc'], ['frobnicate']]) {
    const result = run(...args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.err, /Usage:/);
  }
});

test('--lang fa: the usage, what is wrong with it and what check cannot read are said in Persian; both says each', async () => {
  const help = run('--help', '--lang', 'fa');
  assert.equal(help.code, 0);
  assert.match(help.out, /^طرز استفاده:\n  sipsense check \[--format text\|json\]/);
  assert.match(help.out, /با کد ۱ خارج می‌شود/, 'numbers in Persian prose in Persian digits');
  const noFile = run('check', '--lang=fa');
  assert.equal(noFile.code, 2);
  assert.match(noFile.err, /^sipsense: check دست‌کم به یک فایل نیاز دارد\nطرز استفاده:/);
  const badOption = run('explain', '--lang', 'fa', '--bogus', '1');
  assert.match(badOption.err, /^sipsense: گزینهٔ ناشناخته: --bogus/);
  assert.match(run('explain', '--lang', 'fa').err, /مثلاً sipsense explain 486/, 'a command line keeps its digits');
  const both = run('--help', '--lang', 'both');
  assert.match(both.out, /^Usage:[^]*\nطرز استفاده:/);
  assert.match(run('--help').out, /^Usage:/);
  const dir = mkdtempSync(join(tmpdir(), 'sipsense-cli-fa-'));
  const binary = join(dir, 'capture.pcap');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x53, 0x49, 0x50]));
  const files = await runAsync('check', '--lang', 'fa', join(dir, 'missing.sip'), binary);
  assert.match(files.err, /فایل .*missing\.sip خوانده نشد: ENOENT/);
  assert.match(files.err, /capture\.pcap کنار گذاشته شد: فایل باینری است/);
});

test('explain prints the explanation as plain text, in the chosen language', () => {
  const en = run('explain', '486');
  assert.equal(en.code, 0);
  assert.match(en.out, /^486 Busy Here · 4xx /);
  assert.match(en.out, /RFC 3261 §21\.4\.24 <https:/);
  assert.doesNotMatch(en.out, /\*\*/);
  assert.match(run('explain', '--lang', 'fa', '486').out, /[\u0600-\u06FF]/);
});

test('languages by file name and first line', () => {
  assert.equal(languageForFile('/etc/kamailio/kamailio.cfg', ''), 'kamailio');
  assert.equal(languageForFile('x/opensips-residential.cfg', ''), 'opensips');
  assert.equal(languageForFile('C:\\pbx\\asterisk\\extensions.conf', ''), 'asterisk');
  assert.equal(languageForFile('routing.cfg', '#!KAMAILIO'), 'kamailio');
  assert.equal(languageForFile('dump.txt', 'SIP/2.0 200 OK'), 'sip');
  assert.equal(languageForFile('nginx.conf', 'server {'), 'plaintext');
  assert.equal(languageForFile('trace.log', ''), 'log');
});

test('the built command runs as a program', () => {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'explain', '202'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^202 Accepted/);
});

test('files in a kamailio, opensips or asterisk folder take that language', () => {
  assert.equal(languageForFile('/etc/kamailio/routing/main.cfg', ''), 'kamailio');
  assert.equal(languageForFile('/srv/opensips/opensips-lb.cfg', ''), 'opensips');
  assert.equal(languageForFile('/etc/asterisk/queues.conf', ''), 'asterisk');
  assert.equal(languageForFile('/etc/nginx/kamailio.conf', ''), 'plaintext');
});
