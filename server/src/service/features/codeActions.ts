import type { AnalyzedDocument } from '../analyzedDocument';
import type { LineSpan } from '../scanner/occurrence';
import { EXPLAIN_COMMAND } from '../../../../common/commands';
import { say } from '../messages';
import type { HoverLanguage } from '../settings';
import { findingsOf } from './diagnostics';
import { deprecatedCode } from './diagnostics/rules/deprecatedCode';
import { phraseMismatch } from './diagnostics/rules/phraseMismatch';
import { removedCode } from './diagnostics/rules/removedCode';
import { unregisteredCode } from './diagnostics/rules/unregisteredCode';

export interface CodeActionInfo {
  title: string;
  /** The rule of the diagnostic the action answers. */
  rule: string;
  line: number;
  /** The span of the finding the action answers. */
  span: LineSpan;
  preferred: boolean;
  /** A text edit on `line`, replacing `span`. */
  edit?: { span: LineSpan; newText: string };
  command?: { id: string; title: string; arguments: string[] };
}

/** The rules whose findings are explained rather than changed. */
const EXPLAINED_RULES: ReadonlySet<string> = new Set([deprecatedCode.id, removedCode.id, unregisteredCode.id]);

/** Quick fixes for the findings on lines [startLine, endLine], titled in `language`. */
export function computeCodeActions(document: AnalyzedDocument, startLine: number, endLine: number, language: HoverLanguage = 'en'): CodeActionInfo[] {
  if (!document.isServed) return [];
  const actions: CodeActionInfo[] = [];
  const last = Math.min(endLine, document.lines.lineCount - 1);
  for (let line = Math.max(0, startLine); line <= last; line++) {
    for (const occurrence of document.occurrencesOnLine(line)) {
      for (const finding of findingsOf(occurrence)) {
        if (finding.replacement !== undefined) {
          actions.push({
            title: say(language, (m) => m.actions.replacePhrase(finding.replacement!)),
            rule: finding.rule,
            line,
            span: finding.span,
            preferred: finding.rule === phraseMismatch.id,
            edit: { span: finding.span, newText: finding.replacement },
          });
        } else if (EXPLAINED_RULES.has(finding.rule)) {
          const title = say(language, (m) => m.actions.explainCode(occurrence.digits));
          actions.push({
            title,
            rule: finding.rule,
            line,
            span: finding.span,
            preferred: false,
            command: { id: EXPLAIN_COMMAND, title, arguments: [occurrence.digits] },
          });
        }
      }
    }
  }
  return actions;
}
