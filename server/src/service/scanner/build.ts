import { reasonCauseOf } from '../syntax/reason';
import { numberOf, type LineSpan, type Occurrence, type OccurrenceContext, type OccurrenceKind, type SymbolPart } from './occurrence';

/** What an occurrence may carry besides its number and its place. */
export type OccurrenceDetails = Partial<Pick<Occurrence, 'phrase' | 'allowed' | 'notes' | 'quiet'>>;

/** The kinds of occurrence that are numbers (the others are patterns and symbols). */
export type NumberKind = Exclude<OccurrenceKind, 'status-pattern' | 'symbol'>;

/**
 * The one way dialects build occurrences: every occurrence names the dialect that found it, its
 * value is worked out from what is written the same way everywhere, and what the place adds (a
 * phrase, the codes it allows, notes, quiet) is set only when there is something to say.
 */
export class OccurrenceBuilder {
  constructor(readonly dialect: string) {}

  /** A number as written: its value is the number's (Infinity when it is too long to be one). */
  number(kind: NumberKind, context: OccurrenceContext, digits: string, line: number, span: LineSpan, details?: OccurrenceDetails): Occurrence {
    return this.made({ kind, context, digits, value: numberOf(digits), line, span, dialect: this.dialect }, details);
  }

  /**
   * A name that stands for a number where one goes (Hangup(USER_BUSY), hangup data="NORMAL_CLEARING"):
   * the occurrence holds the name as written and the number as its value.
   */
  name(kind: NumberKind, context: OccurrenceContext, name: string, value: number, line: number, span: LineSpan, details?: OccurrenceDetails): Occurrence {
    return this.made({ kind, context, digits: name, value, line, span, dialect: this.dialect }, details);
  }

  /** A pattern over status codes (t_check_status("48[0-9]")): the pattern as written, no value. */
  pattern(context: OccurrenceContext, pattern: string, line: number, span: LineSpan, details?: OccurrenceDetails): Occurrence {
    return this.made({ kind: 'status-pattern', context, digits: pattern, value: NaN, line, span, dialect: this.dialect }, details);
  }

  /**
   * What the document resolves (scanner/symbols.ts): a name whose value the line does not tell, a
   * name's definition, or a `case` label (a number whose meaning depends on the switch).
   */
  symbol(context: OccurrenceContext, written: string, line: number, span: LineSpan, symbol: SymbolPart, details?: OccurrenceDetails): Occurrence {
    const value = symbol.role === 'case' ? numberOf(written) : NaN;
    return this.made({ kind: 'symbol', context, digits: written, value, line, span, dialect: this.dialect, symbol }, details);
  }

  /**
   * The cause of one Reason header value that starts at column `valueStart` (`SIP;cause=486`: a
   * status code; `Q.850;cause=16`: a Q.850 cause), wherever the header is written: a SIP message,
   * a dialplan that sets it, a log line. Undefined when the value gives no such cause.
   */
  reasonCause(value: string, valueStart: number, line: number): Occurrence | undefined {
    const cause = reasonCauseOf(value);
    if (!cause) return undefined;
    const start = valueStart + cause.start;
    return this.number(cause.kind, 'reason-header', cause.digits, line, { start, end: start + cause.digits.length });
  }

  private made(occurrence: Occurrence, details: OccurrenceDetails | undefined): Occurrence {
    if (!details) return occurrence;
    if (details.phrase) occurrence.phrase = details.phrase;
    if (details.allowed) occurrence.allowed = details.allowed;
    if (details.notes && details.notes.length > 0) occurrence.notes = details.notes;
    if (details.quiet) occurrence.quiet = true;
    return occurrence;
  }
}
