import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LOG_DIALECTS } from '../../server/src/service/dialects/logs';
import { sipMessageDialect } from '../../server/src/service/dialects/sipMessage';
import type { Dialect } from '../../server/src/service/scanner/dialect';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';
import { Scanner } from '../../server/src/service/scanner/scanner';
import { anyOfLiterals } from '../../server/src/service/text';
import { corpusFiles, corpusText } from '../support/corpus';

/**
 * The scanner of logs finds its dialects' keywords first and tests their triggers only on the lines
 * that hold one. That is exact only if every match of a trigger holds one of its dialect's keywords.
 */
const WITH_KEYWORDS: readonly Dialect[] = [sipMessageDialect, ...LOG_DIALECTS];

test('every dialect of logs has keywords, in lower case', () => {
  for (const dialect of WITH_KEYWORDS) {
    assert.ok(dialect.keywords && dialect.keywords.length > 0, dialect.id);
    for (const keyword of dialect.keywords) assert.equal(keyword, keyword.toLowerCase(), `${dialect.id}: ${keyword}`);
  }
});

test('every match of a dialect\'s trigger holds one of its keywords (texts drawn from the trigger itself)', () => {
  for (const dialect of WITH_KEYWORDS) {
    const trigger = new RegExp(dialect.trigger.source, 'im');
    const keywords = dialect.keywords!;
    fc.assert(fc.property(fc.stringMatching(new RegExp(dialect.trigger.source)), fc.boolean(), (drawn, upper) => {
      const text = upper ? drawn.toUpperCase() : drawn;
      const match = trigger.exec(text);
      if (!match) return true;
      const found = match[0].toLowerCase();
      return keywords.some((keyword) => found.includes(keyword));
    }), { numRuns: 3000, seed: 5060 });
  }
});

const withoutKeywords = WITH_KEYWORDS.map((dialect) => ({ ...dialect, keywords: undefined }));

/** The occurrences of a text scanned by these dialects, as the scanner reports them. */
function scan(dialects: readonly Dialect[], text: string): Occurrence[] {
  const out: Occurrence[] = [];
  new Scanner(dialects).scanText(text, 0, out);
  return out;
}

test('on every corpus file, scanning by keywords finds what scanning by the triggers alone finds', () => {
  let files = 0;
  let found = 0;
  for (const folder of ['logs', 'sip-traces', 'sip-torture', 'sipp', 'freeswitch', 'asterisk']) {
    for (const { name } of corpusFiles(folder)) {
      const text = corpusText(folder, name);
      const expected = scan(withoutKeywords, text);
      assert.deepEqual(scan(WITH_KEYWORDS, text), expected, `${folder}/${name}`);
      files++;
      found += expected.length;
    }
  }
  assert.ok(files > 100 && found > 150, `${files} files, ${found} occurrences`);
});

test('on lines made of the triggers\' own matches and other text, scanning by keywords finds what scanning by the triggers alone finds', () => {
  const piece = fc.oneof(...WITH_KEYWORDS.map((dialect) => fc.stringMatching(new RegExp(dialect.trigger.source))), fc.string(), fc.constantFrom(' 486 ', ' Busy Here', '\t', '\r', '"'));
  const line = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));
  fc.assert(fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
    const text = lines.join('\n');
    assert.deepEqual(scan(WITH_KEYWORDS, text), scan(withoutKeywords, text));
  }), { numRuns: 2000, seed: 1999 });
});

test('anyOfLiterals finds the first place where any literal starts, as a list of alternatives does', () => {
  const literal = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '(', '.', '|', '\\', '/', 'é'), minLength: 1, maxLength: 5 });
  fc.assert(fc.property(fc.array(literal, { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '(', '.', '|', '\\', '/', 'é', 'A', 'B'), maxLength: 40 }), (literals, text) => {
    const list = new RegExp(literals.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'gi');
    const tree = anyOfLiterals(literals, 'gi');
    for (let from = 0; from <= text.length; from++) {
      list.lastIndex = from;
      tree.lastIndex = from;
      assert.equal(tree.exec(text)?.index, list.exec(text)?.index, `${JSON.stringify(literals)} in ${JSON.stringify(text)} from ${from}`);
    }
  }), { numRuns: 500, seed: 4475 });
});
