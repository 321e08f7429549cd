import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { captureToTrace } from '../../server/src/capture';
import { decodeAll, english, messagesByFrame, TSHARK_DECODE_AS, tsharkMessages } from '../support/captureOracle';
import { corpusFiles } from '../support/corpus';

/**
 * tshark as the oracle: for every corpus capture, the SIP messages we decode (first line, Call-ID,
 * CSeq, frame by frame) equal the ones tshark dissects.
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

for (const { name, path } of corpusFiles('pcap')) {
  if (name === 'MANIFEST.tsv') continue;
  test(`capture oracle: ${name}`, () => {
    const { records, result } = decodeAll(readFileSync(path));
    const got = { frames: messagesByFrame(records), error: result.error && english(result.error) };
    const byHand = BY_HAND[name];
    if (byHand) {
      if (byHand.error) assert.match(got.error ?? '', byHand.error, byHand.why);
      else assert.equal(got.error, undefined);
      if (byHand.messages !== undefined) assert.equal(records.length, byHand.messages, byHand.why);
      return;
    }
    assert.equal(got.error, undefined);
    assert.deepEqual(got.frames, tsharkMessages(path, TSHARK_DECODE_AS[name]));
  });
}

test('the trace of a capture: ngrep framing, UTC microseconds, capture order', () => {
  const { text, result } = captureToTrace(readFileSync(corpusFiles('pcap').find((f) => f.name === 'pkts__cancel.pcap')!.path));
  assert.equal(result.error, undefined);
  const headers = text.split('\n').filter((line) => /^[UTSWH] \d{4}\//.test(line));
  assert.equal(headers.length, 7);
  for (const header of headers) assert.match(header, /^U \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} \d+\.\d+\.\d+\.\d+:\d+ -> \d+\.\d+\.\d+\.\d+:\d+$/);
});
