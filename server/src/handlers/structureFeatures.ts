import type { CancellationToken, DocumentSymbol, ServerCapabilities, SymbolInformation } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import {
  SYMBOL_KIND, toDefinition, toDocumentHighlight, toFoldingRanges, toLocation, toSymbolInformation, writeDocumentSymbol, writeSymbolInformation,
} from '../convert';
import { JsonArrayEncoder, type ItemWriter } from '../piecewiseJson';
import {
  computeDefinition, computeDocumentHighlights, computeDocumentSymbols, computeFoldingRanges, computeReferences,
} from '../service';

/** What the Outline lists: symbols as a tree, or flat for clients without hierarchical symbols. */
type OutlineItem = DocumentSymbol | SymbolInformation;

/**
 * What the trace model gives the editor: the Outline (a call per symbol), folding, Go to
 * Definition (a response to its request), references (a request to its responses) and the
 * highlight of a transaction, each as the client's capabilities ask.
 */
export function registerStructureFeatures(context: ServerContext): ServerCapabilities {
  const { connection, documents } = context;

  /** The document, its messages read to the end (in slices, serving other requests meanwhile); undefined when it is gone or the request cancelled. */
  async function readDocument(uri: string, token: CancellationToken) {
    const document = documents.get(uri);
    return document && (await context.traceRead(document, token)) ? document : undefined;
  }

  // The Outline: made a call at a time, in slices (other requests are answered meanwhile), and, over
  // stdio, encoded as it is made (never the whole answer as objects, then as one string).
  connection.onDocumentSymbol(async ({ textDocument }, token) => {
    for (;;) {
      const document = await readDocument(textDocument.uri, token);
      if (!document) return null;
      const { version } = document;
      // The service's symbols are DocumentSymbols already (SYMBOL_KIND): sent as they are.
      const symbols = computeDocumentSymbols(document, SYMBOL_KIND);
      const hierarchical = context.client.hierarchicalSymbols;
      const items: Iterable<OutlineItem> = hierarchical ? symbols : toSymbolInformation(textDocument.uri, symbols);
      const write = (hierarchical ? writeDocumentSymbol : writeSymbolInformation) as ItemWriter<OutlineItem>;
      const answer: { push(item: OutlineItem): void } = context.piecewiseResults ? new JsonArrayEncoder<OutlineItem>(write) : [];
      const unchanged = () => !token.isCancellationRequested && documents.get(textDocument.uri) === document && document.version === version;
      if (await context.inSlices(items, (item) => answer.push(item), unchanged)) {
        return (answer instanceof JsonArrayEncoder ? answer.finish() : answer) as DocumentSymbol[] | SymbolInformation[];
      }
      if (token.isCancellationRequested) return null;
      // The document changed while its symbols were made: they are made again from its new text.
    }
  });

  connection.onFoldingRanges(async ({ textDocument }, token) => {
    const document = await readDocument(textDocument.uri, token);
    if (!document) return null;
    const { foldingRangeLimit, lineFoldingOnly } = context.client;
    return toFoldingRanges(computeFoldingRanges(document), foldingRangeLimit, lineFoldingOnly, (line) => document.lines.lineAt(line).length);
  });

  connection.onDefinition(({ textDocument, position }) => {
    context.standAside();
    const document = documents.get(textDocument.uri);
    const definition = document && computeDefinition(document, position);
    return definition ? toDefinition(textDocument.uri, definition, context.client.definitionLinks) : null;
  });

  connection.onReferences(async ({ textDocument, position, context: referenceContext }, token) => {
    const document = await readDocument(textDocument.uri, token);
    if (!document) return null;
    return computeReferences(document, position, referenceContext?.includeDeclaration === true).map((location) => toLocation(textDocument.uri, location));
  });

  connection.onDocumentHighlight(async ({ textDocument, position }, token) => {
    const document = await readDocument(textDocument.uri, token);
    if (!document) return null;
    return computeDocumentHighlights(document, position).map(toDocumentHighlight);
  });

  return {
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
  };
}
