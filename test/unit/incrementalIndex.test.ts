import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedDocument } from '../../server/src/service';
import { corpusText } from '../support/corpus';
import { analyzed } from '../support/documents';

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
        let version = 1;
        for (const [at, length, fragment, repeat] of edits) {
          const text = reference.getText();
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + length);
          const change = { range: { start: reference.positionAt(start), end: reference.positionAt(end) }, text: fragment.repeat(repeat) };
          TextDocument.update(reference, [change], ++version);
          document.update([change], version);
        }
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
