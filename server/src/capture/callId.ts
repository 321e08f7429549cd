/** The Call-ID of a captured SIP message (its full or compact `i:` header), to count the calls a capture holds. */

const CALL_ID = /^(?:call-id|i)[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?$/im;
/** Headers looked at: a Call-ID comes long before this in any real message. */
const MAX_HEADERS = 64 * 1024;

export function callIdOf(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_HEADERS)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = CALL_ID.exec(end === -1 ? head : head.slice(0, end));
  return match?.[1] || undefined;
}
