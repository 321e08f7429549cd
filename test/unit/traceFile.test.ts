import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ReadCancelled, readMessageLines, streamTraceFile, type ReadOptions } from '../../server/src/files/traceFile';
import { MAX_LINE_BYTES } from '../../server/src/files/traceStream';
import { AnalyzedDocument } from '../../server/src/service';
import { callFlow, callSummaries } from '../../server/src/service/features/callFlow';
import { languageForFile } from '../../server/src/service/fileLanguage';
import type { SipMessage } from '../../server/src/service/trace';
import { corpusFiles } from '../support/corpus';
import { busyCall } from '../support/flowTraces';
import { modelOf, modelStream } from '../support/traces';

const dir = mkdtempSync(join(tmpdir(), 'sipsense-tracefile-'));
const withoutOffsets = (messages: readonly SipMessage[]) => messages.map(({ offset: _offset, ...rest }) => rest);

/** A trace file streamed from disk into its model, as the server reads a file the editor did not hand over. */
async function readTraceFile(path: string, options: ReadOptions = {}) {
  const { stream, model } = modelStream();
  const read = await streamTraceFile(path, stream, options);
  return { ...read, model: model() };
}

/** A trace with every line break (CRLF, LF, lone CR) and multibyte characters in From. */
const MIXED = busyCall('mixed@h').replace(/"Alice"/g, '"Zoë 日本"').replace(/\n(?=U 2024)/g, '\r');

/** The same trace in ASCII alone (read a chunk at a time, not a line at a time). */
const ASCII = MIXED.replace(/Zoë 日本/g, 'Zoe Nihon');

for (const [name, text] of [['with multibyte characters', MIXED], ['in ASCII', ASCII]] as const) {
  test(`bytes cut anywhere read as the whole text does: same messages, lines and offsets (${name})`, () => {
    const bytes = Buffer.from(text, 'utf8');
    const expected = modelOf(text);
    const lineStarts = [0];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
      if (bytes[i] === 0x0a || bytes[i] === 0x0d) lineStarts.push(i + 1);
    }
    for (const size of [1, 2, 3, 5, 7, 64, 1000, bytes.length]) {
      const { stream, model: modelNow } = modelStream();
      // Each chunk pushed from one buffer, overwritten after it (as readChunks hands them).
      const reused = Buffer.alloc(size);
      for (let at = 0; at < bytes.length; at += size) {
        stream.push(reused.subarray(0, bytes.copy(reused, 0, at, at + size)));
        reused.fill(0x23);
      }
      const { lines, bytes: total } = stream.end();
      const model = modelNow();
      assert.deepEqual(withoutOffsets(model.messages), withoutOffsets(expected.messages), `chunks of ${size}`);
      assert.equal(lines, text.split(/\r\n|\r|\n/).length);
      assert.equal(total, bytes.length);
      for (const message of model.messages) assert.equal(message.offset, lineStarts[message.frameLine ?? message.startLine], `chunks of ${size}`);
    }
  });
}

test('a line longer than MAX_LINE_BYTES is kept only in part: the messages after it keep their lines and offsets', () => {
  const junk = 'x'.repeat(3 * MAX_LINE_BYTES + 12345);
  const text = `${ASCII}\n${junk}\n${ASCII}`;
  const bytes = Buffer.from(text, 'latin1');
  const { stream, model: modelNow } = modelStream();
  let held = 0;
  for (let at = 0; at < bytes.length; at += 65536) {
    stream.push(bytes.subarray(at, at + 65536));
    held = Math.max(held, (stream as unknown as { carry?: Buffer }).carry?.length ?? 0);
  }
  const { lines, bytes: total } = stream.end();
  const model = modelNow();
  const expected = modelOf(text);
  assert.ok(held <= MAX_LINE_BYTES, `${held} bytes held for one line`);
  assert.equal(total, bytes.length);
  assert.equal(lines, text.split(/\r\n|\r|\n/).length);
  assert.deepEqual(model.messages.map((m) => m.startLine), expected.messages.map((m) => m.startLine));
  const second = model.messages[model.messages.length - 1];
  const lineOfSecond = second.frameLine ?? second.startLine;
  const startOf = (line: number) => Buffer.byteLength(text.split(/(?<=\r\n|\r(?!\n)|\n)/).slice(0, line).join(''), 'latin1');
  assert.equal(second.offset, startOf(lineOfSecond));
});

test('every corpus trace streamed from disk gives the calls and the ladder of the open document', async () => {
  let compared = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs']) {
    for (const file of corpusFiles(folder)) {
      const text = readFileSync(file.path, 'utf8');
      const document = AnalyzedDocument.create(`file://${file.path}`, languageForFile(file.path, text.split(/\r\n|\r|\n/, 1)[0]), 1, text);
      if (document.trace.messages.length === 0) continue;
      const read = await readTraceFile(file.path);
      assert.equal(read.lines, text.split(/\r\n|\r|\n/).length, file.name);
      const streamed = read.model;
      assert.deepEqual(callSummaries(streamed), callSummaries(document.trace), file.name);
      assert.deepEqual(callFlow(streamed), callFlow(document.trace), file.name);
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
  // with a bound: up to the message that passes it, the first one always
  const chars = (texts: string[][]) => texts.flat().reduce((sum, line) => sum + line.length + 1, 0);
  const firstTwo = chars(read.slice(0, 2));
  assert.deepEqual(await readMessageLines(path, model.messages, firstTwo - 1), read.slice(0, 2));
  assert.deepEqual(await readMessageLines(path, model.messages, firstTwo), read.slice(0, 3));
  assert.deepEqual(await readMessageLines(path, model.messages, 0), read.slice(0, 1));
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

test('the records of a streamed trace hold none of its text: 40 MB of messages with long Call-IDs and junk keep a few MB', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const junk = `${'j'.repeat(199)}\n`.repeat(1000);
  const message = (n: number) => `INVITE sip:2002@b SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-${n}-long-branch\nCall-ID: a-long-call-id-${n}@some.host.example\nCSeq: 1 INVITE\nContent-Length: 0\n\n`;
  gc();
  const before = process.memoryUsage().heapUsed;
  const { stream, model: modelNow } = modelStream();
  let bytes = 0;
  for (let n = 0; n < 200; n++) {
    const chunk = Buffer.from(message(n) + junk, 'latin1');
    for (let at = 0; at < chunk.length; at += 65536) stream.push(chunk.subarray(at, at + 65536));
    bytes += chunk.length;
  }
  const trace = { ...stream.end(), model: modelNow() };
  assert.equal(trace.model.messages.length, 200);
  gc();
  // What the records keep alive of the text: the file's bytes when each long string held its decoded run.
  const held = process.memoryUsage().heapUsed - before;
  assert.ok(bytes > 40e6 && held < bytes / 10, `${(held / 1e6).toFixed(1)} MB held for ${(bytes / 1e6).toFixed(0)} MB of trace`);
});

test('the records of a streamed trace share the strings they repeat: 20,000 messages of one call with a 1,000-character Call-ID keep one copy of it', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const callId = `${'c'.repeat(990)}@host.example`;
  const message = (n: number) => `OPTIONS sip:2002@b SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-${n}\nCall-ID: ${callId}\nCSeq: ${n} OPTIONS\nContent-Length: 0\n\n`;
  gc();
  const before = process.memoryUsage().heapUsed;
  const { stream, model: modelNow } = modelStream();
  for (let n = 0; n < 20_000; n++) stream.push(Buffer.from(message(n), 'latin1'));
  const trace = { ...stream.end(), model: modelNow() };
  assert.equal(trace.model.calls.length, 1);
  gc();
  // 37 MB when each record held a Call-ID of its own (12 MB now, the records and the model).
  const held = process.memoryUsage().heapUsed - before;
  assert.ok(held < 20e6, `${(held / 1e6).toFixed(1)} MB held for 20,000 messages`);
});
