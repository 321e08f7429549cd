/** A regular expression that finds any of `literals` (one pass over a text for all of them). */
export function anyOfLiterals(literals: readonly string[]): RegExp {
  return new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** Line access for features that look around an occurrence. */
export interface Lines {
  readonly lineCount: number;
  /** The text of a line without its line break ('' past the end). */
  lineAt(line: number): string;
}
