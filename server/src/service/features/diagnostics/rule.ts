import type { StatusCodeEntry } from '../../../data/types';
import type { LineSpan, Occurrence, OccurrenceKind } from '../../scanner/occurrence';
import type { DiagnosticMessages, Lang } from '../../messages';
import type { Severity } from '../../settings';

/** A problem one rule finds with one occurrence. */
export interface Finding {
  rule: string;
  span: LineSpan;
  /** The message, in the catalogue of a language. */
  message: (m: DiagnosticMessages, lang: Lang) => string;
  /** Editors strike deprecated text through. */
  deprecated?: boolean;
  /** The standard reason phrase that a quick fix puts in place of the text's one. */
  replacement?: string;
}

/** What a rule is given: an occurrence and, for status codes, its registry entry when there is one. */
export interface RuleInput {
  occurrence: Occurrence;
  entry: StatusCodeEntry | undefined;
  wellFormed: boolean;
}

/** One validation rule: an id users can configure, a default severity, and a check. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** The kind of occurrence the rule looks at (default: status codes). */
  appliesTo?: OccurrenceKind;
  check(input: RuleInput): Finding | undefined;
}
