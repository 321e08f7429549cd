import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import type { SipCall, SipMessage, TraceModel } from '../trace/types';
import { callTitle, messageTitle } from './traceWording';
import { startLineLocation } from './traceTargets';

/** A symbol in a neutral shape: the server makes hierarchical DocumentSymbols or flat SymbolInformation of it. */
export interface SymbolInfo {
  name: string;
  detail?: string;
  kind: 'call' | 'transaction' | 'message';
  /** All of it: from its first line to its last. */
  range: { start: TextPosition; end: TextPosition };
  /** What to reveal and select: a start line. */
  selection: { start: TextPosition; end: TextPosition };
  children: SymbolInfo[];
}

/** One symbol per call, named as sngrep's call list reads (`INVITE 1001 → 2002 · 486 Busy Here · 3.2 s`), its transactions and their messages below it. */
export function computeDocumentSymbols(document: AnalyzedDocument): SymbolInfo[] {
  if (!document.isServed) return [];
  const model = document.trace;
  return model.calls.map((call) => callSymbol(document, model, call));
}

function firstLineOf(message: SipMessage): number {
  return message.frameLine ?? message.startLine;
}

function rangeOf(document: AnalyzedDocument, messages: readonly SipMessage[]): SymbolInfo['range'] {
  let first = messages[0];
  let last = messages[0];
  for (const m of messages) {
    if (firstLineOf(m) < firstLineOf(first)) first = m;
    if (m.endLine > last.endLine) last = m;
  }
  return {
    start: { line: firstLineOf(first), character: 0 },
    end: { line: last.endLine, character: document.lines.lineAt(last.endLine).length },
  };
}

function selectionOf(document: AnalyzedDocument, message: number): SymbolInfo['selection'] {
  const { line, span } = startLineLocation(document, document.trace.messages[message]);
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

function callSymbol(document: AnalyzedDocument, model: TraceModel, call: SipCall): SymbolInfo {
  const children = call.transactions.map((t) => {
    const transaction = model.transactions[t];
    const messages = transaction.messages.map((m): SymbolInfo => ({
      name: messageTitle(model, m),
      kind: 'message',
      range: rangeOf(document, [model.messages[m]]),
      selection: selectionOf(document, m),
      children: [],
    }));
    const final = transaction.finalResponse === undefined ? undefined : model.messages[transaction.finalResponse];
    return {
      name: final ? `${transaction.method} → ${final.status} ${final.phrase ?? ''}`.trimEnd() : transaction.method,
      kind: 'transaction' as const,
      range: rangeOf(document, transaction.messages.map((m) => model.messages[m])),
      selection: selectionOf(document, transaction.request ?? transaction.messages[0]),
      children: messages,
    };
  });
  return {
    name: callTitle(model, call),
    detail: `${call.state} · ${call.callId}`,
    kind: 'call',
    range: rangeOf(document, call.messages.map((m) => model.messages[m])),
    selection: selectionOf(document, call.firstRequest ?? call.messages[0]),
    children,
  };
}
