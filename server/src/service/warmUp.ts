import { WARM_UP_TRACE } from '../data/warmUpTrace';
import { AnalyzedDocument } from './analyzedDocument';
import { computeDiagnostics } from './features/diagnostics';
import { computeHover, type HoverInfo } from './features/hover';
import type { Settings } from './settings';
import { readMessagesAround } from './trace/reader';

/** How many of a big document's status lines the hover's look-up runs at before its diagnostics. */
const DOCUMENT_WARM_UP_HOVERS = 2;
/** How far back from the last occurrence those status lines are looked for. */
const DOCUMENT_WARM_UP_SEARCH = 1000;

/**
 * V8 compiles a function when it first runs and runs it slowly for a while after: the first hover
 * of a session paid about 15 ms for the scanner's line look-up, the message reader, the
 * explanations and their Markdown, the next ones 1 to 2 ms. Run when the server has nothing else
 * to do, this pays it on a call of our own, as a trace and as a log, on both ways a hover reads its
 * message (from the top, and on its own far beyond what is read). The hovers are returned for the
 * protocol's conversion to be warmed too.
 */
export function warmUpHover(settings: Settings): HoverInfo[] {
  const hovers: HoverInfo[] = [];
  const lines = WARM_UP_TRACE.split('\n');
  const status = lines.findIndex((line) => line.startsWith('SIP/2.0 '));
  for (const languageId of ['sip', 'log']) {
    const document = AnalyzedDocument.create(`sipsense-warm-up:/call.${languageId}`, languageId, 1, WARM_UP_TRACE);
    document.scanAll();
    computeDiagnostics(document.occurrences, settings);
    readMessagesAround(status, lines.length, (line) => lines[line]);
    const hover = computeHover(document, { line: status, character: 9 }, settings);
    if (hover) hovers.push(hover);
  }
  return hovers;
}

/**
 * The hover's code run again on a document scanned in several slices (over 4 MB), once the scan is
 * complete and before its diagnostics go out: at its last status lines, whose messages a hover
 * reads on its own (the reading from the top is far from them). Warmed at start on 19 lines, that
 * code meets the document's text store, line table and messages first at the user's first hovers,
 * and V8 ran it slowly and compiled it again there: the first hover after a 100 MB trace's
 * diagnostics took 3 to 4 ms of the server's time, the next ten 1 to 2 ms each, the others 0.4 ms.
 * Two look-ups here (a few milliseconds, once per document) take that; what they find is not kept.
 */
export function warmUpHoverOn(document: AnalyzedDocument, settings: Settings): void {
  const occurrences = document.occurrences;
  const last = Math.max(0, occurrences.length - DOCUMENT_WARM_UP_SEARCH);
  let left = DOCUMENT_WARM_UP_HOVERS;
  for (let i = occurrences.length - 1; i >= last && left > 0; i--) {
    const occurrence = occurrences[i];
    if (occurrence.context !== 'status-line') continue;
    computeHover(document, { line: occurrence.line, character: occurrence.span.start }, settings);
    left--;
  }
}
