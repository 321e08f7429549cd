import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkDocument, describeTiming, fuzzCorpus, fuzzDocumentArb, junkDocumentArb, newLineTiming, timeLines,
} from '../support/fuzz';

/**
 * The short fuzz run of `npm test` (the long one is test/fuzz/run.ts): the scanner and every
 * feature on every real file of ../shared/corpus, on mutations of them and on junk. Nothing may
 * throw, every range must lie inside the text, the index must equal a scan from scratch, and no
 * ordinary line may be slow to scan in any dialect.
 *
 * The seed is fixed so that `npm test` is repeatable; FUZZ_SEED=<n> runs other inputs.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 4475);

/** The bound asserted per ordinary line (the goal is 1 ms; what this machine really takes is reported). */
const LINE_BOUND_MS = 50;

const timing = newLineTiming();

test('every corpus file, as is, with each of its language ids: no exception, ranges inside the text, index = scan from scratch', () => {
  const corpus = fuzzCorpus();
  const folders = new Set(corpus.map((f) => f.folder));
  for (const folder of ['sip-torture', 'sip-traces', 'kamailio', 'opensips', 'asterisk', 'freeswitch', 'sipp', 'logs']) {
    assert.ok(folders.has(folder), `corpus folder ${folder}`);
  }
  assert.ok(corpus.filter((f) => f.folder === 'sip-torture').length >= 40, 'all the torture messages');
  const seeds = Array.from({ length: 24 }, (_, i) => i * 7919 + 13);
  for (const file of corpus) {
    timeLines(file.text, timing);
    for (const languageId of file.languages) {
      checkDocument({ source: `${file.folder}/${file.name}`, languageId, text: file.text }, seeds);
      // Binary bodies read as Latin-1 too: every byte a character, NULs and all.
      checkDocument({ source: `${file.folder}/${file.name} (latin1)`, languageId, text: file.bytes.toString('latin1') }, seeds);
    }
  }
});

test('mutated corpus files: no exception, ranges inside the text, index = scan from scratch', () => {
  fc.assert(
    fc.property(fuzzDocumentArb(), fc.array(fc.nat(), { minLength: 12, maxLength: 30 }), (document, seeds) => {
      timeLines(document.text, timing);
      checkDocument(document, seeds);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: SEED },
  );
});

test('junk (random code units, binary, lone surrogates, NULs, lone CRs) in every served language', () => {
  fc.assert(
    fc.property(junkDocumentArb, fc.array(fc.nat(), { minLength: 12, maxLength: 30 }), (document, seeds) => {
      timeLines(document.text, timing);
      checkDocument(document, seeds);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: SEED + 1 },
  );
});

test(`no ordinary line takes over ${LINE_BOUND_MS} ms to scan in any dialect (goal: 1 ms; real figures in the log)`, (t) => {
  t.diagnostic(describeTiming(timing));
  assert.ok(timing.lines > 10_000, `only ${timing.lines} lines measured`);
  assert.ok(timing.worstMs < LINE_BOUND_MS,
    `${timing.worstDialect} took ${timing.worstMs.toFixed(1)} ms on a line of ${timing.worstLength} chars: ${JSON.stringify(timing.worstLine)}`);
});
