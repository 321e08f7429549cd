import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The temporary folders that hold captures' decoded text: `sipsense-capture-<pid>-XXXXXX` under the
 * OS temp folder, named after the process that made them. This process removes its own as it
 * exits (process.exit, the end of the event loop, or a signal the entry point turns into an exit);
 * those of a process that could not (killed with SIGKILL, crashed) are removed by the next server
 * that starts, once no process has that pid.
 */

const PREFIX = 'sipsense-capture-';
/** mkdtemp's six characters after the pid. */
const NAME = /^sipsense-capture-([0-9]{1,10})-[A-Za-z0-9]{6}$/;

/** The folders this process made and has not removed. */
const made = new Set<string>();

/** A fresh folder for a capture's decoded text, removed when this process exits if not before. */
export function makeCaptureFolder(root = tmpdir()): string {
  const folder = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  if (made.size === 0) process.once('exit', removeOwnFolders);
  made.add(folder);
  return folder;
}

/** Removes a folder made by makeCaptureFolder, and what it holds. */
export function removeCaptureFolder(folder: string): void {
  made.delete(folder);
  if (made.size === 0) process.removeListener('exit', removeOwnFolders);
  rmSync(folder, { recursive: true, force: true });
}

/** Killed by a signal (SIGTERM, SIGINT, SIGHUP), the process exits as process.exit does, so that its folders are removed. */
export function exitOnSignals(): void {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const) process.once(signal, () => process.exit(code));
}

function removeOwnFolders(): void {
  for (const folder of [...made]) removeCaptureFolder(folder);
}

/**
 * Removes the capture folders left by processes that are gone: only folders named as ours, owned by
 * this user, whose pid no process has (or has this process's own pid without this process having
 * made them: a pid reused after a restart, as in containers). Returns the folders removed.
 */
export function removeStaleCaptureFolders(root = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const folder = join(root, name);
    const pid = Number(match[1]);
    if (made.has(folder) || (pid !== process.pid && processExists(pid))) continue;
    try {
      const stats = lstatSync(folder);
      if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Removed meanwhile by another server starting, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/** Whether a process has this pid (one of another user's counts; only "no such process" says it is gone). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
