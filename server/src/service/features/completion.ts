import type { TextPosition as Position } from '../textStore';
import type { AnalyzedDocument } from '../analyzedDocument';
import { allStatusEntries } from '../registry';
import type { LineSpan } from '../scanner/occurrence';
import { say } from '../messages';
import type { HoverLanguage, Settings } from '../settings';
import { explainStatus } from './explain';

export interface CompletionInfo {
  label: string;
  /** The code offered: its explanation is asked for when the item is looked at (completionDocumentation). */
  code: number;
  /** The class and status, e.g. "4xx · deprecated". */
  detail: string;
  deprecated: boolean;
  sortText: string;
  filterText: string;
  /** The text that replaces `span` on the cursor's line. */
  newText: string;
  line: number;
  span: LineSpan;
}

/**
 * Status codes for the place the cursor is at (as the document's dialects see it), or undefined
 * where no code goes. The list goes out without explanations, which are looked up one item at a
 * time (completionDocumentation): 75 explanations in English and Persian would make every list
 * a hundred kilobytes.
 */
export function computeCompletion(document: AnalyzedDocument, position: Position, language: HoverLanguage = 'en'): CompletionInfo[] | undefined {
  if (position.line < 0 || position.line >= document.lines.lineCount) return undefined;
  // A column past the line's end means its end (as the protocol says), a negative one its start.
  const character = Math.max(0, Math.min(position.character, document.lines.lineAt(position.line).length));
  for (const dialect of document.dialects) {
    const slot = dialect.completionAt?.(document.lines, position.line, character);
    if (!slot) continue;
    return allStatusEntries()
      .filter((entry) => (entry.status === 'registered' || entry.status === 'deprecated') && (slot.accepts?.(entry.code) ?? true))
      .map((entry) => {
        const deprecated = entry.status === 'deprecated';
        const label = `${entry.code} ${entry.phrase}`;
        const klass = `${String(entry.code)[0]}xx`;
        return {
          label,
          code: entry.code,
          detail: deprecated ? `${klass} · ${say(language, (m) => m.completion.deprecated)}` : klass,
          deprecated,
          sortText: `${deprecated ? 1 : 0}${entry.code}`,
          filterText: label,
          newText: slot.insert(entry.code, entry.phrase),
          line: position.line,
          span: slot.span,
        };
      });
  }
  return undefined;
}

/** The explanation shown beside a completion item of `code`, in the hover language of `settings`. */
export function completionDocumentation(code: number, settings: Settings): string {
  return explainStatus(String(code), settings.language);
}
