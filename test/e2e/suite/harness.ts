import { request } from 'node:http';
import * as vscode from 'vscode';

/**
 * A minimal test harness for the extension host (no test framework is loaded there): tests are
 * registered with test(), run in order by runAll(), and reported one line each, then with the
 * closing line `e2e: N passed, N failed` (`e2e-vsix: ...` for the packaged-extension test, whose
 * runAll() is given that label). Output goes to the runner's bridge when there is one
 * (code-server), else to the console (desktop VS Code prints it on stdout).
 */

type TestFunction = () => unknown;

interface RegisteredTest {
  name: string;
  fn: TestFunction;
  timeoutMs: number;
  /** Run in the extension host that starts after a window reload, given what `fn` answered. */
  afterReload?: (saved: unknown) => Promise<void> | void;
}

/** Where runAll() was when a test reloaded the window: kept by the runner's bridge meanwhile. */
interface Resume {
  label: string;
  index: number;
  passed: number;
  failed: number;
  started: number;
  saved: unknown;
}

const tests: RegisteredTest[] = [];

export function test(name: string, fn: TestFunction, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

/**
 * A test in two halves: `before` runs, the window reloads (a new extension host loads these tests
 * again and runAll() goes on at this test), then `after` runs with what `before` answered (JSON).
 * Only where the runner's bridge keeps that across the reload (code-server); elsewhere `before` alone.
 */
export function testAcrossReload<T>(name: string, before: () => Promise<T>, after: (saved: T) => Promise<void>, timeoutMs = 60_000): void {
  tests.push({ name, fn: before, timeoutMs, afterReload: after as (saved: unknown) => Promise<void> });
}

const bridge = process.env.SIPSENSE_E2E_BRIDGE;

/** A call to the runner's bridge; undefined when there is none (desktop VS Code). */
export function callBridge(path: '/log' | '/screenshot' | '/texts' | '/keys' | '/frame' | '/state', body: unknown): Promise<unknown> {
  if (!bridge) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const call = request(`${bridge}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (response.statusCode === 200) resolve(answer.result);
        else reject(new Error(`bridge ${path}: ${answer.error ?? response.statusCode}`));
      });
    });
    call.on('error', reject);
    call.end(payload);
  });
}

export const hasBridge = !!bridge;

export async function log(text: string): Promise<void> {
  if (bridge) await callBridge('/log', { text }).catch(() => console.log(text));
  else console.log(text);
}

function timeout(ms: number, name: string): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" did not finish within ${ms} ms`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Runs every registered test; throws (so the extension host exits with 1) when one failed, or when
 * none was registered. `label` starts the report lines (run.ts repeats the closing one last).
 */
export async function runAll(label = 'e2e'): Promise<void> {
  // Taken once: a run that fails after this point starts from the top when loaded again.
  const kept = (hasBridge ? await callBridge('/state', { set: null }) : null) as Resume | null;
  const resume = kept?.label === label ? kept : undefined;
  let passed = resume?.passed ?? 0;
  let failed = resume?.failed ?? 0;
  const started = resume?.started ?? Date.now();
  if (resume) await log(`${label}: the window reloaded, going on at test ${resume.index + 1}`);
  else await log(`${label}: running ${tests.length} tests in the extension host`);
  for (const [index, entry] of tests.entries()) {
    if (resume && index < resume.index) continue;
    const t0 = Date.now();
    const limit = timeout(entry.timeoutMs, entry.name);
    const { afterReload } = entry;
    const run = async (): Promise<void> => {
      if (resume?.index === index && afterReload) return afterReload(resume.saved);
      const saved = await entry.fn();
      if (!afterReload || !hasBridge) return;
      await callBridge('/state', { set: { label, index, passed, failed, started, saved } satisfies Resume });
      // As it ends, this extension host cancels the command: that is the reload, not a failure.
      void Promise.resolve(vscode.commands.executeCommand('workbench.action.reloadWindow')).catch(() => undefined);
      // This extension host ends with the reload; the timeout below says so if it never comes.
      await new Promise<never>(() => undefined);
    };
    try {
      await Promise.race([run(), limit.promise]);
      passed++;
      await log(`ok ${index + 1} - ${entry.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed++;
      if (afterReload && hasBridge) await callBridge('/state', { set: null }).catch(() => undefined); // no reload to come back from
      const detail = error instanceof Error ? error.stack ?? error.message : String(error);
      await log(`not ok ${index + 1} - ${entry.name} (${Date.now() - t0} ms)\n${detail.split('\n').map((l) => `  ${l}`).join('\n')}`);
    } finally {
      limit.clear();
    }
  }
  if (tests.length === 0) failed++; // nothing ran: a failure, never a pass
  await log(`${label}: ${tests.length} tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await log(`${label}: ${passed} passed, ${failed} failed`);
  if (tests.length === 0) throw new Error('no integration tests were registered');
  if (failed > 0) throw new Error(`${failed} of ${tests.length} integration tests failed`);
}
