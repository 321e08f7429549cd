import { isWellFormedStatus, statusEntry } from '../../registry';
import { say } from '../../messages';
import type { Occurrence } from '../../scanner/occurrence';
import type { Settings, Severity } from '../../settings';
import type { Finding, Rule } from './rule';
import { codeNotAllowed } from './rules/codeNotAllowed';
import { customPhrase } from './rules/customPhrase';
import { deprecatedCode } from './rules/deprecatedCode';
import { impossibleCode } from './rules/impossibleCode';
import { phraseMismatch } from './rules/phraseMismatch';
import { removedCode } from './rules/removedCode';
import { statusRegex } from './rules/statusRegex';
import { unregisteredCode } from './rules/unregisteredCode';

/** Every rule, in the order their findings are reported for one occurrence. */
export const RULES: readonly Rule[] = [
  impossibleCode, codeNotAllowed, deprecatedCode, removedCode, unregisteredCode, phraseMismatch, customPhrase, statusRegex,
];

/** The id of the diagnostic that says how many were left out. */
export const OVERFLOW_RULE = 'too-many-diagnostics';

export interface DiagnosticInfo {
  rule: string;
  severity: Severity;
  line: number;
  span: { start: number; end: number };
  message: string;
  deprecated?: boolean;
  /** The occurrence's code and, for phrase rules, the standard phrase to put in. */
  data?: { code: string; replacement?: string };
}

/** Findings depend on the occurrence alone, so they are computed once per occurrence. */
const findingsCache = new WeakMap<Occurrence, readonly Finding[]>();

const NO_FINDINGS: readonly Finding[] = [];

export function findingsOf(occurrence: Occurrence): readonly Finding[] {
  let findings = findingsCache.get(occurrence);
  if (!findings) {
    findings = check(occurrence);
    findingsCache.set(occurrence, findings);
  }
  return findings;
}

function check(occurrence: Occurrence): readonly Finding[] {
  // Commented-out code and definitions are explained, never diagnosed.
  if (occurrence.quiet) return NO_FINDINGS;
  const wellFormed = occurrence.kind === 'status' && isWellFormedStatus(occurrence.digits);
  const input = { occurrence, entry: wellFormed ? statusEntry(occurrence.value) : undefined, wellFormed };
  const found: Finding[] = [];
  for (const rule of RULES) {
    if ((rule.appliesTo ?? 'status') !== occurrence.kind) continue;
    const finding = rule.check(input);
    if (finding) found.push(finding);
  }
  return found.length === 0 ? NO_FINDINGS : found;
}

function severityOf(rule: Rule | undefined, id: string, settings: Settings): Severity | undefined {
  const configured = settings.diagnostics.severity[id];
  if (configured === 'off') return undefined;
  return configured ?? rule?.defaultSeverity;
}

const rulesById = new Map(RULES.map((rule) => [rule.id, rule]));

/** The diagnostics of a document's occurrences, at most settings.diagnostics.maxPerDocument of them. */
export function computeDiagnostics(occurrences: Iterable<Occurrence>, settings: Settings): DiagnosticInfo[] {
  const collector = new DiagnosticsCollector(settings);
  collector.add(occurrences);
  return collector.diagnostics();
}

/**
 * Diagnostics gathered from occurrences handed over in pieces (a text scanned as it streams), at
 * most settings.diagnostics.maxPerDocument of them, then a count of the others: bounded memory
 * whatever the text's size.
 */
export class DiagnosticsCollector {
  private readonly out: DiagnosticInfo[] = [];
  private omitted = 0;

  constructor(private readonly settings: Settings) {}

  add(occurrences: Iterable<Occurrence>): void {
    const { settings, out } = this;
    if (!settings.diagnostics.enable) return;
    const max = settings.diagnostics.maxPerDocument;
    for (const occurrence of occurrences) {
      const findings = findingsOf(occurrence);
      if (findings.length === 0) continue;
      for (const finding of findings) {
        const severity = severityOf(rulesById.get(finding.rule), finding.rule, settings);
        if (!severity) continue;
        if (out.length >= max) {
          this.omitted++;
          continue;
        }
        out.push({
          rule: finding.rule,
          severity,
          line: occurrence.line,
          span: finding.span,
          message: say(settings.language, (m, lang) => finding.message(m.diagnostics, lang)),
          ...(finding.deprecated ? { deprecated: true } : {}),
          data: { code: occurrence.digits, ...(finding.replacement ? { replacement: finding.replacement } : {}) },
        });
      }
    }
  }

  /** The diagnostics gathered, with one that says how many more there were. */
  diagnostics(): DiagnosticInfo[] {
    if (this.omitted === 0) return this.out;
    return [...this.out, {
      rule: OVERFLOW_RULE,
      severity: 'information',
      line: 0,
      span: { start: 0, end: 0 },
      message: say(this.settings.language, (m) => m.diagnostics.tooMany(this.omitted, this.settings.diagnostics.maxPerDocument)),
    }];
  }
}
