/** Line access for features that look around an occurrence. */
export interface Lines {
  readonly lineCount: number;
  /** The text of a line without its line break ('' past the end). */
  lineAt(line: number): string;
}
