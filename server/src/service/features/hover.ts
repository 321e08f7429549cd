import type { TextPosition as Position } from '../textStore';
import type { AnalyzedDocument } from '../analyzedDocument';
import type { LineSpan, Occurrence } from '../scanner/occurrence';
import type { Settings } from '../settings';
import { isSipfragBody, requestMethodOf } from '../sipMessageContext';
import {
  explainFreeswitchCause, explainPattern, explainQ850, explainStatus, explainWarnCode, type StatusCircumstances,
} from './explain';

export interface HoverInfo {
  markdown: string;
  line: number;
  span: LineSpan;
}

/** The explanation of the code under `position`, or undefined where there is none (a CSeq number, a port ...). */
export function computeHover(document: AnalyzedDocument, position: Position, settings: Settings): HoverInfo | undefined {
  if (!document.isServed || position.line < 0 || position.line >= document.lines.lineCount) return undefined;
  // A column past the line's end means its end (as the protocol says), a negative one its start.
  const character = Math.max(0, Math.min(position.character, document.lines.lineAt(position.line).length));
  const occurrence = document.occurrenceAt(position.line, character);
  const markdown = occurrence && explainOccurrence(document, occurrence, settings);
  if (!occurrence || !markdown) return undefined;
  return { markdown, line: occurrence.line, span: occurrence.span };
}

function explainOccurrence(document: AnalyzedDocument, occurrence: Occurrence, settings: Settings): string | undefined {
  const language = settings.hover.language;
  switch (occurrence.kind) {
    case 'q850':
      return explainQ850(occurrence.value, language);
    case 'warn':
      return explainWarnCode(occurrence.value, language);
    case 'freeswitch-cause':
      return explainFreeswitchCause(occurrence.value, language);
    case 'status-pattern':
      return explainPattern(occurrence.digits, language, occurrence.notes);
    case 'status':
      return explainStatus(occurrence.digits, language, circumstancesOf(document, occurrence));
    case 'symbol':
      // Resolved by the document before features see it.
      return undefined;
  }
}

function circumstancesOf(document: AnalyzedDocument, occurrence: Occurrence): StatusCircumstances {
  const around: StatusCircumstances = {};
  if (occurrence.phrase) around.phrase = occurrence.phrase.text;
  if (occurrence.context === 'reason-header') around.reasonHeader = true;
  if (occurrence.keepsReceivedClass) around.keepsReceivedClass = true;
  if (occurrence.notes) around.notes = occurrence.notes;
  if (occurrence.context === 'status-line') {
    const method = requestMethodOf(document.lines, occurrence.line);
    if (method) around.method = method;
    if (isSipfragBody(document.lines, occurrence.line)) around.sipfrag = true;
  }
  return around;
}
