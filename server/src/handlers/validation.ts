import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { computeDiagnostics, warmUpHoverOn, type AnalyzedDocument } from '../service';

/** Publishes each document's diagnostics once it is scanned. */
export interface Validation {
  /** Validates the document soon (once, however often it is asked before that). */
  schedule(uri: string): void;
}

/**
 * Validation runs in slices: each slice scans a few megabytes, then yields so that hovers and
 * edits are served in between; the diagnostics are published once the document is scanned, for
 * the version that was scanned; then the document's SIP messages are read, in slices as well. A
 * document scanned in several slices has its first messages read with them, and the hover's code
 * run on it before its diagnostics go out (what the first hovers after them would pay for).
 */
export function createValidation(context: ServerContext): Validation {
  const pending = new Set<string>();
  /** Documents whose scan took several slices (big ones), until their diagnostics go out. */
  const sliced = new WeakSet<AnalyzedDocument>();

  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => void validate(uri));
  }

  async function validate(uri: string): Promise<void> {
    pending.delete(uri);
    const document = context.documents.get(uri);
    if (!document) return;
    if (!document.scanStep()) {
      context.readWithScan(document);
      sliced.add(document);
      schedule(uri);
      return;
    }
    const version = document.version;
    const settings = await context.settingsFor(uri);
    if (context.documents.get(uri) !== document || document.version !== version || !document.isScanned) return;
    const diagnostics = computeDiagnostics(document.occurrences, settings).map(toDiagnostic);
    if (sliced.delete(document)) warmUpHoverOn(document, settings);
    await context.connection.sendDiagnostics({ uri, version, diagnostics });
    // Then its SIP messages, in slices too, once what the user does on seeing the diagnostics is
    // answered: a later hover, Outline or Go to Definition anywhere in it finds them read.
    context.standAside();
    await context.traceRead(document);
  }

  return { schedule };
}
