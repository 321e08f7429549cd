/**
 * The ASCII character classes that client and server share, over UTF-16 code units
 * (`text.charCodeAt(i)`, NaN past either end of the text: NaN is in no class). The service's
 * others are in server/src/service/syntax/chars.ts, which passes these on.
 */

/** A digit 0-9. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A letter A-Z or a-z. */
export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
