import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createServer } from '../../server/src/createServer';
import type { ServerContext } from '../../server/src/context';
import { PiecewiseMessageWriter } from '../../server/src/transport';
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
/** What VS Code says it supports, as far as the server asks (formats, symbols, folding). */
export const VS_CODE_CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    definition: { linkSupport: true },
  },
};

export interface InitializeOptions {
  locale?: string;
  /** Whether the client answers workspace/configuration (VS Code's capabilities otherwise). */
  configuration?: boolean;
  initializationOptions?: unknown;
  /** The client's whole capabilities, instead of VS Code's. */
  capabilities?: unknown;
}

/** A test's side of a JSON-RPC connection to a language server: it answers workspace/configuration and collects diagnostics. */
export class TestClient {
  /** Settings answered to workspace/configuration (undefined: the client does not support it). */
  settings: unknown = {};
  private readonly published = new Map<string, PublishedDiagnostics[]>();
  private readonly waiters: { uri: string; accept: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  /** Messages the server showed (window/showMessage). */
  readonly messages: string[] = [];

  constructor(readonly connection: MessageConnection, private readonly processId: number | null) {
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
    this.connection.onNotification('window/showMessage', (params: { message: string }) => void this.messages.push(params.message));
    this.connection.listen();
  }

  async initialize(options: InitializeOptions = {}): Promise<any> {
    const capabilities = options.capabilities ?? {
      ...VS_CODE_CAPABILITIES,
      workspace: { configuration: options.configuration ?? true },
    };
    const result = await this.connection.sendRequest('initialize', {
      processId: this.processId,
      rootUri: null,
      locale: options.locale ?? 'en',
      capabilities,
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
}

/** A language server (by default the built dist/server.js) started over stdio, and a JSON-RPC connection to it. */
export class ServerUnderTest extends TestClient {
  readonly process: ChildProcess;
  readonly stderr: string[] = [];

  constructor(serverModule = join(repoRoot, 'dist', 'server.js'), execArgv: string[] = [], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [...execArgv, serverModule, '--stdio'], { stdio: 'pipe', env });
    super(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), process.pid);
    this.process = child;
    this.process.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
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

/**
 * The server's handlers in this process (createServer on one end of a pair of in-memory streams),
 * for tests of what a client's capabilities change; no process id, so nothing watches this one.
 */
export class InProcessServer extends TestClient {
  private readonly serverConnection: Connection;
  /** What the server holds (its documents), to look at from the test. */
  readonly context: ServerContext;

  /** What the server writes. */
  readonly output: PassThrough;

  /** `piecewise`: with the stdio transport's writer, which writes big answers in pieces (otherwise every answer whole, as over node-ipc). */
  constructor({ piecewise = false } = {}) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const writer = piecewise ? new PiecewiseMessageWriter(toClient) : new StreamMessageWriter(toClient);
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), writer);
    const context = createServer(serverConnection, piecewise);
    serverConnection.listen();
    super(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), null);
    this.serverConnection = serverConnection;
    this.context = context;
    this.output = toClient;
  }

  /** shutdown, then both ends closed (an exit notification would end this process). */
  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    this.serverConnection.dispose();
  }
}

/** The frames a server writes to a stream, their bodies as written (for tests of the very bytes it sends). */
export class FrameRecorder {
  private readonly bodies: Buffer[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The length of the body being read, or -1 while a header is. */
  private bodyLength = -1;

  constructor(stream: NodeJS.ReadableStream) {
    stream.on('data', (chunk: Buffer) => this.take(chunk));
  }

  /** The body of the last response written (a frame with an id and no method). */
  lastResponse(): Buffer {
    for (let i = this.bodies.length - 1; i >= 0; i--) {
      const message = JSON.parse(this.bodies[i].toString('utf8')) as { id?: unknown; method?: unknown };
      if (message.id !== undefined && message.method === undefined) return this.bodies[i];
    }
    throw new Error('no response written');
  }

  private take(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength === -1) {
        const bytes = Buffer.concat(this.chunks);
        const end = bytes.indexOf('\r\n\r\n');
        this.chunks = [bytes];
        if (end === -1) return;
        this.bodyLength = Number(/Content-Length: (\d+)/.exec(bytes.toString('ascii', 0, end))?.[1]);
        this.chunks = [bytes.subarray(end + 4)];
        this.buffered = bytes.length - end - 4;
      }
      if (this.buffered < this.bodyLength) return;
      const bytes = Buffer.concat(this.chunks);
      this.bodies.push(bytes.subarray(0, this.bodyLength));
      this.chunks = [bytes.subarray(this.bodyLength)];
      this.buffered = bytes.length - this.bodyLength;
      this.bodyLength = -1;
    }
  }
}
