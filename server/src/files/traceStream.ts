import { MessageReader } from '../service/trace/reader';
import { buildTraceModel } from '../service/trace/model';
import type { SipMessage, TraceModel } from '../service/trace/types';

/**
 * Reads a trace as bytes arrive, without ever holding its text: the bytes are cut into lines as a
 * document's lines are cut (CR LF, LF or a lone CR), each line is decoded as UTF-8 and handed with
 * its number and byte offset to the trace model's line reader, and only the message records stay.
 */
export class TraceStream {
  private readonly messages: SipMessage[] = [];
  private readonly reader = new MessageReader((message) => this.messages.push(message));
  /** The start of a line cut by the end of the previous chunk. */
  private carry: Buffer | undefined;
  /** The previous chunk ended with a CR: an LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private line = 0;
  private offset = 0;

  /** Reads a chunk of the file (chunks in file order). */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.length > 0 && chunk[0] === 0x0a) {
        start = 1;
        this.offset += 1;
      }
    }
    let lf = chunk.indexOf(0x0a, start);
    let cr = chunk.indexOf(0x0d, start);
    while (true) {
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      let next = end + 1;
      if (end === cr) {
        if (end + 1 === chunk.length) this.pendingCr = true;
        else if (chunk[end + 1] === 0x0a) next = end + 2;
      }
      this.emitLine(chunk, start, end, next - end);
      start = next;
      if (lf !== -1 && lf < start) lf = chunk.indexOf(0x0a, start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf(0x0d, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.carry = this.carry ? Buffer.concat([this.carry, rest]) : Buffer.from(rest);
    }
  }

  /**
   * Ends the file: its last line (empty after a final line break, as a document's last line is)
   * and the model of what was read.
   */
  end(): StreamedTrace {
    const rest = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    this.reader.push(rest.toString('utf8'), this.line, this.offset);
    this.line++;
    this.offset += rest.length;
    this.reader.end();
    return { model: buildTraceModel(this.messages), lines: this.line, bytes: this.offset };
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.offset + (this.carry?.length ?? 0);
  }

  private emitLine(chunk: Buffer, start: number, end: number, breakLength: number): void {
    let text: string;
    let length = end - start;
    if (this.carry) {
      const whole = Buffer.concat([this.carry, chunk.subarray(start, end)]);
      this.carry = undefined;
      text = whole.toString('utf8');
      length = whole.length;
    } else {
      text = chunk.toString('utf8', start, end);
    }
    this.reader.push(text, this.line, this.offset);
    this.line++;
    this.offset += length + breakLength;
  }
}

/** What reading a trace file leaves: its model (messages with their line numbers and byte offsets), and its size. */
export interface StreamedTrace {
  model: TraceModel;
  lines: number;
  bytes: number;
}
