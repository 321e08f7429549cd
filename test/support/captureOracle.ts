import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CaptureDecoder } from '../../server/src/capture/decoder';
import type { CaptureProblem, SipRecord, TransportDecoder } from '../../server/src/capture/types';
import { CAPTURE_MESSAGES, captureProblemText } from '../../common/captureMessages';

/**
 * tshark as the oracle for the capture decoder. tshark prints a frame's several messages as
 * occurrences of each field, so both sides are compared frame by frame as sorted lists of first
 * lines, Call-IDs and CSeqs.
 */

export interface FrameMessages { lines: string[]; callIds: string[]; cseqs: string[] }

/** What tshark dissects as SIP, by frame number; `extra` are more tshark options (-d decode-as). */
export function tsharkMessages(path: string, extra: readonly string[] = []): Record<number, FrameMessages> {
  const run = spawnSync('tshark', ['-r', path, ...extra, '-Y', 'sip', '-T', 'fields', '-e', 'frame.number', '-e', 'sip.Request-Line', '-e', 'sip.Status-Line', '-e', 'sip.Call-ID', '-e', 'sip.CSeq', '-E', 'occurrence=a', '-E', 'separator=/t', '-E', 'aggregator=\u0001'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.error, undefined, 'tshark must be installed (apt-get install tshark)');
  const frames: Record<number, FrameMessages> = {};
  for (const line of run.stdout.split('\n')) {
    if (!line) continue;
    const [frame, requests, statuses, callIds, cseqs] = line.split('\t');
    const list = (field: string | undefined) => (field ? field.split('\u0001') : []);
    frames[Number(frame)] = { lines: [...list(requests), ...list(statuses)].sort(), callIds: list(callIds).sort(), cseqs: list(cseqs).sort() };
  }
  return frames;
}

function headerValue(text: string, names: RegExp): string | undefined {
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0];
  for (const line of headerBlock.split(/\r?\n/).slice(1)) {
    const match = /^([^:\s]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match && names.test(match[1])) return match[2];
  }
  return undefined;
}

/** Our records, grouped like tsharkMessages. */
export function messagesByFrame(records: readonly SipRecord[]): Record<number, FrameMessages> {
  const frames: Record<number, FrameMessages> = {};
  for (const record of records) {
    const text = Buffer.from(record.bytes).toString('latin1');
    const entry = frames[record.frame] ?? { lines: [], callIds: [], cseqs: [] };
    entry.lines.push(text.split(/\r?\n/, 1)[0]);
    const callId = headerValue(text, /^(call-id|i)$/i);
    const cseq = headerValue(text, /^cseq$/i);
    if (callId !== undefined) entry.callIds.push(callId);
    if (cseq !== undefined) entry.cseqs.push(cseq);
    frames[record.frame] = entry;
  }
  for (const entry of Object.values(frames)) {
    entry.lines.sort();
    entry.callIds.sort();
    entry.cseqs.sort();
  }
  return frames;
}

/** Decodes a whole capture in memory: its records in output order and the result. */
/** What the decoder said (an error or a note) in English words, '' for nothing. */
export function english(said: CaptureProblem | undefined): string {
  return said ? captureProblemText(CAPTURE_MESSAGES.en, said) : '';
}

export function decodeAll(bytes: Uint8Array, transports?: TransportDecoder[]) {
  const records: SipRecord[] = [];
  const decoder = new CaptureDecoder({ transports, onRecord: (record) => records.push(record) });
  decoder.push(bytes);
  const result = decoder.end();
  return { records, result };
}
