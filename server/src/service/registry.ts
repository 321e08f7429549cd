import { CAUSE_TABLES, type CauseKind } from '../data/causes';
import { PJSIP_STATUS_NAMES } from '../data/pjsip';
import { Q850_CAUSES, FREESWITCH_INTERNAL_CAUSES, SIP_TO_Q850 } from '../data/q850';
import { RESPONSE_CLASSES } from '../data/responseClasses';
import { STATUS_CODES } from '../data/statusCodes';
import { WARN_CODES } from '../data/warnCodes';
import type {
  CauseTable, PhraseVariant, Q850CauseEntry, ResponseClassEntry, RfcReference, SipToQ850Entry, StatusCodeEntry, WarnCodeEntry,
} from '../data/types';

/** Look-ups over the data modules: the only place that knows how the tables are keyed. */

function byKey<T>(entries: readonly T[], key: (entry: T) => number): ReadonlyMap<number, T> {
  return new Map(entries.map((entry) => [key(entry), entry]));
}

const statusByCode = byKey(STATUS_CODES, (e) => e.code);
const classByDigit = byKey(RESPONSE_CLASSES, (e) => e.digit);
const causeTables: ReadonlyMap<string, { table: CauseTable; byCause: ReadonlyMap<number, Q850CauseEntry> }> = new Map(
  CAUSE_TABLES.map((table) => [table.kind, { table, byCause: byKey(table.entries, (e) => e.cause) }]),
);
const q850BySip = byKey(SIP_TO_Q850, (e) => e.code);
const warnByCode = byKey(WARN_CODES, (e) => e.code);

/** Names as a product reads them, without regard to case: upper-cased name → number. */
function byName<T>(entries: readonly T[], name: (entry: T) => string | undefined, value: (entry: T) => number): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const entry of entries) {
    const key = name(entry);
    if (key !== undefined) map.set(key.toUpperCase(), value(entry));
  }
  return map;
}

/** Hangup()'s cause names (Asterisk main/channel.c causes[]). */
const asteriskCauseNames = byName(Q850_CAUSES, (e) => e.asteriskName, (e) => e.cause);
/** FreeSWITCH's cause names (switch_channel.c CAUSE_CHART), Q.850 and its own. */
const freeswitchCauseNames = byName([...Q850_CAUSES, ...FREESWITCH_INTERNAL_CAUSES], (e) => e.freeswitchName, (e) => e.cause);
const pjsipStatusNames = byName(Object.entries(PJSIP_STATUS_NAMES), ([name]) => name, ([, code]) => code);

function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The keys of the registry's own phrases and variants, made once. */
const registryPhraseKeys = new Map<string, string>();
for (const entry of STATUS_CODES) {
  for (const phrase of [entry.phrase, ...(entry.variants ?? []).map((variant) => variant.phrase)]) registryPhraseKeys.set(phrase, phraseKey(phrase));
}

/**
 * The last phrase of a document asked for and its key: the rules ask for one occurrence's phrase
 * several times in a row (a log line of 139,000 occurrences spent seconds normalising them).
 * One is kept, never a table of a document's strings.
 */
let lastPhrase = '';
let lastKey = '';

/** Case, spacing and punctuation do not make a phrase another phrase. */
export function normalizePhrase(phrase: string): string {
  const known = registryPhraseKeys.get(phrase);
  if (known !== undefined) return known;
  if (phrase !== lastPhrase) {
    lastKey = phraseKey(phrase);
    lastPhrase = phrase;
  }
  return lastKey;
}

const codesByPhrase = new Map<string, number[]>();
for (const entry of STATUS_CODES) {
  if (entry.status !== 'registered' && entry.status !== 'deprecated') continue;
  const key = normalizePhrase(entry.phrase);
  codesByPhrase.set(key, [...(codesByPhrase.get(key) ?? []), entry.code]);
}

export function statusEntry(code: number): StatusCodeEntry | undefined {
  return statusByCode.get(code);
}

/** Every entry, in code order. */
export function allStatusEntries(): readonly StatusCodeEntry[] {
  return STATUS_CODES;
}

/** A status code must be three digits from 100 to 699 (RFC 3261 section 25.1: Status-Code = 3DIGIT, 1xx to 6xx). */
export function isWellFormedStatus(digits: string): boolean {
  return digits.length === 3 && digits[0] >= '1' && digits[0] <= '6';
}

export function responseClass(code: number): ResponseClassEntry | undefined {
  if (!(code >= 100 && code <= 699)) return undefined;
  return classByDigit.get(Math.floor(code / 100));
}

/** The registered codes whose IANA phrase is `phrase`. */
export function codesWithPhrase(phrase: string): readonly number[] {
  return codesByPhrase.get(normalizePhrase(phrase)) ?? [];
}

/** Whether `phrase` is the code's own phrase, ignoring case and spacing. */
export function isStandardPhrase(entry: StatusCodeEntry, phrase: string): boolean {
  return normalizePhrase(entry.phrase) === normalizePhrase(phrase);
}

/** The known variant (older RFC, an implementation's wording) that `phrase` is, if any. */
export function phraseVariant(entry: StatusCodeEntry, phrase: string): PhraseVariant | undefined {
  const key = normalizePhrase(phrase);
  return entry.variants?.find((variant) => normalizePhrase(variant.phrase) === key);
}

export function rfcUrl(reference: RfcReference): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${reference.rfc}`;
  return reference.section ? `${base}#section-${reference.section}` : base;
}

export function rfcLabel(reference: RfcReference): string {
  return reference.section ? `RFC ${reference.rfc} §${reference.section}` : `RFC ${reference.rfc}`;
}

/** Whether occurrences of `kind` are numbers of a cause table. */
export function isCauseKind(kind: string): kind is CauseKind {
  return causeTables.has(kind);
}

export function causeTable(kind: CauseKind): CauseTable {
  return causeTables.get(kind)!.table;
}

/** The entry of `cause` in the table of `kind`, if it lists it. */
export function causeEntry(kind: CauseKind, cause: number): Q850CauseEntry | undefined {
  return causeTables.get(kind)!.byCause.get(cause);
}

/** The first table that lists `cause` gives its entry (for naming a cause beside a status code: "17 (USER_BUSY)"). */
export function anyCauseEntry(cause: number): Q850CauseEntry | undefined {
  for (const { byCause } of causeTables.values()) {
    const entry = byCause.get(cause);
    if (entry) return entry;
  }
  return undefined;
}

export function q850ForStatus(code: number): SipToQ850Entry | undefined {
  return q850BySip.get(code);
}

export function warnCode(code: number): WarnCodeEntry | undefined {
  return warnByCode.get(code);
}

/** The Q.850 cause Asterisk's Hangup() gives a name (any case), or undefined. */
export function asteriskCauseByName(name: string): number | undefined {
  return asteriskCauseNames.get(name.toUpperCase());
}

/** The cause FreeSWITCH gives a name (any case), Q.850 or its own, or undefined. */
export function freeswitchCauseByName(name: string): number | undefined {
  return freeswitchCauseNames.get(name.toUpperCase());
}

/** The code Asterisk's PJSIPHangup gives a pjproject status name (any case, with or without PJSIP_SC_), or undefined. */
export function pjsipStatusByName(name: string): number | undefined {
  const upper = name.toUpperCase();
  return pjsipStatusNames.get(upper.startsWith('PJSIP_SC_') ? upper.slice('PJSIP_SC_'.length) : upper);
}
