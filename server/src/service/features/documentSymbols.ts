import type { AnalyzedDocument } from '../analyzedDocument';
import type { TextPosition } from '../textStore';
import type { SipCall, SipMessage, SipTransaction, TraceModel } from '../trace/types';
import { callTitle, messageTitle, responseTitle } from './traceWording';
import { nestForCursor } from './symbolOrder';
import { messageRange, startLineLocation } from './traceTargets';

/** What a symbol stands for. */
export type SymbolKindName = 'call' | 'transaction' | 'message';

type Range = { start: TextPosition; end: TextPosition };

/**
 * A symbol, in the shape of the protocol's DocumentSymbol so that the server sends it as it is (the
 * Outline of a big trace has hundreds of thousands: no copy of them), its kind being the value the
 * caller gives for each kind.
 */
export interface SymbolInfo<K = SymbolKindName> {
  /** Never empty (VS Code refuses a whole outline for one empty name). */
  name: string;
  detail?: string;
  kind: K;
  /** All of it: from its first line to its last. */
  range: Range;
  /** What to reveal and select: a start line. */
  selectionRange: Range;
  /** None when it has none. */
  children?: SymbolInfo<K>[];
}

const KIND_NAMES: Readonly<Record<SymbolKindName, SymbolKindName>> = { call: 'call', transaction: 'transaction', message: 'message' };

/**
 * A call of more transactions than this (a keep-alive's OPTIONS under one Call-ID all day) is
 * listed in parts of this many, each a symbol of its own: each is made, and sent, on its own, so
 * that no call holds the server for seconds (one of 400,000 transactions took 8.6 s in one piece).
 */
export const OUTLINE_PART_TRANSACTIONS = 2_000;

/**
 * One symbol per call, named as sngrep's call list reads (`INVITE 1001 → 2002 · 486 Busy Here ·
 * 3.2 s`), its transactions and their messages below it (a call of many transactions in parts,
 * `... (part 2 of 200)`). Calls, and a call's transactions, are given in the order of their ends,
 * a transaction that interleaves with another nested in it (see symbolOrder.ts). `kinds` says what
 * each kind of symbol is called.
 * Each call's symbol is made when it is asked for, and nothing of it is kept: the Outline of a big
 * trace (hundreds of thousands of symbols) can be sent a call at a time, never held whole.
 */
export function computeDocumentSymbols(document: AnalyzedDocument): Generator<SymbolInfo>;
export function computeDocumentSymbols<K>(document: AnalyzedDocument, kinds: Readonly<Record<SymbolKindName, K>>): Generator<SymbolInfo<K>>;
export function* computeDocumentSymbols<K>(
  document: AnalyzedDocument, kinds = KIND_NAMES as unknown as Readonly<Record<SymbolKindName, K>>,
): Generator<SymbolInfo<K>> {
  if (!document.isServed) return;
  const model = document.trace;
  const build = new SymbolBuilder(model, kinds, document);
  for (const part of partsInnerFirst(model)) yield build.call(model.calls[part.call], part);
}

/** A call, or one part of a call of many transactions: its transactions from `from` to `to`. */
interface CallPart {
  call: number;
  index: number;
  count: number;
  from: number;
  to: number;
}

/** The calls and their parts in symbolOrder's innerFirst order, worked out from their lines alone (no symbol made). */
function partsInnerFirst(model: TraceModel): CallPart[] {
  const { calls, messages } = model;
  const parts: CallPart[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let c = 0; c < calls.length; c++) {
    const owned = calls[c].transactions;
    const count = Math.max(1, Math.ceil(owned.length / OUTLINE_PART_TRANSACTIONS));
    for (let index = 0; index < count; index++) {
      const from = index * OUTLINE_PART_TRANSACTIONS;
      const to = Math.min(owned.length, from + OUTLINE_PART_TRANSACTIONS);
      let start = Infinity;
      let end = -1;
      const part = { call: c, index, count, from, to };
      for (const m of messagesOf(model, part)) {
        start = Math.min(start, messages[m].frameLine ?? messages[m].startLine);
        end = Math.max(end, messages[m].endLine);
      }
      parts.push(part);
      starts.push(start);
      ends.push(end);
    }
  }
  return Array.from(parts.keys()).sort((a, b) => ends[a] - ends[b] || starts[b] - starts[a]).map((i) => parts[i]);
}

/** The messages of a call, or of one part of it (those of its transactions). */
function messagesOf(model: TraceModel, part: CallPart): readonly number[] {
  const call = model.calls[part.call];
  if (part.count === 1) return call.messages;
  return call.transactions.slice(part.from, part.to).flatMap((t) => model.transactions[t].messages);
}

/**
 * Where each message lies, worked out once per message and shared by the symbols that hold it (the
 * call, its transaction and the message itself), and forgotten once its call's symbol is made (a
 * call's transactions never hold another call's messages): slots by message, not a Map a call.
 */
class MessagePlaces {
  private readonly ranges: (Range | undefined)[] = [];
  private readonly selections: (Range | undefined)[] = [];

  constructor(private readonly document: AnalyzedDocument, private readonly messages: readonly SipMessage[]) {
    for (let i = 0; i < messages.length; i++) {
      this.ranges.push(undefined);
      this.selections.push(undefined);
    }
  }

  /** From the message's first line (its framing line) to the end of its last. */
  range(index: number): Range {
    let range = this.ranges[index];
    if (!range) {
      range = messageRange(this.document, this.messages[index]);
      this.ranges[index] = range;
    }
    return range;
  }

  /** Forgets where a message lies (each of a call's, once its symbol is made). */
  forget(index: number): void {
    this.ranges[index] = undefined;
    this.selections[index] = undefined;
  }

  /** Its start line's text (starting where its range starts, when it does, with the same position). */
  selection(index: number): Range {
    let selection = this.selections[index];
    if (!selection) {
      const { line, span } = startLineLocation(this.document, this.messages[index]);
      const { start } = this.range(index);
      selection = {
        start: start.line === line && start.character === span.start ? start : { line, character: span.start },
        end: { line, character: span.end },
      };
      this.selections[index] = selection;
    }
    return selection;
  }

  /** From the first line of the first of `indices` to the end of the last (as they lie in the text). */
  span(indices: readonly number[]): Range {
    if (indices.length === 1) return this.range(indices[0]);
    let { start, end } = this.range(indices[0]);
    for (let i = 1; i < indices.length; i++) {
      const range = this.range(indices[i]);
      if (range.start.line < start.line) start = range.start;
      if (range.end.line > end.line) end = range.end;
    }
    return { start, end };
  }
}

/** The symbols of one model, their kinds called as the caller says. */
class SymbolBuilder<K> {
  private readonly places: MessagePlaces;

  constructor(
    private readonly model: TraceModel, private readonly kinds: Readonly<Record<SymbolKindName, K>>, document: AnalyzedDocument,
  ) {
    this.places = new MessagePlaces(document, model.messages);
  }

  call(call: SipCall, part: CallPart): SymbolInfo<K> {
    const { model, places } = this;
    const whole = part.count === 1;
    const owned = whole ? call.transactions : call.transactions.slice(part.from, part.to);
    const first = model.transactions[owned[0]];
    const messages = messagesOf(model, part);
    const selected = part.index === 0 ? call.head : first.request ?? first.messages[0];
    const symbol = {
      name: whole ? callTitle(model, call) : `${callTitle(model, call)} (part ${part.index + 1} of ${part.count})`,
      detail: `${call.state} · ${call.callId}`,
      kind: this.kinds.call,
      range: places.span(messages),
      selectionRange: places.selection(selected),
      children: nestForCursor(owned.map((t) => this.transaction(model.transactions[t], places))),
    };
    for (const m of messages) places.forget(m);
    places.forget(selected);
    return symbol;
  }

  /** A transaction with its messages below it; one of a single message is that message (a lone ACK, a request never answered). */
  private transaction(transaction: SipTransaction, places: MessagePlaces): SymbolInfo<K> {
    if (transaction.messages.length === 1) return this.message(transaction.messages[0], places);
    const { model } = this;
    const final = transaction.finalResponse === undefined ? undefined : model.messages[transaction.finalResponse];
    return {
      name: (final ? `${transaction.method} → ${responseTitle(final.status, final.phrase)}` : transaction.method) || 'transaction',
      kind: this.kinds.transaction,
      range: places.span(transaction.messages),
      selectionRange: places.selection(transaction.request ?? transaction.messages[0]),
      children: transaction.messages.map((m) => this.message(m, places)),
    };
  }

  private message(message: number, places: MessagePlaces): SymbolInfo<K> {
    return { name: messageTitle(this.model, message), kind: this.kinds.message, range: places.range(message), selectionRange: places.selection(message) };
  }
}
