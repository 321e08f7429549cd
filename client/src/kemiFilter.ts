import type { Middleware } from 'vscode-languageclient/node';
import { isKemiLanguage, usesKsr } from '../../common/languages';

/** The part of a VS Code document the filter reads. */
interface Doc {
  uri: { toString(): string };
  languageId: string;
  getText(): string;
  lineAt(line: number): { text: string };
  lineCount: number;
}

/**
 * Keeps ordinary Lua, Python, JavaScript, Ruby and Squirrel files away from the server: their text
 * is not sent (didOpen is held back until KSR appears in the file, didChange and didClose are
 * dropped while it is held), and no hover, completion, inlay hint, code action or CodeLens is asked
 * for them. A KEMI script (one that calls KSR.*) is handed over as soon as it is one.
 */
export class KemiFilter {
  /** KEMI-language documents held back, with the call that hands one to the server. */
  private readonly held = new Map<string, (document: never) => Promise<void>>();

  /** Whether the server does not have this document because it is an ordinary file of a KEMI language. */
  isHeldBack(document: Doc): boolean {
    return this.held.has(document.uri.toString());
  }

  readonly middleware: Middleware = {
    didOpen: (document, next) => {
      if (!isKemiLanguage(document.languageId) || usesKsr(document.getText())) return next(document);
      this.held.set(document.uri.toString(), next as (document: never) => Promise<void>);
      return Promise.resolve();
    },
    didChange: (event, next) => {
      const uri = event.document.uri.toString();
      const open = this.held.get(uri);
      if (!open) return next(event);
      if (!event.contentChanges.some((change) => touchesKsr(event.document, change.range.start.line, change.text))) return Promise.resolve();
      // It became a KEMI script: the server gets it whole, this change included.
      this.held.delete(uri);
      return open(event.document as never);
    },
    didClose: (document, next) => (this.held.delete(document.uri.toString()) ? Promise.resolve() : next(document)),
    provideHover: (document, position, token, next) => (this.isHeldBack(document) ? undefined : next(document, position, token)),
    provideCompletionItem: (document, position, context, token, next) =>
      (this.isHeldBack(document) ? undefined : next(document, position, context, token)),
    provideInlayHints: (document, range, token, next) => (this.isHeldBack(document) ? undefined : next(document, range, token)),
    provideCodeActions: (document, range, context, token, next) => (this.isHeldBack(document) ? undefined : next(document, range, context, token)),
    provideCodeLenses: (document, token, next) => (this.isHeldBack(document) ? undefined : next(document, token)),
  };
}

/** Whether the lines a change wrote (from `line`, as many as its text has) now hold KSR. */
function touchesKsr(document: Doc, line: number, text: string): boolean {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks++;
  const last = Math.min(document.lineCount - 1, line + breaks);
  for (let l = line; l <= last; l++) if (usesKsr(document.lineAt(l).text)) return true;
  return false;
}
