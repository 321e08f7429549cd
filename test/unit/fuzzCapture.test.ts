import { test } from 'node:test';
import fc from 'fast-check';
import { decodeSegments, segmentArb, streamArb } from '../support/captureFuzz';

/**
 * The short fuzz run of the capture decoder's transports (the long one is test/fuzz/run.ts):
 * segments of every transport with lying lengths, sequence numbers and flags, and TCP streams cut
 * and reordered anywhere. Nothing may throw, every record must be well formed.
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
