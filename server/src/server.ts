import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';
import { exitOnSignals, removeStaleCaptureFolders } from './files/tempFolders';
import { createIpcConnection, createStdioConnection } from './transport';

/**
 * The language server's entry point: `--stdio` (every editor's, VS Code's client's too) goes
 * through our own transport, which answers malformed frames and finds the next one, and writes the
 * Outline of a big trace in pieces (transport.ts); `--node-ipc` and the other transports through
 * vscode-languageserver's, every answer whole. Over stdio and node-ipc the server hears of each
 * message as it is read.
 */
const stdio = process.argv.includes('--stdio');
// Each message read lets the reading of traces skip a turn, so that a hover waits for no slice of it.
const arrived = (): void => context.messageArrived();
const connection = stdio
  ? createStdioConnection(arrived)
  : process.argv.includes('--node-ipc') ? createIpcConnection(arrived) : createConnection(ProposedFeatures.all);
const context = createServer(connection, stdio);

process.on('uncaughtException', (error) => {
  connection.console.error(`SIP Sense: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});

exitOnSignals();
// What servers killed before could not remove (SIGKILL, a crash).
removeStaleCaptureFolders();

connection.listen();
