import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { literalCodesIn, patternMeaning } from '../../server/src/service/statusPattern';

/**
 * Patterns over codes are evaluated without a backtracking engine (a pattern from the document
 * could keep one busy for ever). The evaluator must give exactly the codes JavaScript's RegExp
 * gives, on random patterns small enough for RegExp to evaluate safely.
 */
function nativeCodes(pattern: string): number[] | 'invalid' {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern.replace(/\[:digit:\]/g, '0-9'));
  } catch {
    return 'invalid';
  }
  const codes: number[] = [];
  for (let code = 100; code <= 699; code++) if (regex.test(String(code))) codes.push(code);
  return codes;
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);

const classItem = fc.oneof(
  digit,
  fc.tuple(digit, digit).map(([a, b]) => (a <= b ? `${a}-${b}` : `${b}-${a}`)),
  fc.constantFrom('\\d', '\\D', '\\w', '\\s', '\\S', 'a', '-', '[:digit:]', '\\x35', '\\u0037', '\\t-9', '\\b', '.', '^', '\\]'),
);

const characterClass = fc.tuple(fc.boolean(), fc.array(classItem, { minLength: 1, maxLength: 4 }))
  .map(([negated, items]) => `[${negated ? '^' : ''}${items.join('')}]`);

const quantifier = fc.tuple(
  fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.constantFrom('*', '+', '?') },
    { weight: 2, arbitrary: fc.tuple(fc.nat({ max: 5 }), fc.option(fc.nat({ max: 5 }), { nil: undefined }), fc.boolean())
      .map(([n, m, open]) => (open ? `{${n},}` : m === undefined ? `{${n}}` : `{${Math.min(n, m)},${Math.max(n, m)}}`)) },
  ),
  fc.boolean(),
).map(([q, lazy]) => (q && lazy ? `${q}?` : q));

/** A pattern of at most `depth` nested groups (RegExp itself backtracks for ever on deep nests of repetitions). */
function patternOf(depth: number): fc.Arbitrary<string> {
  const atoms: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: digit },
    { weight: 1, arbitrary: fc.constantFrom('x', '.', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\.', '\\x34', '\\u0030', '{', '}', '\\0', '\\060', '\\08', '\\cJ') },
    { weight: 2, arbitrary: characterClass },
  ];
  if (depth > 0) {
    atoms.push({ weight: 2, arbitrary: fc.tuple(fc.constantFrom('(', '(?:', '(?<g>'), patternOf(depth - 1)).map(([open, inner]) => `${open}${inner})`) });
  }
  const item = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.oneof(...atoms), quantifier).map(([atom, q]) => atom + q) },
    { weight: 1, arbitrary: fc.constantFrom('^', '$', '\\b', '\\B') },
  );
  const sequence = fc.array(item, { minLength: 0, maxLength: 4 }).map((items) => items.join(''));
  return fc.array(sequence, { minLength: 1, maxLength: 3 }).map((options) => options.join('|'));
}

const pattern = patternOf(2);

test('random patterns: the codes evaluated are the codes RegExp matches', () => {
  fc.assert(
    fc.property(pattern, (p) => {
      const expected = nativeCodes(p);
      const meaning = patternMeaning(p);
      if (expected === 'invalid') {
        assert.ok(!meaning.ok && !meaning.unchecked, `${p}: invalid`);
      } else {
        assert.ok(meaning.ok, `${p}: ${meaning.ok ? '' : meaning.error}`);
        assert.deepEqual(meaning.codes, expected, p);
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 4475) },
  );
});

test('the patterns of the corpus and hand-picked ones', () => {
  const cases: [string, string][] = [
    ['3[0-9][0-9]', '300-399'], ['[5-6]..', '500-699'], ['486|408', '408 486'], ['(408)|([56][0-9][0-9])', '408 500-699'],
    ['^4[0-9]{2}$', '400-499'], ['18[03]', '180 183'], ['(487)|(408)|4860|48[0-9]|4[0-9]{2}|^600$', '400-499 600'],
    ['^(486|6[0-9][0-9])$', '486 600-699'], ['^7[0-9]{2}$', ''], ['[[:digit:]]{3}', '100-699'], ['0{2}', '100 200 300 400 500 600'],
    ['\\b48', '480-489'], ['8\\b', '108 118 128 138 148 158 168 178 188 198 208 218 228 238 248 258 268 278 288 298 308 318 328 338 348 358 368 378 388 398 408 418 428 438 448 458 468 478 488 498 508 518 528 538 548 558 568 578 588 598 608 618 628 638 648 658 668 678 688 698'],
    ['((4?){30}){30}x', ''], ['', '100-699'],
  ];
  for (const [p, expected] of cases) {
    const meaning = patternMeaning(p);
    assert.ok(meaning.ok, p);
    const ranges: string[] = [];
    for (let i = 0; i < meaning.codes.length;) {
      let j = i;
      while (j + 1 < meaning.codes.length && meaning.codes[j + 1] === meaning.codes[j] + 1) j++;
      ranges.push(j - i >= 2 ? `${meaning.codes[i]}-${meaning.codes[j]}` : meaning.codes.slice(i, j + 1).join(' '));
      i = j + 1;
    }
    assert.equal(ranges.join(' '), expected, p);
  }
});

test('back-references and look-arounds are valid but not worked out; broken patterns are invalid', () => {
  for (const p of ['(4)\\1', '(?<a>4)\\k<a>', '4(?=8)', '(?<!4)8', '(?!4)']) {
    const meaning = patternMeaning(p);
    assert.ok(!meaning.ok && meaning.unchecked, p);
  }
  for (const p of ['(48', '[4', '*4', '4{2,1}']) {
    const meaning = patternMeaning(p);
    assert.ok(!meaning.ok && !meaning.unchecked && meaning.error.length > 0, p);
  }
});

test('literal codes of a pattern are three digits standing as a whole branch, also inside a longer text', () => {
  assert.deepEqual(literalCodesIn('486|408'), [{ start: 0, end: 3 }, { start: 4, end: 7 }]);
  assert.deepEqual(literalCodesIn('^(486|[123]00|5{100}|\\123)(404)$'), [{ start: 2, end: 5 }, { start: 27, end: 30 }]);
  assert.deepEqual(literalCodesIn('^(486|[123]00|5{100}|\\123)404$'), [{ start: 2, end: 5 }], 'digits glued after a group are no code');
  assert.deepEqual(literalCodesIn('4860|48|x486'), []);
  const text = 't_check_status("^486$|(408)")';
  assert.deepEqual(literalCodesIn(text, 16, 27), [{ start: 17, end: 20 }, { start: 23, end: 26 }]);
});
