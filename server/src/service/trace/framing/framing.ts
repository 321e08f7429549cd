/**
 * What a framing reader is: one module per way tools print SIP messages (ngrep, pjsip's logger,
 * FreeSWITCH's siptrace ...). A framing line introduces a message and says, when it can, when it
 * was captured, over which transport and between which addresses.
 */

/** What a framing line says about the message that follows. */
export interface FrameFacts {
  time?: number;
  transport?: string;
  source?: string;
  destination?: string;
  /** The column where the message's own text starts on the framing line itself, when it does (SIPp's error log). */
  at?: number;
}

/** A framing line as the message reader keeps it while it reads the message it introduces. */
export interface Frame extends FrameFacts {
  readonly reader: FramingReader;
  readonly line: number;
  readonly offset?: number;
  /** Whether the message of this frame has started. */
  started: boolean;
  /** Reader-specific state (Wireshark: the indentation of the header lines). */
  depth?: number;
  /** Reader-specific state: addresses read on lines before their ports (Kamailio's sipdump, Wireshark). */
  hosts?: { source?: string; destination?: string };
}

/** Returned by FramingReader.content for a line that ends the framed message and belongs to the framing. */
export const END_OF_MESSAGE = Symbol('end of message');
/** Returned by FramingReader.content for a line that belongs to the framing, not to the message. */
export const FRAMING_LINE = Symbol('framing line');

export type ContentLine = string | typeof END_OF_MESSAGE | typeof FRAMING_LINE;

export interface FramingReader {
  readonly id: string;
  /**
   * Whether `text` may be this reader's framing line, looked at cheaply: every framing line of the
   * reader contains one of these substrings (the reader checks the rest in `frame`).
   */
  readonly cues: readonly string[];
  /** The facts of a framing line, or undefined when the line is not one. */
  frame(text: string): FrameFacts | undefined;
  /**
   * A line after the framing line (before or inside its message): the SIP text it holds, or that
   * it belongs to the framing. Without it, lines are the message's as they are.
   */
  content?(text: string, frame: Frame): ContentLine;
}

/** How the lines after an unframed start line are read: the SIP text a line holds, or undefined when it is not the message's. */
export type LineShape = (text: string) => string | undefined;

/** A reader of messages without framing lines, recognised by what stands before the start line. */
export interface UnframedReader {
  readonly id: string;
  /** The shape of the message whose start line is `text` (starting at `column`), or undefined when not this reader's. */
  shape(text: string, column: number): LineShape | undefined;
}
