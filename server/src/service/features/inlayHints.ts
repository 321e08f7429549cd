import type { AnalyzedDocument } from '../analyzedDocument';
import { isWellFormedStatus, statusEntry } from '../registry';

export interface InlayHintInfo {
  line: number;
  /** The column the hint stands after. */
  character: number;
  label: string;
}

/** The reason phrase after each bare status code on lines [startLine, endLine] (t_check_status("486|408"), $rs == 486, <recv response="180">). */
export function computeInlayHints(document: AnalyzedDocument, startLine: number, endLine: number): InlayHintInfo[] {
  const hints: InlayHintInfo[] = [];
  const last = Math.min(endLine, document.lines.lineCount - 1);
  for (let line = Math.max(0, startLine); line <= last; line++) {
    for (const occurrence of document.occurrencesOnLine(line)) {
      if (occurrence.kind !== 'status' || occurrence.phrase || !isWellFormedStatus(occurrence.digits)) continue;
      const entry = statusEntry(occurrence.value);
      if (!entry) continue;
      hints.push({ line, character: occurrence.span.end, label: entry.phrase });
    }
  }
  return hints;
}
