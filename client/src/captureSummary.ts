import { skipReasonOf, type CaptureProblem, type Skip } from '../../common/capture';
import { CAPTURE_MESSAGES, captureProblemText } from '../../common/captureMessages';
import { inScript, numberIn, type Lang } from '../../common/digits';
import { localized, viewLang } from './localize';

/**
 * What the capture decoder read, as the capture's own tab shows it (a read-only custom editor):
 * frames, SIP messages, calls, and what was skipped and why, in the language of the views (the
 * decoder's words from the service's catalogues). Every value is escaped: it comes from an untrusted file.
 */

/** What a decoding worker reports (plain data, posted between threads). */
export interface CaptureSummary {
  frames: number;
  sipMessages: number;
  calls: number;
  truncated: number;
  tlsFlows: number;
  /** Reasons and counts, as the decoder gives them. */
  skipped: [Skip, number][];
  notes: CaptureProblem[];
  /** Why the file could not be read (or stopped being readable), when it could not. */
  error?: CaptureProblem;
  /** The length of the decoded text, in UTF-16 code units (what VS Code's limit counts). */
  textLength: number;
}

/** What the tab shows while and after decoding. */
export type CaptureState =
  | { kind: 'decoding' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; summary: CaptureSummary; limitBytes: number };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function row(lang: Lang, label: string, value: number): string {
  return `<tr><th>${escape(label)}</th><td>${escape(numberIn(lang, value))}</td></tr>`;
}

function megabytes(units: number): string {
  return (units / (1024 * 1024)).toFixed(1);
}

/** The HTML of the capture's tab (no script; the only link is the command that opens the trace). */
export function summaryHtml(fileName: string, state: CaptureState, openTraceLink: string, cspSource: string): string {
  const lang: Lang = viewLang();
  const said = (problem: CaptureProblem) => escape(inScript(lang, captureProblemText(CAPTURE_MESSAGES[lang], problem)));
  const parts: string[] = [`<h1>${escape(fileName)}</h1>`];
  if (state.kind === 'decoding') parts.push(`<p>${escape(localized('Decoding the capture...'))}</p>`);
  if (state.kind === 'cancelled') parts.push(`<p>${escape(localized('Decoding was cancelled.'))}</p>`);
  if (state.kind === 'failed') parts.push(`<p class="error">${escape(localized('The capture could not be decoded: {0}', state.message))}</p>`);
  if (state.kind === 'done') {
    const { summary } = state;
    if (summary.error) parts.push(`<p class="error">${said(summary.error)}</p>`);
    parts.push('<table>',
      row(lang, localized('Frames read'), summary.frames),
      row(lang, localized('SIP messages'), summary.sipMessages),
      row(lang, localized('Calls (Call-IDs)'), summary.calls),
      row(lang, localized('Messages cut off (marked truncated)'), summary.truncated),
      row(lang, localized('TLS flows skipped (encrypted, cannot be decoded)'), summary.tlsFlows),
      '</table>');
    if (summary.skipped.length > 0) {
      const skipped = summary.skipped.map(([key, count]) => {
        const { reason, detail } = skipReasonOf(key);
        return row(lang, inScript(lang, CAPTURE_MESSAGES[lang].skipped[reason](detail)), count);
      });
      parts.push(`<h2>${escape(localized('Skipped'))}</h2><table>`, ...skipped, '</table>');
    }
    if (summary.notes.length > 0) parts.push(`<h2>${escape(localized('Notes'))}</h2><ul>`, ...summary.notes.map((n) => `<li>${said(n)}</li>`), '</ul>');
    if (summary.textLength > state.limitBytes) {
      parts.push(`<p class="error">${escape(localized(
        'The decoded trace is {0} MB, over the {1} MB that VS Code hands to extensions: opened as a document it would get no SIP Sense feature, so it is not opened.',
        megabytes(summary.textLength), megabytes(state.limitBytes),
      ))}</p>`);
    } else if (summary.sipMessages > 0) {
      parts.push(`<p><a href="${escape(openTraceLink)}">${escape(localized('Open the decoded trace'))}</a></p>`);
    } else {
      parts.push(`<p>${escape(localized('No SIP message was found in this capture.'))}</p>`);
    }
  }
  return `<!DOCTYPE html><html${lang === 'fa' ? ' lang="fa" dir="rtl"' : ''}><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">`
    + `<style>body{font-family:var(--vscode-font-family);padding:0 1em}th{text-align:start;font-weight:normal;padding-inline-end:2em}`
    + `td{font-variant-numeric:tabular-nums}.error{color:var(--vscode-errorForeground)}</style></head>`
    + `<body>${parts.join('')}</body></html>`;
}
