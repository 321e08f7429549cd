import { emitHepPacket, findHep3 } from './hep';
import { isSipStartLine } from './sip';
import { findMessageStart, SipStreamFramer, type MessageSink, type StreamCounts } from './sipStream';
import { Budget, copyBytes, lineBreaksAt, StreamBuffer } from './streamBuffer';
import { emitMessage } from './transportRecords';
import { skip, type DecodeStats, type Endpoint, type Segment, type SipRecord, type Timestamp, type TransportDecoder } from './types';
import { mayBeHttp, readHandshake, startsWithSipFrame, WebSocketStream } from './websocket';

/**
 * TCP, reassembled per direction: segments are put in sequence order (out-of-order ones wait,
 * retransmitted and overlapping bytes are taken once), and each direction's bytes go to what its
 * first bytes say it carries: SIP (framed by Content-Length), SIP over WebSocket (after the HTTP
 * Upgrade), HEP3, TLS (counted, not decodable) or something else (skipped). A direction ends at its
 * FIN, at a RST, or at the end of the capture, where a message in progress is passed on as
 * truncated. Memory is bounded per direction (out-of-order bytes waited for) and in total (every
 * stream's buffers); what goes over is dropped, counted, and the stream resumes at the next message.
 */

/** Out-of-order bytes a direction waits with before it declares the missing ones lost. */
const MAX_OUT_OF_ORDER = 1024 * 1024;
const MAX_PENDING_SEGMENTS = 1024;
/** Bytes every TCP stream of a capture may hold at once. */
const TOTAL_BUFFER = 128 * 1024 * 1024;
/** Directions open at once; beyond, the oldest is closed. */
const MAX_DIRECTIONS = 65_536;
/** Bytes looked at to tell what a stream carries. */
const PROBE_LIMIT = 64 * 1024;
/** Closed directions remembered, so that their late retransmissions are not taken for new streams. */
const MAX_CLOSED = 4096;

type Consumer =
  | { kind: 'probe'; buffer: StreamBuffer }
  | { kind: 'sip'; framer: SipStreamFramer }
  | { kind: 'handshake'; buffer: StreamBuffer }
  | { kind: 'websocket'; stream: WebSocketStream }
  | { kind: 'hep'; buffer: StreamBuffer }
  | { kind: 'tls' }
  | { kind: 'other' };

interface Direction {
  key: string;
  reverseKey: string;
  src: Endpoint;
  dst: Endpoint;
  /** The sequence number of the next byte in order (undefined until the first SYN or data). */
  next: number | undefined;
  /** The sequence number after the SYN, when one was seen. */
  synSeq: number | undefined;
  /** Segments ahead of `next`, by sequence number. */
  pending: { seq: number; bytes: Uint8Array }[];
  pendingBytes: number;
  finAt: number | undefined;
  consumer: Consumer;
  frame: number;
  time: Timestamp;
}

function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.address}|${endpoint.port}`;
}

export class TcpDecoder implements TransportDecoder {
  private readonly directions = new Map<string, Direction>();
  private readonly closed = new Map<string, number>();
  private readonly budget = new Budget(TOTAL_BUFFER);
  private readonly counts: StreamCounts = { junk: 0, dropped: 0 };
  private gaps = 0;

  accept(segment: Segment, emit: (record: SipRecord) => void, stats: DecodeStats): boolean {
    if (segment.transport !== 'tcp' || !segment.tcp) return false;
    const { seq, syn, fin, rst } = segment.tcp;
    const key = `${endpointKey(segment.src)}>${endpointKey(segment.dst)}`;
    let direction = this.directions.get(key);
    const dataSeq = syn ? (seq + 1) >>> 0 : seq;
    if (direction && syn && direction.next !== undefined && direction.next !== dataSeq && direction.synSeq !== dataSeq) {
      // The ports are used again by a new connection (not the same SYN again).
      this.close(direction, emit, stats);
      direction = undefined;
    }
    if (!direction) {
      const endSeq = this.closed.get(key);
      if (!syn && endSeq !== undefined && ((dataSeq + segment.payload.length - endSeq) | 0) <= 0) return true;
      direction = this.open(key, segment, emit, stats);
    }
    direction.frame = segment.frame;
    direction.time = segment.time;
    if (syn && direction.next === undefined) {
      direction.next = dataSeq;
      direction.synSeq = dataSeq;
    }
    if (segment.payload.length > 0) this.receive(direction, dataSeq, segment.payload, emit, stats);
    if (fin) direction.finAt = (dataSeq + segment.payload.length) >>> 0;
    if (rst) {
      this.close(direction, emit, stats);
      const reverse = this.directions.get(direction.reverseKey);
      if (reverse) this.close(reverse, emit, stats);
    } else if (direction.finAt !== undefined && direction.next !== undefined && ((direction.next - direction.finAt) | 0) >= 0) {
      this.close(direction, emit, stats);
    }
    this.report(stats);
    return true;
  }

  flush(emit: (record: SipRecord) => void, stats: DecodeStats): void {
    for (const direction of [...this.directions.values()]) this.close(direction, emit, stats);
    this.closed.clear();
    this.report(stats);
  }

  private open(key: string, segment: Segment, emit: (record: SipRecord) => void, stats: DecodeStats): Direction {
    if (this.directions.size >= MAX_DIRECTIONS) {
      const oldest = this.directions.values().next().value as Direction;
      this.close(oldest, emit, stats);
      skip(stats, 'tcpFlowsEvicted');
    }
    const direction: Direction = {
      key,
      reverseKey: `${endpointKey(segment.dst)}>${endpointKey(segment.src)}`,
      src: segment.src,
      dst: segment.dst,
      next: undefined,
      synSeq: undefined,
      pending: [],
      pendingBytes: 0,
      finAt: undefined,
      consumer: { kind: 'probe', buffer: new StreamBuffer(this.budget) },
      frame: segment.frame,
      time: segment.time,
    };
    this.directions.set(key, direction);
    return direction;
  }

  private receive(direction: Direction, seq: number, bytes: Uint8Array, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    if (direction.consumer.kind === 'tls' || direction.consumer.kind === 'other') {
      direction.next = (seq + bytes.length) >>> 0;
      return;
    }
    if (direction.next === undefined) direction.next = seq;
    const ahead = (seq - direction.next) | 0;
    if (ahead + bytes.length <= 0) return;
    if (ahead <= 0) {
      this.deliver(direction, bytes.subarray(-ahead), emit, stats);
      this.drain(direction, emit, stats);
      return;
    }
    if (direction.pendingBytes + bytes.length > MAX_OUT_OF_ORDER || direction.pending.length >= MAX_PENDING_SEGMENTS
      || this.budget.used + bytes.length > this.budget.limit) {
      // The missing bytes are not coming (lost by the capture): resume at the earliest bytes held.
      const earliest = direction.pending.reduce((min, p) => (((p.seq - min) | 0) < 0 ? p.seq : min), seq);
      this.skipTo(direction, earliest, emit, stats);
      this.receive(direction, seq, bytes, emit, stats);
      return;
    }
    direction.pending.push({ seq, bytes: copyBytes(bytes) });
    direction.pendingBytes += bytes.length;
    this.budget.used += bytes.length;
  }

  /** Delivers the pending segments that are now in order. */
  private drain(direction: Direction, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    while (direction.pending.length > 0) {
      let best = 0;
      for (let i = 1; i < direction.pending.length; i++) {
        if (((direction.pending[i].seq - direction.pending[best].seq) | 0) < 0) best = i;
      }
      const { seq, bytes } = direction.pending[best];
      const ahead = (seq - direction.next!) | 0;
      if (ahead > 0) return;
      direction.pending.splice(best, 1);
      direction.pendingBytes -= bytes.length;
      this.budget.used -= bytes.length;
      if (ahead + bytes.length > 0) this.deliver(direction, bytes.subarray(-ahead), emit, stats);
    }
  }

  /** Declares the bytes up to `seq` lost and resumes there. */
  private skipTo(direction: Direction, seq: number, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    this.gaps++;
    this.counts.dropped += Math.max(0, (seq - direction.next!) | 0);
    this.gap(direction, emit, stats);
    direction.next = seq;
    this.drain(direction, emit, stats);
  }

  private deliver(direction: Direction, bytes: Uint8Array, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    direction.next = (direction.next! + bytes.length) >>> 0;
    const consumer = direction.consumer;
    switch (consumer.kind) {
      case 'probe':
        if (!consumer.buffer.append(bytes)) {
          this.counts.dropped += bytes.length;
          this.settle(direction, { kind: 'other' }, stats);
          return;
        }
        this.classify(direction, consumer.buffer, false, emit, stats);
        return;
      case 'sip':
        consumer.framer.push(bytes, this.sipSink(direction, emit));
        return;
      case 'handshake':
        if (!consumer.buffer.append(bytes)) {
          this.counts.dropped += bytes.length;
          this.settle(direction, { kind: 'other' }, stats);
          return;
        }
        this.handshake(direction, consumer.buffer, emit, stats);
        return;
      case 'websocket':
        consumer.stream.push(bytes, this.webSocketSink(direction, emit, stats));
        return;
      case 'hep':
        if (!consumer.buffer.append(bytes)) {
          this.counts.dropped += bytes.length;
          consumer.buffer.clear();
          return;
        }
        this.hep(direction, consumer.buffer, false, emit, stats);
        return;
      default:
        return;
    }
  }

  /** Tells from a direction's first bytes what it carries (or waits for more). */
  private classify(direction: Direction, buffer: StreamBuffer, final: boolean, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    const bytes = buffer.view();
    if (bytes.length === 0) return;
    const tls = isTlsRecord(bytes);
    if (tls !== false) {
      if (tls === true) this.settle(direction, { kind: 'tls' }, stats);
      else if (final) this.settle(direction, { kind: 'other' }, stats);
      return;
    }
    if (findHep3(bytes) === 0 || (bytes.length < 4 && 'HEP3'.startsWith(Buffer.from(bytes).toString('latin1')))) {
      if (bytes.length < 4 && !final) return;
      const consumer: Consumer = { kind: 'hep', buffer };
      this.settle(direction, consumer, stats);
      this.hep(direction, buffer, final, emit, stats);
      return;
    }
    if (mayBeHttp(bytes)) {
      const consumer: Consumer = { kind: 'handshake', buffer };
      this.settle(direction, consumer, stats);
      this.handshake(direction, buffer, emit, stats);
      return;
    }
    const frame = startsWithSipFrame(bytes);
    if (frame === undefined && !final) return;
    if (frame) {
      const rest = copyBytes(bytes);
      buffer.clear();
      const stream = new WebSocketStream(this.budget, this.counts);
      this.settle(direction, { kind: 'websocket', stream }, stats);
      stream.push(rest, this.webSocketSink(direction, emit, stats));
      if (final) stream.gap(this.webSocketSink(direction, emit, stats));
      return;
    }
    const isSip = isSipStartLine(bytes, lineBreaksAt(bytes, 0)) || findMessageStart(bytes, 1) !== -1;
    if (isSip) {
      const framer = new SipStreamFramer(this.budget, this.counts);
      this.settle(direction, { kind: 'sip', framer }, stats);
      const copy = copyBytes(bytes);
      buffer.clear();
      framer.push(copy, this.sipSink(direction, emit));
      if (final) framer.gap(this.sipSink(direction, emit));
      return;
    }
    if (final || bytes.length >= PROBE_LIMIT) this.settle(direction, { kind: 'other' }, stats);
  }

  private settle(direction: Direction, consumer: Consumer, stats: DecodeStats): void {
    const previous = direction.consumer;
    if ((consumer.kind === 'tls' || consumer.kind === 'other') && (previous.kind === 'probe' || previous.kind === 'handshake' || previous.kind === 'hep')) {
      previous.buffer.clear();
    }
    direction.consumer = consumer;
    // A connection counts once, whichever direction shows it first.
    const reverse = this.directions.get(direction.reverseKey)?.consumer.kind;
    if (consumer.kind === 'tls' && reverse !== 'tls') stats.tlsFlows++;
    if (consumer.kind === 'other' && reverse !== 'other' && reverse !== 'tls') skip(stats, 'tcpNotSip');
  }

  private handshake(direction: Direction, buffer: StreamBuffer, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    const { result, length } = readHandshake(buffer.view());
    if (result === 'incomplete') return;
    if (result === 'not-websocket') {
      this.settle(direction, { kind: 'other' }, stats);
      return;
    }
    const rest = copyBytes(buffer.view().subarray(length));
    buffer.clear();
    const stream = new WebSocketStream(this.budget, this.counts);
    this.settle(direction, { kind: 'websocket', stream }, stats);
    stream.push(rest, this.webSocketSink(direction, emit, stats));
  }

  private hep(direction: Direction, buffer: StreamBuffer, final: boolean, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    for (;;) {
      const bytes = buffer.view();
      const at = findHep3(bytes);
      if (at === -1) {
        const keep = Math.min(3, bytes.length);
        this.counts.junk += bytes.length - keep;
        buffer.consume(bytes.length - keep);
        break;
      }
      if (at > 0) {
        this.counts.junk += at;
        buffer.consume(at);
        continue;
      }
      const length = bytes.length >= 6 ? (bytes[4] << 8) | bytes[5] : undefined;
      if (length === undefined) break;
      if (length < 6) {
        skip(stats, 'hepMalformed');
        buffer.consume(4);
        continue;
      }
      if (bytes.length < length) break;
      emitHepPacket(bytes.subarray(0, length), direction.frame, direction.time, emit, stats);
      buffer.consume(length);
    }
    if (final) {
      this.counts.junk += buffer.length;
      buffer.clear();
    }
  }

  private sipSink(direction: Direction, emit: (record: SipRecord) => void): MessageSink {
    return (bytes, truncated) => emit({
      frame: direction.frame, time: direction.time, transport: 'TCP', src: direction.src, dst: direction.dst, bytes, ...(truncated ? { truncated } : {}),
    });
  }

  private webSocketSink(direction: Direction, emit: (record: SipRecord) => void, stats: DecodeStats): MessageSink {
    return (bytes, truncated) => emitMessage(bytes, truncated, {
      frame: direction.frame, time: direction.time, transport: 'WS', src: direction.src, dst: direction.dst,
    }, emit, stats, 'webSocketNotSip');
  }

  /** Bytes are missing from the direction before what comes next (or nothing comes next: the direction ends). */
  private gap(direction: Direction, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    const consumer = direction.consumer;
    switch (consumer.kind) {
      case 'probe':
        this.classify(direction, consumer.buffer, true, emit, stats);
        if (direction.consumer.kind === 'probe') consumer.buffer.clear();
        return;
      case 'sip':
        consumer.framer.gap(this.sipSink(direction, emit));
        return;
      case 'handshake':
        this.settle(direction, { kind: 'other' }, stats);
        return;
      case 'websocket':
        consumer.stream.gap(this.webSocketSink(direction, emit, stats));
        return;
      case 'hep':
        this.hep(direction, consumer.buffer, true, emit, stats);
        return;
      default:
        return;
    }
  }

  /** Ends a direction: what is still held goes out (lost bytes skipped), a message in progress as truncated. */
  private close(direction: Direction, emit: (record: SipRecord) => void, stats: DecodeStats): void {
    while (direction.pending.length > 0) {
      const earliest = direction.pending.reduce((min, p) => (((p.seq - min) | 0) < 0 ? p.seq : min), direction.pending[0].seq);
      this.skipTo(direction, earliest, emit, stats);
    }
    this.gap(direction, emit, stats);
    const held = direction.consumer;
    if (held.kind === 'probe' || held.kind === 'handshake' || held.kind === 'hep') held.buffer.clear();
    this.directions.delete(direction.key);
    if (direction.next !== undefined) {
      if (this.closed.size >= MAX_CLOSED) this.closed.delete(this.closed.keys().next().value as string);
      this.closed.set(direction.key, direction.next);
    }
  }

  private report(stats: DecodeStats): void {
    if (this.counts.junk > 0) skip(stats, 'tcpJunk', this.counts.junk);
    if (this.counts.dropped > 0) skip(stats, 'tcpDropped', this.counts.dropped);
    if (this.gaps > 0) skip(stats, 'tcpGaps', this.gaps);
    this.counts.junk = 0;
    this.counts.dropped = 0;
    this.gaps = 0;
  }
}

/**
 * Whether bytes start with a TLS record header (content type 20 to 23, version 3.x): true, false,
 * or undefined when one byte is not enough to tell.
 */
function isTlsRecord(bytes: Uint8Array): boolean | undefined {
  if (bytes.length === 0 || bytes[0] < 20 || bytes[0] > 23) return false;
  if (bytes.length < 3) return undefined;
  return bytes[1] === 3 && bytes[2] <= 4;
}
