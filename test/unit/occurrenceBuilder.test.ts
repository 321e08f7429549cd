import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { OccurrenceBuilder } from '../../server/src/service/scanner/build';
import { isBlank, isDigit, isLetter, isWordChar } from '../../server/src/service/syntax/chars';
import { reasonCauseOf } from '../../server/src/service/syntax/reason';
import { repoRoot } from '../support/corpus';

const build = new OccurrenceBuilder('test-dialect');
const span = { start: 4, end: 7 };

test('every occurrence names its dialect and gets its value from what is written, the same way', () => {
  assert.deepEqual(build.number('status', 'status-line', '486', 2, span), {
    kind: 'status', context: 'status-line', digits: '486', value: 486, line: 2, span, dialect: 'test-dialect',
  });
  // Too long to be a number: never a code by overflow.
  assert.equal(build.number('status', 'status-line', '9'.repeat(16), 0, span).value, Infinity);
  assert.equal(build.number('status', 'status-line', '0486', 0, span).value, 486);
  // A name that stands for a number keeps the name as written.
  assert.deepEqual(build.name('q850', 'dialplan-app', 'USER_BUSY', 17, 0, span), {
    kind: 'q850', context: 'dialplan-app', digits: 'USER_BUSY', value: 17, line: 0, span, dialect: 'test-dialect',
  });
  const pattern = build.pattern('status-regex', '48[0-9]', 1, span);
  assert.equal(pattern.kind, 'status-pattern');
  assert.ok(Number.isNaN(pattern.value));
  // A case label is a number until the switch is known; a name's use and definition have no value of their own.
  assert.equal(build.symbol('status-comparison', '486', 0, span, { role: 'case' }).value, 486);
  assert.ok(Number.isNaN(build.symbol('reply-function', 'BUSY', 0, span, { role: 'use' }).value));
});

test('the details of a place are set only when there is something to say', () => {
  const bare = build.number('status', 'reply-function', '404', 0, span, { phrase: undefined, allowed: undefined, notes: [], quiet: undefined });
  assert.deepEqual(Object.keys(bare).sort(), ['context', 'dialect', 'digits', 'kind', 'line', 'span', 'value']);
  const phrase = { text: 'Not Found', span: { start: 8, end: 17 } };
  const full = build.number('status', 'reply-function', '404', 0, span, {
    phrase, allowed: { min: 400, max: 699, why: { en: 'e', fa: 'f' } }, notes: [{ key: 'commentedOut', args: [] }], quiet: true,
  });
  assert.deepEqual([full.phrase, full.allowed?.min, full.notes?.map((n) => n.key), full.quiet], [phrase, 400, ['commentedOut'], true]);
});

test('a Reason header value gives its cause where it stands, whoever writes it', () => {
  // SIP message, Asterisk dialplan (escaped ;), FreeSWITCH sip_reason: one reader.
  assert.deepEqual(reasonCauseOf('SIP ;cause=486 ;text="Busy Here"'), { kind: 'status', digits: '486', start: 11 });
  assert.deepEqual(reasonCauseOf('Q.850\\;cause=16'), { kind: 'q850', digits: '16', start: 13 });
  assert.equal(reasonCauseOf('X.int;reasoncode=0x00000000'), undefined);
  assert.equal(reasonCauseOf('SIP;text="no cause"'), undefined);
  const text = 'Reason: SIP;cause=480, Q.850;cause=18';
  const sip = build.reasonCause(text.slice(7, 21), 7, 3)!;
  assert.deepEqual([sip.kind, sip.context, sip.digits, sip.value, sip.line, text.slice(sip.span.start, sip.span.end), sip.dialect],
    ['status', 'reason-header', '480', 480, 3, '480', 'test-dialect']);
  const q850 = build.reasonCause(text.slice(22), 22, 3)!;
  assert.deepEqual([q850.kind, text.slice(q850.span.start, q850.span.end)], ['q850', '18']);
});

test('character classes: blanks are space and tab only, and past either end of the text is in no class', () => {
  const text = 'a_9 \t\r';
  assert.deepEqual([...text].map((_, i) => isBlank(text.charCodeAt(i))), [false, false, false, true, true, false]);
  assert.deepEqual([...text].map((_, i) => isWordChar(text.charCodeAt(i))), [true, true, true, false, false, false]);
  assert.deepEqual([isDigit(text.charCodeAt(2)), isLetter(text.charCodeAt(0)), isLetter(text.charCodeAt(1))], [true, true, false]);
  for (const outside of [text.charCodeAt(-1), text.charCodeAt(text.length)]) {
    assert.deepEqual([isBlank(outside), isDigit(outside), isLetter(outside), isWordChar(outside)], [false, false, false, false]);
  }
});

/** The TypeScript files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

test('dialects do not use each other as libraries: across dialects only a whole dialect is taken (to read what it reads)', () => {
  const dialects = join(repoRoot, 'server/src/service/dialects');
  /** The dialect module (or folder) a file belongs to: sipp.ts, routingScript/, logs/. */
  const unitOf = (file: string) => relative(dialects, file).split('/')[0];
  const crossing: string[] = [];
  for (const file of sources(dialects)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^import (?:type )?\{([^}]*)\} from '([^']+)';$/gm)) {
      if (!match[2].startsWith('.')) continue;
      const target = join(file, '..', match[2]);
      if (!target.startsWith(dialects + '/') || unitOf(target) === unitOf(file)) continue;
      const names = match[1].split(',').map((name) => name.trim()).filter(Boolean);
      for (const name of names) if (!/^[a-z][A-Za-z]*Dialect$/.test(name)) crossing.push(`${relative(dialects, file)} takes ${name} from ${match[2]}`);
    }
  }
  assert.deepEqual(crossing, []);
});
