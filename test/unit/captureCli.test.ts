import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { runCliAsync as run } from '../support/cli';
import { repoRoot, sharedRoot } from '../support/corpus';

const pcap = (name: string) => join(sharedRoot, 'corpus', 'pcap', name);
const dir = mkdtempSync(join(tmpdir(), 'sipsense-capture-cli-'));


test('decode prints the SIP messages of a capture as an ngrep-style trace', async () => {
  const result = await run('decode', pcap('pkts__cancel.pcap'));
  assert.equal(result.code, 0, result.err);
  const lines = result.out.split('\n');
  assert.match(lines[0], /^U 20\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} [\d.]+:\d+ -> [\d.]+:\d+$/);
  assert.match(lines[1], /^INVITE sip:\S+ SIP\/2\.0\r$/);
  assert.equal(result.out.split('\n').filter((l) => /^U \d/.test(l)).length, 7);
});

test('decode -o writes the trace to a file and a summary to stderr; a .gz decodes the same', async () => {
  const gz = join(dir, 'cancel.pcap.gz');
  writeFileSync(gz, gzipSync(readFileSync(pcap('pkts__cancel.pcap'))));
  const plain = await run('decode', pcap('pkts__cancel.pcap'));
  const output = join(dir, 'cancel.txt');
  const result = await run('decode', gz, '-o', output);
  assert.equal(result.code, 0, result.err);
  assert.equal(result.out, '');
  assert.match(result.err, /\d+ frames, 7 SIP messages/);
  assert.equal(readFileSync(output, 'utf8'), `${plain.out}\n`);
});

test('decode refuses a file that is no capture with one line saying what it is', async () => {
  const netmon = await run('decode', pcap('sipnab__c07-sip-r2.cap'));
  assert.equal(netmon.code, 1);
  assert.equal(netmon.out, '');
  assert.match(netmon.err, /^sipsense: \S+c07-sip-r2\.cap: this is a Microsoft Network Monitor capture, which SIP Sense does not read \(supported: pcap/);
  assert.equal(netmon.err.split('\n').length, 1);
  const text = join(dir, 'notes.pcap');
  writeFileSync(text, 'INVITE sip:a@b SIP/2.0\r\n');
  assert.match((await run('decode', text)).err, /this is a text file/);
  const badGzip = join(dir, 'bad.pcap.gz');
  writeFileSync(badGzip, Buffer.concat([gzipSync(readFileSync(pcap('pkts__cancel.pcap'))).subarray(0, 400), Buffer.alloc(64, 7)]));
  const damaged = await run('decode', badGzip);
  assert.equal(damaged.code, 1);
  assert.match(damaged.err, /damaged gzip file|ends in the middle/);
});

test('decode of a capture damaged after its first packets prints what came before, then exits 1', async () => {
  const bytes = Buffer.from(readFileSync(pcap('pkts__cancel.pcap')));
  // The third record's captured length now claims 4 GB.
  let at = 24;
  for (let i = 0; i < 2; i++) at += 16 + bytes.readUInt32LE(at + 8);
  bytes.writeUInt32LE(0xffffffff, at + 8);
  const file = join(dir, 'damaged.pcap');
  writeFileSync(file, bytes);
  const result = await run('decode', file);
  assert.equal(result.code, 1);
  assert.equal(result.out.split('\n').filter((l) => /^U \d/.test(l)).length, 2);
  assert.match(result.err, /damaged pcap: record 3 claims 4294967295 bytes/);
});

test('check reads a capture as its decoded trace and says when one is damaged', async () => {
  const cut = join(dir, 'cut.pcap');
  writeFileSync(cut, Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 0x53, 0x49, 0x50]));
  const damaged = await run('check', cut);
  assert.equal(damaged.code, 1);
  assert.equal(damaged.err, `sipsense: ${cut}: damaged pcap: the file ends inside its header`);
  const file = pcap('sipnab__sipp-branch-scenario.pcapng');
  const built = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', '--severity', 'hint', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(built.status, 0, built.stderr);
  assert.equal(built.stderr, '');
  // Line 58 of the decoded trace is the status line of the first 403 the SIPp server sends.
  assert.equal(built.stdout.split('\n')[0], `${file}:58:13: hint: “Error” is not the standard phrase of 403 (“Forbidden”). Custom phrases are legal in SIP: receivers act on the code alone. [custom-phrase]`);
});

test('the built command decodes and stops quietly when its reader does', () => {
  const result = spawnSync('bash', ['-c', `"${process.execPath}" "${join(repoRoot, 'dist', 'cli.js')}" decode "${pcap('pkts__sipp.pcap')}" | head -1`], { encoding: 'utf8' });
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^U 2012\/06\/23 23:45:09\.792454 127\.0\.0\.1:5060 -> 127\.0\.0\.1:5090\n$/);
  assert.equal(result.stderr, '');
});

test('--lang fa: what decode, calls and flow say at run time is Persian, its numbers in Persian digits; both says each', async () => {
  const netmon = await run('decode', '--lang', 'fa', pcap('sipnab__c07-sip-r2.cap'));
  assert.equal(netmon.code, 1);
  assert.match(netmon.err, /^sipsense: \S+c07-sip-r2\.cap: این فایل یک capture از Microsoft Network Monitor است و SIP Sense آن را نمی‌خواند/);
  const output = join(dir, 'retrans.txt');
  const summary = await run('decode', '--lang=fa', pcap('heplify__sip_ipv4_tcp_retrans.pcap'), '-o', output);
  assert.equal(summary.code, 0, summary.err);
  assert.equal(summary.err, `sipsense: ${pcap('heplify__sip_ipv4_tcp_retrans.pcap')}: ۱۹۶ فریم، ۸ پیام SIP؛ کنار گذاشته‌شده: ۹ پروتکل IP شمارهٔ ۱۱۲، ۲ فریم‌های بدون IP، ۵ streamهای TCP که SIP ندارند`);
  const both = await run('decode', '--lang', 'both', pcap('heplify__sip_ipv4_tcp_retrans.pcap'), '-o', output);
  assert.deepEqual(both.err.split('\n').map((line) => /skipped 9 IP protocol 112/.test(line) || /کنار گذاشته‌شده/.test(line)), [true, true]);
  const bytes = Buffer.from(readFileSync(pcap('pkts__cancel.pcap')));
  bytes.writeUInt32LE(0xffffffff, 24 + 8);
  const damaged = join(dir, 'damaged-first.pcap');
  writeFileSync(damaged, bytes);
  assert.match((await run('decode', '--lang', 'fa', damaged)).err, /فایل pcap خراب است: رکورد ۱ ادعا می‌کند ۴۲۹۴۹۶۷۲۹۵ بایت است \(در بایت ۲۴\)$/);
  assert.match((await run('decode', '--lang', 'fa', pcap('pkts__cancel.pcap'), '-o', join(dir, 'none', 'x.txt'))).err, /^sipsense: در فایل \S+ نوشتن ممکن نشد: ENOENT$/);
  assert.match((await run('calls', '--lang', 'fa', join(dir, 'missing.sip'))).err, /^sipsense: فایل \S+missing\.sip خوانده نشد: ENOENT$/);
  const noCall = await run('flow', '--lang', 'fa', '--call', 'abc-123', pcap('pkts__cancel.pcap'));
  assert.equal(noCall.code, 1);
  assert.match(noCall.err, /^sipsense: در \S+ هیچ تماسی با Call-ID abc-123 نیست$/);
  assert.match((await run('flow', '--call', 'abc-123', pcap('pkts__cancel.pcap'))).err, /^sipsense: no call with Call-ID abc-123 in /, 'English without --lang');
});
