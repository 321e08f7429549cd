import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodesRequest } from '../../common/requests';

const STATUS_LABELS: Record<string, () => string> = {
  deprecated: () => vscode.l10n.t('deprecated'),
  removed: () => vscode.l10n.t('removed'),
  unregistered: () => vscode.l10n.t('not registered'),
  'product-specific': () => vscode.l10n.t('product-specific'),
};

/** A quick pick over every code the server knows; resolves to the picked code. */
export async function pickStatusCode(client: LanguageClient | undefined): Promise<string | undefined> {
  if (!client) return undefined;
  const codes = await client.sendRequest(CodesRequest);
  const picked = await vscode.window.showQuickPick(
    codes.map((entry) => ({
      label: `${entry.code} ${entry.phrase}`,
      description: entry.status === 'registered' ? undefined : STATUS_LABELS[entry.status]?.() ?? entry.status,
      code: String(entry.code),
    })),
    { placeHolder: vscode.l10n.t('SIP status code (type a number or a phrase)'), matchOnDescription: true },
  );
  return picked?.code;
}
