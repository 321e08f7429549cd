import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TcpDecoder } from '../../server/src/capture/tcp';
import { CLIENT, cut, request, response, run, SERVER, sip, tcpSegment } from '../support/segments';

/** TCP reassembly and SIP framing, on synthetic segments. */

const ISN = 1000;

function stream(text: string, pieces: readonly number[], start = ISN): ReturnType<typeof tcpSegment>[] {
  let seq = start;
  return cut(sip(text), pieces).map((piece) => {
    const segment = tcpSegment(seq, piece);
    seq += piece.length;
    return segment;
  });
}

test('several messages in one segment, and one message over many segments', () => {
  const text = request('INVITE', 1, 'v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n') + request('ACK', 1) + request('BYE', 2);
  const { texts } = run(new TcpDecoder(), [tcpSegment(ISN - 1, '', { syn: true }), ...stream(text, [5, 17, 40, 41, 90, 200])]);
  assert.deepEqual(texts, [request('INVITE', 1, 'v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n'), request('ACK', 1), request('BYE', 2)]);
});

test('the record of a message is the segment that completes it', () => {
  const text = request('OPTIONS', 1);
  const segments = stream(text, [10]);
  const { records } = run(new TcpDecoder(), segments);
  assert.equal(records.length, 1);
  assert.equal(records[0].frame, segments[1].frame);
  assert.deepEqual(records[0].time, segments[1].time);
  assert.equal(records[0].transport, 'TCP');
  assert.deepEqual([records[0].src, records[0].dst], [CLIENT, SERVER]);
});

test('out-of-order, retransmitted and overlapping segments give each message once, in order', () => {
  const text = request('INVITE', 1, 'x'.repeat(300)) + response(200, 1);
  const bytes = sip(text);
  const segments = [
    tcpSegment(ISN - 1, '', { syn: true }),
    tcpSegment(ISN + 100, bytes.subarray(100, 250)),
    tcpSegment(ISN, bytes.subarray(0, 120)),
    tcpSegment(ISN, bytes.subarray(0, 120)),
    tcpSegment(ISN + 240, bytes.subarray(240)),
    tcpSegment(ISN + 50, bytes.subarray(50, 300)),
  ];
  const { texts } = run(new TcpDecoder(), segments);
  assert.deepEqual(texts, [request('INVITE', 1, 'x'.repeat(300)), response(200, 1)]);
});

test('any order of any cut of a stream gives the same messages (property)', () => {
  const text = request('REGISTER', 1) + '\r\n\r\n' + response(401, 1, 'REGISTER') + request('REGISTER', 2, 'body') + response(200, 2, 'REGISTER');
  const expected = [request('REGISTER', 1), response(401, 1, 'REGISTER'), request('REGISTER', 2, 'body'), response(200, 2, 'REGISTER')];
  const length = sip(text).length;
  fc.assert(fc.property(
    fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 20 }),
    fc.array(fc.nat(), { maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 5 }),
    (points, order, repeats) => {
      const segments = [tcpSegment(0xfffffeff, '', { syn: true }), ...stream(text, points, 0xffffff00)];
      // Shuffle (the wrap of the 32-bit sequence number falls inside the stream) and repeat some.
      for (let i = 0; i < order.length && segments.length > 2; i++) {
        const a = 1 + (order[i] % (segments.length - 1));
        const b = 1 + (a % (segments.length - 1));
        [segments[a], segments[b]] = [segments[b], segments[a]];
      }
      for (const r of repeats) segments.push(segments[r % segments.length]);
      const { texts, records } = run(new TcpDecoder(), segments);
      assert.deepEqual(texts, expected);
      assert.ok(records.every((r) => !r.truncated));
    },
  ), { numRuns: 200, seed: 5060 });
});

test('CRLF keep-alives between messages are skipped', () => {
  const text = '\r\n\r\n' + request('OPTIONS', 1) + '\r\n' + '\r\n\r\n' + response(200, 1, 'OPTIONS');
  const { texts } = run(new TcpDecoder(), stream(text, [2, 4]));
  assert.deepEqual(texts, [request('OPTIONS', 1), response(200, 1, 'OPTIONS')]);
});

test('a message cut off by the end of the capture is emitted as truncated', () => {
  const whole = request('INVITE', 1, 'y'.repeat(100));
  const { records } = run(new TcpDecoder(), stream(request('ACK', 1) + whole.slice(0, 150), [30]));
  assert.equal(records.length, 2);
  assert.ok(!records[0].truncated);
  assert.equal(records[1].truncated, true);
  assert.equal(Buffer.from(records[1].bytes).toString('latin1'), whole.slice(0, 150));
});

test('a capture that starts in the middle of a message resynchronises at the next start line', () => {
  const text = request('INVITE', 1, 'z'.repeat(40)).slice(20) + response(100, 1);
  const { texts, stats } = run(new TcpDecoder(), stream(text, [7]));
  assert.deepEqual(texts, [response(100, 1)]);
  assert.ok((stats.skipped.tcpJunk ?? 0) > 0);
});

test('a lost segment: the message it belonged to is truncated, the next ones are found', () => {
  const first = request('INVITE', 1, 'b'.repeat(200));
  const text = first + response(180, 1) + response(200, 1);
  const bytes = sip(text);
  const segments = [tcpSegment(ISN, bytes.subarray(0, 100)), tcpSegment(ISN + 150, bytes.subarray(150))];
  const { records, stats } = run(new TcpDecoder(), segments);
  const texts = records.map((r) => Buffer.from(r.bytes).toString('latin1'));
  assert.equal(records[0].truncated, true);
  assert.deepEqual(texts.slice(1), [response(180, 1), response(200, 1)]);
  assert.equal(stats.skipped.tcpGaps, 1);
});

test('FIN closes a direction (its cut message is emitted then); a retransmission after it is not a new stream', () => {
  const text = request('BYE', 2);
  const bytes = sip(text);
  const segments = [
    tcpSegment(ISN, bytes.subarray(0, 40)),
    tcpSegment(ISN + 40, '', { fin: true }),
    tcpSegment(ISN, bytes.subarray(0, 40)),
  ];
  const decoder = new TcpDecoder();
  const emitted: string[] = [];
  const stats = { frames: 0, sipMessages: 0, skipped: {}, tlsFlows: 0, notes: [] };
  decoder.accept(segments[0], (r) => emitted.push(Buffer.from(r.bytes).toString('latin1')), stats);
  assert.equal(emitted.length, 0);
  decoder.accept(segments[1], (r) => emitted.push(Buffer.from(r.bytes).toString('latin1')), stats);
  assert.deepEqual(emitted, [text.slice(0, 40)]);
  decoder.accept(segments[2], (r) => emitted.push(Buffer.from(r.bytes).toString('latin1')), stats);
  decoder.flush((r) => emitted.push(Buffer.from(r.bytes).toString('latin1')), stats);
  assert.equal(emitted.length, 1);
});

test('the two directions of a connection are reassembled apart; a new SYN on the same ports starts a new stream', () => {
  const segments = [
    tcpSegment(ISN - 1, '', { syn: true }),
    tcpSegment(9000, response(100, 1).slice(0, 10), {}, SERVER, CLIENT),
    ...stream(request('INVITE', 1), [30]),
    tcpSegment(9010, response(100, 1).slice(10), {}, SERVER, CLIENT),
    tcpSegment(5000, '', { syn: true }),
    tcpSegment(5001, request('INVITE', 7)),
  ];
  const { texts } = run(new TcpDecoder(), segments);
  assert.deepEqual(texts, [request('INVITE', 1), response(100, 1), request('INVITE', 7)]);
});

test('a Content-Length of gigabytes: the message is cut at the cap and the rest of the stream is not held', () => {
  const head = 'MESSAGE sip:a@b SIP/2.0\r\nCall-ID: big\r\nCSeq: 1 MESSAGE\r\nContent-Length: 4000000000\r\n\r\n';
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const segments = [tcpSegment(0, head)];
  let seq = sip(head).length;
  for (let i = 0; i < 80; i++) {
    segments.push(tcpSegment(seq, chunk));
    seq += chunk.length;
  }
  const { records, stats } = run(new TcpDecoder(), segments);
  assert.equal(records.length, 1);
  assert.equal(records[0].truncated, true);
  assert.equal(records[0].bytes.length, 2 * 1024 * 1024);
  assert.ok((stats.skipped.tcpDropped ?? 0) > 0);
});

test('a stream that is not SIP is skipped and counted once, without holding its bytes', () => {
  const chunk = new Uint8Array(10_000).fill(0x42);
  const segments = Array.from({ length: 50 }, (_, i) => tcpSegment(i * chunk.length, chunk, {}, { address: '10.0.0.9', port: 80 }, CLIENT));
  const { records, stats } = run(new TcpDecoder(), segments);
  assert.equal(records.length, 0);
  assert.equal(stats.skipped.tcpNotSip, 1);
});

test('TLS: a ClientHello and the server records count one flow, nothing is emitted', () => {
  const hello = Uint8Array.from([0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00]);
  const serverHello = Uint8Array.from([0x16, 0x03, 0x03, 0x00, 0x02, 0x02, 0x00]);
  const tls = { address: '10.0.0.2', port: 5061 };
  const { records, stats } = run(new TcpDecoder(), [
    tcpSegment(0, hello, {}, CLIENT, tls), tcpSegment(0, serverHello, {}, tls, CLIENT), tcpSegment(10, new Uint8Array(500), {}, CLIENT, tls),
    tcpSegment(0, Uint8Array.from([0x17, 0x03, 0x03, 0, 1, 0]), {}, { address: '10.0.0.3', port: 5061 }, CLIENT),
  ]);
  assert.equal(records.length, 0);
  assert.equal(stats.tlsFlows, 2);
});

test('SIP on any port, LF-only line ends', () => {
  const text = 'OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nCSeq: 1 OPTIONS\nContent-Length: 2\n\nhiSIP/2.0 200 OK\nContent-Length: 0\n\n';
  const { texts } = run(new TcpDecoder(), [tcpSegment(0, text, {}, { address: '::1', port: 1234 }, { address: '::2', port: 443 })]);
  assert.deepEqual(texts, ['OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nCSeq: 1 OPTIONS\nContent-Length: 2\n\nhi', 'SIP/2.0 200 OK\nContent-Length: 0\n\n']);
});

test('many flows at once: memory stays bounded (out-of-order bytes per flow and in total)', () => {
  const decoder = new TcpDecoder();
  const stats = { frames: 0, sipMessages: 0, skipped: {} as Record<string, number>, tlsFlows: 0, notes: [] };
  const chunk = new Uint8Array(60_000).fill(0x43);
  const before = process.memoryUsage().arrayBuffers;
  for (let flow = 0; flow < 200; flow++) {
    const from = { address: '10.1.0.1', port: 10_000 + flow };
    decoder.accept(tcpSegment(0, 'INVITE sip:a@b SIP/2.0\r\n', {}, from, SERVER), () => undefined, stats);
    // Every later segment leaves a hole before it: held, up to the per-flow cap.
    for (let i = 0; i < 40; i++) decoder.accept(tcpSegment(100 + i * 70_000, chunk, {}, from, SERVER), () => undefined, stats);
  }
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 300 * 1024 * 1024, `grew by ${grown} bytes`);
  decoder.flush(() => undefined, stats);
  assert.ok(stats.skipped.tcpGaps > 0);
});
