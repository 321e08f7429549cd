import { CaptureError, describeForeignFile, type Packet } from './fileFormat';
import { NetworkDecoder } from './network';
import { PcapReader, isPcapMagic } from './pcap';
import { PcapngReader, isPcapngMagic } from './pcapng';
import { Heap } from './heap';
import { transportDecoders } from './transports';
import { UdpDecoder } from './udp';
import { emptyStats, problem, skip, type CaptureProblem, type DecodeStats, type Segment, type SipRecord, type TransportDecoder } from './types';

/**
 * The decoder: capture file bytes pushed in chunks, SIP records out in capture order (by time,
 * then frame). Memory is bounded: a chunk is parsed and dropped; records wait only in a bounded
 * reordering window.
 */

/** Records held back to put messages reassembled late (TCP) in time order. */
const REORDER_WINDOW = 4096;
/** How many bytes of a chunk are joined first to the bytes of an unfinished block (four times more each time until it is whole). */
const FIRST_TAKE = 2048;

export interface DecoderOptions {
  /** Transport decoders tried in order before UDP; a segment none accepts is counted as skipped. */
  transports?: TransportDecoder[];
  onRecord: (record: SipRecord) => void;
}

export interface DecodeResult {
  stats: DecodeStats;
  /** Why decoding stopped early: a file that is no capture, or damage past which nothing can be read. */
  error?: CaptureProblem;
  /** Whether the capture's timestamps are finer than microseconds. */
  nanosecondTimes: boolean;
}

type Reader = PcapReader | PcapngReader;

export class CaptureDecoder {
  readonly stats = emptyStats();
  private reader: Reader | undefined;
  /** The bytes of a block (or record) the chunks so far end in. */
  private pending: Uint8Array = new Uint8Array(0);
  private error: CaptureProblem | undefined;
  private readonly network: NetworkDecoder;
  private readonly transports: TransportDecoder[];
  /** Records not yet handed on, the earliest (by time, then frame) first out. */
  private readonly window = new Heap<Held>(byTime);
  private held = 0;
  private readonly onPacket = (packet: Packet) => this.packet(packet);
  private readonly onSegment = (segment: Segment) => this.segment(segment);
  private readonly emit = (record: SipRecord) => this.hold(record);

  constructor(private readonly options: DecoderOptions) {
    this.network = new NetworkDecoder(this.onSegment, this.stats);
    this.transports = [...(options.transports ?? transportDecoders()), new UdpDecoder()];
  }

  /** Whether the capture's timestamps are finer than microseconds (known once its header is read). */
  get nanosecondTimes(): boolean {
    return this.reader?.nanosecondTimes ?? false;
  }

  /** Whether decoding has stopped on an error (further chunks are ignored). */
  get failed(): boolean {
    return this.error !== undefined;
  }

  push(bytes: Uint8Array): void {
    if (this.error !== undefined || bytes.length === 0) return;
    // A plain view of a Buffer: the decoders' views of its packets are made by Uint8Array's subarray, not Buffer's (some 3 times slower).
    const chunk = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    try {
      const rest = this.pending.length === 0 ? chunk : this.completePending(chunk);
      if (rest.length > 0) this.pending = rest.slice(this.read(rest));
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The bytes held, joined with as few of the chunk's as complete the block (or record) they start:
   * what is left of the chunk after it, read on its own (where the whole chunk was copied behind
   * the bytes held, a megabyte copied for a few bytes held: 3 % of a capture's decoding).
   */
  private completePending(chunk: Uint8Array): Uint8Array {
    const held = this.pending.length;
    for (let take = Math.min(chunk.length, FIRST_TAKE); ; take = Math.min(chunk.length, take * 4)) {
      const joined = concat(this.pending, chunk.subarray(0, take));
      const used = this.read(joined);
      // A reader consumes nothing of an unfinished block: once it consumed, it read past the bytes held.
      if (used === 0 && take === chunk.length) {
        this.pending = joined;
        return chunk.subarray(take);
      }
      if (used > 0) {
        this.pending = new Uint8Array(0);
        return used >= held ? chunk.subarray(used - held) : concat(joined.subarray(used), chunk.subarray(take));
      }
    }
  }

  /** Reads what whole blocks `buffer` holds (its reader chosen by its magic first): how many bytes it consumed. */
  private read(buffer: Uint8Array): number {
    if (!this.reader) {
      if (buffer.length < 4) return 0;
      if (isPcapMagic(buffer)) this.reader = new PcapReader();
      else if (isPcapngMagic(buffer)) this.reader = new PcapngReader();
      else throw new CaptureError(problem('notACapture', describeForeignFile(buffer)));
    }
    return this.reader.read(buffer, 0, this.onPacket);
  }

  end(): DecodeResult {
    if (this.error === undefined) {
      if (!this.reader) {
        this.error = problem('notACapture', describeForeignFile(this.pending));
      } else if (!this.reader.started) {
        this.error = problem('endsInHeader', this.reader.format);
      } else if (this.pending.length > 0) {
        this.stats.notes.push(problem('endsInPacket', this.pending.length, this.stats.frames));
      }
    }
    this.pending = new Uint8Array(0);
    try {
      this.network.finish();
      for (const transport of this.transports) transport.flush(this.emit, this.stats);
    } catch (error) {
      this.stats.notes.push(problem('internalAtEnd', String(error)));
    }
    for (let held = this.window.pop(); held; held = this.window.pop()) this.options.onRecord(held.record);
    return { stats: this.stats, error: this.error, nanosecondTimes: this.nanosecondTimes };
  }

  private fail(error: unknown): void {
    this.error = error instanceof CaptureError ? error.problem : problem('damagedAfter', this.stats.frames, String(error));
  }

  private packet(packet: Packet): void {
    this.stats.frames++;
    try {
      this.network.packet(packet);
    } catch (error) {
      skip(this.stats, 'unreadableFrame');
      if (this.stats.notes.length < 20) this.stats.notes.push(problem('frameFailed', packet.frame, String(error)));
    }
  }

  private segment(segment: Segment): void {
    for (const transport of this.transports) {
      if (transport.accept(segment, this.emit, this.stats)) return;
    }
    skip(this.stats, segment.transport === 'udp' ? 'udpNotSip' : `noDecoder:${segment.transport.toUpperCase()}`);
  }

  private hold(record: SipRecord): void {
    this.stats.sipMessages++;
    this.window.push({ record, order: this.held++ });
    if (this.window.size > REORDER_WINDOW) this.options.onRecord(this.window.pop()!.record);
  }
}

/** A record waiting in the window, with the order it came in (several messages of one frame keep theirs). */
interface Held { record: SipRecord; order: number }

function byTime({ record: a, order: x }: Held, { record: b, order: y }: Held): number {
  return a.time.seconds - b.time.seconds || a.time.nanos - b.time.nanos || a.frame - b.frame || x - y;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
