import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';
import { exitOnSignals, removeStaleCaptureFolders } from './files/tempFolders';
import { createStdioConnection } from './transport';

/**
 * The language server's entry point: `--stdio` (every editor's, VS Code's client's too) goes
 * through our own transport, which answers malformed frames and finds the next one, and writes the
 * Outline of a big trace in pieces (transport.ts); `--node-ipc` and the other transports through
 * vscode-languageserver's, every answer whole.
 */
const stdio = process.argv.includes('--stdio');
const connection = stdio ? createStdioConnection() : createConnection(ProposedFeatures.all);
createServer(connection, stdio);

process.on('uncaughtException', (error) => {
  connection.console.error(`SIP Sense: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});

exitOnSignals();
// What servers killed before could not remove (SIGKILL, a crash).
removeStaleCaptureFolders();

connection.listen();
