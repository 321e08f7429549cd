import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endpointText } from '../../server/src/capture/address';
import { decodeAll } from './captureOracle';
import { sharedRoot } from './corpus';

/** A SIP message of a corpus capture, as the capture decoder gives it: what text framings are rendered from in tests. */
export interface CapturedMessage {
  /** The message as captured (its line breaks as sent, CRLF). */
  text: string;
  firstLine: string;
  seconds: number;
  nanos: number;
  transport: string;
  source: string;
  destination: string;
  callId: string | undefined;
}

/** The SIP messages of a capture in ../shared/corpus/pcap, in capture order. */
export function capturedMessages(name: string): CapturedMessage[] {
  const { records } = decodeAll(readFileSync(join(sharedRoot, 'corpus', 'pcap', name)));
  return records.map((record) => {
    const text = Buffer.from(record.bytes).toString('latin1');
    const callId = /^(?:call-id|i)[ \t]*:[ \t]*(\S+)/im.exec(text.split(/\r?\n\r?\n/, 1)[0]);
    return {
      text, firstLine: text.split(/\r?\n/, 1)[0], seconds: record.time.seconds, nanos: record.time.nanos, transport: record.transport,
      source: endpointText(record.src), destination: endpointText(record.dst), callId: callId?.[1],
    };
  });
}

/** Builds a text line by line, telling the 0-based number of the line the next piece starts on. */
export class TextBuilder {
  private parts: string[] = [];
  private lines = 0;

  /** The number of the line the next `add` starts on. */
  get line(): number {
    return this.lines;
  }

  /** Adds text that ends at a line break. */
  add(text: string): void {
    this.parts.push(text);
    this.lines += text.split(/\r\n|\r|\n/).length - 1;
  }

  get text(): string {
    return this.parts.join('');
  }
}
