import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forEachLine, TextStore } from '../../server/src/service/textStore';

/** Compares the store with the protocol's reference text model, line by line. */
function assertSame(store: TextStore, reference: TextDocument): void {
  assert.equal(store.getText(), reference.getText());
  assert.equal(store.lineCount, reference.lineCount);
  for (let line = 0; line < reference.lineCount; line++) {
    const expected = reference.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
    assert.equal(store.lineAt(line), expected, `line ${line}`);
    assert.equal(store.lineLength(line), expected.length, `length of line ${line}`);
  }
}

/** Where each line of a text starts, as the protocol cuts lines. */
function lineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
}

/** Chunks from a few lines on, followed to the end with their cursor, give the reference text from there, and where its lines start. */
function assertChunks(store: TextStore, reference: TextDocument): void {
  for (const from of [0, Math.floor(reference.lineCount / 2), reference.lineCount - 1]) {
    let chunk = store.chunkFrom(from, 5000);
    let joined = chunk.text;
    assert.deepEqual([...chunk.starts], lineStarts(chunk.text), `line starts of the chunk from line ${from}`);
    while (!chunk.complete) {
      chunk = store.chunkFrom(from, 5000, chunk.next);
      joined += chunk.text;
      assert.deepEqual([...chunk.starts], lineStarts(chunk.text), `line starts of a chunk after line ${from}`);
    }
    assert.equal(joined, reference.getText().slice(reference.offsetAt({ line: from, character: 0 })), `chunks from line ${from}`);
  }
}

const PIECES = ['a', 'SIP/2.0 200 OK', '\n', '\r', '\r\n', '\n\r', 'xyz\r\n', ''];

/** A text from pieces, long enough to need several blocks when `big`. */
function textOf(pieces: string[], big: boolean): string {
  const text = pieces.join('');
  return big ? `${'line of filler text\n'.repeat(7000)}${text}${'\r\nmore\r'.repeat(9000)}` : text;
}

test('edits give the same text and lines as the reference model, across block boundaries and line-break joins', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 })), { minLength: 1, maxLength: 12 }),
      (pieces, big, edits) => {
        const initial = textOf(pieces, big);
        const store = new TextStore(initial);
        const reference = TextDocument.create('file:///t', 'sip', 1, initial);
        let version = 1;
        for (const [l1, c1, l2, c2, inserted] of edits) {
          const lines = reference.lineCount;
          // Mostly real positions, sometimes past the end of a line or of the document.
          const start = { line: l1 % (lines + 1), character: c1 % 30 };
          const end = { line: Math.min(lines, start.line + (l2 % 3)), character: c2 % 30 };
          const change = { range: { start, end }, text: inserted.join('') };
          const changed = store.applyChange(change);
          TextDocument.update(reference, [change], ++version);
          assert.ok(changed.startLine <= changed.newEndLine + 1);
        }
        // Chunks joined from blocks after the edits, then cut from the whole text once it is asked for.
        assertChunks(store, reference);
        assertSame(store, reference);
        assertChunks(store, reference);
      },
    ),
    { numRuns: 400 },
  );
});

test('a full-text change replaces everything', () => {
  const store = new TextStore('a\nb');
  assert.deepEqual(store.applyChange({ text: 'x\r\ny\rz' }), { startLine: 0, oldEndLine: 1, newEndLine: 2 });
  assert.deepEqual([store.lineAt(0), store.lineAt(1), store.lineAt(2), store.lineCount], ['x', 'y', 'z', 3]);
});

test('chunks of the opened text, from any line, are the text from that line', () => {
  const text = textOf(['SIP/2.0 200 OK', '\r', 'a', '\r\n', 'xyz\r\n'], true);
  assertChunks(new TextStore(text), TextDocument.create('file:///t', 'sip', 1, text));
});

test('chunks cover the text in order, and a cursor continues without a line table', () => {
  const text = 'SIP/2.0 180 Ringing\r\n'.repeat(20000);
  const store = new TextStore(text);
  let joined = '';
  let chunk = store.chunkFrom(0, 100_000);
  joined += chunk.text;
  while (!chunk.complete) {
    chunk = store.chunkFrom(0, 100_000, chunk.next);
    joined += chunk.text;
  }
  assert.equal(joined, text);
  assert.equal(store.chunkFrom(19_999, 10).text, 'SIP/2.0 180 Ringing\r\n');
  assert.equal(store.textOfLines(1, 3), 'SIP/2.0 180 Ringing\r\n'.repeat(2));
});

test('the line breaks counted and the line starts kept by a sequential read (the opening scan) give the same lines, before and after edits', () => {
  const text = textOf(['SIP/2.0 200 OK', '\r', 'a', '\r\n', 'xyz\r\n', 'lone\rcr\n'], true);
  const store = new TextStore(text);
  const reference = TextDocument.create('file:///t', 'sip', 1, text);
  let chunk = store.chunkFrom(0, 50_000);
  while (!chunk.complete) chunk = store.chunkFrom(1, 50_000, chunk.next);
  assertSame(store, reference);
  const edit = { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x\ny\r\n' };
  store.applyChange(edit);
  TextDocument.update(reference, [edit], 2);
  assertSame(store, reference);
});

test('lines past the end read as empty and positions past the end are clamped', () => {
  const store = new TextStore('abc\ndef');
  assert.equal(store.lineAt(5), '');
  assert.equal(store.lineAt(-1), '');
  store.applyChange({ range: { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } }, text: '!' });
  store.applyChange({ range: { start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, text: '?' });
  assert.equal(store.getText(), 'abc?\ndef!');
});

test('forEachLine cuts lines at LF, CRLF and lone CR as a regular expression does, whatever the mix', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const lines: string[] = [];
      const rest = forEachLine(text, (start, end) => lines.push(text.slice(start, end)));
      const expected = text.split(/\r\n|\r|\n/);
      assert.deepEqual([...lines, text.slice(rest)], expected);
    }),
  );
});
