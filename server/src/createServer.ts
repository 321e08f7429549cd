import type { Connection, InitializeResult } from 'vscode-languageserver/node';
import { ServerContext } from './context';
import { registerCallFlow } from './handlers/callFlow';
import { registerCustomRequests } from './handlers/customRequests';
import { registerDocumentHandlers } from './handlers/documents';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { registerStructureFeatures } from './handlers/structureFeatures';
import { createValidation } from './handlers/validation';
import { VERSION } from './version';

/**
 * Wires the language service to a connection, whatever its transport: each handler module
 * registers its requests and says which capabilities they give. Nothing is kept at module level:
 * the returned context is this server's whole state. `piecewiseResults`: whether the connection's
 * writer writes big answers in pieces (see ServerContext).
 */
export function createServer(connection: Connection, piecewiseResults = false): ServerContext {
  const context = new ServerContext(connection, piecewiseResults);
  const capabilities = {
    ...registerDocumentHandlers(context, createValidation(context)),
    ...registerLanguageFeatures(context),
    ...registerCallFlow(context),
    ...registerStructureFeatures(context),
  };
  registerCustomRequests(context);
  connection.onInitialize((params): InitializeResult => {
    context.initialize(params);
    return { capabilities, serverInfo: { name: 'sipsense-language-server', version: VERSION } };
  });
  return context;
}
