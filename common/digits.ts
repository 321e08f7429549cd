import { isDigit, isLetter } from './chars';

/** ۰ (U+06F0): the Persian digits follow it in order. */
const PERSIAN_ZERO = 0x06f0;

function isPersianLetter(code: number): boolean {
  return (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || (code >= 0x06f0 && code <= 0x06f9) || code === 0x060c;
}

/**
 * Persian text with its numbers in Persian digits, as the seed writes them ("عدد ۴۰۳", "۴۰۰ Bad
 * Request", "خط ۱۲"), where a number belongs to the Persian prose: the nearest letter before it
 * is Persian (or there is none). A number that belongs to Latin text keeps its digits: inside
 * `code` and a link's target, glued to Latin letters (4xx, T1, rfc3261), or after a Latin word
 * with only spaces and punctuation between (RFC 3261 §8.1.3.2, Q.850, SIP/2.0, "range 400 -> 699").
 * A dotted number (8.1.3.2) is one number.
 */
export function withPersianDigits(text: string): string {
  let out = '';
  let copied = 0;
  let latin = false;
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \\ */) {
      // A backslash-escaped character (text from the user's file) is that character, never a code span's fence.
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) break;
      latin = true;
      i = close + 1;
      continue;
    }
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) {
      const close = text.indexOf(')', i + 2);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    if (isDigit(c)) {
      let end = i + 1;
      while (end < n && (isDigit(text.charCodeAt(end)) || (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))))) end++;
      latin ||= isLetter(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(end));
      if (!latin) {
        out += text.slice(copied, i);
        for (let j = i; j < end; j++) {
          const d = text.charCodeAt(j);
          out += isDigit(d) ? String.fromCharCode(PERSIAN_ZERO + d - 48) : text[j];
        }
        copied = end;
      }
      i = end;
      continue;
    }
    if (isLetter(c)) latin = true;
    else if (isPersianLetter(c)) latin = false;
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** A language of the catalogues. */
export type Lang = 'en' | 'fa';

/** Text written in `lang`, in its script: Persian with its numbers in Persian digits. */
export function inScript(lang: Lang, text: string): string {
  return lang === 'fa' ? withPersianDigits(text) : text;
}

/**
 * A number a message is given (a count, '12.5', '1,234', a duration '4:05') as text in `lang`:
 * Persian digits in Persian. Any other argument (a file name, an error, a SIP token such as
 * 486 Busy Here) as it is.
 */
export function numberIn(lang: Lang, value: string | number): string {
  const text = String(value);
  return lang === 'fa' && /^[0-9][0-9.,:]*$/.test(text) ? withPersianDigits(text) : text;
}
