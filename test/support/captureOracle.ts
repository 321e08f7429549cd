import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { captureToTrace } from '../../server/src/capture';
import { CaptureDecoder } from '../../server/src/capture/decoder';
import type { CaptureProblem, SipRecord, TransportDecoder } from '../../server/src/capture/types';
import type { AnalyzedDocument, SipMessage } from '../../server/src/service';
import { CAPTURE_MESSAGES, captureProblemText } from '../../common/captureMessages';
import { analyzed } from './documents';

/**
 * tshark as the oracle for the capture decoder and the trace model. tshark prints a frame's several
 * messages as occurrences of each field, so the decoder's messages are compared frame by frame as
 * sorted lists of first lines, Call-IDs and CSeqs; the transactions, frame by frame too.
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

/** One SIP frame as tshark reads it: the message's transaction keys and what tshark's SIP dissector pairs it with. */
export interface TsharkSip {
  frame: number;
  /** The protocol SIP came in: udp, tcp, sctp or websocket. */
  transport: string;
  /** `address:port` of each end (of the innermost IP header: a GRE or ERSPAN capture has two). */
  source: string;
  destination: string;
  /** A request's method; undefined for a response. */
  method?: string;
  /** A response's status code. */
  status?: number;
  callId: string;
  cseq: number;
  cseqMethod: string;
  /** The top Via's branch. */
  branch: string;
  /** sip.response-request: for a response or an ACK, the frame of the request tshark pairs it with. */
  requestFrame?: number;
  /** sip.resend and sip.resend-original: whether tshark takes it for a retransmission, and of which frame. */
  resend: boolean;
  resendOf?: number;
  /** sip.response-time: milliseconds since the request (the first of its CSeq number in tshark's table). */
  responseTime?: number;
}

const TSHARK_SIP_FIELDS = [
  'frame.number', 'frame.protocols', 'ip.src', 'ipv6.src', 'ip.dst', 'ipv6.dst', 'udp.srcport', 'tcp.srcport', 'sctp.srcport', 'udp.dstport', 'tcp.dstport', 'sctp.dstport',
  'sip.Method', 'sip.Status-Code', 'sip.Call-ID', 'sip.CSeq.seq', 'sip.CSeq.method', 'sip.Via.branch', 'sip.response-request', 'sip.resend', 'sip.resend-original', 'sip.response-time',
] as const;

/**
 * tshark's SIP frames of a capture, by frame number. Each must hold one message (true of every
 * corpus capture): tshark lists a frame's fields, not its messages', so the fields of several
 * messages in one frame could not be told apart.
 */
export function tsharkTransactions(path: string, extra: readonly string[] = []): Map<number, TsharkSip> {
  const frames = new Map<number, TsharkSip>();
  for (const row of tsharkFields(path, TSHARK_SIP_FIELDS, extra)) {
    const field = (name: (typeof TSHARK_SIP_FIELDS)[number]) => row[TSHARK_SIP_FIELDS.indexOf(name)];
    // The last of several occurrences: the innermost header's.
    const last = (...names: (typeof TSHARK_SIP_FIELDS)[number][]) => names.map(field).find((values) => values.length > 0)?.at(-1) ?? '';
    const optional = (name: (typeof TSHARK_SIP_FIELDS)[number]) => (field(name).length > 0 ? Number(field(name)[0]) : undefined);
    const frame = Number(field('frame.number')[0]);
    assert.equal(field('sip.Method').length + field('sip.Status-Code').length, 1, `frame ${frame} of ${path} holds one SIP message`);
    const layers = field('frame.protocols')[0].split(':');
    frames.set(frame, {
      frame,
      transport: ['websocket', 'sctp', 'tcp', 'udp'].find((name) => layers.includes(name)) ?? '',
      source: `${last('ip.src', 'ipv6.src')}:${last('udp.srcport', 'tcp.srcport', 'sctp.srcport')}`,
      destination: `${last('ip.dst', 'ipv6.dst')}:${last('udp.dstport', 'tcp.dstport', 'sctp.dstport')}`,
      method: field('sip.Method')[0],
      status: optional('sip.Status-Code'),
      callId: field('sip.Call-ID')[0] ?? '',
      cseq: Number(field('sip.CSeq.seq')[0]),
      cseqMethod: field('sip.CSeq.method')[0] ?? '',
      branch: field('sip.Via.branch')[0] ?? '',
      requestFrame: optional('sip.response-request'),
      resend: field('sip.resend')[0] === '1',
      resendOf: optional('sip.resend-original'),
      responseTime: optional('sip.response-time'),
    });
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

/**
 * A capture as the product serves it: its trace (captureToTrace) opened as a SIP document, the
 * document's messages and the frame of each (a record is one message under a framing line of its
 * own, in the order the messages are read).
 */
export function capturedDocument(bytes: Uint8Array): { document: AnalyzedDocument; messages: readonly SipMessage[]; frames: number[] } {
  const frames: number[] = [];
  const { text, result } = captureToTrace(bytes, { onRecord: (record) => frames.push(record.frame) });
  assert.equal(result.error, undefined);
  const document = analyzed(text);
  const messages = document.traceMessages;
  assert.equal(messages.length, frames.length, 'one message for each record');
  assert.ok(messages.every((message) => message.frameLine !== undefined && !message.sharesFrame), 'each message under its own framing line');
  return { document, messages, frames };
}
