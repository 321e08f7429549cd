import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { captureArb, corpusCaptures, decodeCapture, decodeSegments, segmentArb, streamArb } from '../support/captureFuzz';

/**
 * The short fuzz run of the capture decoder (the long one is test/fuzz/run.ts): the corpus
 * captures as they are and mutated, truncated, spliced and gzipped, pushed in chunks of any size;
 * segments of every transport with lying lengths, sequence numbers and flags; TCP streams cut and
 * reordered anywhere. Nothing may throw or hang, every record must be well formed.
 * FUZZ_SEED=<n> runs other inputs.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 3261);

test('transport decoders: any segments of any transport, no exception, well-formed records', () => {
  fc.assert(fc.property(fc.array(segmentArb, { maxLength: 40 }), (segments) => {
    decodeSegments(segments);
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: SEED });
});

test('TCP reassembly: a stream of SIP, WebSocket, HEP and junk pieces cut and reordered anywhere', () => {
  fc.assert(fc.property(streamArb, (segments) => {
    decodeSegments(segments);
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: SEED + 1 });
});

test('every corpus capture as is, in chunks of 1 byte to 1 MB: no exception, well-formed records', () => {
  for (const file of corpusCaptures()) {
    for (const chunk of [1_048_576, 65_536, 1_000, 7]) {
      if (chunk < 1000 && file.bytes.length > 200_000) continue;
      decodeCapture({ source: file.name, bytes: file.bytes, chunk });
    }
  }
});

test('corpus captures mutated, truncated, spliced and gzipped: no exception, no hang, well-formed records', () => {
  fc.assert(fc.property(captureArb(), (capture) => {
    const started = performance.now();
    decodeCapture(capture);
    const ms = performance.now() - started;
    assert.ok(ms < 10_000, `${capture.source} took ${ms.toFixed(0)} ms`);
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: SEED + 2 });
});
