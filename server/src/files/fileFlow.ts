import { open } from 'node:fs/promises';
import type { FlowMessage, Participant } from '../../../common/callFlow';
import { LadderColumns } from '../service/features/callFlow';
import { TransactionWindow, type TransactionFacts, type WindowSizes } from '../service/trace/transactionWindow';
import type { SipMessage } from '../service/trace/types';
import { streamFile, type StreamedFile } from './captureTrace';
import { FastTraceStream } from './fastTraceStream';

/**
 * The ladder of a whole file (a text trace or a capture) read from disk in bounded memory, for
 * `sipsense flow`: the file is read twice, first for the ladder's columns (the endpoints, in the
 * order the arrows meet them, which a rendering draws before its first arrow), then again for its
 * arrows, handed on one by one as they are read (a capture is decoded once: its text is kept in a
 * temporary file for the second reading). What is held: the endpoints, the messages of the
 * transaction window (see TransactionWindow) and a chunk of the file.
 */

/** The transaction window of a ladder read from disk: at most 60,000 messages held. */
export const FLOW_WINDOW: WindowSizes = { part: 20_000, overlap: 20_000 };

const CHUNK = 4 * 1024 * 1024;

export interface FileFlow extends StreamedFile {
  /** The ladder's columns (all of them: the first reading met every endpoint). */
  participants: Participant[];
  /**
   * Reads the file again and hands each arrow to `arrow`, in file order; `between` is awaited after
   * each chunk read (the pace of whoever writes the arrows out). Rejects when the file changed.
   */
  arrows(arrow: (message: FlowMessage) => void, between?: () => Promise<void>): Promise<void>;
}

export interface FileFlowOptions {
  /** The one call drawn (every message when absent). */
  callId?: string;
  window?: WindowSizes;
}

/** What the first reading hears of each message: its arrow, its record and its transaction's facts (those the transaction window holds). */
export type FirstReading = (arrow: FlowMessage, message: SipMessage, transaction: TransactionFacts) => void;

/** Reads the file's ladder the first time, each arrow to `first` (to count what its rendering needs before its first arrow). */
export async function readFileFlow(path: string, first: FirstReading, options: FileFlowOptions = {}): Promise<FileFlow> {
  const columns = new LadderColumns();
  let count = 0;
  const arrows = arrowsOf(columns, options, (arrow, message, transaction) => {
    count++;
    first(arrow, message, transaction);
  });
  const read = await streamFile(path, new FastTraceStream(arrows.sink), { keepText: true });
  arrows.end();
  const textPath = read.textPath as string;
  return {
    ...read,
    participants: columns.participants,
    async arrows(arrow, between) {
      const again = new LadderColumns();
      let drawn = 0;
      const changed = () => new Error(`${path} changed since it was read`);
      const arrows = arrowsOf(again, options, (message) => {
        if (++drawn > count || again.participants.length > columns.participants.length) throw changed();
        arrow(message);
      });
      const stream = new FastTraceStream(arrows.sink);
      const file = await open(textPath, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK);
        for (let bytes = (await file.read(buffer, 0, CHUNK)).bytesRead; bytes > 0; bytes = (await file.read(buffer, 0, CHUNK)).bytesRead) {
          stream.push(buffer.subarray(0, bytes));
          await between?.();
        }
        stream.end();
        arrows.end();
      } finally {
        await file.close();
      }
      if (drawn !== count) throw changed();
    },
  };
}

/** What makes the arrows of a trace stream's messages (those of the call asked for), in file order: its sink, and its end. */
function arrowsOf(columns: LadderColumns, options: FileFlowOptions, arrow: FirstReading): { sink: (message: SipMessage) => void; end: () => void } {
  // Transactions never cross a Call-ID: one call's messages are grouped as in the whole file's model.
  const window = new TransactionWindow((message, retransmission, transaction) => arrow(columns.arrow(message, retransmission, transaction.request), message, transaction), options.window ?? FLOW_WINDOW);
  return {
    sink: (message) => {
      if (options.callId === undefined || message.callId === options.callId) window.push(message);
    },
    end: () => window.end(),
  };
}
