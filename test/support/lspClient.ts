import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import { repoRoot } from './corpus';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    message: string;
    tags?: number[];
    data?: unknown;
  }[];
}

/** A language server (by default the built dist/server.js) started over stdio, and a JSON-RPC connection to it. */
export class ServerUnderTest {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  /** Settings answered to workspace/configuration (undefined: the client does not support it). */
  settings: unknown = {};
  private readonly published = new Map<string, PublishedDiagnostics[]>();
  private readonly waiters: { uri: string; accept: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  constructor(serverModule = join(repoRoot, 'dist', 'server.js'), execArgv: string[] = []) {
    this.process = spawn(process.execPath, [...execArgv, serverModule, '--stdio'], { stdio: 'pipe' });
    this.process.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(options: { locale?: string; configuration?: boolean; initializationOptions?: unknown } = {}): Promise<any> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'en',
      capabilities: { workspace: { configuration: options.configuration ?? true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** The next diagnostics published for `uri` that satisfy `accept`, or the newest already published. */
  diagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 20000): Promise<PublishedDiagnostics> {
    const already = (this.published.get(uri) ?? []).filter(accept).pop();
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  hover(uri: string, position: { line: number; character: number }): Promise<any> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: { line: number; character: number }): Promise<any[] | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** shutdown, exit, and the exit code of the process. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
