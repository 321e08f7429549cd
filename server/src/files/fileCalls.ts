import { open } from 'node:fs/promises';
import type { CallFlow, CallSummary } from '../../../common/callFlow';
import { callSummaries, ladderOf, windowStart, type FlowWindow, type LadderFacts } from '../service/features/callFlow';
import { decisiveTransaction } from '../service/trace/calls';
import { buildTraceModel } from '../service/trace/model';
import type { SipMessage, SipTransaction, TraceModel } from '../service/trace/types';
import type { StreamedFile } from './captureTrace';
import { MessageColumns } from './messageColumns';
import { readColumns, type ThreadedReadOptions } from './threadedRead';
import { TraceStream } from './traceStream';

/**
 * What the server keeps of a trace or a capture read from disk: its calls list, and where each
 * message lies in the text (where reading it again starts, and its start line), never the message
 * records. The messages a ladder shows, or a call document holds, are read again from disk.
 * Calls are summarised each from its own messages: transactions never cross a Call-ID, so a call's
 * model is that call in the whole trace's model, and a branch that many calls repeat (broken
 * clients, traces made of copies) is never searched across the whole trace. The file is read by
 * FastTraceStream (ngrep framing as bytes, the rest line by line; a big file on two cores, see
 * threadedRead.ts), its messages kept as columns until the calls are summarised.
 */
export interface FileCalls extends StreamedFile {
  /** The calls list: one row per call, in the order of their first message. */
  calls: readonly CallSummary[];
  /** How many SIP messages the file holds (those without a Call-ID too). */
  messages: number;
  /** The ladder of the calls named (of every message when `callIds` is absent), the window of it asked for. */
  ladder(callIds: readonly string[] | undefined, window: FlowWindow): Promise<CallFlow>;
  /** The start lines of one call's messages, in trace order; undefined when the file has no such call. */
  callStartLines(callId: string): number[] | undefined;
  /** Messages [from, to) of one call (all of them by default), read again from disk; undefined when the file has no such call. */
  callMessages(callId: string, from?: number, to?: number): Promise<SipMessage[] | undefined>;
}

/** Where a message lies: the line and byte offset its reading starts at (see Anchor), and its start line. */
interface Positions {
  anchorLines: Float64Array;
  anchorOffsets: Float64Array;
  startLines: Float64Array;
  /** Per message, its call (an index into calls), -1 when it has no Call-ID. */
  callOf: Int32Array;
  /** The messages of call c are members[first[c] .. first[c + 1]); those without a Call-ID come after the last call's. */
  first: Int32Array;
  members: Int32Array;
  /** What a ladder needs of the model: whether each message is a retransmission, and the request of its transaction (-1: none). */
  retransmitted: Uint8Array;
  requestOf: Int32Array;
}

/**
 * How a long call is summarised: a call of more than `messages` messages (an OPTIONS keep-alive or
 * a REGISTER refresh that kept its Call-ID for weeks; a million of them made a model of several
 * GB) is read as models of `part` messages at a time, each with `overlap` messages of the call on
 * either side (so that a transaction across a part's edge is whole in one of them).
 */
export interface LongCallParts {
  messages: number;
  part: number;
  overlap: number;
}

const LONG_CALL_PARTS: LongCallParts = { messages: 100_000, part: 50_000, overlap: 5_000 };

/** Reads a text trace or a capture from disk (streamed, as streamFile reads it) into its calls and message positions. */
export async function readFileCalls(path: string, options: ThreadedReadOptions & { longCalls?: LongCallParts } = {}): Promise<FileCalls> {
  const columns = new MessageColumns();
  const read = await readColumns(path, columns, options);
  const { calls, positions } = summarize(columns, options.longCalls ?? LONG_CALL_PARTS);
  const textPath = read.textPath;
  const byCallId = new Map(calls.map((call, index) => [call.callId, index]));
  const reread = (indices: readonly number[]): Promise<SipMessage[]> => {
    if (textPath === undefined) throw new Error('the text of this capture was not kept');
    return readMessagesAgain(textPath, positions, indices);
  };
  return {
    ...read,
    calls,
    messages: positions.callOf.length,
    async ladder(callIds, window) {
      const selected = callIds === undefined ? undefined : membersOf(positions, [...new Set(callIds.map((id) => byCallId.get(id)).filter((c): c is number => c !== undefined))]);
      const total = selected?.length ?? positions.callOf.length;
      const nth = (i: number) => (selected === undefined ? i : selected[i]);
      const start = windowStart(total, (i) => positions.startLines[nth(i)], window);
      const shown: number[] = [];
      for (let i = start; i < Math.min(total, start + window.limit); i++) shown.push(nth(i));
      // With the requests of their transactions: a response without framing takes a column from its request.
      const needed = [...new Set([...shown, ...shown.map((i) => positions.requestOf[i]).filter((i) => i !== -1)])].sort((a, b) => a - b);
      const records = await reread(needed);
      const read = new Map(needed.map((index, k) => [index, records[k]]));
      const facts: LadderFacts = {
        message: (index) => read.get(index) as SipMessage,
        retransmission: (index) => positions.retransmitted[index] === 1,
        request: (index) => read.get(positions.requestOf[index]),
      };
      return { ...ladderOf(facts, shown), window: { start, total } };
    },
    callStartLines(callId) {
      const call = byCallId.get(callId);
      return call === undefined ? undefined : membersOf(positions, [call]).map((index) => positions.startLines[index]);
    },
    async callMessages(callId, from, to) {
      const call = byCallId.get(callId);
      return call === undefined ? undefined : reread(membersOf(positions, [call]).slice(from, to));
    },
  };
}

/** The calls list, each call summarised from its own messages, and the messages' positions. */
function summarize(columns: MessageColumns, longCalls: LongCallParts): { calls: CallSummary[]; positions: Positions } {
  const count = columns.count;
  const callOf = new Int32Array(count);
  /** Calls by the string id of their Call-ID (-1: none yet). */
  const byCallId = new Int32Array(columns.callIdCount).fill(-1);
  const sizes: number[] = [];
  let unowned = 0;
  for (let i = 0; i < count; i++) {
    const callId = columns.callIdAt(i);
    if (callId === -1) {
      callOf[i] = -1;
      unowned++;
      continue;
    }
    let call = byCallId[callId];
    if (call === -1) {
      call = sizes.length;
      byCallId[callId] = call;
      sizes.push(0);
    }
    callOf[i] = call;
    sizes[call]++;
  }
  const first = new Int32Array(sizes.length + 2);
  for (let c = 0; c < sizes.length; c++) first[c + 1] = first[c] + sizes[c];
  first[sizes.length + 1] = first[sizes.length] + unowned;
  const members = new Int32Array(count);
  const filled = first.slice(0, sizes.length + 1);
  for (let i = 0; i < count; i++) members[filled[callOf[i] === -1 ? sizes.length : callOf[i]]++] = i;
  const calls: CallSummary[] = [];
  const retransmitted = new Uint8Array(count);
  const requestOf = new Int32Array(count).fill(-1);
  // Each call's model (and that of the messages without a Call-ID): its summary, and what its ladder needs.
  for (let c = 0; c <= sizes.length; c++) {
    const call: CallMembers = {
      size: first[c + 1] - first[c],
      message: (k) => columns.message(members[first[c] + k]),
      roles: (model, from, to, lo) => {
        for (let k = from; k < to; k++) {
          const role = model.roles[k - lo];
          const request = model.transactions[role.transaction].request;
          retransmitted[members[first[c] + k]] = role.retransmission ? 1 : 0;
          if (request !== undefined) requestOf[members[first[c] + k]] = members[first[c] + lo + request];
        }
      },
    };
    const summary = call.size > longCalls.messages ? summarizeInParts(call, longCalls, c < sizes.length) : summarizeWhole(call);
    if (c < sizes.length) calls.push(summary as CallSummary);
  }
  return { calls, positions: { ...columns.lines(), callOf, first, members, retransmitted, requestOf } };
}

/** One call's messages (k-th of `size`, in trace order), and where the roles a model gives them go (messages [from, to) of the call, the model's first being message `lo`). */
interface CallMembers {
  size: number;
  message(k: number): SipMessage;
  roles(model: TraceModel, from: number, to: number, lo: number): void;
}

/** Messages [from, to) of a call. */
function messagesOf(call: CallMembers, from: number, to: number): SipMessage[] {
  const own: SipMessage[] = [];
  for (let k = from; k < to; k++) own.push(call.message(k));
  return own;
}

/** A call summarised from the model of all its messages. */
function summarizeWhole(call: CallMembers): CallSummary | undefined {
  const model = buildTraceModel(messagesOf(call, 0, call.size));
  call.roles(model, 0, call.size, 0);
  return callSummaries(model)[0];
}

/**
 * A long call read in parts (see LongCallParts), in memory bounded by a part. Its summary is that of
 * the model of the messages it depends on: those of its first part (its first message and request),
 * of the transaction that decided it (the last answered initial request: decisiveTransaction, folded
 * over the parts) with its CANCEL, of its first BYE, and of its earliest and latest in time; each
 * transaction whole, so that the model finds in them what the whole call's model finds.
 */
function summarizeInParts(call: CallMembers, parts: LongCallParts, summarized: boolean): CallSummary | undefined {
  const kept = new Set<number>();
  let method: string | undefined;
  let decisive: { transaction: SipTransaction; messages: number[] } | undefined;
  let byeFound = false;
  /** The earliest and the latest message in time, with the rest of their transactions (a lone response would be a transaction of its own). */
  let earliest: { time: number; messages: number[] } | undefined;
  let latest: { time: number; messages: number[] } | undefined;
  for (let from = 0; from < call.size; from += parts.part) {
    const to = Math.min(call.size, from + parts.part);
    const lo = Math.max(0, from - parts.overlap);
    const own = messagesOf(call, lo, Math.min(call.size, to + parts.overlap));
    const model = buildTraceModel(own);
    call.roles(model, from, to, lo);
    if (!summarized) continue;
    if (from === 0) for (let k = 0; k < own.length; k++) kept.add(k);
    method ??= model.calls[0]?.method ?? '';
    const withTransaction = (k: number, time: number) => ({ time, messages: model.transactions[model.roles[k - lo].transaction].messages.map((i) => i + lo) });
    for (let k = from; k < to; k++) {
      const time = own[k - lo].time;
      if (time === undefined) continue;
      if (earliest === undefined || time < earliest.time) earliest = withTransaction(k, time);
      if (latest === undefined || time > latest.time) latest = withTransaction(k, time);
    }
    // The transactions that start in this part, in trace order.
    const starting = model.transactions.filter((t) => t.messages[0] + lo >= from && t.messages[0] + lo < to);
    const found = decisiveTransaction(method, starting, model.messages, decisive?.transaction);
    if (found !== undefined && found !== decisive?.transaction) {
      const cancel = found.cancelledBy === undefined ? [] : model.transactions[found.cancelledBy].messages;
      decisive = { transaction: found, messages: [...found.messages, ...cancel].map((i) => i + lo) };
    }
    const bye = byeFound ? undefined : starting.find((t) => t.method === 'BYE');
    if (bye) {
      byeFound = true;
      for (const i of bye.messages) kept.add(i + lo);
    }
  }
  if (!summarized) return undefined;
  for (const k of decisive?.messages ?? []) kept.add(k);
  for (const k of [...(earliest?.messages ?? []), ...(latest?.messages ?? [])]) kept.add(k);
  const summary = callSummaries(buildTraceModel([...kept].sort((a, b) => a - b).map((k) => call.message(k))))[0];
  return { ...summary, messages: call.size };
}

/** The messages of these calls (indices into calls; calls.length for the messages without a Call-ID), in trace order. */
function membersOf(positions: Positions, calls: readonly number[]): number[] {
  const indices: number[] = [];
  for (const call of calls) for (let k = positions.first[call]; k < positions.first[call + 1]; k++) indices.push(positions.members[k]);
  return indices.sort((a, b) => a - b);
}

/** How many bytes are read at first to read one message again (more, four times as many each time, when it goes on). */
const FIRST_READ = 4096;
const MAX_READ = 1024 * 1024;
/** A message whose anchor is at most this far past what a reader has read is read by that reader, not by a fresh one. */
const NEAR = FIRST_READ;

/**
 * The records of these messages (indices, in trace order), read again from the text. A reader
 * that starts afresh at a message's anchor reads it as the whole file's reader did, and so does
 * that reader as it reads on: it reads on to the next message wanted when that one is near (a
 * call's messages close together are read in one pass), else a fresh reader starts at its anchor.
 */
async function readMessagesAgain(path: string, positions: Positions, indices: readonly number[]): Promise<SipMessage[]> {
  const at = new Map<number, number>();
  indices.forEach((index, k) => at.set(positions.startLines[index], k));
  const result: (SipMessage | undefined)[] = new Array(indices.length).fill(undefined);
  const sink = (message: SipMessage) => {
    const k = at.get(message.startLine);
    if (k !== undefined) result[k] ??= message;
  };
  const file = await open(path, 'r');
  try {
    let stream: TraceStream | undefined;
    let position = 0;
    let size = FIRST_READ;
    for (let k = 0; k < indices.length;) {
      if (result[k] !== undefined) {
        k++;
        continue;
      }
      const anchor = positions.anchorOffsets[indices[k]];
      if (stream === undefined || anchor > position + NEAR) {
        stream = new TraceStream(sink, { line: positions.anchorLines[indices[k]], offset: anchor });
        position = anchor;
        size = FIRST_READ;
      }
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await file.read(buffer, 0, size, position);
      if (bytesRead === 0) {
        stream.end();
        if (result[k] === undefined) throw new Error(`${path} changed since it was read`);
        stream = undefined;
        continue;
      }
      stream.push(buffer.subarray(0, bytesRead));
      position += bytesRead;
      size = Math.min(MAX_READ, size * 4);
    }
    return result as SipMessage[];
  } finally {
    await file.close();
  }
}
