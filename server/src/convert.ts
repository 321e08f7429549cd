import {
  CodeActionKind, CompletionItemKind, CompletionItemTag, DiagnosticSeverity, DiagnosticTag, DocumentHighlightKind, MarkupKind, SymbolKind,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentHighlight, type DocumentSymbol, type FoldingRange, type Hover,
  type InlayHint, type Location, type LocationLink, type MarkupContent, type Range, type SymbolInformation,
} from 'vscode-languageserver/node';
import type { HoverLanguage } from '../../common/settings';
import {
  markdownToPlainText, rightToLeftPersian, type CodeActionInfo, type CompletionInfo, type DefinitionInfo, type DiagnosticInfo, type FoldingInfo, type HighlightInfo, type HoverInfo,
  type InlayHintInfo, type LineLocation, type SymbolKindName,
} from './service';
import { jsonFragment, type JsonWriter } from './piecewiseJson';
import type { LineSpan } from './service/scanner/occurrence';

/** The service's answers (lines and spans, Markdown) in the protocol's terms (ranges, MarkupContent). */

/** The range of `span` on `line`. */
export function rangeOf(line: number, span: LineSpan): Range {
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

/** How the client shows explanations: its format, whether it renders HTML in Markdown, the language setting. */
export interface ExplanationFormat {
  format: MarkupKind;
  html: boolean;
  language: HoverLanguage;
}

/** The service's Markdown in the client's format (with its Persian right to left where the client renders HTML). */
export function markupOf(markdown: string, { format, html, language }: ExplanationFormat): MarkupContent {
  if (format !== MarkupKind.Markdown) return { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
  return { kind: MarkupKind.Markdown, value: html ? rightToLeftPersian(markdown, language) : markdown };
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

export function toHover(info: HoverInfo, format: ExplanationFormat): Hover {
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

export function toLocation(uri: string, location: LineLocation): Location {
  return { uri, range: rangeOf(location.line, location.span) };
}

/**
 * Go to Definition's answer: a LocationLink for clients that take links (the code or start line it
 * was asked on underlined, the whole request as the target, its start line selected), else a Location.
 */
export function toDefinition(uri: string, definition: DefinitionInfo, links: boolean): Location | LocationLink[] {
  if (!links) return toLocation(uri, definition.target);
  return [{
    originSelectionRange: rangeOf(definition.origin.line, definition.origin.span),
    targetUri: uri,
    targetRange: definition.targetRange,
    targetSelectionRange: rangeOf(definition.target.line, definition.target.span),
  }];
}

export function toDocumentHighlight(highlight: HighlightInfo): DocumentHighlight {
  return { range: rangeOf(highlight.line, highlight.span), kind: highlight.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

/** The protocol's kind for each kind of symbol: the service makes its symbols with them, in the shape of DocumentSymbols. */
export const SYMBOL_KIND: Readonly<Record<SymbolKindName, SymbolKind>> = {
  call: SymbolKind.Event,
  transaction: SymbolKind.Method,
  message: SymbolKind.Field,
};

/** The symbols as a flat list for clients without hierarchical symbols: each names its parent as its container. */
export function* toSymbolInformation(uri: string, symbols: Iterable<DocumentSymbol>): Generator<SymbolInformation> {
  const flat: SymbolInformation[] = [];
  const visit = (symbol: DocumentSymbol, container: string | undefined): void => {
    flat.push({ name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(container ? { containerName: container } : {}) });
    for (const child of symbol.children ?? []) visit(child, symbol.name);
  };
  // One top-level symbol at a time: a call's symbols are flattened when it is asked for.
  for (const symbol of symbols) {
    visit(symbol, undefined);
    yield* flat;
    flat.length = 0;
  }
}

/**
 * The JSON of one DocumentSymbol as the service makes it (name, detail, kind, range, selectionRange,
 * children: the keys in that order, as JSON.stringify writes them), written by hand: the Outline of
 * a big trace writes hundreds of thousands.
 */
export function writeDocumentSymbol(symbol: DocumentSymbol, json: JsonWriter): void {
  json.raw(SYMBOL_JSON.name);
  json.string(symbol.name);
  if (symbol.detail !== undefined) {
    json.raw(SYMBOL_JSON.detail);
    json.string(symbol.detail);
  }
  json.raw(SYMBOL_JSON.kind);
  json.number(symbol.kind);
  json.raw(SYMBOL_JSON.range);
  writeRange(symbol.range, json);
  json.raw(SYMBOL_JSON.selectionRange);
  writeRange(symbol.selectionRange, json);
  const children = symbol.children;
  if (children !== undefined) {
    json.raw(SYMBOL_JSON.children);
    for (let i = 0; i < children.length; i++) {
      if (i > 0) json.raw(SYMBOL_JSON.comma);
      writeDocumentSymbol(children[i], json);
    }
    json.raw(SYMBOL_JSON.endChildren);
  }
  json.raw(SYMBOL_JSON.end);
}

/** The JSON of one SymbolInformation as toSymbolInformation makes it (name, kind, location, containerName), written by hand. */
export function writeSymbolInformation(symbol: SymbolInformation, json: JsonWriter): void {
  json.raw(SYMBOL_JSON.name);
  json.string(symbol.name);
  json.raw(SYMBOL_JSON.kind);
  json.number(symbol.kind);
  json.raw(SYMBOL_JSON.location);
  json.string(symbol.location.uri);
  json.raw(SYMBOL_JSON.locationRange);
  writeRange(symbol.location.range, json);
  json.raw(SYMBOL_JSON.end);
  if (symbol.containerName !== undefined) {
    json.raw(SYMBOL_JSON.containerName);
    json.string(symbol.containerName);
  }
  json.raw(SYMBOL_JSON.end);
}

function writeRange(range: Range, json: JsonWriter): void {
  json.raw(SYMBOL_JSON.start);
  json.number(range.start.line);
  json.raw(SYMBOL_JSON.character);
  json.number(range.start.character);
  json.raw(SYMBOL_JSON.rangeEnd);
  json.number(range.end.line);
  json.raw(SYMBOL_JSON.character);
  json.number(range.end.character);
  json.raw(SYMBOL_JSON.endRange);
}

/** The fixed text of the symbols' JSON. */
const SYMBOL_JSON = {
  name: jsonFragment('{"name":'),
  detail: jsonFragment(',"detail":'),
  kind: jsonFragment(',"kind":'),
  range: jsonFragment(',"range":'),
  selectionRange: jsonFragment(',"selectionRange":'),
  children: jsonFragment(',"children":['),
  comma: jsonFragment(','),
  endChildren: jsonFragment(']'),
  end: jsonFragment('}'),
  location: jsonFragment(',"location":{"uri":'),
  locationRange: jsonFragment(',"range":'),
  containerName: jsonFragment(',"containerName":'),
  start: jsonFragment('{"start":{"line":'),
  character: jsonFragment(',"character":'),
  rangeEnd: jsonFragment('},"end":{"line":'),
  endRange: jsonFragment('}}'),
};

/**
 * Folding ranges as the client takes them. Over its `rangeLimit`, calls are kept before messages
 * (each call still folds), then messages in document order; without `lineFoldingOnly`, a range
 * starts after its first line's text, which stays visible, and ends with its last line.
 */
export function toFoldingRanges(
  ranges: readonly FoldingInfo[], limit: number | undefined, lineFoldingOnly: boolean, lineLength: (line: number) => number,
): FoldingRange[] {
  let kept = ranges;
  if (limit !== undefined && ranges.length > limit) {
    const calls = ranges.filter((range) => range.kind === 'call').slice(0, limit);
    const messages = ranges.filter((range) => range.kind !== 'call').slice(0, limit - calls.length);
    kept = [...calls, ...messages].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  }
  return kept.map((range) => lineFoldingOnly
    ? { startLine: range.startLine, endLine: range.endLine }
    : { startLine: range.startLine, startCharacter: lineLength(range.startLine), endLine: range.endLine, endCharacter: lineLength(range.endLine) });
}
