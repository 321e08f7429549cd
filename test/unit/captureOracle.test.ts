import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { captureToTrace, type SipRecord } from '../../server/src/capture';
import { CaptureDecoder } from '../../server/src/capture/decoder';
import { corpusFiles } from '../support/corpus';

/**
 * tshark as the oracle: for every corpus capture, the SIP messages we decode (first line, Call-ID,
 * CSeq, by frame) equal the ones tshark dissects. tshark prints a frame's several messages as
 * comma-joined occurrences of each field, so both sides are compared frame by frame as sorted lists
 * of first lines, Call-IDs and CSeqs.
 */

/** Where tshark is no oracle, what we expect instead, and why. */
const BY_HAND: Record<string, { error?: RegExp; messages?: number; why: string }> = {
  'sipnab__c07-sip-r2.cap': {
    error: /^this is a Microsoft Network Monitor capture, which SIP Sense does not read \(supported: pcap/,
    why: 'tshark reads Network Monitor files; SIP Sense reads pcap and pcapng only and says what the file is',
  },
  'pkts__cool.pcap': {
    error: /^damaged pcap: record 1 claims 587333632 bytes/,
    why: 'tshark refuses it too ("damaged or corrupt"): its big-endian header does not match its little-endian records',
  },
  'hep-wireshark__hep.pcap': {
    messages: 6,
    why: 'tshark has no HEP dissector; by hand from the chunks of its 8 HEP3 packets: 6 carry SIP, one a log and one an RTCP report (checked message by message in captureHepSctp.test.ts)',
  },
  'hep-wireshark__hep3_compressed.pcapng': {
    messages: 21,
    why: 'tshark has no HEP dissector; by hand: 21 HEP3 packets, each a compressed SIP message (checked in captureHepSctp.test.ts)',
  },
};

/** Captures whose SIP is on a port tshark does not try SIP on: it is told to (Decode As). */
const DECODE_AS: Record<string, readonly string[]> = {
  'heplify__sip_ipv4_tcp_fragmented.pcap': ['-d', 'tcp.port==6060,sip'],
};

interface FrameMessages { lines: string[]; callIds: string[]; cseqs: string[] }

function tshark(path: string, decodeAs: readonly string[] = []): Map<number, FrameMessages> {
  const run = spawnSync('tshark', [...decodeAs, '-r', path, '-Y', 'sip', '-T', 'fields', '-e', 'frame.number', '-e', 'sip.Request-Line', '-e', 'sip.Status-Line', '-e', 'sip.Call-ID', '-e', 'sip.CSeq', '-E', 'occurrence=a', '-E', 'separator=/t', '-E', 'aggregator=\u0001'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.error, undefined, 'tshark must be installed (apt-get install tshark)');
  const frames = new Map<number, FrameMessages>();
  for (const line of run.stdout.split('\n')) {
    if (!line) continue;
    const [frame, requests, statuses, callIds, cseqs] = line.split('\t');
    const list = (field: string | undefined) => (field ? field.split('\u0001') : []);
    frames.set(Number(frame), {
      lines: [...list(requests), ...list(statuses)].sort(), callIds: list(callIds).sort(), cseqs: list(cseqs).sort(),
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

function ours(bytes: Uint8Array): { frames: Map<number, FrameMessages>; error?: string } {
  const records: SipRecord[] = [];
  const decoder = new CaptureDecoder({ onRecord: (record) => records.push(record) });
  decoder.push(bytes);
  const result = decoder.end();
  const frames = new Map<number, FrameMessages>();
  for (const record of records) {
    const text = Buffer.from(record.bytes).toString('latin1');
    const entry = frames.get(record.frame) ?? { lines: [], callIds: [], cseqs: [] };
    entry.lines.push(text.split(/\r?\n/, 1)[0]);
    const callId = headerValue(text, /^(call-id|i)$/i);
    const cseq = headerValue(text, /^cseq$/i);
    if (callId !== undefined) entry.callIds.push(callId);
    if (cseq !== undefined) entry.cseqs.push(cseq);
    frames.set(record.frame, entry);
  }
  for (const entry of frames.values()) {
    entry.lines.sort();
    entry.callIds.sort();
    entry.cseqs.sort();
  }
  return { frames, error: result.error };
}

for (const { name, path } of corpusFiles('pcap')) {
  if (name === 'MANIFEST.tsv') continue;
  test(`capture oracle: ${name}`, () => {
    const bytes = readFileSync(path);
    const got = ours(bytes);
    const byHand = BY_HAND[name];
    if (byHand) {
      if (byHand.error) assert.match(got.error ?? '', byHand.error, byHand.why);
      else assert.equal(got.error, undefined);
      if (byHand.messages !== undefined) assert.equal([...got.frames.values()].reduce((n, f) => n + f.lines.length, 0), byHand.messages, byHand.why);
      return;
    }
    assert.equal(got.error, undefined);
    const expected = tshark(path, DECODE_AS[name]);
    assert.deepEqual(Object.fromEntries(got.frames), Object.fromEntries(expected));
  });
}

test('the trace of a capture: ngrep framing, UTC microseconds, capture order', () => {
  const { text, result } = captureToTrace(readFileSync(corpusFiles('pcap').find((f) => f.name === 'pkts__cancel.pcap')!.path));
  assert.equal(result.error, undefined);
  const headers = text.split('\n').filter((line) => /^[UTSWH] \d{4}\//.test(line));
  assert.equal(headers.length, 7);
  for (const header of headers) assert.match(header, /^U \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} \d+\.\d+\.\d+\.\d+:\d+ -> \d+\.\d+\.\d+\.\d+:\d+$/);
});
