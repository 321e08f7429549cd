import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { captureToTrace } from '../../server/src/capture';
import { streamFile } from '../../server/src/files/captureTrace';
import { FastTraceStream } from '../../server/src/files/fastTraceStream';
import { TraceStream, type MessageSink, type TextStream } from '../../server/src/files/traceStream';
import { FRAMING_READERS } from '../../server/src/service/trace/framing';
import type { SipMessage } from '../../server/src/service/trace/types';
import { corpusFiles, sharedRoot } from '../support/corpus';

/**
 * The byte reader of files read for their calls (FastTraceStream) against the line reader
 * (TraceStream): the very same message records, anchors, lines and bytes, on every trace, log and
 * capture of the corpus, on ngrep framings the corpus lacks and on every way a packet leaves what
 * the byte reader reads itself (it hands such packets to TraceStream).
 */

interface Read {
  records: (SipMessage & { anchorLine: number; anchorOffset: number })[];
  end: { lines: number; bytes: number };
}

/** `bytes` read by a reader, in chunks pushed from one buffer overwritten after each (as readChunks hands them). */
function readWith(make: (sink: MessageSink) => TextStream, bytes: Buffer, chunk = bytes.length): Read & { stream: TextStream } {
  const records: Read['records'] = [];
  const stream = make((message, anchorLine, anchorOffset) => records.push({ ...message, anchorLine, anchorOffset }));
  const size = Math.max(1, chunk);
  const reused = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const length = bytes.copy(reused, 0, at, at + size);
    stream.push(reused.subarray(0, length));
    reused.fill(0x23);
  }
  return { records, end: stream.end(), stream };
}

/** Both readers on `bytes`, the byte reader fed in chunks of each size: equal; how many packets the byte reader read itself. */
function assertSameRecords(bytes: Buffer, name: string, chunks: readonly number[] = [bytes.length]): number {
  const expected = readWith((sink) => new TraceStream(sink), bytes);
  let packets = 0;
  for (const chunk of chunks) {
    const { records, end, stream } = readWith((sink) => new FastTraceStream(sink), bytes, chunk);
    assert.deepEqual({ records, end }, { records: expected.records, end: expected.end }, `${name} (chunks of ${chunk} bytes)`);
    packets = (stream as FastTraceStream).packetsReadAsBytes;
  }
  return packets;
}

/** The decoded text of a corpus capture (ngrep framing, CRLF inside messages). */
function decoded(name: string): string {
  return captureToTrace(readFileSync(join(sharedRoot, 'corpus', 'pcap', name))).text;
}

test('every corpus trace, log and capture read from disk: the same records and anchors as the line reader', async () => {
  let files = 0;
  let fastPackets = 0;
  for (const folder of ['sip-traces', 'sip-torture', 'logs', 'pcap']) {
    for (const file of corpusFiles(folder)) {
      const read = async (stream: TextStream, records: Read['records']) => {
        const streamed = await streamFile(file.path, stream).catch((error: Error) => ({ error: error.message, lines: 0, bytes: 0, dispose: () => undefined }));
        streamed.dispose();
        return { records, lines: streamed.lines, bytes: streamed.bytes, error: 'error' in streamed ? streamed.error : undefined };
      };
      const old: Read['records'] = [];
      const fresh: Read['records'] = [];
      const fast = new FastTraceStream((message, anchorLine, anchorOffset) => fresh.push({ ...message, anchorLine, anchorOffset }));
      const expected = await read(new TraceStream((message, anchorLine, anchorOffset) => old.push({ ...message, anchorLine, anchorOffset })), old);
      assert.deepEqual(await read(fast, fresh), expected, file.name);
      fastPackets += fast.packetsReadAsBytes;
      files++;
    }
  }
  assert.ok(files > 100, `${files} files`);
  assert.ok(fastPackets > 9000, `${fastPackets} packets of the captures read as bytes`);
});

test('decoded captures in every line ending and ngrep rendering, fed in chunks of any size: the same records', () => {
  const texts = ['pkts__cancel.pcap', 'heplify__sip_ipv4_tcp_fragmented.pcap', 'sipnab__sip-488-codec-reject.pcapng', 'heplify__sip_tcp_websocket.pcap'].map(decoded);
  const text = texts.join('');
  const variants: Record<string, string> = {
    'as decoded (CRLF in messages, LF after framing lines)': text,
    'LF only': text.replace(/\r\n/g, '\n'),
    'CRLF only': text.replace(/\r?\n/g, '\r\n'),
    'lone CR': text.replace(/\r?\n/g, '\r'),
    'ngrep -W byline (CR printed as ".")': text.replace(/\r\n/g, '.\n'),
    'no blank line between packets': text.replace(/\r\n\n\n/g, '\r\n\n'),
    'CRLF at the end of the file': `${text}\r\n`,
    'no line break at the end of the file': text.trimEnd(),
  };
  for (const [name, variant] of Object.entries(variants)) {
    const bytes = Buffer.from(variant, 'utf8');
    const packets = assertSameRecords(bytes, name, [bytes.length, 4096, 777, 64]);
    assert.ok(packets > 100, `${name}: ${packets} packets read as bytes`);
  }
  const small = Buffer.from(decoded('pkts__cancel.pcap').replace(/\r\n/g, '.\n'), 'utf8');
  assertSameRecords(small, 'byte by byte', [1, 2, 3, 5, 13]);
});

const FRAME = 'U 2024/05/06 10:00:01.123456 10.0.0.1:5060 -> 10.0.0.2:5060';

function invite(callId: string, extra: readonly string[] = [], body: readonly string[] = []): string {
  const bodyText = body.map((line) => `${line}\r\n`).join('');
  return [
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1',
    'From: "Alice" <sip:alice@example.com>;tag=a1',
    'To: <sip:bob@example.com>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    ...extra,
    `Content-Length: ${Buffer.byteLength(bodyText)}`,
    '',
    bodyText,
  ].join('\r\n');
}

const BUSY = [
  'SIP/2.0 486 Busy Here',
  'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1',
  'From: "Alice" <sip:alice@example.com>;tag=a1',
  'To: <sip:bob@example.com>;tag=b1',
  'Call-ID: ID',
  'CSeq: 1 INVITE',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

test('packets the byte reader hands to the line reader, and framings it does not read: the same records as the line reader', () => {
  const packet = (body: string, frame = FRAME) => `${frame}\n${body}\n`;
  const cases: Record<string, string> = {
    'a header holding a framing line of another reader': packet(invite('c1', ['Subject: in udp 10.0.0.9:5060 -> 10.0.0.8:5060'])),
    'a header holding a status line (a second message of the packet)': packet(invite('c2', ['X-Note: SIP/2.0 486 Busy Here'])),
    'two messages in one packet': packet(`${invite('c3')}${BUSY.replace('ID', 'c3')}`),
    'a folded header': packet(invite('c4', ['Subject: first', ' second', '\tthird'])),
    'a line of blanks after the start line': packet(invite('c5').replace('SIP/2.0\r\n', 'SIP/2.0\r\n   \r\n')),
    'a sipfrag body': packet(invite('c6', ['Content-Type: message/sipfrag'], ['SIP/2.0 200 OK', 'CSeq: 1 INVITE'])),
    'an SDP body with a blank line inside its length': packet(invite('c7', ['Content-Type: application/sdp'], ['v=0', '', 'o=- 1 1 IN IP4 10.0.0.1', 's=-'])),
    'a body longer than its Content-Length': `${packet(invite('c8', [], ['v=0']))}o=junk\r\nmore junk\r\n`,
    'no Content-Length': packet(invite('c9').replace(/Content-Length: 0\r\n/, '')),
    'ngrep "####" lines': `${packet(invite('c10'))}####\n${BUSY.replace('ID', 'c10')}\n`,
    'a page break in a message': packet(invite('c11').replace('CSeq: 1 INVITE\r\n', 'CSeq: 1 INVITE\r\n\r\nJohnston, et al.  Best Current Practice [Page 12]\r\n\fRFC 3665  SIP Basic Call Flow Examples\r\n\r\n')),
    'compact and lower-case header names, odd blanks': packet(invite('x').replace('Call-ID: x', 'i :  c12 \t').replace('From:', 'f:').replace('To:', 'TO:').replace('Via:', 'v:').replace('CSeq:', 'cseq:')),
    'duplicate headers (the first counts)': packet(invite('c13', ['Call-ID: other', 'From: <sip:mallory@x>;tag=m', 'CSeq: 9 BYE', 'Via: SIP/2.0/TCP 10.9.9.9;branch=z9hG4bK-9'])),
    'values that do not read': packet(invite('c14').replace('CSeq: 1 INVITE', 'CSeq: INVITE').replace(/Via: [^\r]*/, 'Via: junk').replace('Content-Length: 0', 'Content-Length: x')),
    'an empty Call-ID, blanks around values': packet(invite('').replace('To: <sip:bob@example.com>', 'To:   <sip:bob@example.com>  \v')),
    'UTF-8 names and values': packet(invite('c15-é').replace('"Alice"', '"Zoë Ærø 中文"').replace('sip:bob@', 'sip:björn@')),
    'non-breaking and other Unicode blanks at value ends': packet(invite('\u00a0c16\u2003').replace('tag=a1', 'tag=a1\u00a0')),
    'a request line glued to junk': packet(invite('c17').replace('INVITE sip', 'xx..INVITE sip')),
    'a header line that is no header': packet(invite('c18').replace('CSeq: 1 INVITE', 'this is no header\r\nCSeq: 1 INVITE')),
    'a long header line': packet(invite('c19', [`X-Long: ${'a'.repeat(70_000)}`])),
    'a packet over a megabyte': packet(invite('c20', ['Content-Type: text/plain'], Array.from({ length: 12_000 }, (_, i) => `line ${i} ${'x'.repeat(90)}`))),
    'a framing line with no message for 300 lines, then one': `${FRAME}\n${'junk\n'.repeat(300)}${invite('c21')}\n`,
    'framing lines the byte reader does not take': [
      packet(invite('c22'), 'U 2024/05/06 10:00:01.1234567890 10.0.0.1:5060 -> 10.0.0.2:5060'),
      packet(invite('c23'), 'U 10.0.0.1:5060 -> 10.0.0.2:5060'),
      packet(invite('c24'), 'T 2024/05/06 10:00:02 [2001:db8::1]:5060 -> [2001:db8::2]:5060 [AP]'),
      packet(invite('c25'), '2024/05/06 10:00:03.5 10.0.0.1:5060 -> 10.0.0.2:5060'),
      packet(invite('c26'), 'U 2024/05/06 10:00:04.5 10.0.0.1:5060 -> 10.0.0.2:5060.'),
      packet(invite('c27'), 'U 2024/05/06 10:00:05.5 host:port -> 10.0.0.2:5060'),
    ].join(''),
    'framing lines it takes: other letters, IPv6, no fraction, 9 digits': [
      packet(invite('c28'), 'X 2024/05/06 10:00:01 10.0.0.1:5060 -> 10.0.0.2:5060'),
      packet(invite('c29'), 'S 2024/13/40 25:61:61.000000001 [2001:DB8::1]:5060 -> [::1]:5061'),
      packet(BUSY.replace('ID', 'c28'), 'W 1969/12/31 23:59:59.999999999 a.example:5060 -> 10.0.0.1:1'),
    ].join(''),
    // Fractions are read as their digits over a power of ten, dates compared byte by byte with the last one's: as Number() and Date.UTC read them.
    'fractions of 1 to 9 digits, dates that change in one field at a time': [
      ...Array.from({ length: 9 }, (_, n) => packet(invite(`f${n}`), `U 2024/05/06 10:00:0${n}.${'987654321'.slice(0, n + 1)} 10.0.0.1:5060 -> 10.0.0.2:5060`)),
      ...['2023/05/06 10:00:09.3', '2023/04/06 10:00:09.3', '2023/04/07 10:00:09.3', '2023/04/07 11:00:09.3', '2023/04/07 11:01:09.3', '2023/04/07 11:01:09.3000', '2023/04/07 11:01:09.000000001']
        .map((date, n) => packet(BUSY.replace('ID', `f${n}`), `U ${date} 10.0.0.2:5060 -> 10.0.0.1:5060`)),
    ].join(''),
    // The lines looked at closely are found by where each match ends: overlapping cues, cues that touch a "/2.0".
    'cues that overlap and touch "/2.0"': packet(invite('c35', ['Subject: ------------------- -> /2.0 =========================<----Transmitting/2.0', 'X-A:  > > > -> -> bytes bytes /2.0/2.0 Frame Frame /2.0'])),
    'a status line after overlapping cues': `${packet(invite('c36', ['X-B: ----------------------']))}${packet(`${BUSY.replace('ID', 'c36').replace('SIP/2.0 486', '----------- -> SIP/2.0 486')}`)}`,
    'text before the first framing line (pjsip logger)': `<--- Received SIP request (300 bytes) from UDP:10.0.0.5:5060 --->\n${invite('c30')}\n${packet(invite('c31'))}`,
    'other framings only (FreeSWITCH siptrace)': `recv 300 bytes from udp/[10.0.0.1]:5060 at 16:49:33.907291:\n${'-'.repeat(76)}\n${invite('c32')}${'-'.repeat(76)}\n`,
    'a frame line then an unframed message after "####"': `${packet(invite('c33'))}#\n${invite('c34')}\n`,
    'framing lines only': `${FRAME}\n${FRAME}\n\n${FRAME}`,
    'empty': '',
  };
  for (const [name, text] of Object.entries(cases)) {
    const bytes = Buffer.from(text, 'utf8');
    assertSameRecords(bytes, name, [bytes.length, 4096, 333, 7]);
    const bytesLf = Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8');
    assertSameRecords(bytesLf, `${name} (LF)`, [bytesLf.length, 1000]);
  }
});

test('no framing cue holds a "/" or a line break, nor starts with a character of "2.0" (the byte reader tells "/2.0" from cues by the end of a match)', () => {
  for (const reader of FRAMING_READERS) {
    for (const cue of reader.cues) assert.ok(!/[/\r\n]/.test(cue) && !/^[2.0]/.test(cue), `${reader.id}: ${JSON.stringify(cue)}`);
  }
});

test('bytes that are no UTF-8 and control characters in packets: the same records as the line reader', () => {
  const text = `${FRAME}\n${invite('bad')}\n${FRAME}\n${BUSY.replace('ID', 'bad')}\n`;
  const bytes = Buffer.from(text, 'latin1');
  for (const at of [text.indexOf('Alice'), text.indexOf('bad'), text.indexOf('tag=b1'), text.indexOf('Busy')]) {
    const broken = Buffer.from(bytes);
    broken[at] = 0xc3;
    broken[at + 1] = 0x28;
    assertSameRecords(broken, `invalid UTF-8 at ${at}`, [broken.length, 5]);
    const control = Buffer.from(bytes);
    control[at] = 0x0b;
    control[at + 1] = 0x00;
    assertSameRecords(control, `control characters at ${at}`, [control.length, 5]);
  }
});

test('mutated ngrep traces (lines dropped, doubled, cut, junk inserted): the same records as the line reader, in bounded time', () => {
  const lines = decoded('pkts__cancel.pcap').split('\n');
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const junk = ['', '.', '#', '####', ' -> ', 'SIP/2.0 200 OK', 'INVITE sip:x SIP/2.0', 'Content-Length: 99', ' folded', 'v=0', '\f', '[Page 1]', FRAME, 'Call-ID: z'];
  for (let round = 0; round < 150; round++) {
    const mutated = [...lines];
    for (let k = 0; k < 4; k++) {
      const at = random(mutated.length);
      switch (random(4)) {
        case 0: mutated.splice(at, 1); break;
        case 1: mutated.splice(at, 0, mutated[at]); break;
        case 2: mutated[at] = mutated[at].slice(0, random(mutated[at].length + 1)); break;
        default: mutated.splice(at, 0, junk[random(junk.length)]);
      }
    }
    const bytes = Buffer.from(mutated.join(random(2) === 0 ? '\n' : '\r\n'), 'utf8');
    assertSameRecords(bytes, `round ${round}`, [bytes.length, 1 + random(5000)]);
  }
});

test('hostile text holds the byte reader to a bounded buffer: a 40 MB line, a 6 MB packet, a line of a million "/2.0", a frame line for every line', () => {
  const mb = 1024 * 1024;
  const parts: [string, Buffer][] = [
    ['a 40 MB line', Buffer.concat([Buffer.from(`${FRAME}\n${invite('h1')}\nX`), Buffer.alloc(40 * mb, 0x61), Buffer.from(`\n${FRAME}\n${BUSY.replace('ID', 'h1')}\n`)])],
    ['a 6 MB packet', Buffer.from(`${FRAME}\n${invite('h2', ['Content-Type: text/plain'], Array.from({ length: 60_000 }, () => 'y'.repeat(100)))}\n`)],
    ['a line of a million "/2.0"', Buffer.from(`${FRAME}\n${invite('h3', [`X: ${'/2.0'.repeat(1_000_000)}`])}\n`)],
    ['framing lines only, 200,000 of them', Buffer.from(`${FRAME}\n`.repeat(200_000))],
  ];
  for (const [name, bytes] of parts) {
    const expected = readWith((sink) => new TraceStream(sink), bytes);
    const { records, end, stream } = readWith((sink) => new FastTraceStream(sink), bytes, mb);
    assert.deepEqual({ records, end }, { records: expected.records, end: expected.end }, name);
    assert.ok((stream as FastTraceStream).heldBytes <= 16 * mb, `${name}: holds ${(stream as FastTraceStream).heldBytes} bytes`);
  }
});
