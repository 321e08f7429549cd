import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzedDocument, computeDiagnostics, resolveSettings, type Settings } from '../../server/src/service';
import type { Dialect } from '../../server/src/service/scanner/dialect';
import type { Occurrence } from '../../server/src/service/scanner/occurrence';

let counter = 0;

/** An analysed, fully scanned document of the given text. */
export function analyzed(text: string, languageId = 'sip'): AnalyzedDocument {
  const document = AnalyzedDocument.create(`file:///test/${++counter}.${languageId}`, languageId, 1, text);
  document.scanAll();
  return document;
}

/** The line and column of the n-th (0-based) occurrence of `needle` in `text`, plus `offset` columns. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length + offset };
}

/** An occurrence, compactly: `kind/context digits@line:start-end "phrase"`. */
export function describeOccurrence(o: Occurrence): string {
  return `${o.kind}/${o.context} ${o.digits}@${o.line}:${o.span.start}-${o.span.end}${o.phrase ? ` "${o.phrase.text}"` : ''}${o.quiet ? ' quiet' : ''}`;
}

/** An occurrence's fields as plain data, for deepEqual against what a test expects. */
export function occurrenceFields(o: Occurrence) {
  return {
    kind: o.kind, context: o.context, digits: o.digits, value: o.value, line: o.line, start: o.span.start, end: o.span.end,
    ...(o.phrase ? { phrase: o.phrase.text } : {}),
  };
}

/** What one dialect finds on one line (line number 0). */
export function scanOneLine(dialect: Dialect, text: string): Occurrence[] {
  const out: Occurrence[] = [];
  dialect.scanLine(text, 0, out);
  return out;
}

/** The diagnostics of a document as `rule@line:column`. */
export function diagnosticRules(document: AnalyzedDocument, settings: Settings = resolveSettings({})): string[] {
  return computeDiagnostics(document.occurrences, settings).map((d) => `${d.rule}@${d.line}:${d.span.start}`);
}

/** Applies edits (offset, length, fragment, repeat) to the document and to the reference model alike; `afterEach` runs after each (with its index). */
export function applyEdits(
  document: AnalyzedDocument, reference: TextDocument, edits: readonly [number, number, string, number][], afterEach?: (edit: number) => void,
): void {
  let version = 1;
  for (const [index, [at, length, fragment, repeat]] of edits.entries()) {
    const text = reference.getText();
    const start = at % (text.length + 1);
    const end = Math.min(text.length, start + length);
    const change = { range: { start: reference.positionAt(start), end: reference.positionAt(end) }, text: fragment.repeat(repeat) };
    TextDocument.update(reference, [change], ++version);
    document.update([change], version);
    afterEach?.(index);
  }
}
