import { open } from 'node:fs/promises';
import type { CallFlow, CallSummary } from '../../../common/callFlow';
import { callFlow, callSummaries, ladderOf, windowStart, type FlowWindow } from '../service/features/callFlow';
import { buildTraceModel } from '../service/trace/model';
import type { SipMessage } from '../service/trace/types';
import { streamFile, type FileReadOptions, type StreamedFile } from './captureTrace';
import { TraceStream } from './traceStream';

/**
 * What the server keeps of a trace or a capture read from disk: its calls list, and where each
 * message lies in the text (where reading it again starts, and its start line), never the message
 * records. The messages of the calls a ladder or a call document asks for are read again from
 * disk. Calls are summarised each from its own messages: transactions never cross a Call-ID, so a
 * call's model is that call in the whole trace's model, and a Call-ID repeated by many calls' broken
 * branches is never searched across the whole trace.
 */
export interface FileCalls extends StreamedFile {
  /** The calls list: one row per call, in the order of their first message. */
  calls: readonly CallSummary[];
  /** How many SIP messages the file holds (those without a Call-ID too). */
  messages: number;
  /** The ladder of the calls named (of every message when `callIds` is absent), the window of it asked for. */
  ladder(callIds: readonly string[] | undefined, window: FlowWindow): Promise<CallFlow>;
  /** The messages of one call, read again from disk; undefined when the file has no such call. */
  callMessages(callId: string): Promise<SipMessage[] | undefined>;
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
}

/** Reads a text trace or a capture from disk (streamed, as readFileTrace reads it) into its calls and message positions. */
export async function readFileCalls(path: string, options: FileReadOptions = {}): Promise<FileCalls> {
  const messages: SipMessage[] = [];
  const anchorLines: number[] = [];
  const anchorOffsets: number[] = [];
  const stream = new TraceStream((message, line, offset) => {
    messages.push(message);
    anchorLines.push(line);
    anchorOffsets.push(offset);
  });
  const read = await streamFile(path, stream, options);
  const { calls, positions } = summarize(messages, anchorLines, anchorOffsets);
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
      if (callIds !== undefined) {
        const wanted = callIds.map((id) => byCallId.get(id)).filter((c): c is number => c !== undefined);
        const model = buildTraceModel(await reread(membersOf(positions, wanted)));
        return callFlow(model, callIds, window);
      }
      const total = positions.callOf.length;
      const start = windowStart(total, (i) => positions.startLines[i], window);
      const end = Math.min(total, start + window.limit);
      // The window's messages with the rest of their calls (a retransmission and an inferred column need their transaction).
      const groups = new Set<number>();
      for (let i = start; i < end; i++) groups.add(positions.callOf[i] === -1 ? calls.length : positions.callOf[i]);
      const indices = membersOf(positions, [...groups]);
      const model = buildTraceModel(await reread(indices));
      const local = new Map(indices.map((index, at) => [index, at]));
      const shown: number[] = [];
      for (let i = start; i < end; i++) shown.push(local.get(i) as number);
      return { ...ladderOf(model, shown), window: { start, total } };
    },
    async callMessages(callId) {
      const call = byCallId.get(callId);
      return call === undefined ? undefined : reread(membersOf(positions, [call]));
    },
  };
}

/** The calls list, each call summarised from its own messages, and the messages' positions (the records themselves are dropped). */
function summarize(messages: SipMessage[], anchorLines: readonly number[], anchorOffsets: readonly number[]): { calls: CallSummary[]; positions: Positions } {
  const count = messages.length;
  const callOf = new Int32Array(count);
  const byCallId = new Map<string, number>();
  const sizes: number[] = [];
  let unowned = 0;
  for (let i = 0; i < count; i++) {
    const callId = messages[i].callId;
    if (callId === undefined) {
      callOf[i] = -1;
      unowned++;
      continue;
    }
    let call = byCallId.get(callId);
    if (call === undefined) {
      call = sizes.length;
      byCallId.set(callId, call);
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
  const startLines = new Float64Array(count);
  for (let i = 0; i < count; i++) startLines[i] = messages[i].startLine;
  const calls: CallSummary[] = [];
  for (let c = 0; c < sizes.length; c++) {
    const own: SipMessage[] = [];
    for (let k = first[c]; k < first[c + 1]; k++) own.push(messages[members[k]]);
    calls.push(callSummaries(buildTraceModel(own))[0]);
  }
  messages.length = 0;
  return {
    calls,
    positions: { anchorLines: Float64Array.from(anchorLines), anchorOffsets: Float64Array.from(anchorOffsets), startLines, callOf, first, members },
  };
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

/**
 * The records of these messages (indices, in trace order), read again from the text at their
 * anchors: from there a reader that starts afresh reads them as the whole file's reader did, and
 * reads on until it has them. Messages with one anchor (a packet's messages) are read together.
 */
async function readMessagesAgain(path: string, positions: Positions, indices: readonly number[]): Promise<SipMessage[]> {
  const file = await open(path, 'r');
  try {
    const result: SipMessage[] = [];
    for (let k = 0; k < indices.length;) {
      const anchor = positions.anchorOffsets[indices[k]];
      const wanted = new Set<number>();
      for (; k < indices.length && positions.anchorOffsets[indices[k]] === anchor; k++) wanted.add(positions.startLines[indices[k]]);
      const found: SipMessage[] = [];
      const stream = new TraceStream((message) => {
        if (wanted.has(message.startLine)) found.push(message);
      }, { line: positions.anchorLines[indices[k - 1]], offset: anchor });
      let position = anchor;
      for (let size = FIRST_READ; found.length < wanted.size; size = Math.min(MAX_READ, size * 4)) {
        const buffer = Buffer.allocUnsafe(size);
        const { bytesRead } = await file.read(buffer, 0, size, position);
        if (bytesRead === 0) {
          stream.end();
          break;
        }
        stream.push(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
      if (found.length < wanted.size) throw new Error(`${path} changed since it was read`);
      result.push(...found.slice(0, wanted.size));
    }
    return result;
  } finally {
    await file.close();
  }
}
