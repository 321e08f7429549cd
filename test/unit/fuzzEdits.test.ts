import { test } from 'node:test';
import fc from 'fast-check';
import { checkEdits, editArb, fuzzDocumentArb, junkDocumentArb } from '../support/fuzz';

/**
 * Short fuzz run of incremental edits: random ranges (past the end of a line or of the document,
 * reversed, negative), CR/LF split and joined, applied while the document is partly scanned. The
 * service's text must stay equal to the protocol's reference model (vscode-languageserver-textdocument),
 * its index equal to a scan from scratch of that text, and every feature must stay inside the text.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 4475);

test('incremental edits of mutated corpus files: same text as the reference model, index = scan from scratch', () => {
  fc.assert(
    fc.property(
      fuzzDocumentArb(),
      fc.array(editArb, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(), { minLength: 12, maxLength: 24 }),
      (document, edits, seeds) => {
        checkEdits(document, edits, seeds);
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 120), seed: SEED + 2 },
  );
});

test('incremental edits of junk and of empty documents', () => {
  fc.assert(
    fc.property(
      fc.oneof(junkDocumentArb, fc.constantFrom(...['', '\r', '\n', '\r\n', 'SIP/2.0 200 OK\r'].map((text) => ({ source: 'tiny', languageId: 'sip', text })))),
      fc.array(editArb, { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat(), { minLength: 12, maxLength: 24 }),
      (document, edits, seeds) => {
        checkEdits(document, edits, seeds);
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: SEED + 3 },
  );
});
