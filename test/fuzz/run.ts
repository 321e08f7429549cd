/**
 * The long fuzz run: the properties of the short run (test/unit/fuzz*.test.ts) with fresh random
 * seeds, for as long as asked, plus long lines of every kind. Stops at the first failure and prints
 * what replays it (FUZZ_SEED and the fast-check path).
 *
 *   node out/test/fuzz/run.js --seconds 600 [--seed 123]
 *
 * Prints progress every 30 s and, at the end, the executions of each property, the time, and the
 * slowest line of each kind.
 */
import fc from 'fast-check';
import {
  checkDocument, checkEdits, describeTiming, editArb, fuzzDocumentArb, junkDocumentArb, newLineTiming, pieceArb,
  timeLines, TOKENS, ALL_DIALECTS, splitLines, type FuzzDocument,
} from '../support/fuzz';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { captureArb, decodeCapture, decodeSegments, segmentArb, streamArb } from '../support/captureFuzz';

function argument(name: string, fallback: number): number {
  // The last one counts, so that `npm run fuzz -- --seconds 60` overrides the script's own.
  const at = process.argv.lastIndexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  if (value !== undefined && !Number.isFinite(value)) {
    console.error(`--${name} takes a number`);
    process.exit(2);
  }
  return value ?? fallback;
}

const seconds = argument('seconds', 60);
const firstSeed = argument('seed', Date.now() % 2 ** 31);
const deadline = Date.now() + seconds * 1000;
const timing = newLineTiming();
const seeds = fc.array(fc.nat(), { minLength: 12, maxLength: 30 });

/** Lines of 64 KiB to 2 MiB of every kind: tokens, corpus text, junk, repeated in random order. */
const longLineArb: fc.Arbitrary<FuzzDocument> = fc.record({
  languageId: fc.constantFrom('sip', 'log', 'kamailio', 'opensips', 'asterisk', 'xml', 'plaintext'),
  parts: fc.array(fc.oneof(fc.constantFrom(...TOKENS), pieceArb), { minLength: 1, maxLength: 12 }),
  length: fc.integer({ min: 64 * 1024, max: 2 * 1024 * 1024 }),
}).map(({ languageId, parts, length }) => {
  const unit = parts.join(' ').replace(/\r\n|\r|\n/g, ' ') || 'x';
  const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const head = languageId === 'xml' ? '<scenario name="x">\n' : 'SIP/2.0 180 Ringing\n';
  return { source: `long line of ${JSON.stringify(unit.slice(0, 80))}`, languageId, text: `${head}${line}\nSIP/2.0 486 Busy Here\n` };
});

/** Long lines that cost more than this per character, in some dialect (reported, not failed: the short run judges growth). */
const SLOW_NS_PER_CHAR = 1000;
const slowLongLines = new Map<string, { nsPerChar: number; unit: string; length: number }>();

function timeLongLine(document: FuzzDocument): void {
  const line = splitLines(document.text)[1];
  const out: Occurrence[] = [];
  for (const dialect of ALL_DIALECTS) {
    out.length = 0;
    const start = performance.now();
    dialect.scanLine(line, 1, out);
    const nsPerChar = ((performance.now() - start) * 1e6) / line.length;
    timing.worstNsPerCharLong = Math.max(timing.worstNsPerCharLong, nsPerChar);
    timing.longestLine = Math.max(timing.longestLine, line.length);
    const known = slowLongLines.get(dialect.id);
    if (nsPerChar > SLOW_NS_PER_CHAR && (!known || nsPerChar > known.nsPerChar)) {
      slowLongLines.set(dialect.id, { nsPerChar, unit: document.source, length: line.length });
    }
  }
}

interface Property {
  name: string;
  property: fc.IProperty<any>;
  /** Runs per batch (a batch is one fast-check run with its own seed). */
  batch: number;
  executions: number;
  ms: number;
}

const properties: Property[] = [
  {
    name: 'mutated corpus files: scan, index, every feature',
    property: fc.property(fuzzDocumentArb(), seeds, (document, s) => {
      timeLines(document.text, timing);
      checkDocument(document, s);
    }),
    batch: 50,
  },
  {
    name: 'junk in every language: scan, index, every feature',
    property: fc.property(junkDocumentArb, seeds, (document, s) => {
      timeLines(document.text, timing);
      checkDocument(document, s);
    }),
    batch: 100,
  },
  {
    name: 'incremental edits against the reference model',
    property: fc.property(fuzzDocumentArb(), fc.array(editArb, { minLength: 1, maxLength: 60 }), seeds, (document, edits, s) => {
      checkEdits(document, edits, s);
    }),
    batch: 30,
  },
  {
    name: 'long lines (64 KiB to 2 MiB): scan, index, every feature',
    property: fc.property(longLineArb, seeds, (document, s) => {
      timeLongLine(document);
      checkDocument(document, s);
    }),
    batch: 2,
  },
  {
    name: 'capture decoder: corpus captures mutated, truncated, spliced, gzipped, in chunks',
    property: fc.property(captureArb(4 * 1024 * 1024), (capture) => {
      decodeCapture(capture);
    }),
    batch: 100,
  },
  {
    name: 'capture transports: segments of every transport, TCP streams reordered',
    property: fc.property(fc.array(segmentArb, { maxLength: 60 }), streamArb, (segments, stream) => {
      decodeSegments(segments);
      decodeSegments(stream);
    }),
    batch: 300,
  },
].map((p) => ({ ...p, executions: 0, ms: 0 }));

function report(final: boolean): void {
  const elapsed = (Date.now() - started) / 1000;
  const total = properties.reduce((sum, p) => sum + p.executions, 0);
  console.log(`${final ? 'done' : 'progress'}: ${total} executions in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(1)}/s)`);
  for (const p of properties) console.log(`  ${p.executions.toString().padStart(8)}  ${(p.ms / 1000).toFixed(0).padStart(5)} s  ${p.name}`);
  console.log(`  lines: ${describeTiming(timing)}`);
  if (final) console.log(`  slowest ordinary line: ${JSON.stringify(timing.worstLine)}`);
  for (const [dialect, slow] of slowLongLines) {
    console.log(`  slow long line: ${dialect} took ${slow.nsPerChar.toFixed(0)} ns/char on ${slow.length} chars (${slow.unit})`);
  }
}

const started = Date.now();
let nextReport = started + 30_000;
let seed = firstSeed;
console.log(`fuzzing for ${seconds} s from seed ${firstSeed} (node ${process.version})`);
while (Date.now() < deadline) {
  for (const p of properties) {
    if (Date.now() >= deadline) break;
    const start = performance.now();
    const details = fc.check(p.property, { numRuns: p.batch, seed });
    p.ms += performance.now() - start;
    p.executions += details.numRuns;
    if (details.failed) {
      console.error(`FAILED: ${p.name} (seed ${seed}, path ${details.counterexamplePath})`);
      console.error(`replay: fc.check(property, { seed: ${seed}, path: "${details.counterexamplePath}" })`);
      const example = JSON.stringify(details.counterexample);
      console.error(`counterexample (${example.length} chars): ${example.length > 4000 ? `${example.slice(0, 4000)}…` : example}`);
      console.error(details.errorInstance instanceof Error ? details.errorInstance.stack : String(details.errorInstance));
      report(true);
      process.exit(1);
    }
    seed = (seed + 1) % 2 ** 31;
  }
  if (Date.now() >= nextReport) {
    report(false);
    nextReport += 30_000;
  }
}
report(true);
if (timing.worstMs >= 50) {
  console.error(`FAILED: a line of ${timing.worstLength} chars took ${timing.worstMs.toFixed(1)} ms in ${timing.worstDialect}`);
  process.exit(1);
}
