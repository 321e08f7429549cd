import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isKemiLanguage } from '../../common/languages';
import { captureToTrace, looksLikeCapture } from '../../server/src/capture';
import { AnalyzedDocument, computeDiagnostics, resolveSettings } from '../../server/src/service';
import { scannerFor } from '../../server/src/service/dialectSelection';
import { languageForFile } from '../../server/src/service/fileLanguage';
import { MAX_STREAMED_LINE, StreamedScan } from '../../server/src/service/scanner/streamedScan';
import { runCliAsync as run } from '../support/cli';
import { corpusFiles } from '../support/corpus';

/** `sipsense check` streams files and captures from disk: what it finds must be what the whole document gives. */

const FOLDERS = ['sip-traces', 'sip-torture', 'logs', 'sipp', 'freeswitch', 'asterisk', 'kamailio', 'opensips', 'pcap'];

/** A file's text as the editor would hold it (a capture's decoded trace), and its language. */
function documentOf(path: string): { text: string; languageId: string } | undefined {
  const bytes = readFileSync(path);
  if (looksLikeCapture(bytes)) return { text: captureToTrace(bytes).text, languageId: 'sip' };
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  const text = bytes.toString('utf8');
  return { text, languageId: languageForFile(path, text.slice(0, 1024).split(/\r?\n|\r/, 1)[0]) };
}

/** Deterministic piece sizes from 1 to 4096 characters (pieces that cut CRLFs, lines and UTF-16 pairs anywhere). */
function* piecesOf(text: string): Generator<string> {
  let seed = 7;
  for (let at = 0; at < text.length;) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const size = 1 + (seed % (seed % 3 === 0 ? 4096 : 64));
    yield text.slice(at, at + size);
    at += size;
  }
}

test('a text scanned piece by piece as it streams gives the occurrences of the whole document, on every corpus file', () => {
  let files = 0;
  for (const folder of FOLDERS) {
    for (const { name, path } of corpusFiles(folder)) {
      const read = documentOf(path);
      if (!read || isKemiLanguage(read.languageId)) continue;
      const scanner = scannerFor(read.languageId, read.text);
      if (scanner.resolvesSymbols) continue;
      const scan = new StreamedScan(scanner);
      const streamed = [...[...piecesOf(read.text)].flatMap((piece) => scan.push(piece)), ...scan.end()];
      const document = AnalyzedDocument.create('file:///x', read.languageId, 1, read.text);
      document.scanAll();
      assert.deepEqual(streamed, document.occurrences, `${folder}/${name}`);
      files++;
    }
  }
  assert.ok(files > 100, `${files} files`);
});

test('check gives every corpus file, trace, log, configuration or capture, the diagnostics of its whole document', async () => {
  const settings = resolveSettings({});
  for (const folder of FOLDERS) {
    for (const { name, path } of corpusFiles(folder)) {
      const read = documentOf(path);
      if (!read) continue;
      const document = AnalyzedDocument.create(`file://${path}`, read.languageId, 1, read.text);
      document.scanAll();
      const expected = computeDiagnostics(document.occurrences, settings)
        .map((d) => ({ line: d.line + 1, column: d.span.start + 1, severity: d.severity, rule: d.rule, message: d.message }));
      const result = await run('check', '--format', 'json', '--severity', 'hint', path);
      const found = (JSON.parse(result.out) as { line: number; column: number; severity: string; rule: string; message: string }[])
        .map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message }));
      assert.deepEqual(found, expected, `${folder}/${name}`);
    }
  }
});

test('check says where a line too long to hold is and stops there, after what it found before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipsense-streamed-'));
  const file = join(dir, 'long-line.sip');
  writeFileSync(file, `SIP/2.0 200 Okay\r\n${'x'.repeat(MAX_STREAMED_LINE + 200_000)}\r\nSIP/2.0 486 Busy Here\r\n`);
  const result = await run('check', '--severity', 'hint', file);
  assert.equal(result.code, 1);
  assert.match(result.out, /long-line\.sip:1:13: hint: “Okay” is not the standard phrase of 200/);
  assert.equal(result.err, `sipsense: ${file}: line 2 is longer than 16 million characters: the rest of the file is not checked`);
});
