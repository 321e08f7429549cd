/** `text` as a regular expression that matches it alone (a name taken from a document may hold `$`, `(` or `[`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular expression that finds any of `literals` (one pass over a text for all of them), written
 * as a tree of their characters (`re(?:ason|ply)` for "reason" and "reply"): at each position of a
 * text the engine tests a character once for all the literals that share it, where a list of
 * alternatives tests each literal in turn. It matches where any literal starts, the longest
 * literal that starts there preferred.
 */
export function anyOfLiterals(literals: readonly string[], flags?: string): RegExp {
  interface Branch { ends: boolean; next: Map<string, Branch> }
  const root: Branch = { ends: false, next: new Map() };
  for (const literal of literals) {
    let branch = root;
    for (const ch of literal) {
      let next = branch.next.get(ch);
      if (!next) branch.next.set(ch, (next = { ends: false, next: new Map() }));
      branch = next;
    }
    branch.ends = true;
  }
  const source = (branch: Branch): string => {
    const alternatives = [...branch.next].map(([ch, next]) => escapeRegExp(ch) + source(next));
    if (alternatives.length === 0) return '';
    const any = alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return branch.ends ? `(?:${any})?` : any;
  };
  return new RegExp(source(root), flags);
}

/** Line access for features that look around an occurrence. */
export interface Lines {
  readonly lineCount: number;
  /** The text of a line without its line break ('' past the end). */
  lineAt(line: number): string;
}

/** Strings this long or longer are cut out of their text by reference, not copied (V8's sliced strings). */
const SLICED_LENGTH = 13;

/**
 * A string of its own characters: one cut out of a text (V8's sliced strings, 13 characters or
 * more) refers to that whole text, which would stay in memory as long as the string is kept.
 */
export function ownCopy(value: string): string {
  // Joined to a blank and cut again: a copy of its own characters, apart from the text.
  return value.length >= SLICED_LENGTH ? ` ${value}`.slice(1) : value;
}
