import type { FlowMessage, Participant } from '../../../common/callFlow';
import { arrowLabel, plainText } from './labels';

/**
 * What a rendering of a ladder must know of all its arrows before it draws the first one (the
 * width of its columns, the height of its image, the time it counts from), counted arrow by arrow,
 * so that a ladder of any length is drawn as its arrows come, never held whole.
 */
export interface LadderHead {
  participants: readonly Participant[];
  /** How many arrows there are. */
  messages: number;
  /** The length of the longest arrow label as printed (with its marks, made safe); 0 without arrows. */
  widestLabel: number;
  /** The time of the first arrow that has one: the times drawn count from it. */
  firstTime?: number;
  /** Whether the arrows are of more than one call (those without a Call-ID count as one more). */
  severalCalls: boolean;
}

/** A rendering written as it goes: what comes before the first arrow, each arrow in order, what comes after the last. */
export interface LadderWriter {
  /** In pieces (a page's calls table a row at a time). */
  readonly head: Iterable<string>;
  arrow(message: FlowMessage): string;
  readonly tail: string;
}

/** Counts a ladder's head over its arrows, given one by one in order. */
export class LadderCount {
  private messages = 0;
  private widestLabel = 0;
  private firstTime: number | undefined;
  private firstCallId: string | undefined;
  private severalCalls = false;

  add(arrow: FlowMessage): void {
    if (this.messages === 0) this.firstCallId = arrow.callId;
    else if (arrow.callId !== this.firstCallId) this.severalCalls = true;
    this.messages++;
    this.widestLabel = Math.max(this.widestLabel, plainText(arrowLabel(arrow)).length);
    this.firstTime ??= arrow.time;
  }

  head(participants: readonly Participant[]): LadderHead {
    const head: LadderHead = { participants, messages: this.messages, widestLabel: this.widestLabel, severalCalls: this.severalCalls };
    if (this.firstTime !== undefined) head.firstTime = this.firstTime;
    return head;
  }
}

/** Seconds since the head's first time (undefined where the arrow, or the whole ladder, has none). */
export function relativeTime(message: FlowMessage, head: LadderHead): number | undefined {
  return message.time === undefined || head.firstTime === undefined ? undefined : message.time - head.firstTime;
}
