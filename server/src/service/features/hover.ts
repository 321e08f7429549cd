import type { TextPosition as Position } from '../textStore';
import type { AnalyzedDocument } from '../analyzedDocument';
import type { LineSpan, Occurrence } from '../scanner/occurrence';
import type { Settings } from '../settings';
import { isKnownMethod } from '../syntax/startLine';
import { messageAtLine, requestOf } from '../trace/query';
import type { SipMethod } from '../../data/types';
import { explainCause, explainPattern, explainStatus, explainWarnCode, type StatusCircumstances } from './explain';

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
  const language = settings.language;
  switch (occurrence.kind) {
    case 'warn':
      return explainWarnCode(occurrence.value, language);
    case 'status-pattern':
      return explainPattern(occurrence.digits, language, occurrence.notes);
    case 'status':
      return explainStatus(occurrence.digits, language, circumstancesOf(document, occurrence));
    case 'symbol':
      // Resolved by the document before features see it.
      return undefined;
    default:
      // The numbers of a cause table (Q.850, FreeSWITCH).
      return explainCause(occurrence.kind, occurrence.value, language);
  }
}

function circumstancesOf(document: AnalyzedDocument, occurrence: Occurrence): StatusCircumstances {
  const around: StatusCircumstances = {};
  if (occurrence.phrase) around.phrase = occurrence.phrase.text;
  if (occurrence.context === 'reason-header') around.reasonHeader = true;
  if (occurrence.notes) around.notes = occurrence.notes;
  if (occurrence.context === 'status-line') traceCircumstances(document, occurrence.line, around);
  return around;
}

/**
 * What the trace model knows about the status line at `line`: the method it answers (its CSeq
 * method), the request it answers and when (among the messages before it), whether it is a
 * retransmission, whether it decided its call; or that it is the body of a message/sipfrag message.
 */
function traceCircumstances(document: AnalyzedDocument, line: number, around: StatusCircumstances): void {
  // Before the reading from the top has reached the line (the first seconds of a big trace), the
  // message is read on its own: what it is, not yet what it answers (that is never guessed).
  const { messages, fromTheTop } = document.traceMessagesAt(line);
  const found = messageAtLine(messages, line);
  if (found === undefined) return;
  const message = messages[found];
  if (message.startLine !== line) {
    if (message.contentType === 'message/sipfrag' && line > message.startLine) around.sipfrag = true;
    return;
  }
  if (message.kind !== 'response') return;
  if (isKnownMethod(message.method)) around.method = message.method as SipMethod;
  if (!fromTheTop) return;
  const { model, index } = document.traceAround(found);
  const trace: NonNullable<StatusCircumstances['trace']> = {};
  const request = requestOf(model, index);
  if (request !== undefined) {
    const answered = model.messages[request];
    const seconds = answered.time !== undefined && message.time !== undefined ? message.time - answered.time : undefined;
    trace.answers = { method: answered.method, line: answered.startLine + 1, ...(seconds === undefined ? {} : { seconds }) };
  }
  const role = model.roles[index];
  if (role.retransmission) {
    const first = model.transactions[role.transaction].messages.find((m) => model.messages[m].status === message.status && model.messages[m].toTag === message.toTag);
    if (first !== undefined) trace.retransmissionOf = model.messages[first].startLine + 1;
  }
  // Whether it decided its call depends on what follows it: known once the whole trace is read.
  const call = model.calls[model.transactions[role.transaction].call];
  if (document.isTraceRead && call?.finalResponse === index) trace.decided = call.state;
  if (Object.keys(trace).length > 0) around.trace = trace;
}
