import { WARM_UP_TRACE } from '../data/warmUpTrace';
import { AnalyzedDocument } from './analyzedDocument';
import { computeDiagnostics } from './features/diagnostics';
import { computeHover, type HoverInfo } from './features/hover';
import type { Settings } from './settings';
import { readMessagesAround } from './trace/reader';

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
