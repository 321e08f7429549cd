import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { computeDefinition, computeHover, messageStartingAt, resolveSettings, type AnalyzedDocument, type SipMessage } from '../../server/src/service';
import { capturedDocument, TSHARK_DECODE_AS, tsharkTransactions, type TsharkSip } from '../support/captureOracle';
import { corpusFiles } from '../support/corpus';

/**
 * tshark as the oracle of the trace model, on every corpus capture: for each response (and each ACK
 * and CANCEL), the request Go to Definition goes to is the frame tshark's SIP dissector pairs it with
 * (sip.response-request), the hover's "X s later" is its sip.response-time, and the retransmission
 * marks are its sip.resend. Where they differ, the difference is one of a few named kinds, each a
 * rule of RFC 3261 that we follow and Wireshark does not, counted exactly per capture. Whatever tshark
 * says, every definition lands on a request that tshark reads with the message's Call-ID, CSeq and
 * top Via branch at the same two ends (RFC 3261 17.1.3), and there is none only where the capture
 * holds no such request.
 */

/** Why a definition or a retransmission mark differs from tshark's, and the RFC rule we follow. */
const DIFFERENCES = {
  'not over UDP': 'Wireshark pairs responses with requests over UDP only (packet-sip.c, sip_find_request: "Only consider UDP"); RFC 3261 17.1.3 pairs them by top Via branch and CSeq method over any transport',
  'CSeq number reused': 'Wireshark keeps one request per Call-ID and direction, with the method of the first request of its CSeq number, and pairs a response only with that method: a later request of that number and another method (an INVITE after a REGISTER of the same Call-ID, a CANCEL after its INVITE) gets no responses; RFC 3261 17.1.3 tells them apart by branch and CSeq method',
  'CANCEL took the INVITE\'s place': 'the CANCEL, which has its INVITE\'s CSeq number (RFC 3261 9.1), replaced the INVITE in Wireshark\'s table; the 487 answers the INVITE (9.2) and the ACK of a non-2xx belongs to the INVITE\'s transaction (17.1.1.3)',
  'ACK after an ACK': 'Wireshark points an ACK at the latest request of its Call-ID and direction, here the ACK sent for the 200 OK before the 200 OK was retransmitted; each ACK of a 2xx acknowledges the INVITE (RFC 3261 13.2.2.4)',
  'CANCEL': 'tshark gives a Request Frame to responses and ACKs only; a CANCEL names its INVITE by Call-ID, CSeq number and top Via branch (RFC 3261 9.1)',
  'provisional copy': 'Wireshark marks as resent only requests and final responses (packet-sip.c, sip_is_packet_resend); a provisional response repeated in its transaction is a copy of the first (RFC 3261 17.2.1: a server transaction sends its latest provisional response again)',
} as const;

type Kind = keyof typeof DIFFERENCES;

interface Counts {
  /** Responses compared, and of them those whose definition is tshark's Request Frame (or neither side has one). */
  responses: [number, number];
  /** ACKs and CANCELs compared, the same. */
  acksAndCancels: [number, number];
  /** Of the agreements, how many have no request on either side (the capture does not hold it). */
  neither: number;
  /** Responses whose hover's "X s later" was compared with sip.response-time. */
  times: number;
  /** Messages either side marks as a retransmission, and of them those both mark (a response with the same original). */
  resends: [number, number];
  /** The differences, by kind. */
  differ?: Partial<Record<Kind, number>>;
}

/** What each capture that tshark is the oracle of gives (a capture without SIP messages is not compared: captureOracle.test.ts checks that tshark finds none either). */
const EXPECTED: Record<string, Counts> = {
  'heplify__erspan_sip_ipv4_udp.pcapng': { responses: [73, 73], acksAndCancels: [18, 16], neither: 0, times: 73, resends: [4, 4], differ: { 'ACK after an ACK': 2 } },
  'heplify__rtp_rtcp_sip_ipv4_udp.pcap': { responses: [8, 8], acksAndCancels: [1, 1], neither: 0, times: 8, resends: [0, 0] },
  'heplify__sip_ipv4_tcp_fragmented.pcap': { responses: [223, 3], acksAndCancels: [39, 4], neither: 7, times: 0, resends: [2, 0], differ: { 'not over UDP': 254, 'provisional copy': 2, CANCEL: 1 } },
  'heplify__sip_ipv4_tcp_retrans.pcap': { responses: [4, 2], acksAndCancels: [0, 0], neither: 0, times: 2, resends: [0, 0], differ: { 'not over UDP': 2 } },
  'heplify__sip_sctp.pcap': { responses: [2, 2], acksAndCancels: [1, 0], neither: 2, times: 0, resends: [0, 0], differ: { 'not over UDP': 1 } },
  'heplify__sip_tcp_websocket.pcap': { responses: [24, 18], acksAndCancels: [5, 3], neither: 1, times: 18, resends: [4, 0], differ: { 'not over UDP': 8, 'provisional copy': 4 } },
  'pcapplusplus__sip_non_default_port.pcap': { responses: [1, 1], acksAndCancels: [0, 0], neither: 1, times: 0, resends: [0, 0] },
  'pcapplusplus__sip_resp.pcap': { responses: [7, 7], acksAndCancels: [0, 0], neither: 7, times: 0, resends: [0, 0] },
  'pkts__cancel.pcap': { responses: [4, 2], acksAndCancels: [2, 0], neither: 0, times: 2, resends: [0, 0], differ: { CANCEL: 1, 'CSeq number reused': 1, 'CANCEL took the INVITE\'s place': 2 } },
  'pkts__fragmented_tcp_sip.pcap': { responses: [3, 0], acksAndCancels: [1, 0], neither: 0, times: 0, resends: [0, 0], differ: { 'not over UDP': 4 } },
  'pkts__fragmented_udp_sip.pcap': { responses: [3, 3], acksAndCancels: [1, 1], neither: 3, times: 1, resends: [0, 0] },
  'pkts__sipp.pcap': { responses: [15, 15], acksAndCancels: [5, 5], neither: 0, times: 15, resends: [0, 0] },
  'pkts__sipp_sll.pcap': { responses: [15, 15], acksAndCancels: [5, 5], neither: 0, times: 15, resends: [0, 0] },
  'sipnab__h263-over-rtp.pcap': { responses: [2, 2], acksAndCancels: [1, 1], neither: 0, times: 2, resends: [0, 0] },
  'sipnab__register-invite-reinvite-bye.pcap': { responses: [6, 6], acksAndCancels: [2, 2], neither: 0, times: 6, resends: [0, 0] },
  'sipnab__sip-488-codec-reject.pcapng': { responses: [6, 6], acksAndCancels: [2, 2], neither: 0, times: 6, resends: [0, 0] },
  'sipnab__sipp-branch-scenario.pcapng': { responses: [5082, 2463], acksAndCancels: [104, 104], neither: 0, times: 2463, resends: [0, 0], differ: { 'CSeq number reused': 2619 } },
  'suricata__sip-body-large.pcap': { responses: [1, 0], acksAndCancels: [0, 0], neither: 0, times: 0, resends: [0, 0], differ: { 'not over UDP': 1 } },
  'suricata__sip-tcp.pcap': { responses: [1, 0], acksAndCancels: [0, 0], neither: 0, times: 0, resends: [0, 0], differ: { 'not over UDP': 1 } },
  'zeek__invalid-content-length.pcap': { responses: [1, 1], acksAndCancels: [0, 0], neither: 0, times: 1, resends: [0, 0] },
  'zeek__sip-junk-before-request.pcap': { responses: [0, 0], acksAndCancels: [0, 0], neither: 0, times: 0, resends: [0, 0] },
  'zeek__sip-long-request-response-paths.pcap': { responses: [1, 1], acksAndCancels: [0, 0], neither: 0, times: 1, resends: [0, 0] },
};

/** Captures tshark is not the oracle of, and why (the HEP captures are checked by hand below, the others by captureOracle.test.ts). */
const NOT_COMPARED: Record<string, string> = {
  'hep-wireshark__hep.pcap': 'tshark has no HEP dissector',
  'hep-wireshark__hep3_compressed.pcapng': 'tshark has no HEP dissector',
  'pkts__cool.pcap': 'damaged: the decoder refuses it, as tshark does (captureOracle.test.ts checks what it says)',
  'sipnab__c07-sip-r2.cap': 'a Network Monitor file, which the decoder refuses (captureOracle.test.ts checks what it says); tshark reads requests alone in it, no response',
};

/** Whether `request` (as tshark reads it) is one that `message` (a response, an ACK or a CANCEL) can answer by RFC 3261's keys. */
function pairs(message: TsharkSip, request: TsharkSip): boolean {
  if (request.method === undefined || request.frame >= message.frame || request.callId !== message.callId || request.cseq !== message.cseq) return false;
  if (message.method === undefined) {
    return request.method === message.cseqMethod && request.branch === message.branch && request.source === message.destination && request.destination === message.source;
  }
  // An ACK and a CANCEL go the INVITE's way; a CANCEL has its branch (9.1), an ACK of a 2xx one of its own (13.2.2.4).
  return request.method === 'INVITE' && request.source === message.source && request.destination === message.destination && (message.method === 'ACK' || request.branch === message.branch);
}

/** The kind of a difference between our request (ours) and tshark's (theirs) for `message`, if it is one we explain. */
function definitionDifference(message: TsharkSip, ours: TsharkSip | undefined, theirs: TsharkSip | undefined, call: readonly TsharkSip[]): Kind | undefined {
  if (message.method === 'CANCEL') return theirs === undefined ? 'CANCEL' : undefined;
  if (ours === undefined) return undefined;
  if (theirs === undefined) {
    if (message.transport !== 'udp') return 'not over UDP';
    const reused = call.some((q) => q.method !== undefined && q.frame < ours.frame && q.cseq === ours.cseq && q.method !== ours.method && q.source === ours.source && q.destination === ours.destination);
    return reused ? 'CSeq number reused' : undefined;
  }
  if (theirs.method === 'CANCEL' && ours.method === 'INVITE' && theirs.cseq === ours.cseq && theirs.source === ours.source) return 'CANCEL took the INVITE\'s place';
  if (message.method === 'ACK' && theirs.method === 'ACK' && theirs.source === message.source) return 'ACK after an ACK';
  return undefined;
}

/** The message (its index) Go to Definition goes to from message `index`'s start line, if any. */
function definitionOf(document: AnalyzedDocument, messages: readonly SipMessage[], index: number): number | undefined {
  const message = messages[index];
  const definition = computeDefinition(document, { line: message.startLine, character: message.startColumn });
  return definition && messageStartingAt(messages, definition.target.line);
}

/** What our hover says of a response: the line it answers (1-based), how long after, and what it retransmits. */
function hoverFacts(document: AnalyzedDocument, message: SipMessage): { line?: number; seconds?: string; retransmissionOf?: number } {
  const hover = computeHover(document, { line: message.startLine, character: message.startColumn + 'SIP/2.0 '.length }, resolveSettings({}));
  assert.ok(hover, `a hover on the status code at line ${message.startLine + 1}`);
  const answers = /Answers the .+? at line (\d+)(?:, ([\d.]+) s later)?\./.exec(hover.markdown);
  const repeats = /A retransmission of the response at line (\d+)\./.exec(hover.markdown);
  return { line: answers ? Number(answers[1]) : undefined, seconds: answers?.[2], retransmissionOf: repeats ? Number(repeats[1]) : undefined };
}

/** How far a time the hover shows (formatSeconds: 3 decimals below 1 s, 1 below 100 s, none above) may lie from tshark's milliseconds (cut, not rounded). */
function closeEnough(shown: string, milliseconds: number): boolean {
  const seconds = Number(shown);
  const step = seconds < 1 ? 0.001 : seconds < 100 ? 0.1 : 1;
  return Math.abs(seconds - milliseconds / 1000) <= step / 2 + 0.001;
}

/** Compares a capture's trace model with tshark's reading, frame by frame: the counts, and the differences we do not explain (each named by its frame). */
function compare(path: string, name: string): { counts: Counts; unexplained: string[] } | undefined {
  const { document, messages, frames } = capturedDocument(readFileSync(path));
  if (messages.length === 0) return undefined;
  const tshark = tsharkTransactions(path, TSHARK_DECODE_AS[name]);
  const byCallId = new Map<string, TsharkSip[]>();
  for (const frame of tshark.values()) {
    const call = byCallId.get(frame.callId);
    if (call) call.push(frame);
    else byCallId.set(frame.callId, [frame]);
  }
  const got: Counts = { responses: [0, 0], acksAndCancels: [0, 0], neither: 0, times: 0, resends: [0, 0] };
  const differ: Partial<Record<Kind, number>> = {};
  const unexplainedFrames: string[] = [];
  const frameAt = (line: number) => frames[messageStartingAt(messages, line)!];
  messages.forEach((message, index) => {
    const frame = frames[index];
    const dissected = tshark.get(frame);
    assert.ok(dissected, `tshark reads frame ${frame} as SIP`);
    const unexplained = (what: string) => unexplainedFrames.push(`frame ${frame}: ${what}`);
    const { model, index: inModel } = document.traceAround(index);
    const hover = message.kind === 'response' ? hoverFacts(document, message) : {};
    const retransmission = model.roles[inModel].retransmission;
    if (retransmission || dissected.resend) {
      got.resends[0]++;
      const original = hover.retransmissionOf === undefined ? undefined : frameAt(hover.retransmissionOf - 1);
      if (retransmission && dissected.resend && (message.kind === 'request' || original === dissected.resendOf)) got.resends[1]++;
      else if (retransmission && !dissected.resend && (dissected.status ?? 200) < 200) differ['provisional copy'] = (differ['provisional copy'] ?? 0) + 1;
      else unexplained(`retransmission ours ${retransmission} (of ${original}), tshark's ${dissected.resend} (of ${dissected.resendOf})`);
    }
    if (message.kind === 'request' && message.method !== 'ACK' && message.method !== 'CANCEL') return;
    const request = definitionOf(document, messages, index);
    const ours = request === undefined ? undefined : tshark.get(frames[request]);
    const call = byCallId.get(dissected.callId) ?? [];
    // Whatever tshark pairs it with: our request has the message's keys, is no retransmission, and is missing only when no request has them.
    if (ours) {
      if (!pairs(dissected, ours) || ours.resend) unexplained(`our request, frame ${ours.frame}, does not have its keys`);
    } else if (call.some((candidate) => pairs(dissected, candidate))) {
      unexplained('no definition, though a request with its keys was captured');
    }
    if (message.kind === 'response') {
      assert.equal(hover.line, request === undefined ? undefined : messages[request].startLine + 1, `the hover and the definition of line ${message.startLine + 1} name one request`);
    }
    const counts = message.kind === 'response' ? got.responses : got.acksAndCancels;
    counts[0]++;
    if (ours?.frame === dissected.requestFrame) {
      counts[1]++;
      if (ours === undefined) got.neither++;
      if (hover.seconds !== undefined && dissected.responseTime !== undefined) {
        got.times++;
        // tshark cuts the time to whole milliseconds, from the seconds and the nanoseconds apart: within 1 ms of the framing's times.
        const milliseconds = (message.time! - messages[request!].time!) * 1000;
        if (!closeEnough(hover.seconds, dissected.responseTime) || Math.abs(milliseconds - dissected.responseTime) >= 1) {
          unexplained(`${hover.seconds} s later (${milliseconds} ms), tshark's ${dissected.responseTime} ms`);
        }
      }
      return;
    }
    const kind = definitionDifference(dissected, ours, dissected.requestFrame === undefined ? undefined : tshark.get(dissected.requestFrame), call);
    if (kind) differ[kind] = (differ[kind] ?? 0) + 1;
    else unexplained(`our request ${ours?.frame}, tshark's ${dissected.requestFrame}`);
  });
  return { counts: Object.keys(differ).length > 0 ? { ...got, differ } : got, unexplained: unexplainedFrames };
}

test('every capture named by this oracle is in the corpus (a renamed one would go unchecked)', () => {
  const names = corpusFiles('pcap').map((f) => f.name).filter((name) => name !== 'MANIFEST.tsv');
  for (const name of Object.keys(NOT_COMPARED)) assert.ok(names.includes(name), name);
  for (const name of Object.keys(EXPECTED)) assert.ok(names.includes(name), name);
});

for (const { name, path } of corpusFiles('pcap')) {
  if (name === 'MANIFEST.tsv' || name in NOT_COMPARED) continue;
  test(`transaction oracle: ${name}`, () => {
    const got = compare(path, name);
    assert.deepEqual(got?.unexplained ?? [], [], 'differences from tshark that no RFC rule explains');
    const reasons = Object.keys(got?.counts.differ ?? {}).map((kind) => `${kind}: ${DIFFERENCES[kind as Kind]}`);
    assert.deepEqual(got?.counts, EXPECTED[name], reasons.join('\n'));
  });
}

/** Each message's definition (the index of the request it goes to, '-' for none), with 'r' when it is a retransmission. */
function marks(name: string): string[] {
  const { document, messages } = capturedDocument(readFileSync(corpusFiles('pcap').find((f) => f.name === name)!.path));
  return messages.map((_, index) => {
    const { model, index: inModel } = document.traceAround(index);
    return `${definitionOf(document, messages, index) ?? '-'}${model.roles[inModel].retransmission ? 'r' : ''}`;
  });
}

test('the HEP captures, which tshark cannot read, checked by hand', () => {
  // INVITE, 100, 407, OPTIONS, 200, PUBLISH: the OPTIONS reuses the INVITE's branch, and its CSeq method tells the 200's request (RFC 3261 17.1.3).
  assert.deepEqual(marks('hep-wireshark__hep.pcap'), ['-', '0', '0', '-', '3', '-']);
  // The collector got each packet three times (one time, one pair of ends): the second and third copies are retransmissions. REGISTER to
  // the proxy, forwarded to 5070, 401 back from 5070 to the proxy and from the proxy to the client; REGISTER with credentials, forwarded, 200.
  assert.deepEqual(marks('hep-wireshark__hep3_compressed.pcapng'), [
    '-', '-r', '-r', '-', '-r', '-r', '3', '3r', '3r', '0', '0r', '0r', '-', '-r', '-r', '-', '-r', '-r', '15', '15r', '15r',
  ]);
});
