import type { CauseKind } from '../../data/causes';
import type { Bilingual, CauseTable, SipMethod } from '../../data/types';
import type { OccurrenceNote } from '../scanner/occurrence';
import {
  anyCauseEntry, causeEntry, causeTable, codesWithPhrase, isStandardPhrase, isWellFormedStatus, phraseVariant,
  q850ForStatus, responseClass, rfcLabel, rfcUrl, statusEntry, warnCode,
} from '../registry';
import type { HoverLanguage } from '../settings';
import type { CallState } from '../trace/types';
import { formatSeconds } from './traceWording';
import { MAX_PATTERN_CHARS, patternMeaning, summarizeCodes } from '../statusPattern';
import { MESSAGES, inScript, languagesOf, type HoverMessages, type Lang } from '../messages';
import { codeSpan, markdownText } from './markdownText';

/** What is known around a status code where it was found. */
export interface StatusCircumstances {
  /** The method of the request it answers (the CSeq method of its message). */
  method?: SipMethod;
  /** The phrase the text gives with it. */
  phrase?: string;
  /** It is the body of a message/sipfrag NOTIFY. */
  sipfrag?: boolean;
  /** It is the cause of a Reason header. */
  reasonHeader?: boolean;
  /** What the dialect noted about where it was found. */
  notes?: readonly OccurrenceNote[];
  /** What the trace says about this response (lines are 1-based). */
  trace?: {
    /** The request it answers, where, and how long after it (when the trace has times). */
    answers?: { method: string; line: number; seconds?: number };
    /** The line of the response it repeats. */
    retransmissionOf?: number;
    /** The state of the call it decided (the final response to the call's initial request). */
    decided?: CallState;
  };
}

/** The arguments of notes that are names from the script (a define's), shown as code; the others are shown as text. */
const CODE_ARGUMENTS: Partial<Record<OccurrenceNote['key'], readonly number[]>> = { standsFor: [0], definitionUsed: [0] };

/** The notes a dialect attached to `subject` (the code or pattern), in one language; their arguments are the file's text. */
function notesText(s: HoverMessages, notes: readonly OccurrenceNote[] | undefined, subject: string): string[] {
  return (notes ?? []).map((note) => {
    const code = CODE_ARGUMENTS[note.key] ?? [];
    return s.notes[note.key](...note.args.map((arg, i) => (code.includes(i) ? codeSpan(arg) : markdownText(arg))), markdownText(subject));
  });
}

/** Between the languages of an explanation ('both'): a rule. */
const LANGUAGE_RULE = '\n\n---\n\n';

/** Renders one section per language, separated by a rule, each in its script. */
function render(language: HoverLanguage, section: (lang: Lang, s: HoverMessages) => string[]): string {
  return languagesOf(language)
    .map((lang) => inScript(lang, section(lang, MESSAGES[lang].hover).filter((part) => part.length > 0).join('\n\n')))
    .join(LANGUAGE_RULE);
}

/** Right-to-left isolate (U+2067): what follows it, to the end of its paragraph, is laid out right to left. */
const RIGHT_TO_LEFT = '\u2067';

/**
 * An explanation (in `language`) for a client that renders HTML in Markdown, as VS Code does: its
 * Persian section right-aligned and right to left. VS Code's sanitiser keeps `align` but drops
 * `dir`, so a `<div align="right">` aligns the section and a right-to-left isolate opening each
 * paragraph and list item gives it the direction of Persian, so that its Latin terms, numbers and
 * punctuation fall in Persian order. Text from the user's file is escaped Markdown (markdownText.ts):
 * none of it can open or close a tag.
 */
export function rightToLeftPersian(markdown: string, language: HoverLanguage): string {
  const langs = languagesOf(language);
  const sections = markdown.split(LANGUAGE_RULE);
  if (sections.length !== langs.length) return markdown;
  return sections.map((section, i) => {
    if (langs[i] !== 'fa') return section;
    const blocks = section.split('\n\n').map((block) => (block.startsWith('- ')
      ? block.split('\n').map((item) => item.replace(/^- /, `- ${RIGHT_TO_LEFT}`)).join('\n')
      : `${RIGHT_TO_LEFT}${block}`));
    return `<div align="right">\n\n${blocks.join('\n\n')}\n\n</div>`;
  }).join(LANGUAGE_RULE);
}

function text(value: Bilingual | undefined, lang: Lang): string {
  return value ? value[lang] : '';
}

function link(reference: { rfc: number; section?: string }): string {
  return `[${rfcLabel(reference)}](${rfcUrl(reference)})`;
}

/** The one-line title of a status code: "486 Busy Here", or the bare digits when unknown. */
export function statusTitle(code: number, digits = String(code)): string {
  const entry = statusEntry(code);
  return entry ? `${entry.code} ${entry.phrase}` : digits;
}

/** The explanation of a status code, in Markdown. */
export function explainStatus(digits: string, language: HoverLanguage, around: StatusCircumstances = {}): string {
  const code = Number(digits);
  if (!isWellFormedStatus(digits)) {
    const shown = markdownText(digits);
    return render(language, (_lang, s) => [`**${shown}**`, s.impossibleCode(shown)]);
  }
  const entry = statusEntry(code);
  const klass = responseClass(code);
  return render(language, (lang, s) => {
    const heading = `**${statusTitle(code, digits)}** · ${code.toString()[0]}xx ${text(klass?.name, lang)}`;
    if (!entry) {
      return [heading, s.unknownCode(digits, digits[0]), text(klass?.meaning, lang), circumstances(s, code, around)];
    }
    const parts = [heading, text(entry.meaning, lang), `*${s.inPractice}:* ${text(entry.practice, lang)}`];
    if (entry.status !== 'registered') {
      parts.push(`⚠ **${s.statusLabel[entry.status]}**: ${text(entry.statusNote, lang)}`);
    }
    const methodNote = around.method ? entry.methods?.[around.method] : undefined;
    if (around.method && methodNote) parts.push(`**${s.inAnswerTo(around.method)}:** ${methodNote[lang]}`);
    parts.push(circumstances(s, code, around));
    const history = entry.history ? ` · ${entry.history[lang]}` : '';
    parts.push(`${s.definedIn} ${link(entry.defined)}${history}`);
    parts.push(q850Mapping(lang, s, code));
    return parts;
  });
}

/** The dialect's notes, the trace's, sipfrag and Reason-header notes, and the phrase the text gives when it is not the standard one. */
function circumstances(s: HoverMessages, code: number, around: StatusCircumstances): string {
  const notes: string[] = notesText(s, around.notes, String(code));
  const trace = around.trace;
  if (trace?.answers) notes.push(s.answers(markdownText(trace.answers.method), trace.answers.line, trace.answers.seconds === undefined ? undefined : formatSeconds(trace.answers.seconds)));
  if (trace?.retransmissionOf !== undefined) notes.push(s.retransmission(trace.retransmissionOf));
  if (trace?.decided) notes.push(s.decidedCall(s.callStates[trace.decided]));
  if (around.sipfrag) notes.push(s.sipfrag);
  if (around.reasonHeader) notes.push(s.reasonHeader);
  const phrase = around.phrase;
  const entry = statusEntry(code);
  if (phrase && entry && !isStandardPhrase(entry, phrase)) {
    const variant = phraseVariant(entry, phrase);
    const others = codesWithPhrase(phrase).filter((other) => other !== code);
    const shown = markdownText(phrase);
    if (variant) notes.push(`${s.onTheWire(shown)}: ${s.variantOf(variant.source)}.`);
    else if (others.length > 0) notes.push(s.otherCodesPhrase(shown, others.join(', ')));
    else notes.push(`${s.onTheWire(shown)}: ${s.customPhrase}.`);
  }
  return notes.join('\n\n');
}

function q850Mapping(lang: Lang, s: HoverMessages, code: number): string {
  const mapping = q850ForStatus(code);
  if (!mapping) return '';
  const show = (cause: number | undefined) => (cause === undefined ? s.notListed : causeLabel(cause));
  const line = `**${s.q850Heading}:** ${s.q850Line(show(mapping.rfc3398), show(mapping.asterisk), show(mapping.freeswitch))}`;
  return mapping.note ? `${line}\n\n${mapping.note[lang]}` : line;
}

/** "17 (USER_BUSY)" for a cause number. */
function causeLabel(cause: number): string {
  const known = anyCauseEntry(cause);
  const name = known?.asteriskName ?? known?.freeswitchName;
  return name ? `${cause} (${name})` : String(cause);
}

/** How a product is written in a sentence, for the products whose mapping of SIP to causes a table reads. */
const PRODUCT_NAMES: Readonly<Record<NonNullable<CauseTable['sipArrivesAs']>, string>> = { freeswitch: 'FreeSWITCH' };

/**
 * The explanation of a number of a cause table (data/causes.ts), in Markdown: a Q.850 cause
 * (Reason: Q.850;cause=N, a hangup cause), a FreeSWITCH cause (hangup data, continue_on_fail and
 * failure_causes lists: one of its internal causes, 487 ORIGINATOR_CANCEL, 800-825, or a Q.850
 * one), or a number the table does not list (for FreeSWITCH, one that never matches, whatever
 * SIP code it looks like). Never a status code.
 */
export function explainCause(kind: CauseKind, cause: number, language: HoverLanguage): string {
  const table = causeTable(kind);
  const entry = causeEntry(kind, cause);
  const otherwise = table.otherwise as CauseKind | undefined;
  if (!entry && otherwise && causeEntry(otherwise, cause)) return explainCause(otherwise, cause, language);
  return render(language, (lang, s) => {
    const words = s.causes[kind];
    const title = `**${words.title(String(cause))}**`;
    if (!entry) {
      if (!table.sipArrivesAs) return [title, words.unknown(String(cause)), words.notStatus];
      const arrivesAs = q850ForStatus(cause)?.[table.sipArrivesAs];
      return [
        title,
        words.unknown(String(cause)),
        arrivesAs === undefined ? '' : s.sipArrivesAs(statusTitle(cause), PRODUCT_NAMES[table.sipArrivesAs], causeLabel(arrivesAs)),
      ];
    }
    const names = [
      entry.asteriskName && `Asterisk: ${entry.asteriskName}${aliases(entry.asteriskAliases)}`,
      table.headedBy !== 'freeswitchName' && entry.freeswitchName && `FreeSWITCH: ${entry.freeswitchName}`,
    ].filter(Boolean).join(' · ');
    // A cause that only FreeSWITCH sends has no RFC 3398 or Asterisk mapping to list.
    const toSip = entry.rfc3398ToSip === undefined && entry.asteriskToSip === undefined
      ? `FreeSWITCH → SIP: ${statusTitle(entry.freeswitchToSip)}`
      : s.q850ToSip(
        entry.rfc3398ToSip === undefined ? s.notListed : statusTitle(entry.rfc3398ToSip),
        entry.asteriskToSip === undefined ? s.notListed : statusTitle(entry.asteriskToSip),
        statusTitle(entry.freeswitchToSip),
      );
    return [
      `${title} · ${entry[table.headedBy] ?? ''}`,
      table.headedBy === 'description' ? '' : entry.description,
      words.notStatus,
      names,
      toSip,
      text(entry.note, lang),
    ];
  });
}

function aliases(list: readonly string[] | undefined): string {
  return list && list.length > 0 ? ` (${list.join(', ')})` : '';
}

/** The explanation of a Warning header warn-code, in Markdown. */
export function explainWarnCode(code: number, language: HoverLanguage): string {
  const entry = warnCode(code);
  return render(language, (_lang, s) => entry
    ? [`**${s.warnCode(String(code))}** · ${entry.text}`, s.warnNotStatus, `${s.definedIn} ${link(entry.defined)}`]
    : [`**${s.warnCode(String(code))}**`, s.unknownWarn(String(code)), s.warnNotStatus]);
}

/** What a pattern over status codes matches (t_check_status("486|408")), in Markdown. */
export function explainPattern(pattern: string, language: HoverLanguage, notes?: readonly OccurrenceNote[]): string {
  const meaning = patternMeaning(pattern);
  return render(language, (_lang, s) => {
    const shown = pattern.length > MAX_PATTERN_CHARS ? `${pattern.slice(0, 100)}…` : pattern;
    const heading = [`**${s.patternHeading}** ${codeSpan(shown)}`, ...notesText(s, notes, pattern)].join('\n\n');
    if (!meaning.ok) return [heading, meaning.unchecked ? s.patternUnchecked(markdownText(meaning.error)) : s.patternInvalid(markdownText(meaning.error))];
    if (meaning.codes.length === 0) return [heading, s.patternMatchesNothing];
    const known = meaning.codes.filter((code) => statusEntry(code)?.status === 'registered' || statusEntry(code)?.status === 'deprecated');
    const list = known.length <= 12 ? known.map((code) => `- ${statusTitle(code)}`).join('\n') : '';
    return [heading, s.patternMatches(summarizeCodes(meaning.codes)), list];
  });
}
