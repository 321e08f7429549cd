/** Bytes of a captured message as text: UTF-8 where the bytes are valid UTF-8, Latin-1 otherwise. */

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCapturedText(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii) return buffer.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    // Node's 'latin1' is ISO-8859-1 byte for byte (TextDecoder's label would mean windows-1252).
    return buffer.toString('latin1');
  }
}
