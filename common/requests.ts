import { RequestType, RequestType0 } from 'vscode-jsonrpc';

/** The custom requests of the look-up command: every code the server knows, and one code's explanation. */

/** One code of the look-up list. */
export interface CodeSummary {
  code: number;
  phrase: string;
  /** registered, deprecated, removed, unregistered or product-specific. */
  status: string;
}

export const CodesRequest = new RequestType0<CodeSummary[], void>('sipSense/codes');

export interface ExplainParams {
  /** The code, digits only (a number is taken too). */
  code: string | number;
  /** The document whose settings apply (its hover language); the workspace's when absent. */
  uri?: string;
}

/** The explanation in Markdown, or null when the code is not digits. */
export const ExplainRequest = new RequestType<ExplainParams, { markdown: string } | null, void>('sipSense/explain');
