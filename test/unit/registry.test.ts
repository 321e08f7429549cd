import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAUSE_TABLES } from '../../server/src/data/causes';
import { FREESWITCH_INTERNAL_CAUSES, Q850_CAUSES, SIP_TO_Q850 } from '../../server/src/data/q850';
import { RESPONSE_CLASSES } from '../../server/src/data/responseClasses';
import { STATUS_CODES } from '../../server/src/data/statusCodes';
import { WARN_CODES } from '../../server/src/data/warnCodes';
import { explainCause } from '../../server/src/service/features/explain';
import { MESSAGES } from '../../server/src/service/messages';
import { causeEntry, codesWithPhrase, isCauseKind, isStandardPhrase, normalizePhrase, phraseVariant, statusEntry } from '../../server/src/service/registry';
import { readTsv } from '../support/corpus';

const PERSIAN = /[\u0600-\u06FF]/;
const codesTsv = readTsv('reference/codes.tsv');
const byCode = new Map(STATUS_CODES.map((entry) => [entry.code, entry]));

/** The 75 codes of the IANA registry, as the core issue lists them. */
const IANA = [
  100, 180, 181, 182, 183, 199, 200, 202, 204, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407, 408,
  410, 412, 413, 414, 415, 416, 417, 420, 421, 422, 423, 424, 425, 428, 429, 430, 433, 436, 437, 438, 439, 440, 469, 470,
  480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 491, 493, 494, 500, 501, 502, 503, 504, 505, 513, 555, 580, 600, 603,
  604, 606, 607, 608,
];

test('every code of the IANA registry is there, registered (202 deprecated), in code order, once', () => {
  assert.equal(IANA.length, 75);
  for (const code of IANA) {
    const entry = byCode.get(code);
    assert.ok(entry, `${code} is missing`);
    assert.equal(entry.status, code === 202 ? 'deprecated' : 'registered', `${code}`);
  }
  const registered = STATUS_CODES.filter((entry) => entry.status === 'registered' || entry.status === 'deprecated');
  assert.deepEqual(registered.map((entry) => entry.code), IANA);
  const codes = STATUS_CODES.map((entry) => entry.code);
  assert.deepEqual(codes, [...new Set(codes)].sort((a, b) => a - b));
});

test('phrase, status and defining RFC agree with ../shared/reference/codes.tsv', () => {
  const statusOf: Record<string, string> = {
    registered: 'registered', deprecated: 'deprecated', removed: 'removed', 'not-registered': 'unregistered',
    'non-standard': 'product-specific', 'non-standard (out of range)': 'product-specific',
  };
  for (const row of codesTsv) {
    const code = Number(row.code);
    const entry = byCode.get(code);
    assert.ok(entry, `${code} of codes.tsv is missing`);
    assert.equal(entry.status, statusOf[row.status], `status of ${code}`);
    if (row.iana_reason_phrase !== '(none)') assert.equal(entry.phrase, row.iana_reason_phrase, `phrase of ${code}`);
    if (entry.status === 'registered' || entry.status === 'deprecated' || entry.status === 'removed') {
      const cited = [...row.defining_rfc.matchAll(/RFC ?(\d+)/g)].map((m) => Number(m[1]));
      assert.ok(cited.includes(entry.defined.rfc), `${code}: RFC ${entry.defined.rfc} is not among ${row.defining_rfc}`);
    }
    if (/^\d+(\.\d+)+$/.test(row.rfc_section) && entry.defined.rfc === 3261) {
      assert.equal(entry.defined.section, row.rfc_section, `section of ${code}`);
    }
  }
});

test('every entry explains itself in English and Persian, and says why when it is not registered', () => {
  for (const entry of STATUS_CODES) {
    for (const text of [entry.meaning, entry.practice, ...Object.values(entry.methods ?? {})]) {
      assert.ok(text.en.trim().length > 20, `${entry.code} English`);
      assert.match(text.fa, PERSIAN, `${entry.code} Persian`);
    }
    if (entry.status !== 'registered') {
      assert.ok(entry.statusNote, `${entry.code} needs a status note`);
      assert.match(entry.statusNote.fa, PERSIAN);
    }
  }
});

test("the seed guide's Persian notes are in the hovers", () => {
  const fa = (code: number) => `${byCode.get(code)!.meaning.fa} ${byCode.get(code)!.practice.fa}`;
  assert.match(fa(403), /رمز/, '403: a wrong extension password');
  assert.match(fa(401), /هویت|احراز/, '401: a request without credentials');
  assert.match(fa(404), /وجود ندارد|پیدا/, '404: no such user');
  assert.match(fa(408), /زمان/, '408: time ran out');
});

test('response classes, warn-codes', () => {
  assert.deepEqual(RESPONSE_CLASSES.map((c) => c.digit), [1, 2, 3, 4, 5, 6]);
  const warn = new Map(WARN_CODES.map((w) => [w.code, w]));
  for (const code of [300, 301, 302, 303, 304, 305, 306, 307, 330, 331, 370, 399]) {
    assert.equal(warn.get(code)?.defined.rfc, 3261, `warn-code ${code}`);
  }
});

test('the Q.850 tables agree with ../shared/reference/q850.tsv', () => {
  const firstNumber = (cell: string) => Number(/\d+/.exec(cell)?.[0]);
  const causes = new Map([...Q850_CAUSES, ...FREESWITCH_INTERNAL_CAUSES].map((c) => [c.cause, c]));
  const sip = new Map(SIP_TO_Q850.map((m) => [m.code, m]));
  for (const row of readTsv('reference/q850.tsv')) {
    const key = Number(row.key);
    if (row.direction === 'Q850->SIP') {
      const cause = causes.get(key);
      assert.ok(cause, `cause ${key}`);
      assert.equal(cause.freeswitchToSip, firstNumber(row.freeswitch_mod_sofia) || 480, `FreeSWITCH for cause ${key}`);
      const asterisk = row['asterisk_chan_pjsip (cause2sip) / ast_sip_hangup_sip2cause'];
      if (key <= 127) assert.equal(cause.asteriskToSip, asterisk.startsWith('0 ->') ? 603 : firstNumber(asterisk), `Asterisk for cause ${key}`);
      if (/^\d+/.test(row.rfc3398)) assert.equal(cause.rfc3398ToSip, firstNumber(row.rfc3398), `RFC 3398 for cause ${key}`);
    } else {
      const mapping = sip.get(key);
      assert.ok(mapping, `SIP ${key}`);
      assert.equal(mapping.asterisk, firstNumber(row['asterisk_chan_pjsip (cause2sip) / ast_sip_hangup_sip2cause']), `Asterisk for ${key}`);
      assert.equal(mapping.freeswitch, firstNumber(row.freeswitch_mod_sofia), `FreeSWITCH for ${key}`);
      if (/^\d+/.test(row.rfc3398)) assert.equal(mapping.rfc3398, firstNumber(row.rfc3398), `RFC 3398 for ${key}`);
    }
  }
});

test('cause tables: each is a kind of occurrence with its wording in both languages, its numbers once, each explained from its entry', () => {
  assert.deepEqual(CAUSE_TABLES.map((table) => table.kind), ['q850', 'freeswitch-cause']);
  for (const table of CAUSE_TABLES) {
    assert.ok(isCauseKind(table.kind));
    const causes = table.entries.map((entry) => entry.cause);
    assert.equal(new Set(causes).size, causes.length, table.kind);
    for (const lang of ['en', 'fa'] as const) assert.ok(MESSAGES[lang].hover.causes[table.kind].title('1').length > 0);
    for (const entry of table.entries) {
      assert.equal(causeEntry(table.kind, entry.cause), entry);
      assert.ok(entry.cause >= table.logged.min && entry.cause <= table.logged.max, `${table.kind} ${entry.cause} can be logged`);
      const md = explainCause(table.kind, entry.cause, 'en');
      assert.ok(md.startsWith(`**${MESSAGES.en.hover.causes[table.kind].title(String(entry.cause))}** · `), md);
      assert.match(md, /not a SIP status code|nor a SIP status code/);
    }
  }
  assert.equal(isCauseKind('status'), false);
  assert.equal(isCauseKind('warn'), false);
});

test('phrases compare without regard to case, spacing and punctuation, whatever was asked before', () => {
  assert.equal(normalizePhrase('  BUSY-here!! '), 'busy here');
  assert.equal(normalizePhrase('Busy Here'), 'busy here');
  // asked in turn, as the rules ask for one occurrence's phrase and the registry's
  for (let round = 0; round < 2; round++) {
    assert.equal(normalizePhrase('not  FOUND'), 'not found');
    assert.equal(normalizePhrase('Temporarily_Unavailable'), 'temporarily unavailable');
    assert.equal(normalizePhrase('not  FOUND'), 'not found');
  }
  const busy = statusEntry(486)!;
  assert.equal(isStandardPhrase(busy, 'busy   HERE'), true);
  assert.equal(isStandardPhrase(busy, 'Busy Everywhere'), false);
  assert.deepEqual(codesWithPhrase('BUSY here.'), [486]);
  assert.deepEqual(codesWithPhrase('Busy Everywhere'), [600]);
  const withVariant = STATUS_CODES.find((entry) => entry.variants?.length)!;
  const variant = withVariant.variants![0];
  assert.equal(phraseVariant(withVariant, variant.phrase.toUpperCase()), variant);
});
