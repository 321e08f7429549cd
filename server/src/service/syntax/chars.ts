import { isDigit, isLetter } from '../../../../common/chars';

/**
 * ASCII character classes over UTF-16 code units (`text.charCodeAt(i)`, which is NaN past either
 * end of the text: NaN is in no class). Readers with a white space of their own name it after what
 * it is (XML's S in syntax/xmlLine.ts, the routing-script lexer's in its lexer).
 */

/** A blank: space or horizontal tab (SIP's WSP; what separates words on a log or dialplan line). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export { isDigit, isLetter } from '../../../../common/chars';

/** A word character as in a regular expression's \w: a letter, a digit or '_'. */
export function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}
