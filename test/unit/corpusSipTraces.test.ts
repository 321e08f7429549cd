import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDiagnostics, computeHover, resolveSettings } from '../../server/src/service';
import { corpusFiles, corpusText } from '../support/corpus';
import { analyzed } from '../support/documents';

/**
 * Every file of ../shared/corpus/sip-traces, scanned as a SIP document. The expected status lines
 * were checked by hand against the files (the manifest's auto-count looks only at line starts, so
 * it misses the indented "UAS->UAC:   SIP/2.0 420 Bad Extension" of RFC 3261 and the sipfrag quoted
 * in prose in RFC 3515).
 */
const STATUS_LINES: Record<string, string> = {
  'kamailio__test_misc_sip_invite00.sip': '',
  'kamailio__test_misc_sip_ms-invite-00-rpl.sip': '180',
  'kamailio__test_misc_sip_ms-invite-01-rpl.sip': '180',
  'kamailio__test_misc_sip_no_eom_reply.sip': '183',
  'kamailio__test_misc_sip_repl1.sip': '200',
  'kamailio__test_misc_sip_short_reply.sip': '183',
  'resiprocate__resip_stack_test_bcast.dat': '200',
  'resiprocate__resip_stack_test_bigcode.dat': '4294967301',
  'resiprocate__resip_stack_test_noreason.dat': '100',
  'resiprocate__resip_stack_test_scalarlg.dat': '503',
  'resiprocate__resip_stack_test_testTFSM-clientinvite': '200',
  'resiprocate__resip_stack_test_testTFSM-servernoninvite': '100 200',
  'resiprocate__resip_stack_test_unreason.dat': '200',
  'resiprocate__resip_stack_test_wsinv.dat': '',
  'rfc2616_HTTP_negative.txt': '',
  'rfc3261.txt': '100x2 180x3 200x10 404 420 485',
  'rfc3262.txt': '',
  'rfc3515.txt': '100x3 200x8 202x2 503 603',
  'rfc3665.txt': '100x18 180x19 200x35 302 401x3 407x5 480x5 486x3 487x3',
  'rfc3891.txt': '180 200x3 487',
  'rfc3903.txt': '200x7',
};

function tally(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => Number(a) - Number(b)).map(([code, n]) => (n > 1 ? `${code}x${n}` : code)).join(' ');
}

test('every file of sip-traces: the status lines found are the hand-checked ones', () => {
  const files = corpusFiles('sip-traces');
  assert.deepEqual(files.map((f) => f.name).sort(), Object.keys(STATUS_LINES).sort(), 'the folder and this table list the same files');
  for (const file of files) {
    const document = analyzed(corpusText('sip-traces', file.name));
    const statusLines = document.occurrences.filter((o) => o.context === 'status-line').map((o) => o.digits);
    assert.equal(tally(statusLines), STATUS_LINES[file.name], file.name);
  }
});

test('the RFC 3261 Warning examples are warn-codes, never status codes', () => {
  const document = analyzed(corpusText('sip-traces', 'rfc3261.txt'));
  const warn = document.occurrences.filter((o) => o.kind === 'warn').map((o) => `${o.line + 1}:${o.digits}`);
  assert.deepEqual(warn, ['1770:370', '1771:370', '10159:307', '10160:301']);
});

test('the torture messages scan without error, including binary bodies and the huge code', () => {
  for (const file of corpusFiles('sip-torture')) {
    const document = analyzed(corpusText('sip-torture', file.name));
    for (const occurrence of document.occurrences) {
      assert.ok(occurrence.span.end > occurrence.span.start, file.name);
      assert.ok(computeHover(document, { line: occurrence.line, character: occurrence.span.start }, resolveSettings({})), file.name);
    }
  }
});

test('the whole trace corpus is not drowned in diagnostics: one error, two warnings, the rest hints', () => {
  const counts = new Map<string, number>();
  for (const file of corpusFiles('sip-traces')) {
    for (const d of computeDiagnostics(analyzed(corpusText('sip-traces', file.name)).occurrences, resolveSettings({}))) {
      const key = `${d.rule}:${d.severity}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  assert.deepEqual(Object.fromEntries([...counts].sort()), {
    'custom-phrase:hint': 10,
    'deprecated-code:warning': 2,
    'impossible-code:error': 1,
  });
});

test('hand-checked hovers on real lines: a 407 in RFC 3665 answers an INVITE and names its custom phrase', () => {
  const text = corpusText('sip-traces', 'rfc3665.txt');
  const document = analyzed(text);
  const proxyAuth = document.occurrences.find((o) => o.digits === '407')!;
  const hover = computeHover(document, { line: proxyAuth.line, character: proxyAuth.span.start }, resolveSettings({}))!;
  assert.match(hover.markdown, /^\*\*407 Proxy Authentication Required\*\*/);
  assert.match(hover.markdown, /Proxy Authorization Required/);
  assert.match(hover.markdown, /\*\*In answer to INVITE:\*\*/);
  assert.match(hover.markdown, /RFC 3261 §21\.4\.8/);
});
