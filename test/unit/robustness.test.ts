import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCompletion, computeDiagnostics, computeHover, resolveSettings } from '../../server/src/service';
import { analyzed } from '../support/documents';

/**
 * Positions outside a line (found by the fuzz tests). The protocol says a column past the end of a
 * line means the line's end; a negative one is not a position at all, and is read as the line's
 * start, as the text store reads it in edits. Neither may give a range outside the line.
 */
const settings = resolveSettings({});

test('completion past the end of a status line replaces up to the line end, never past it', () => {
  const document = analyzed('SIP/2.0 486\r\nSIP/2.0 \r\n');
  for (const line of [0, 1]) {
    const length = document.lines.lineAt(line).length;
    const items = computeCompletion(document, { line, character: length + 90 });
    assert.ok(items && items.length > 0, `completion at the end of line ${line}`);
    for (const item of items) assert.deepEqual(item.span, { start: 8, end: length });
  }
});

test('a negative column is the start of the line: no completion in the middle of a status line', () => {
  const document = analyzed('SIP/2.0 200 OK\r\nSIP/2.0 486\r\n');
  assert.equal(computeCompletion(document, { line: 0, character: -4 }), undefined);
  assert.equal(computeCompletion(document, { line: 1, character: -1 }), undefined);
  const kamailio = analyzed('sl_send_reply("4", "x");\n', 'kamailio');
  assert.equal(computeCompletion(kamailio, { line: 0, character: -9 }), undefined);
});

test('hover past the end of a line that ends with a code explains that code; a negative column finds a code at the start', () => {
  const document = analyzed('SIP/2.0 486\r\n');
  const hover = computeHover(document, { line: 0, character: 500 }, settings);
  assert.deepEqual(hover?.span, { start: 8, end: 11 });
  const kamailio = analyzed('$rs == 486\n486\n', 'kamailio');
  assert.equal(computeHover(kamailio, { line: 0, character: -3 }, settings), undefined);
});

test('a status line followed by a whole line of junk has no phrase (a reason phrase is short), and its code is still found', () => {
  const junk = 'x'.repeat(5000);
  const document = analyzed(`SIP/2.0 486 ${junk}\r\nSIP/2.0 486 ${'Busy '.repeat(150)}\r\n`);
  const [first, second] = document.occurrences;
  assert.equal(first.digits, '486');
  assert.equal(first.phrase, undefined);
  assert.equal(second.phrase?.text.length, 749);
});

test('lower-case status lines on a long line cost time in proportion to the line (found by the fuzz tests)', () => {
  const time = (length: number): number => {
    // "1x" is no code, so every "sip/2.0" on the line is looked at.
    const text = 'sip/2.0 1x'.repeat(length / 10);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      analyzed(text);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const small = time(64 * 1024);
  const big = time(1024 * 1024);
  // Linear: about 16 times as long; it was 256 times (a search for the upper-case form ran to the line's end each time).
  assert.ok(big < 48 * small + 20, `${small.toFixed(1)} ms for 64 KiB, ${big.toFixed(1)} ms for 1 MiB`);
});

/**
 * Patterns over codes come from the document (t_check_status("..."), FreeSWITCH expressions), so
 * a pattern with nested repetitions must not run a backtracking engine for seconds (or for ever:
 * "((4?){100}){100}x" never ends), and a huge one must not be compiled.
 */
function patternRequestsMs(text: string, languageId: string, column: number): { ms: number; hover: string; diagnostics: string[] } {
  const start = performance.now();
  const document = analyzed(text, languageId);
  const diagnostics = computeDiagnostics(document.occurrences, settings).map((d) => d.message);
  const hover = computeHover(document, { line: 0, character: column }, settings)?.markdown ?? '';
  return { ms: performance.now() - start, hover, diagnostics };
}

test('a pattern with nested repetitions is evaluated at once, with the codes it really matches', () => {
  const never = patternRequestsMs('if (t_check_status("((4?){30}){30}x")) { exit; }\n', 'kamailio', 22);
  assert.ok(never.ms < 1000, `${never.ms.toFixed(0)} ms`);
  assert.match(never.hover, /Matches no status code/);
  assert.equal(never.diagnostics.length, 1);
  const all = patternRequestsMs('if (t_check_status("((4?){100}){100}")) { exit; }\n', 'kamailio', 22);
  assert.ok(all.ms < 1000, `${all.ms.toFixed(0)} ms`);
  assert.match(all.hover, /Matches 100-699/);
  const freeswitch = patternRequestsMs(
    '<include><extension name="x"><condition field="${sip_term_status}" expression="^((4?){30}){30}[5-6]x$"/></extension></include>\n', 'xml', 75);
  assert.ok(freeswitch.ms < 1000, `${freeswitch.ms.toFixed(0)} ms`);
});

test('a huge pattern is not compiled: the hover says it is too long to check (without quoting it all), no diagnostic claims anything', () => {
  const huge = `if (t_check_status("${'4|'.repeat(200_000)}5")) { exit; }\n`;
  const result = patternRequestsMs(huge, 'kamailio', 22);
  assert.ok(result.ms < 1000, `${result.ms.toFixed(0)} ms`);
  assert.match(result.hover, /not worked out here: longer than 1000 characters/);
  assert.ok(result.hover.length < 2000, `a hover of ${result.hover.length} characters`);
  assert.deepEqual(result.diagnostics, []);
});
