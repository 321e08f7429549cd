import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { CallsRequest } from '../../common/callFlow';
import { makeCaptureFolder, removeCaptureFolder, removeStaleCaptureFolders } from '../../server/src/files/tempFolders';
import { sharedRoot } from '../support/corpus';
import { ServerUnderTest } from '../support/lspClient';

/**
 * The folders of captures' decoded text, against the built server with a temp folder of its own
 * (TMPDIR): removed as the server exits, by a signal too; left behind by a server killed with
 * SIGKILL, and removed by the next server as it starts; never those of a process still running.
 */

const root = mkdtempSync(join(tmpdir(), 'sipsense-tempfolders-'));
const started: ServerUnderTest[] = [];
after(() => {
  // A failed test leaves no server running.
  for (const server of started) if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
  for (const server of started) server.connection.dispose();
  rmSync(root, { recursive: true, force: true });
});

function startServer(): ServerUnderTest {
  const server = new ServerUnderTest(undefined, [], { ...process.env, TMPDIR: root, TMP: root, TEMP: root });
  started.push(server);
  return server;
}
const CAPTURE_URI = pathToFileURL(join(sharedRoot, 'corpus', 'pcap', 'pkts__sipp.pcap')).toString();

/** A server whose temp folder is `root`, with a capture's calls asked for (so that it holds a decoded text). */
async function serverHoldingACapture(): Promise<{ server: ServerUnderTest; folder: string }> {
  const server = startServer();
  await server.initialize();
  const calls = await server.connection.sendRequest(CallsRequest, { uri: CAPTURE_URI });
  assert.equal(calls.source, 'file');
  const folders = readdirSync(root).filter((name) => name.startsWith(`sipsense-capture-${server.process.pid}-`));
  assert.equal(folders.length, 1, readdirSync(root).join(', '));
  const folder = join(root, folders[0]);
  assert.ok(existsSync(join(folder, 'decoded.txt')));
  return { server, folder };
}

function exited(server: ServerUnderTest): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => server.process.once('exit', (code, signal) => resolve(signal ?? code)));
}

test('a server killed with SIGKILL leaves its folder; the next server removes it as it starts, and no folder of a live process', async () => {
  const alive = join(root, `sipsense-capture-${process.pid}-aB3dE9`);
  const notOurs = join(root, 'sipsense-capture-notapid');
  mkdirSync(alive);
  mkdirSync(notOurs);
  const first = await serverHoldingACapture();
  const killed = exited(first.server);
  first.server.process.kill('SIGKILL');
  assert.equal(await killed, 'SIGKILL');
  assert.ok(existsSync(first.folder), 'SIGKILL leaves the folder behind');

  const next = startServer();
  await next.initialize();
  assert.ok(!existsSync(first.folder), 'the next server removed the dead one\'s folder');
  assert.ok(existsSync(alive), 'the folder of a process still running stays');
  assert.ok(existsSync(notOurs), 'a folder not named as ours stays');
  assert.equal(await next.stop(), 0);
  rmSync(alive, { recursive: true });
  rmSync(notOurs, { recursive: true });
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`a server stopped with ${signal} removes its folder as it exits`, async () => {
    const { server, folder } = await serverHoldingACapture();
    const code = exited(server);
    server.process.kill(signal);
    assert.equal(await code, signal === 'SIGTERM' ? 143 : 130);
    assert.ok(!existsSync(folder));
  });
}

test('a server asked to shut down and exit removes its folder', async () => {
  const { server, folder } = await serverHoldingACapture();
  assert.equal(await server.stop(), 0);
  assert.ok(!existsSync(folder));
});

test('a folder named with this process\'s pid that this process did not make is stale (a pid reused after a restart)', () => {
  const alone = mkdtempSync(join(root, 'reused-'));
  const own = makeCaptureFolder(alone);
  const reused = join(alone, `sipsense-capture-${process.pid}-Zz0000`);
  mkdirSync(reused);
  assert.deepEqual(removeStaleCaptureFolders(alone), [reused]);
  assert.ok(existsSync(own), 'this process\'s own folder stays');
  removeCaptureFolder(own);
  assert.ok(!existsSync(own));
});
