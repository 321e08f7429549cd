/** The language service: pure functions over analysed documents, with no protocol in them. */
export { AnalyzedDocument } from './analyzedDocument';
export { servedLanguageId } from './dialectSelection';
export { computeCodeActions, type CodeActionInfo } from './features/codeActions';
export { completionDocumentation, computeCompletion, type CompletionInfo } from './features/completion';
export { computeDiagnostics, DiagnosticsCollector, OVERFLOW_RULE, RULES, type DiagnosticInfo } from './features/diagnostics';
export { explainCause, explainStatus, explainWarnCode, rightToLeftPersian, statusTitle } from './features/explain';
export { computeHover, type HoverInfo } from './features/hover';
export { markdownToPlainText } from './features/plainText';
export { computeInlayHints, type InlayHintInfo } from './features/inlayHints';
export { allStatusEntries } from './registry';
export { resolveSettings, type Settings } from './settings';
export * from './trace';
export { computeDefinition, type DefinitionInfo } from './features/definition';
export { computeDocumentHighlights, type HighlightInfo } from './features/documentHighlight';
export { computeDocumentSymbols, type SymbolInfo } from './features/documentSymbols';
export { computeFoldingRanges, type FoldingInfo } from './features/foldingRanges';
export { computeReferences } from './features/references';
export type { LineLocation } from './features/traceTargets';
