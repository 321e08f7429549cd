import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver/node';

/** What the client said it can take (initialize's capabilities), in the terms the handlers need. */
export interface ClientSupport {
  /** Whether the client answers workspace/configuration. */
  configuration: boolean;
  /** The format of hovers: Markdown where the client shows it, else plain text. */
  hoverFormat: MarkupKind;
  /**
   * Whether the client renders HTML in Markdown (it lists the tags it keeps in
   * general.markdown.allowedTags, as VS Code's client does with supportHtml): explanations then
   * show their Persian right-aligned and right to left (explain.ts rightToLeftPersian).
   */
  markdownHtml: boolean;
  /** The format of completion items' documentation. */
  completionDocumentationFormat: MarkupKind;
  /** DocumentSymbol trees; otherwise a flat list of SymbolInformation. */
  hierarchicalSymbols: boolean;
  /** At most this many folding ranges per document (the client's hint). */
  foldingRangeLimit: number | undefined;
  /** Whether folding ranges must leave out their start and end characters. */
  lineFoldingOnly: boolean;
  /** Whether the server may start progress of its own (window/workDoneProgress/create). */
  workDoneProgress: boolean;
  /** Whether Go to Definition may answer LocationLinks (with the span it was asked on); otherwise Locations. */
  definitionLinks: boolean;
}

/**
 * The first of the client's preferred formats that the server can produce. A client that names
 * none gets plain text: Markdown it does not render would show its asterisks and brackets.
 */
function formatOf(preferred: unknown): MarkupKind {
  if (!Array.isArray(preferred)) return MarkupKind.PlainText;
  return preferred.find((kind): kind is MarkupKind => kind === MarkupKind.Markdown || kind === MarkupKind.PlainText) ?? MarkupKind.PlainText;
}

/** Reads the client's capabilities; anything missing or malformed counts as not supported. */
export function clientSupportOf(capabilities: ClientCapabilities | undefined): ClientSupport {
  const text = capabilities?.textDocument;
  const rangeLimit = text?.foldingRange?.rangeLimit;
  return {
    configuration: capabilities?.workspace?.configuration === true,
    hoverFormat: formatOf(text?.hover?.contentFormat),
    markdownHtml: Array.isArray(capabilities?.general?.markdown?.allowedTags) && capabilities.general.markdown.allowedTags.includes('div'),
    completionDocumentationFormat: formatOf(text?.completion?.completionItem?.documentationFormat),
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    foldingRangeLimit: typeof rangeLimit === 'number' && Number.isInteger(rangeLimit) && rangeLimit >= 0 ? rangeLimit : undefined,
    lineFoldingOnly: text?.foldingRange?.lineFoldingOnly === true,
    workDoneProgress: capabilities?.window?.workDoneProgress === true,
    definitionLinks: text?.definition?.linkSupport === true,
  };
}
