import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { CAPTURE_SCHEME, CAPTURE_VIEW_TYPE } from '../../common/capture';
import { OPEN_CAPTURE_TRACE_COMMAND } from '../../common/commands';
import { summaryHtml, type CaptureState, type CaptureSummary } from './captureSummary';
import type { WorkerReply, WorkerRequest } from './captureWorker';
import { SYNC_LIMIT_BYTES } from './largeFiles';
import { localized } from './localize';

/**
 * Packet captures (.pcap, .pcapng, .cap and their .gz) open in a read-only custom editor that
 * decodes them and shows what was read, then opens the decoded trace as a read-only document of
 * our own scheme (sipsense-capture:, language `sip`), which the language server serves like any
 * trace: every SIP Sense feature works in it.
 *
 * The bytes are read through vscode.workspace.fs (so virtual workspaces work) and decoded in a
 * worker thread of the extension host: the window never waits on it, progress is shown, and
 * cancelling ends the worker at once.
 */


/** What happens to a capture whose trace is over the limit, besides the summary saying so (a calls list read from disk, for one). */
export type LargeTraceHandler = (capture: vscode.Uri, summary: CaptureSummary) => unknown;

interface Decoded {
  text: string;
  summary: CaptureSummary;
}

/** The trace document of a capture: its path with `.sip` added (so it gets the language sip), the capture's URI as query. */
export function traceUri(capture: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: CAPTURE_SCHEME, path: `${capture.path}.sip`, query: capture.toString() });
}

function captureOf(trace: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(trace.query, true);
}

export class CaptureEditorProvider implements vscode.CustomReadonlyEditorProvider, vscode.TextDocumentContentProvider {
  /** Decoded traces by trace URI, kept while their document is open. */
  private readonly traces = new Map<string, Decoded>();

  constructor(private readonly workerPath: string, private readonly onTooLarge?: LargeTraceHandler) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.window.registerCustomEditorProvider(CAPTURE_VIEW_TYPE, this, { supportsMultipleEditorsPerDocument: true }),
      vscode.workspace.registerTextDocumentContentProvider(CAPTURE_SCHEME, this),
      vscode.commands.registerCommand(OPEN_CAPTURE_TRACE_COMMAND, (capture?: string) => this.openTrace(capture)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === CAPTURE_SCHEME) this.traces.delete(document.uri.toString());
      }),
    );
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const capture = document.uri;
    const name = capture.path.slice(capture.path.lastIndexOf('/') + 1);
    const link = `command:${OPEN_CAPTURE_TRACE_COMMAND}?${encodeURIComponent(JSON.stringify([capture.toString()]))}`;
    panel.webview.options = { enableScripts: false, enableCommandUris: [OPEN_CAPTURE_TRACE_COMMAND] };
    const show = (state: CaptureState): void => {
      panel.webview.html = summaryHtml(name, state, link, panel.webview.cspSource);
    };
    show({ kind: 'decoding' });
    let decoded: Decoded | undefined;
    try {
      decoded = await this.decode(capture);
    } catch (error) {
      show({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!decoded) {
      show({ kind: 'cancelled' });
      return;
    }
    show({ kind: 'done', summary: decoded.summary, limitBytes: SYNC_LIMIT_BYTES });
    if (decoded.summary.textLength > SYNC_LIMIT_BYTES) {
      await this.onTooLarge?.(capture, decoded.summary);
      return;
    }
    if (decoded.summary.sipMessages > 0) {
      this.traces.set(traceUri(capture).toString(), decoded);
      await this.showTrace(capture, panel.viewColumn);
    }
  }

  /** The decoded text (decoded again when VS Code restores a trace tab after a reload). */
  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    let decoded = this.traces.get(uri.toString());
    if (!decoded) {
      decoded = await this.decode(captureOf(uri), token);
      if (!decoded) return '';
      if (decoded.summary.textLength > SYNC_LIMIT_BYTES) {
        void vscode.window.showWarningMessage(localized('The decoded trace is over the 50 MB that VS Code hands to extensions: it is not opened.'));
        return '';
      }
      this.traces.set(uri.toString(), decoded);
    }
    return decoded.text;
  }

  private async openTrace(capture: string | undefined): Promise<void> {
    if (!capture) return;
    await this.showTrace(vscode.Uri.parse(capture, true), vscode.ViewColumn.Active);
  }

  private async showTrace(capture: vscode.Uri, column: vscode.ViewColumn | undefined): Promise<void> {
    const document = await vscode.workspace.openTextDocument(traceUri(capture));
    if (document.languageId !== 'sip') await vscode.languages.setTextDocumentLanguage(document, 'sip');
    await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  }

  /** Reads and decodes a capture with progress; undefined when cancelled. */
  private decode(capture: vscode.Uri, token?: vscode.CancellationToken): Thenable<Decoded | undefined> {
    const name = capture.path.slice(capture.path.lastIndexOf('/') + 1);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: localized('Decoding {0}', name), cancellable: true },
      async (progress, cancel) => {
        // A file on this machine is read by the worker as it decodes (a capture of gigabytes is never in memory); others through VS Code's file system.
        const bytes = capture.scheme === 'file' ? undefined : await vscode.workspace.fs.readFile(capture);
        if (cancel.isCancellationRequested || token?.isCancellationRequested) return undefined;
        return new Promise<Decoded | undefined>((resolve, reject) => {
          const worker = new Worker(this.workerPath);
          let reported = 0;
          const stop = (): void => {
            void worker.terminate();
            resolve(undefined);
          };
          const subscriptions = [cancel.onCancellationRequested(stop), token?.onCancellationRequested(stop)];
          const finish = (): void => {
            for (const s of subscriptions) s?.dispose();
            void worker.terminate();
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.kind === 'progress') {
              const percent = Math.floor((100 * reply.done) / Math.max(1, reply.total));
              if (percent > reported) progress.report({ increment: percent - reported, message: `${percent}%` });
              reported = Math.max(reported, percent);
              return;
            }
            finish();
            resolve({ text: reply.text, summary: reply.summary });
          });
          worker.on('error', (error) => {
            finish();
            reject(error);
          });
          if (!bytes) {
            worker.postMessage({ path: capture.fsPath, maxText: SYNC_LIMIT_BYTES } satisfies WorkerRequest);
            return;
          }
          // The file's bytes move to the worker (no copy).
          const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
          const request: WorkerRequest = { bytes: copy, maxText: SYNC_LIMIT_BYTES };
          worker.postMessage(request, [copy.buffer as ArrayBuffer]);
        });
      },
    );
  }
}
