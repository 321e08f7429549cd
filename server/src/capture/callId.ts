/** The Call-ID of a captured SIP message (its full or compact `i:` header), to count the calls a capture holds. */

/** Headers looked at: a Call-ID comes long before this in any real message. */
const MAX_HEADERS = 64 * 1024;
const NAME = /^(?:call-id|i)[ \t]*:/i;

export function callIdOf(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_HEADERS)).toString('latin1');
  for (const line of head.split('\n').slice(1)) {
    const header = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (header === '') return undefined;
    const name = NAME.exec(header);
    if (name) return header.slice(name[0].length).trim() || undefined;
  }
  return undefined;
}
