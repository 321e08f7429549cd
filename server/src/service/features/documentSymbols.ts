import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import type { SipCall, SipMessage, SipTransaction, TraceModel } from '../trace/types';
import { callTitle, messageTitle } from './traceWording';
import { messageRange, startLineLocation } from './traceTargets';

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

/**
 * One symbol per call, named as sngrep's call list reads (`INVITE 1001 → 2002 · 486 Busy Here ·
 * 3.2 s`), its transactions and their messages below it. Calls, and a call's transactions, are
 * given in the order of their ends (see innerFirst).
 */
export function computeDocumentSymbols(document: AnalyzedDocument): SymbolInfo[] {
  if (!document.isServed) return [];
  const model = document.trace;
  const places = new MessagePlaces(document, model.messages);
  return innerFirst(model.calls.map((call) => callSymbol(model, call, places)));
}

/**
 * Symbols in the order of their ends: one that lies inside another's span (a call during a long
 * one, a PRACK inside its INVITE's transaction) comes before it, because VS Code names the symbol
 * under the cursor (breadcrumbs, the Outline's "follow cursor") by the first child whose range
 * holds it. The Outline view sorts by position. Transactions whose messages interleave (the hops
 * of a proxy chain answering each other) cannot all be found so: some of their lines name the
 * next hop's transaction, and the call.
 */
function innerFirst(symbols: SymbolInfo[]): SymbolInfo[] {
  return symbols.sort((a, b) => a.range.end.line - b.range.end.line || b.range.start.line - a.range.start.line);
}

type Range = SymbolInfo['range'];

/**
 * Where each message lies, worked out once per message and shared by the symbols that hold it
 * (a call, its transaction and the message itself): a big trace has hundreds of thousands.
 */
class MessagePlaces {
  private readonly ranges: Range[] = [];
  private readonly selections: Range[] = [];

  constructor(private readonly document: AnalyzedDocument, private readonly messages: readonly SipMessage[]) {}

  /** From the message's first line (its framing line) to the end of its last. */
  range(index: number): Range {
    let range = this.ranges[index];
    if (!range) {
      range = messageRange(this.document, this.messages[index]);
      this.ranges[index] = range;
    }
    return range;
  }

  /** Its start line's text. */
  selection(index: number): Range {
    let selection = this.selections[index];
    if (!selection) {
      const { line, span } = startLineLocation(this.document, this.messages[index]);
      selection = { start: { line, character: span.start }, end: { line, character: span.end } };
      this.selections[index] = selection;
    }
    return selection;
  }

  /** From the first line of the first of `indices` to the end of the last (as they lie in the text). */
  span(indices: readonly number[]): Range {
    let { start, end } = this.range(indices[0]);
    for (let i = 1; i < indices.length; i++) {
      const range = this.range(indices[i]);
      if (range.start.line < start.line) start = range.start;
      if (range.end.line > end.line) end = range.end;
    }
    return { start, end };
  }
}

function callSymbol(model: TraceModel, call: SipCall, places: MessagePlaces): SymbolInfo {
  return {
    name: callTitle(model, call),
    detail: `${call.state} · ${call.callId}`,
    kind: 'call',
    range: places.span(call.messages),
    selection: places.selection(call.firstRequest ?? call.messages[0]),
    children: innerFirst(call.transactions.map((t) => transactionSymbol(model, model.transactions[t], places))),
  };
}

/** A transaction with its messages below it; one of a single message is that message (a lone ACK, a request never answered). */
function transactionSymbol(model: TraceModel, transaction: SipTransaction, places: MessagePlaces): SymbolInfo {
  const messages = transaction.messages.map((m) => messageSymbol(model, m, places));
  if (messages.length === 1) return messages[0];
  const final = transaction.finalResponse === undefined ? undefined : model.messages[transaction.finalResponse];
  return {
    name: final ? `${transaction.method} → ${final.status} ${final.phrase ?? ''}`.trimEnd() : transaction.method,
    kind: 'transaction',
    range: places.span(transaction.messages),
    selection: places.selection(transaction.request ?? transaction.messages[0]),
    children: messages,
  };
}

function messageSymbol(model: TraceModel, message: number, places: MessagePlaces): SymbolInfo {
  return { name: messageTitle(model, message), kind: 'message', range: places.range(message), selection: places.selection(message), children: [] };
}
