import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedDocument } from '../../server/src/service';
import { corpusText } from '../support/corpus';
import { kamailioDialect } from '../../server/src/service/dialects/kamailio';
import { analyzed, applyEdits } from '../support/documents';

/** The occurrences as plain data, to compare an edited index with a fresh scan. */
function snapshot(document: AnalyzedDocument) {
  return document.occurrences.map((o) => `${o.line}:${o.span.start}-${o.span.end}:${o.kind}:${o.digits}:${o.phrase?.text ?? ''}`);
}

const FRAGMENTS = ['SIP/2.0 486 Busy Here', '\r\n', '\n', '\r', 'Reason: SIP;cause=487', 'Warning: 399 x "y"', 'CSeq: 1 BYE', '4', 'x', ''];

test('after any sequence of edits the index equals a fresh scan of the text', () => {
  const base = corpusText('sip-traces', 'rfc3891.txt').slice(0, 6000);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...FRAGMENTS), fc.nat(3)), { minLength: 1, maxLength: 25 }),
      fc.boolean(),
      (edits, scanFirst) => {
        const document = AnalyzedDocument.create('file:///edit.sip', 'sip', 1, base);
        const reference = TextDocument.create('file:///edit.sip', 'sip', 1, base);
        if (scanFirst) document.scanAll();
        else document.scanStep(1000);
        applyEdits(document, reference, edits);
        document.scanAll();
        assert.equal(document.getText(), reference.getText());
        assert.deepEqual(snapshot(document), snapshot(analyzed(reference.getText())));
      },
    ),
    { numRuns: 300 },
  );
});

test('a full-text change rescans the whole document', () => {
  const document = analyzed('SIP/2.0 200 OK\n');
  document.update([{ text: 'x\nSIP/2.0 180 Ringing\n' }], 2);
  document.scanAll();
  assert.deepEqual(snapshot(document), ['1:8-11:status:180:Ringing']);
});

test('an edit shifts the occurrences below it and rescans only its lines', () => {
  const document = analyzed('SIP/2.0 100 Trying\nCSeq: 1 INVITE\n\nSIP/2.0 200 OK\n');
  document.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'SIP/2.0 183 Session Progress\nVia: x\n' }], 2);
  assert.deepEqual(snapshot(document), [
    '0:8-11:status:100:Trying', '1:8-11:status:183:Session Progress', '5:8-11:status:200:OK',
  ]);
});

test('a CR inserted before an LF joins that line break instead of adding a line', () => {
  const document = analyzed('a\nSIP/2.0 180 Ringing\nSIP/2.0 200 OK\n');
  document.update([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\r' }], 2);
  assert.deepEqual(snapshot(document), ['1:8-11:status:180:Ringing', '2:8-11:status:200:OK']);
  document.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 3);
  assert.deepEqual(snapshot(document), ['2:8-11:status:180:Ringing', '3:8-11:status:200:OK']);
});

// ---------------------------------------------------------------------------------------------
// Comment state across lines (Kamailio/OpenSIPS block comments)

/**
 * Any sequence of edits made of `fragments` to `base` (in language `languageId`), after any part of
 * it was scanned, leaves the index equal to a fresh scan of the edited text, quiet occurrences included.
 */
function editsMatchAFreshScan(languageId: string, base: string, fragments: readonly string[], numRuns: number): void {
  const uri = `file:///edit.${languageId}`;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...fragments), fc.nat(3)), { minLength: 1, maxLength: 25 }),
      fc.nat(base.length + 2000),
      (edits, scanned) => {
        const document = AnalyzedDocument.create(uri, languageId, 1, base);
        const reference = TextDocument.create(uri, languageId, 1, base);
        document.scanStep(scanned);
        applyEdits(document, reference, edits);
        document.scanAll();
        const fresh = analyzed(reference.getText(), languageId);
        const plain = (d: AnalyzedDocument) => snapshot(d).map((s, i) => `${s}:${d.occurrences[i].quiet ? 'quiet' : ''}`);
        assert.deepEqual(plain(document), plain(fresh));
      },
    ),
    { numRuns },
  );
}

const SCRIPT_FRAGMENTS = ['/*', '*/', ' */', '\n', '# ', 'sl_send_reply("404", "x");', '"/*"', '#!define BUSY 486\n', 'send_reply(BUSY, "y");', 'x', ''];

test('block comments across lines: after any sequence of edits the index equals a fresh scan', () => {
  editsMatchAFreshScan('kamailio', corpusText('kamailio', 'kamailio__etc_kamailio.cfg').slice(20_000, 26_000), SCRIPT_FRAGMENTS, 200);
});

const LUA_FRAGMENTS = ['--[[', ']]', '--[==[', ']==]', '\n', '-- ', 'KSR.sl.sl_send_reply(404, "x")', '"--[["', 'x', ''];

test('KEMI Lua block comments across lines: after any sequence of edits the index equals a fresh scan', () => {
  const base = Array.from({ length: 60 }, (_, i) => [
    `  if KSR.pv.get("$rs") == ${480 + (i % 9)} then`,
    `    KSR.sl.sl_send_reply(${400 + i}, "x")`,
    i % 7 === 0 ? '  --[[ KSR.tm.t_reply(500, "y")' : '  end',
    i % 7 === 0 ? '  ]] KSR.x.exit()' : '',
  ].join('\n')).join('\n');
  editsMatchAFreshScan('lua', base, LUA_FRAGMENTS, 150);
});

/** Counts the lines the Kamailio dialect scans while `body` runs (take() reads and resets the count). */
function countingScans(body: (take: () => number) => void): void {
  const dialect = kamailioDialect as { scanLine: typeof kamailioDialect.scanLine };
  const scanLine = dialect.scanLine;
  let count = 0;
  dialect.scanLine = (...args) => {
    count++;
    scanLine(...args);
  };
  try {
    body(() => {
      const n = count;
      count = 0;
      return n;
    });
  } finally {
    dialect.scanLine = scanLine;
  }
}

test('an edit that opens a block comment rescans down to where it closes, and no more; others rescan their own lines', () => {
  const lines = ['request_route {', '  sl_send_reply("404", "Not Found");', '  t_reply("480", "Later");', '  x = 1; */', ...Array.from({ length: 50 }, (_, i) => `  sl_send_reply("486", "Busy ${i}");`), '}'];
  const at = (line: number, character: number) => ({ line, character });
  countingScans((take) => {
    const document = analyzed(lines.join('\n'), 'kamailio');
    const live = () => document.occurrences.filter((o) => !o.quiet).map((o) => `${o.line}:${o.digits}`);
    assert.equal(live().length, 52);
    take();
    // Opening a comment on line 1: lines 1-3 change (line 3 holds the "*/" that closes it), nothing below.
    document.update([{ range: { start: at(1, 2), end: at(1, 2) }, text: '/*' }], 2);
    assert.equal(take(), 3, 'lines 1, 2 and 3 rescanned');
    assert.deepEqual(document.occurrences.filter((o) => o.line <= 3).map((o) => `${o.line}:${o.digits}:${o.quiet ? 'quiet' : 'live'}`), ['1:404:quiet', '2:480:quiet']);
    assert.equal(live().length, 50);
    // An edit inside a line that changes no comment rescans that line alone.
    document.update([{ range: { start: at(30, 24), end: at(30, 24) }, text: 'X' }], 3);
    assert.equal(take(), 1);
    // Without the "*/", the comment runs to the end: every line below that can hold a code is rescanned once.
    const open = analyzed(lines.join('\n').replace('  x = 1; */', '  x = 1;'), 'kamailio');
    take();
    open.update([{ range: { start: at(1, 0), end: at(1, 0) }, text: '/*' }], 2);
    assert.equal(take(), 52, 'the 52 reply lines (the others have nothing a scan looks for)');
    assert.ok(open.occurrences.every((o) => o.quiet));
    // Closing it again makes them live again.
    open.update([{ range: { start: at(2, 0), end: at(2, 0) }, text: '*/' }], 3);
    assert.equal(open.occurrences.filter((o) => !o.quiet).length, 51);
  });
});

test('a plain-text document that starts to hold SIP as it is typed gets its dialects, and loses them when the SIP goes', () => {
  const document = AnalyzedDocument.create('file:///notes.txt', 'plaintext', 1, 'notes\n');
  document.scanAll();
  assert.deepEqual(snapshot(document), []);
  document.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'SIP/2.0 486 Busy Here\n' }], 2);
  document.scanAll();
  assert.deepEqual(snapshot(document), ['1:8-11:status:486:Busy Here']);
  document.update([{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }], 3);
  document.scanAll();
  assert.deepEqual(snapshot(document), []);
});
