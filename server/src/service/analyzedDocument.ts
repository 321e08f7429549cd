import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { scannerFor } from './dialectSelection';
import { OccurrenceIndex, type IndexedText } from './scanner/occurrenceIndex';
import type { Dialect } from './scanner/dialect';
import type { Occurrence } from './scanner/occurrence';
import type { Scanner } from './scanner/scanner';
import { linesOf, type Lines } from './text';

/**
 * A document and what the scanner found in it, kept in step edit by edit.
 * The service's features read it; nothing here knows about the protocol.
 */
export class AnalyzedDocument {
  private scanner: Scanner;
  private index: OccurrenceIndex;
  readonly lines: Lines;
  private readonly indexed: IndexedText;

  /** `doc` is updated in place (TextDocument.update returns the instance it is given). */
  constructor(private readonly doc: TextDocument) {
    this.scanner = scannerFor(doc.languageId, doc.getText());
    this.index = new OccurrenceIndex(this.scanner);
    this.lines = linesOf(doc);
    this.indexed = {
      get lineCount() {
        return doc.lineCount;
      },
      getText: () => doc.getText(),
      lineOffset: (line: number) => doc.offsetAt({ line, character: 0 }),
    };
  }

  static create(uri: string, languageId: string, version: number, text: string): AnalyzedDocument {
    return new AnalyzedDocument(TextDocument.create(uri, languageId, version, text));
  }

  get document(): TextDocument {
    return this.doc;
  }

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  /** The dialects that apply to this document. */
  get dialects(): readonly Dialect[] {
    return this.scanner.dialects;
  }

  /** Whether any dialect applies to this document. */
  get isServed(): boolean {
    return !this.scanner.isEmpty;
  }

  /** Applies edits in order, as the protocol sends them, and keeps the index in step. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        TextDocument.update(this.doc, [change], version);
        this.rescanFromScratch();
        continue;
      }
      const start = this.clampLine(change.range.start.line);
      const oldEnd = Math.max(start, this.clampLine(change.range.end.line));
      const linesBefore = this.doc.lineCount;
      TextDocument.update(this.doc, [change], version);
      // From the line counts, not the inserted text: a CR or LF can join a line break next to the edit.
      const newEnd = oldEnd + this.doc.lineCount - linesBefore;
      this.index.applyEdit(this.indexed, start, oldEnd, newEnd);
    }
    if (changes.length === 0) TextDocument.update(this.doc, [], version);
    this.reconsiderDialects();
  }

  /** Scans a slice of what is left; true when the whole document is scanned. */
  scanStep(maxChars?: number): boolean {
    return this.index.scanStep(this.indexed, maxChars);
  }

  /** Scans whatever is left, at once. */
  scanAll(): void {
    this.index.scanAll(this.indexed);
  }

  get isScanned(): boolean {
    return this.index.isComplete;
  }

  /** All occurrences found so far (all of them once isScanned). */
  get occurrences(): readonly Occurrence[] {
    return this.index.occurrences;
  }

  /** The occurrences on one line, scanned afresh (cheap: one line). */
  occurrencesOnLine(line: number): Occurrence[] {
    const found: Occurrence[] = [];
    this.scanner.scanLine(this.lines.lineAt(line), line, found);
    return found;
  }

  /** The occurrence whose digits touch `character` on `line`. */
  occurrenceAt(line: number, character: number): Occurrence | undefined {
    return this.occurrencesOnLine(line).find((o) => o.span.start <= character && character <= o.span.end);
  }

  private clampLine(line: number): number {
    return Math.max(0, Math.min(line, this.doc.lineCount - 1));
  }

  private rescanFromScratch(): void {
    this.scanner = scannerFor(this.doc.languageId, this.doc.getText());
    this.index = new OccurrenceIndex(this.scanner);
  }

  /** A plaintext document may start or stop looking like SIP as it is typed. */
  private reconsiderDialects(): void {
    if (this.doc.languageId !== 'plaintext' || this.doc.lineCount > 100_000) return;
    const fresh = scannerFor(this.doc.languageId, this.doc.getText());
    if (fresh.isEmpty !== this.scanner.isEmpty) {
      this.scanner = fresh;
      this.index = new OccurrenceIndex(fresh);
    }
  }
}
