import type { ServerContext } from '../context';
import { CodesRequest, ExplainRequest } from '../../../common/requests';
import { allStatusEntries, explainStatus } from '../service';

/** The custom requests of the VS Code client (declared in common/requests.ts). */
export function registerCustomRequests(context: ServerContext): void {
  const { connection, documents } = context;

  connection.onRequest(CodesRequest, () =>
    allStatusEntries().map((entry) => ({ code: entry.code, phrase: entry.phrase, status: entry.status })));

  connection.onRequest(ExplainRequest, async (params) => {
    // Parameters come from the wire: checked, whatever their declared type.
    const { code: raw, uri } = (params ?? {}) as { code?: unknown; uri?: unknown };
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
    if (!code || !/^[0-9]{1,12}$/.test(code)) return null;
    const settings = await context.settingsFor(typeof uri === 'string' && documents.has(uri) ? uri : undefined);
    return { markdown: explainStatus(code, settings.language) };
  });
}
