import type { Lines } from '../text';
import { readMessages } from './reader';
import type { SipMessage } from './types';

/**
 * The SIP messages of one document, read when first asked for and kept in step with edits.
 */
export class TraceIndex {
  private items: SipMessage[] | undefined;

  /** The messages of `lines` (the document's text as it is now). */
  messages(lines: Lines): SipMessage[] {
    this.items ??= readMessages(lines.lineCount, (line) => lines.lineAt(line));
    return this.items;
  }

  /** Forgets the messages after an edit (they are read again when next asked for). */
  invalidate(): void {
    this.items = undefined;
  }
}
