import {
  CodeActionKind, CompletionItemKind, CompletionItemTag, DiagnosticSeverity, DiagnosticTag, MarkupKind,
  type CodeAction, type CompletionItem, type Diagnostic, type Hover, type InlayHint, type MarkupContent, type Range,
} from 'vscode-languageserver/node';
import {
  markdownToPlainText, type CodeActionInfo, type CompletionInfo, type DiagnosticInfo, type HoverInfo, type InlayHintInfo,
} from './service';
import type { LineSpan } from './service/scanner/occurrence';

/** The service's answers (lines and spans, Markdown) in the protocol's terms (ranges, MarkupContent). */

/** The range of `span` on `line`. */
export function rangeOf(line: number, span: LineSpan): Range {
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

/** The service's Markdown in the client's format. */
export function markupOf(markdown: string, format: MarkupKind): MarkupContent {
  return format === MarkupKind.Markdown
    ? { kind: MarkupKind.Markdown, value: markdown }
    : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
}

const SEVERITY: Record<DiagnosticInfo['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(info: DiagnosticInfo): Diagnostic {
  return {
    range: rangeOf(info.line, info.span),
    severity: SEVERITY[info.severity],
    code: info.rule,
    source: 'sipsense',
    message: info.message,
    ...(info.deprecated ? { tags: [DiagnosticTag.Deprecated] } : {}),
    ...(info.data ? { data: info.data } : {}),
  };
}

export function toHover(info: HoverInfo, format: MarkupKind): Hover {
  return { contents: markupOf(info.markdown, format), range: rangeOf(info.line, info.span) };
}

/** What a completion item carries to its resolve request: the code, and the document whose settings apply. */
export interface CompletionData {
  uri: string;
  code: number;
}

export function toCompletionItem(item: CompletionInfo, uri: string): CompletionItem {
  return {
    label: item.label,
    kind: CompletionItemKind.EnumMember,
    detail: item.detail,
    data: { uri, code: item.code } satisfies CompletionData,
    sortText: item.sortText,
    filterText: item.filterText,
    ...(item.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    textEdit: { range: rangeOf(item.line, item.span), newText: item.newText },
  };
}

/** A quick fix, with the client's diagnostics that it answers (same rule, same place). */
export function toCodeAction(action: CodeActionInfo, uri: string, clientDiagnostics: readonly Diagnostic[]): CodeAction {
  return {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: clientDiagnostics.filter((d) => d.code === action.rule && d.range.start.line === action.line &&
      d.range.start.character === action.span.start),
    isPreferred: action.preferred,
    ...(action.edit ? { edit: { changes: { [uri]: [{ range: rangeOf(action.line, action.edit.span), newText: action.edit.newText }] } } } : {}),
    ...(action.command ? { command: { title: action.command.title, command: action.command.id, arguments: action.command.arguments } } : {}),
  };
}

export function toInlayHint(hint: InlayHintInfo): InlayHint {
  return { position: { line: hint.line, character: hint.character }, label: hint.label, paddingLeft: true };
}
