import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TcpDecoder } from '../../server/src/capture/tcp';
import { CLIENT, cut, request, response, run, SERVER, sip, tcpSegment } from '../support/segments';

/** SIP over WebSocket (RFC 7118) on TCP: the Upgrade, then frames masked or not, fragmented, text or binary. */

const UPGRADE = 'GET /ws HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: sip\r\n'
  + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
const SWITCHING = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: sip\r\n\r\n';

/** One frame: FIN, opcode, payload, masked with `mask` when given. */
function frame(opcode: number, payload: Uint8Array, fin = true, mask?: readonly number[]): Uint8Array {
  const length = payload.length;
  const header: number[] = [(fin ? 0x80 : 0) | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else header.push(maskBit | 127, 0, 0, 0, 0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
  const body = Uint8Array.from(payload);
  if (mask) {
    header.push(...mask);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
  }
  return Buffer.concat([Uint8Array.from(header), body]);
}

const WS_SERVER = { address: '10.0.0.2', port: 8080 };

function segments(from: typeof CLIENT, to: typeof CLIENT, bytes: Uint8Array, pieces: readonly number[] = []): ReturnType<typeof tcpSegment>[] {
  let seq = 1;
  return [tcpSegment(0, '', { syn: true }, from, to), ...cut(bytes, pieces).map((piece) => {
    const segment = tcpSegment(seq, piece, {}, from, to);
    seq += piece.length;
    return segment;
  })];
}

test('masked client frames and unmasked server frames after the Upgrade, any port: each message once, transport WS', () => {
  const invite = request('INVITE', 1, 'v=0\r\n');
  const up = Buffer.concat([sip(UPGRADE), frame(1, sip(invite), true, [1, 2, 3, 4])]);
  const down = Buffer.concat([sip(SWITCHING), frame(1, sip(response(100, 1))), frame(2, sip(response(200, 1)))]);
  const { records } = run(new TcpDecoder(), [...segments(CLIENT, WS_SERVER, up, [30, 200]), ...segments(WS_SERVER, CLIENT, down, [100])]);
  assert.deepEqual(records.map((r) => Buffer.from(r.bytes).toString('latin1')), [invite, response(100, 1), response(200, 1)]);
  assert.ok(records.every((r) => r.transport === 'WS' && !r.truncated));
  assert.deepEqual(records[0].dst, WS_SERVER);
});

test('a message fragmented over continuation frames, with a ping between them, cut over segments anywhere (property)', () => {
  const invite = sip(request('INVITE', 1, 'x'.repeat(400)));
  const bytes = Buffer.concat([
    sip(UPGRADE),
    frame(1, invite.subarray(0, 100), false, [9, 8, 7, 6]),
    frame(9, sip('ping'), true, [1, 1, 1, 1]),
    frame(0, invite.subarray(100, 300), false, [5, 5, 5, 5]),
    frame(0, invite.subarray(300), true, [0xff, 0, 0xff, 0]),
    frame(1, sip(request('ACK', 1)), true, [2, 2, 2, 2]),
    frame(8, new Uint8Array([3, 0xe8]), true, [0, 0, 0, 0]),
    frame(1, sip(request('BYE', 2)), true, [2, 2, 2, 2]),
  ]);
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }), (points) => {
    const { texts } = run(new TcpDecoder(), segments(CLIENT, WS_SERVER, bytes, points));
    // The BYE after the Close frame is not read.
    assert.deepEqual(texts, [Buffer.from(invite).toString('latin1'), request('ACK', 1)]);
  }), { numRuns: 150, seed: 7118 });
});

test('a frame with a 64-bit length and a large payload: unmasked as it arrives, the message cut at the cap', () => {
  const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
  big.set(sip('MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 3000000\r\n\r\n'));
  const bytes = Buffer.concat([sip(UPGRADE), frame(2, big, true, [7, 7, 7, 7])]);
  const { records, stats } = run(new TcpDecoder(), segments(CLIENT, WS_SERVER, bytes, Array.from({ length: 60 }, (_, i) => (i + 1) * 60_000)));
  assert.equal(records.length, 1);
  assert.equal(records[0].truncated, true);
  assert.equal(records[0].bytes.length, 2 * 1024 * 1024);
  assert.ok((stats.skipped.tcpDropped ?? 0) > 0);
});

test('a WebSocket that carries something else is counted; an HTTP connection without Upgrade is not SIP', () => {
  const ws = Buffer.concat([sip(UPGRADE), frame(1, sip('{"json": true}'), true, [1, 2, 3, 4])]);
  const http = sip('GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n');
  const { records, stats } = run(new TcpDecoder(), [
    ...segments(CLIENT, WS_SERVER, ws),
    ...segments({ address: '10.0.0.5', port: 1234 }, { address: '10.0.0.6', port: 80 }, http),
  ]);
  assert.equal(records.length, 0);
  assert.equal(stats.skipped.webSocketNotSip, 1);
  assert.equal(stats.skipped.tcpNotSip, 1);
});

test('a message left unfinished by the end of the capture is emitted as truncated', () => {
  const invite = sip(request('INVITE', 1, 'y'.repeat(50)));
  const bytes = Buffer.concat([sip(UPGRADE), frame(1, invite.subarray(0, 80), false)]);
  const { records } = run(new TcpDecoder(), segments(CLIENT, SERVER, bytes));
  assert.equal(records.length, 1);
  assert.equal(records[0].truncated, true);
});

test('a WebSocket caught in the middle (no Upgrade in the capture): frames that carry SIP are still read, others not', () => {
  const up = Buffer.concat([frame(1, sip(request('MESSAGE', 5, 'hi')), true, [3, 1, 4, 1]), frame(1, sip(request('BYE', 6)), true, [2, 7, 1, 8])]);
  const down = Buffer.concat([frame(1, sip(response(200, 5, 'MESSAGE'))), frame(1, sip(response(200, 6, 'BYE')))]);
  const json = frame(1, sip('{"type": "hello", "id": 1234567}'), true, [1, 2, 3, 4]);
  const midway = (from: typeof CLIENT, to: typeof CLIENT, bytes: Uint8Array) => cut(bytes, [1, 7, 30]).reduce<ReturnType<typeof tcpSegment>[]>((segments, piece) => {
    const seq = 5000 + segments.reduce((n, s) => n + s.payload.length, 0);
    return [...segments, tcpSegment(seq, piece, {}, from, to)];
  }, []);
  const { texts, records, stats } = run(new TcpDecoder(), [
    ...midway(CLIENT, WS_SERVER, up), ...midway(WS_SERVER, CLIENT, down), ...midway({ address: '10.0.0.7', port: 1 }, WS_SERVER, json),
  ]);
  assert.deepEqual(texts, [request('MESSAGE', 5, 'hi'), request('BYE', 6), response(200, 5, 'MESSAGE'), response(200, 6, 'BYE')]);
  assert.ok(records.every((r) => r.transport === 'WS'));
  assert.equal(stats.skipped.tcpNotSip, 1);
});
