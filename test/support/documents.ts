import { AnalyzedDocument } from '../../server/src/service';

let counter = 0;

/** An analysed, fully scanned document of the given text. */
export function analyzed(text: string, languageId = 'sip'): AnalyzedDocument {
  const document = AnalyzedDocument.create(`file:///test/${++counter}.${languageId}`, languageId, 1, text);
  document.scanAll();
  return document;
}

/** The line and column of the n-th (0-based) occurrence of `needle` in `text`, plus `offset` columns. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length + offset };
}
