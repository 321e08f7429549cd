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

/** Captures whose SIP is on a port tshark does not try SIP on: it is told to (Decode As). */
export const TSHARK_DECODE_AS: Readonly<Record<string, readonly string[]>> = {
  'heplify__sip_ipv4_tcp_fragmented.pcap': ['-d', 'tcp.port==6060,sip'],
};

/**
 * tshark's fields of a capture's SIP frames (`-T fields`, spawned once): per frame, per field, the
 * field's occurrences in the frame (none when it has none).
 */
function tsharkFields(path: string, fields: readonly string[], extra: readonly string[]): string[][][] {
  const run = spawnSync('tshark', ['-r', path, ...extra, '-Y', 'sip', '-T', 'fields', ...fields.flatMap((field) => ['-e', field]), '-E', 'occurrence=a', '-E', 'separator=/t', '-E', 'aggregator=\u0001'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.error, undefined, 'tshark must be installed (apt-get install tshark)');
  return run.stdout.split('\n').filter((line) => line).map((line) => {
    const cells = line.split('\t');
    return fields.map((_, i) => (cells[i] ? cells[i].split('\u0001') : []));
  });
}

/** What tshark dissects as SIP, by frame number; `extra` are more tshark options (-d decode-as). */
export function tsharkMessages(path: string, extra: readonly string[] = []): Record<number, FrameMessages> {
  const frames: Record<number, FrameMessages> = {};
  for (const [[frame], requests, statuses, callIds, cseqs] of tsharkFields(path, ['frame.number', 'sip.Request-Line', 'sip.Status-Line', 'sip.Call-ID', 'sip.CSeq'], extra)) {
    frames[Number(frame)] = { lines: [...requests, ...statuses].sort(), callIds: callIds.sort(), cseqs: cseqs.sort() };
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

/** What the decoder said (an error or a note) in English words, '' for nothing. */
export function english(said: CaptureProblem | undefined): string {
  return said ? captureProblemText(CAPTURE_MESSAGES.en, said) : '';
}

/** Decodes a whole capture in memory: its records in output order and the result. */
export function decodeAll(bytes: Uint8Array, transports?: TransportDecoder[]) {
  const records: SipRecord[] = [];
  const decoder = new CaptureDecoder({ transports, onRecord: (record) => records.push(record) });
  decoder.push(bytes);
  const result = decoder.end();
  return { records, result };
}
