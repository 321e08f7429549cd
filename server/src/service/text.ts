import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Line access for features that look around an occurrence. */
export interface Lines {
  readonly lineCount: number;
  /** The text of a line without its line break ('' past the end). */
  lineAt(line: number): string;
}

/** Lines of a TextDocument. */
export function linesOf(document: TextDocument): Lines {
  return {
    get lineCount() {
      return document.lineCount;
    },
    lineAt(line: number) {
      if (line < 0 || line >= document.lineCount) return '';
      const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      return text.replace(/\r?\n$|\r$/, '');
    },
  };
}

/** Lines of a string (tests, the command line). */
export function linesOfText(text: string): Lines {
  const lines = text.split(/\r?\n|\r/);
  return {
    lineCount: lines.length,
    lineAt: (line: number) => lines[line] ?? '',
  };
}
