import { statSync } from 'node:fs';
import { readFileCalls, type FileCalls } from './fileCalls';
import { ReadCancelled, type ReadOptions } from './traceFile';

/** A request's cancellation (the protocol's CancellationToken has this shape). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** How many files' calls are kept (each a calls list and where its messages lie, never their records or text). */
const KEPT = 2;

interface Entry {
  /** Size and modification time when the read started: a file that changed since is read again. */
  stamp: string;
  trace: Promise<FileCalls>;
  /** The trace once read (so that forgetting it can clean up at once, as the process exits). */
  done?: FileCalls;
  /** Requests waiting for the read; when all of them are cancelled, the read stops. */
  waiting: number;
  cancelled: boolean;
}

/**
 * The models of trace files and captures read from disk (files the editor did not hand over), read
 * once and shared by the requests that ask for them while the file is unchanged. A capture's
 * decoded text is kept in a temporary file while its model is kept.
 */
export class FileTraces {
  private readonly entries = new Map<string, Entry>();

  /**
   * The model of the file at `path`. The read stops when every request waiting for it has been
   * cancelled. `progress` hears the read's progress when this request started it.
   */
  async get(path: string, cancellation: Cancellation, progress?: ReadOptions['progress']): Promise<FileCalls> {
    const stats = statSync(path);
    const stamp = `${stats.size} ${stats.mtimeMs}`;
    let entry = this.entries.get(path);
    if (!entry || entry.stamp !== stamp || entry.cancelled) {
      const fresh: Entry = { stamp, waiting: 0, cancelled: false, trace: Promise.resolve(undefined as never) };
      fresh.trace = readFileCalls(path, { progress, cancelled: () => fresh.cancelled, keepText: true });
      fresh.trace.then((trace) => { fresh.done = trace; }, () => this.entries.get(path) === fresh && this.entries.delete(path));
      entry = fresh;
    }
    this.entries.delete(path);
    this.entries.set(path, entry);
    while (this.entries.size > KEPT) this.forget(this.entries.keys().next().value as string);
    const current = entry;
    current.waiting++;
    const listener = cancellation.onCancellationRequested(() => {
      if (--current.waiting === 0) current.cancelled = true;
    });
    try {
      const trace = await current.trace;
      if (cancellation.isCancellationRequested) throw new ReadCancelled();
      return trace;
    } finally {
      listener.dispose();
    }
  }

  /** Forgets every model (and removes what reading left on disk). */
  clear(): void {
    for (const path of [...this.entries.keys()]) this.forget(path);
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    this.entries.delete(path);
    if (entry?.done) entry.done.dispose();
    else entry?.trace.then((trace) => trace.dispose(), () => undefined);
  }
}
