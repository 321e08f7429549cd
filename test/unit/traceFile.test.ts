import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReadCancelled, readMessageLines, readTraceFile, readTraceFileSync } from '../../server/src/files/traceFile';
import { TraceStream } from '../../server/src/files/traceStream';
import { AnalyzedDocument } from '../../server/src/service';
import { callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import { languageForFile } from '../../server/src/service/fileLanguage';
import type { SipMessage } from '../../server/src/service/trace';
import { corpusFiles } from '../support/corpus';
import { busyCall } from '../support/flowTraces';
import { modelOf } from '../support/traces';

const dir = mkdtempSync(join(tmpdir(), 'sipsense-tracefile-'));
const withoutOffsets = (messages: readonly SipMessage[]) => messages.map(({ offset: _offset, ...rest }) => rest);

/** A trace with every line break (CRLF, LF, lone CR) and multibyte characters in From. */
const MIXED = busyCall('mixed@h').replace(/"Alice"/g, '"Zoë 日本"').replace(/\n(?=U 2024)/g, '\r');

test('bytes cut anywhere read as the whole text does: same messages, lines and offsets', () => {
  const bytes = Buffer.from(MIXED, 'utf8');
  const expected = modelOf(MIXED);
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    if (bytes[i] === 0x0a || bytes[i] === 0x0d) lineStarts.push(i + 1);
  }
  for (const size of [1, 2, 3, 5, 7, 64, 1000, bytes.length]) {
    const stream = new TraceStream();
    for (let at = 0; at < bytes.length; at += size) stream.push(bytes.subarray(at, at + size));
    const { model, lines, bytes: total } = stream.end();
    assert.deepEqual(withoutOffsets(model.messages), withoutOffsets(expected.messages), `chunks of ${size}`);
    assert.equal(lines, MIXED.split(/\r\n|\r|\n/).length);
    assert.equal(total, bytes.length);
    for (const message of model.messages) assert.equal(message.offset, lineStarts[message.frameLine ?? message.startLine], `chunks of ${size}`);
  }
});

test('every corpus trace streamed from disk gives the calls and the ladder of the open document', async () => {
  let compared = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs']) {
    for (const file of corpusFiles(folder)) {
      const text = readFileSync(file.path, 'utf8');
      const document = AnalyzedDocument.create(`file://${file.path}`, languageForFile(file.path, text.split(/\r\n|\r|\n/, 1)[0]), 1, text);
      if (document.trace.messages.length === 0) continue;
      const streamed = (await readTraceFile(file.path)).model;
      assert.deepEqual(callSummaries(streamed), callSummaries(document.trace), file.name);
      assert.deepEqual(callFlow(streamed), callFlow(document.trace), file.name);
      assert.deepEqual(readTraceFileSync(file.path).model.messages, streamed.messages, file.name);
      compared++;
    }
  }
  assert.ok(compared > 60, `${compared} files`);
});

test('a message read back from disk at its offset is its lines, framing included', async () => {
  const path = join(dir, 'mixed.txt');
  writeFileSync(path, MIXED);
  const { model } = await readTraceFile(path);
  const lines = MIXED.split(/\r\n|\r|\n/);
  const read = await readMessageLines(path, model.messages);
  model.messages.forEach((message, i) => assert.deepEqual(read[i], lines.slice(message.frameLine ?? message.startLine, message.endLine + 1)));
  assert.ok(read[0][0].startsWith('U 2024/05/06'));
  assert.ok(read[0].some((l) => l.includes('Zoë 日本')));
});

test('reading reports progress and stops when cancelled', async () => {
  const path = join(dir, 'big.txt');
  writeFileSync(path, busyCall('x@h').repeat(5000));
  const seen: number[] = [];
  const { model, bytes } = await readTraceFile(path, { progress: (read, total) => seen.push(read / (total ?? Number.NaN)) });
  assert.equal(model.calls.length, 1);
  assert.equal(model.messages.length, 25_000);
  assert.ok(seen.length > 1 && seen.every((v, i) => i === 0 || v >= seen[i - 1]));
  assert.equal(seen.at(-1), 1);
  assert.equal(bytes, readFileSync(path).length);
  let chunks = 0;
  await assert.rejects(readTraceFile(path, { cancelled: () => ++chunks > 1 }), ReadCancelled);
  await assert.rejects(readTraceFile(join(dir, 'missing.txt')), /ENOENT/);
});
