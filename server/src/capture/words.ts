/** A view of `bytes` that reads four of them at a time (a word), at any offset. */
export function wordsOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether a word has a zero byte (exact: bytes above the lowest zero may be flagged wrongly, never the word). */
export function hasZeroByte(word: number): boolean {
  return ((word - 0x01010101) & ~word & 0x80808080) !== 0;
}
