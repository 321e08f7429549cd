/**
 * Patterns over status codes, as Kamailio and OpenSIPS take them (t_check_status, status=~):
 * POSIX extended regular expressions searched (not anchored) in the three-digit code.
 */

export type PatternMeaning =
  | { ok: true; codes: number[] }
  | { ok: false; error: string };

const POSIX_CLASSES: Record<string, string> = {
  '[:digit:]': '0-9', '[:alnum:]': 'A-Za-z0-9', '[:alpha:]': 'A-Za-z', '[:space:]': ' \\t', '[:blank:]': ' \\t',
};

/** The POSIX ERE as a JavaScript pattern (character classes translated). */
function toJavaScript(pattern: string): string {
  return pattern.replace(/\[:(digit|alnum|alpha|space|blank):\]/g, (cls) => POSIX_CLASSES[cls]);
}

const meanings = new Map<string, PatternMeaning>();

/** Which codes from 100 to 699 the pattern matches, or why it is not a valid pattern. */
export function patternMeaning(pattern: string): PatternMeaning {
  let meaning = meanings.get(pattern);
  if (meaning) return meaning;
  try {
    const regex = new RegExp(toJavaScript(pattern));
    const codes: number[] = [];
    for (let code = 100; code <= 699; code++) if (regex.test(String(code))) codes.push(code);
    meaning = { ok: true, codes };
  } catch (error) {
    meaning = { ok: false, error: error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error) };
  }
  if (meanings.size > 10_000) meanings.clear();
  meanings.set(pattern, meaning);
  return meaning;
}

/** "486, 408" or "500-599" style summary of a sorted code list. */
export function summarizeCodes(codes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    parts.push(j - i >= 2 ? `${codes[i]}-${codes[j]}` : codes.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
