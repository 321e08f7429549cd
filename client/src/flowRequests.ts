import type { CancellationToken } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CallFlowRequest, CallsRequest, type CallFlow, type CallsResult } from '../../common/callFlow';
import { ExplainRequest } from '../../common/requests';

/** The flow feature's requests, as the views send them. */

export function requestCalls(client: LanguageClient, uri: string, token?: CancellationToken): Promise<CallsResult> {
  return client.sendRequest(CallsRequest, { uri }, token);
}

/** The ladder of `callIds` (of every call when absent), the window of it at `start` or around `line`. */
export function requestFlow(
  client: LanguageClient, uri: string, callIds: string[] | undefined, at: { start?: number; line?: number }, token?: CancellationToken,
): Promise<CallFlow> {
  return client.sendRequest(CallFlowRequest, { uri, ...(callIds ? { callIds } : {}), ...at }, token);
}

export function requestExplanation(client: LanguageClient, code: number, uri: string): Promise<{ markdown: string } | null> {
  return client.sendRequest(ExplainRequest, { code: String(code), uri });
}
