// Tokenizes every file of ../shared/corpus with our grammars (vscode-textmate + vscode-oniguruma,
// as VS Code does) and checks what the highlighting claims against independent readings of the
// same files: every status line's code gets its class scope, and the numbers that only look like
// codes (CSeq, Content-Length, ports, byte counts, warn-codes, comments, Q.850 causes) do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import {
  CORPUS_SCOPES,
  LineTokens,
  corpusDir,
  corpusFiles,
  createRegistry,
  loadGrammar,
  scopesAt,
  statusClassOf,
  tokenizeText,
} from './grammarRegistry';

const registry = createRegistry();
const grammars = new Map<string, Promise<IGrammar>>();
function grammarFor(scope: string): Promise<IGrammar> {
  if (!grammars.has(scope)) grammars.set(scope, loadGrammar(registry, scope));
  return grammars.get(scope)!;
}

const tokenized = new Map<string, LineTokens[]>();
async function tokenizeFile(file: string, scope: string): Promise<LineTokens[]> {
  const key = `${scope}\u0000${file}`;
  if (!tokenized.has(key)) tokenized.set(key, tokenizeText(await grammarFor(scope), fs.readFileSync(file, 'utf8')));
  return tokenized.get(key)!;
}

const STATUS_LINE = /(?<![A-Za-z0-9/._-])SIP\/2\.0[ \t]+([1-6][0-9]{2})(?=[ \t.]|$)/g;
const hasStatusScope = (scopes: string[]) => statusClassOf(scopes) !== undefined;
const isComment = (scopes: string[]) => scopes.some((s) => s.startsWith('comment.'));

interface Finding {
  file: string;
  line: number;
  text: string;
  problem: string;
}
const show = (f: Finding) => `${f.file}:${f.line}: ${f.problem}: ${f.text.trim().slice(0, 120)}`;

/** Status-line codes must carry the class of their first digit. Returns [checked, findings]. */
function checkStatusLines(file: string, lines: LineTokens[]): [number, Finding[]] {
  let checked = 0;
  const findings: Finding[] = [];
  lines.forEach((lt, i) => {
    for (const m of lt.line.matchAll(STATUS_LINE)) {
      const offset = m.index! + m[0].length - 3;
      const want = `${m[1][0]}xx`;
      const got = statusClassOf(scopesAt(lt, offset));
      checked++;
      if (got !== want) findings.push({ file, line: i + 1, text: lt.line, problem: `status code ${m[1]} scoped ${got ?? 'without a class'}` });
    }
  });
  return [checked, findings];
}

/** `re` (with one group) must find numbers that carry `scope` and no status-code scope. */
function checkNotACode(file: string, lines: LineTokens[], re: RegExp, scope: string | null, what: string): [number, Finding[]] {
  let checked = 0;
  const findings: Finding[] = [];
  lines.forEach((lt, i) => {
    for (const m of lt.line.matchAll(re)) {
      const offset = m.index! + m[0].lastIndexOf(m[1]);
      const scopes = scopesAt(lt, offset);
      checked++;
      if (hasStatusScope(scopes)) findings.push({ file, line: i + 1, text: lt.line, problem: `${what} ${m[1]} scoped as a status code` });
      else if (scope && !scopes.includes(scope)) findings.push({ file, line: i + 1, text: lt.line, problem: `${what} ${m[1]} lacks ${scope} (has ${scopes.slice(1).join(' ')})` });
    }
  });
  return [checked, findings];
}

/** Every status-code token of the file, as [line index, token scopes, token text]. */
function statusTokens(lines: LineTokens[]): Array<[number, string[], string]> {
  const out: Array<[number, string[], string]> = [];
  lines.forEach((lt, i) => {
    for (const t of lt.tokens) if (hasStatusScope(t.scopes)) out.push([i, t.scopes, lt.line.slice(t.startIndex, t.endIndex)]);
  });
  return out;
}

test('the corpus is there', () => {
  assert.ok(fs.existsSync(corpusDir), `missing ${corpusDir}`);
  for (const folder of Object.keys(CORPUS_SCOPES)) assert.ok(corpusFiles(folder).length > 0, `no files in ${folder}`);
});

test('every corpus file tokenizes under its language without error', async (t) => {
  let files = 0;
  let lines = 0;
  for (const f of corpusFiles()) {
    const scope = CORPUS_SCOPES[f.folder];
    if (!scope) continue;
    const grammar = await grammarFor(scope);
    const text = fs.readFileSync(f.path, 'utf8');
    let state = INITIAL;
    for (const line of text.split(/\r\n|\r|\n/)) {
      const r = grammar.tokenizeLine(line, state);
      assert.equal(r.stoppedEarly, false, `${f.folder}/${f.name}: tokenization stopped early`);
      assert.ok(r.tokens.length > 0, `${f.folder}/${f.name}: no token for a line`);
      assert.equal(r.tokens[0].startIndex, 0);
      assert.ok(r.tokens[r.tokens.length - 1].endIndex >= line.length, `${f.folder}/${f.name}: tokens do not cover the line`);
      state = r.ruleStack;
      lines++;
    }
    files++;
  }
  t.diagnostic(`${files} files, ${lines} lines tokenized`);
  assert.ok(files > 100 && lines > 50_000, `only ${files} files / ${lines} lines tokenized`);
});

test('SIP traces and torture messages: status codes by class; CSeq, Content-Length, ports, SDP, warn-codes are not codes', async (t) => {
  let statusLines = 0;
  let negatives = 0;
  const findings: Finding[] = [];
  for (const f of [...corpusFiles('sip-traces'), ...corpusFiles('sip-torture')]) {
    const lines = await tokenizeFile(f.path, 'source.sip');
    const name = `${f.folder}/${f.name}`;
    const [n, fs1] = checkStatusLines(name, lines);
    statusLines += n;
    findings.push(...fs1);
    for (const [re, scope, what] of [
      [/^[ \t]*CSeq[ \t]*:[ \t]*([0-9]+)/gi, 'constant.numeric.cseq.sip', 'CSeq number'],
      [/^[ \t]*(?:Content-Length|l)[ \t]*:[ \t]*([0-9]+)/gi, 'constant.numeric.content-length.sip', 'Content-Length'],
      [/^[ \t]*(?:Via|v)[ \t]*:.*?:([0-9]+)/gi, 'constant.numeric.port.sip', 'Via port'],
      [/^[ \t]*Warning[ \t]*:[ \t]*([0-9]{3})(?![0-9])/gi, 'constant.numeric.warn-code.sip', 'warn-code'],
      [/^[ \t]*m=[a-z]+ ([0-9]+)/g, 'constant.numeric.port.sdp', 'SDP media port'],
      [/^[ \t]*a=rtpmap:([0-9]+)/g, 'constant.numeric.payload-type.sdp', 'RTP payload type'],
      [/^[ \t]*(?:Max-Forwards|Expires|Min-Expires|Retry-After)[ \t]*:[ \t]*([0-9]+)/gi, 'constant.numeric.integer.sip', 'counter'],
    ] as const) {
      const [k, fs2] = checkNotACode(name, lines, new RegExp(re.source, re.flags), scope, what);
      negatives += k;
      findings.push(...fs2);
    }
    // whatever the line, a status-code token is either a status line's code or a documented
    // code context (Reason: SIP;cause=, RFC 4458 ;cause= in a URI, a Status-Code field)
    for (const [i, scopes, text] of statusTokens(lines)) {
      const ok = scopes.some((s) => s === 'meta.status-line.sip' || s === 'meta.reason-value.sip.sip' || s === 'meta.uri.angle-bracketed.sip' || s === 'meta.request-uri.sip' || s === 'meta.header.status-code.sip');
      if (!ok) findings.push({ file: name, line: i + 1, text: lines[i].line, problem: `unexpected status-code token ${text} (${scopes.slice(1).join(' ')})` });
    }
  }
  t.diagnostic(`${statusLines} status lines and ${negatives} look-alike numbers checked`);
  assert.deepEqual(findings.map(show), []);
  assert.ok(statusLines >= 150, `only ${statusLines} status lines checked`);
  assert.ok(negatives >= 500, `only ${negatives} look-alike numbers checked`);
});

test('the HTTP RFC (negative sample) has no SIP status code', async () => {
  const f = corpusFiles('sip-traces').find((x) => x.name.includes('HTTP_negative'));
  assert.ok(f);
  const lines = await tokenizeFile(f.path, 'source.sip');
  assert.deepEqual(statusTokens(lines).map(([i, , t]) => `${i + 1}: ${t}`), []);
});

for (const [folder, scope, lang] of [
  ['kamailio', 'source.kamailio', 'kamailio'],
  ['opensips', 'source.opensips', 'opensips'],
] as const) {
  test(`${folder}: reply codes in reply functions are codes, comments and timers are not`, async (t) => {
    const REPLY = /\b(?:sl_send_reply|sl_reply|send_reply|t_reply|t_send_reply|t_reply_with_body)[ \t]*\([ \t]*"?([1-6][0-9]{2})"?[ \t]*,/g;
    let replies = 0;
    let commented = 0;
    const findings: Finding[] = [];
    for (const f of corpusFiles(folder)) {
      const lines = await tokenizeFile(f.path, scope);
      const name = `${folder}/${f.name}`;
      lines.forEach((lt, i) => {
        for (const m of lt.line.matchAll(REPLY)) {
          const offset = m.index! + m[0].lastIndexOf(m[1]);
          const scopes = scopesAt(lt, offset);
          if (isComment(scopesAt(lt, m.index!))) {
            commented++;
            if (hasStatusScope(scopes)) findings.push({ file: name, line: i + 1, text: lt.line, problem: 'code inside a comment scoped as a status code' });
            continue;
          }
          replies++;
          const want = `${m[1][0]}xx`;
          if (statusClassOf(scopes) !== want) findings.push({ file: name, line: i + 1, text: lt.line, problem: `reply code ${m[1]} scoped ${statusClassOf(scopes) ?? 'without a class'}` });
          if (!scopes.includes(`meta.function-call.reply.${lang}`)) findings.push({ file: name, line: i + 1, text: lt.line, problem: 'reply call without its meta scope' });
        }
      });
      for (const [i, scopes, text] of statusTokens(lines)) {
        if (isComment(scopes)) findings.push({ file: name, line: i + 1, text: lines[i].line, problem: `status code ${text} inside a comment` });
        const ctx = ['meta.function-call.reply', 'meta.function-call.status-check', 'meta.comparison.status', 'meta.modparam', `variable.other.pvar.reply-status`].map((s) => `${s}.${lang}`);
        const inComparison = lines[i].line.match(/\$(?:rs|T_reply_code|T_reply_last|err\.rcode)\b|\bstatus\b/);
        if (!scopes.some((s) => ctx.includes(s)) && !inComparison) {
          findings.push({ file: name, line: i + 1, text: lines[i].line, problem: `status code ${text} outside a code context` });
        }
      }
      const [, fs2] = checkNotACode(name, lines, /modparam\("tm",[ \t]*"fr_(?:inv_)?time(?:r|out)"[ \t]*,[ \t]*([0-9]+)/g, `constant.numeric.integer.${lang}`, 'tm timer');
      findings.push(...fs2);
      const [, fs3] = checkNotACode(name, lines, /^(?:listen|socket)[ \t]*=.*:([0-9]+)/g, null, 'listen port');
      findings.push(...fs3);
    }
    t.diagnostic(`${replies} reply calls checked, ${commented} commented-out ones`);
    assert.deepEqual(findings.map(show), []);
    assert.ok(replies >= 50, `only ${replies} reply calls checked`);
  });
}

test('asterisk: PJSIPHangup codes are codes; extensions, priorities and Hangup causes are not', async (t) => {
  const findings: Finding[] = [];
  let pjsip = 0;
  let hangups = 0;
  for (const f of corpusFiles('asterisk')) {
    const lines = await tokenizeFile(f.path, 'source.asterisk');
    const name = `asterisk/${f.name}`;
    lines.forEach((lt, i) => {
      for (const m of lt.line.matchAll(/^[ \t]*(?:exten|same)[ \t]*=>?.*\bPJSIPHangup\(([1-6][0-9]{2})\)/g)) {
        pjsip++;
        const offset = m.index! + m[0].length - 4;
        if (statusClassOf(scopesAt(lt, offset)) !== `${m[1][0]}xx`) findings.push({ file: name, line: i + 1, text: lt.line, problem: `PJSIPHangup code ${m[1]} not scoped by class` });
      }
      for (const m of lt.line.matchAll(/^[ \t]*exten[ \t]*=>?[ \t]*([0-9]+),/g)) {
        if (hasStatusScope(scopesAt(lt, m.index! + m[0].indexOf(m[1])))) findings.push({ file: name, line: i + 1, text: lt.line, problem: `extension ${m[1]} scoped as a status code` });
      }
      for (const m of lt.line.matchAll(/^[ \t]*(?:exten|same)[ \t]*=>?.*\bHangup\(([0-9]+)\)/g)) {
        hangups++;
        const scopes = scopesAt(lt, m.index! + m[0].length - m[1].length - 1);
        if (!scopes.includes('constant.numeric.q850-cause.asterisk')) findings.push({ file: name, line: i + 1, text: lt.line, problem: `Hangup(${m[1]}) not scoped as a Q.850 cause` });
      }
    });
    for (const [i, scopes, text] of statusTokens(lines)) {
      if (!scopes.includes('meta.application.pjsip-hangup.asterisk')) findings.push({ file: name, line: i + 1, text: lines[i].line, problem: `status code ${text} outside PJSIPHangup` });
    }
  }
  t.diagnostic(`${pjsip} PJSIPHangup codes, ${hangups} Hangup causes checked`);
  assert.deepEqual(findings.map(show), []);
  assert.ok(pjsip >= 2, `only ${pjsip} PJSIPHangup calls found`);
});

test('logs (text.log + SIP injection): status lines by class, byte counts and log noise are not codes', async (t) => {
  const findings: Finding[] = [];
  let statusLines = 0;
  let byteCounts = 0;
  for (const f of corpusFiles('logs')) {
    const lines = await tokenizeFile(f.path, 'text.log');
    const name = `logs/${f.name}`;
    const [n, fs1] = checkStatusLines(name, lines);
    statusLines += n;
    findings.push(...fs1);
    const [k, fs2] = checkNotACode(name, lines, /\(([0-9]+) bytes\)/g, 'constant.numeric.byte-count.sip', 'byte count');
    byteCounts += k;
    findings.push(...fs2);
    if (/spandspflow2pcap|debugger_README/.test(f.name)) {
      // negative samples: a FAX flow log and Kamailio cfgtrace lines (l=368 ...)
      for (const [i, , text] of statusTokens(lines)) findings.push({ file: name, line: i + 1, text: lines[i].line, problem: `status code ${text} in a log without SIP codes` });
    }
  }
  t.diagnostic(`${statusLines} status lines and ${byteCounts} byte counts checked`);
  assert.deepEqual(findings.map(show), []);
  assert.ok(statusLines >= 5, `only ${statusLines} status lines in the logs`);
  assert.ok(byteCounts >= 5, `only ${byteCounts} byte counts in the logs`);
});

test('Markdown files of the corpus tokenize with the code-block injection', async () => {
  const md = corpusFiles().filter((f) => f.name.endsWith('.md'));
  assert.ok(md.length >= 2);
  for (const f of md) {
    const lines = await tokenizeFile(f.path, 'text.html.markdown');
    assert.ok(lines.length > 10);
  }
});

