import { constants } from 'node:buffer';
import {
  AbstractMessageReader, AbstractMessageWriter, createConnection, ErrorCodes, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter,
  type Connection, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter, type ResponseMessage,
} from 'vscode-languageserver/node';
import { EncodedJsonArray } from './piecewiseJson';

/**
 * The server's stdio transport. vscode-languageserver's own reader gives no answer to a message
 * that is not JSON, and after one malformed header (a bad Content-Length, bytes that are no header)
 * it reads every later message as part of a broken one: the server goes deaf for good. This reader
 * answers what JSON-RPC says (Parse error -32700 or Invalid Request -32600, with a null id) and
 * starts again at the next "Content-Length:" header.
 */

/** The header field every frame must have (compared without regard to case). */
const CONTENT_LENGTH = 'content-length';
/** A header block is a few dozen bytes; bytes without a header end beyond this are junk. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Where the header block of `buffer` ends (just after CRLF CRLF), or -1. */
function headerEnd(buffer: Buffer): number {
  const at = buffer.indexOf('\r\n\r\n');
  return at === -1 ? -1 : at + 4;
}

/**
 * The Content-Length of a header block, or undefined when the block is malformed: a line without
 * ':', no Content-Length, or one that is no number or longer than any message can be (waiting for
 * that many bytes would leave the server deaf).
 */
function contentLengthOf(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== CONTENT_LENGTH) continue;
    const value = line.slice(colon + 1).trim();
    if (value.length === 0 || value.length > 15) return undefined;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    length = Number(value);
    if (length > constants.MAX_STRING_LENGTH) return undefined;
  }
  return length;
}

/** Where the last "Content-Length:" header starts in `text` after its first character (-1: none). */
function lastHeaderStart(text: string): number {
  const at = text.toLowerCase().lastIndexOf(`${CONTENT_LENGTH}:`);
  return at > 0 ? at : -1;
}

function isId(value: unknown): value is number | string {
  return typeof value === 'number' || typeof value === 'string';
}

/**
 * What to answer a parsed message that the connection cannot take (neither a request, nor a
 * notification, nor a response), or undefined to hand the message on. Something with an id and
 * no method may be a client's malformed response to a request of the server: the connection gets
 * it, to settle that request.
 */
function invalidRequest(message: unknown): ResponseMessage | undefined {
  const fault = (id: number | string | null, text: string): ResponseMessage => ({
    jsonrpc: '2.0', id, error: { code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${text}` },
  });
  if (message === null || typeof message !== 'object') return fault(null, 'not a JSON object');
  if (Array.isArray(message)) return fault(null, 'batches are not supported');
  const candidate = message as { id?: unknown; method?: unknown };
  if ('method' in candidate) {
    if (typeof candidate.method !== 'string') return fault(isId(candidate.id) ? candidate.id : null, 'the method is not a string');
    if (candidate.id !== undefined && !isId(candidate.id)) return fault(null, 'the id is neither a number nor a string');
    return undefined;
  }
  return isId(candidate.id) || candidate.id === null ? undefined : fault(null, 'neither a request, a notification nor a response');
}

/** Reads LSP frames from a stream, answering and skipping what is malformed instead of losing the stream. */
export class ResyncingMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length of the frame being read, or -1 while a header is expected. */
  private bodyLength = -1;
  /** Whether junk is being skipped (one error is answered for a run of junk). */
  private skipping = false;
  private callback: DataCallback | undefined;
  /** Whether the client asked for shutdown (the exit code when the input ends). */
  shutdownRequested = false;

  constructor(private readonly input: NodeJS.ReadableStream, private readonly answer: (response: ResponseMessage) => void) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string): void => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onClose);
        this.input.off('close', onClose);
      },
    };
  }

  private onData(data: Buffer): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      if (this.bodyLength === -1 && !this.readHeader()) return;
      if (this.buffered < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body);
    }
  }

  /** Reads the next header block; false when more bytes are needed. */
  private readHeader(): boolean {
    for (;;) {
      if (this.chunks.length === 0) return false;
      // A header block is small: gather the first chunks until it ends, or until it cannot be one.
      while (this.chunks.length > 1 && headerEnd(this.chunks[0]) === -1 && this.chunks[0].length < MAX_HEADER_BYTES) {
        this.chunks.splice(0, 2, Buffer.concat([this.chunks[0], this.chunks[1]]));
      }
      const first = this.chunks[0];
      const end = headerEnd(first);
      if (end === -1) {
        if (first.length < MAX_HEADER_BYTES) return false;
        // No header ends here: keep only what may begin the next header.
        const text = first.toString('latin1');
        const at = lastHeaderStart(text);
        this.junk(at !== -1 ? at : first.length - CONTENT_LENGTH.length);
        continue;
      }
      const block = first.toString('latin1', 0, end);
      const length = contentLengthOf(block);
      if (length !== undefined) {
        this.drop(end);
        this.bodyLength = length;
        this.skipping = false;
        return true;
      }
      // A malformed block: go on at the last Content-Length in it (what came before is junk), or after it.
      const at = lastHeaderStart(block);
      this.junk(at !== -1 ? at : end);
    }
  }

  /** Skips `count` bytes of junk, answering one Parse error for a run of it. */
  private junk(count: number): void {
    this.drop(count);
    if (!this.skipping) {
      this.skipping = true;
      this.answer({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: 'Parse error: malformed message header' } });
    }
  }

  /** Removes the first `count` bytes. */
  private drop(count: number): void {
    this.buffered -= count;
    while (count > 0) {
      const first = this.chunks[0];
      if (first.length <= count) {
        this.chunks.shift();
        count -= first.length;
      } else {
        this.chunks[0] = first.subarray(count);
        count = 0;
      }
    }
  }

  /** Removes and returns the first `count` bytes (copied once, however many chunks they span). */
  private take(count: number): Buffer {
    const first = this.chunks[0];
    if (count === 0) return Buffer.alloc(0);
    if (first.length >= count) {
      this.drop(count);
      return first.subarray(0, count);
    }
    const body = Buffer.allocUnsafe(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[0];
      const part = Math.min(chunk.length, count - filled);
      chunk.copy(body, filled, 0, part);
      filled += part;
      this.drop(part);
    }
    return body;
  }

  private deliver(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.answer({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${why}` } });
      return;
    }
    const invalid = invalidRequest(message);
    if (invalid) {
      this.answer(invalid);
      return;
    }
    if ((message as { method?: unknown }).method === 'shutdown') this.shutdownRequested = true;
    this.callback?.(message as Message);
  }
}

/** The JSON of `response` around its result: what comes before the result and what comes after. */
function aroundResult(response: ResponseMessage): [string, string] {
  // A number where the result goes: `"result":0` cannot be inside a JSON string (its quotes would be escaped).
  const json = JSON.stringify({ ...response, result: 0 });
  const at = json.lastIndexOf('"result":0') + '"result":'.length;
  return [json.slice(0, at), json.slice(at + 1)];
}

/**
 * Writes LSP frames to a stream as vscode-languageserver's StreamMessageWriter does (it writes
 * every message but one kind, with the same bytes), and a response whose result is an
 * EncodedJsonArray (piecewiseJson.ts) piece by piece: its Content-Length added up from the pieces,
 * its JSON never made into one string or one buffer. Messages go out in the order they were given.
 */
export class PiecewiseMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly whole: StreamMessageWriter;
  /** The last write given, settled when it is done: each write waits for the one before. */
  private last: Promise<void> = Promise.resolve();
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    this.whole = new StreamMessageWriter(output);
    this.whole.onError(([error, message, count]) => this.fireError(error, message, count));
    this.whole.onClose(() => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const result = (message as ResponseMessage).result;
    const written = this.last.then(() => result instanceof EncodedJsonArray
      ? this.writePieces(message as ResponseMessage, result)
      : this.whole.write(message));
    this.last = written.catch(() => undefined);
    return written;
  }

  private async writePieces(response: ResponseMessage, result: EncodedJsonArray<unknown>): Promise<void> {
    const [before, after] = aroundResult(response);
    const head = Buffer.from(`${before}[`, 'utf8');
    const tail = Buffer.from(`]${after}`, 'utf8');
    try {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error | null): void => (error ? reject(error) : resolve());
        this.output.write(`Content-Length: ${head.length + result.byteLength + tail.length}\r\n\r\n`, 'ascii');
        this.output.write(head);
        for (const piece of result.pieces) this.output.write(piece);
        this.output.write(tail, done);
      });
    } catch (error) {
      this.fireError(error as Error, response, ++this.errorCount);
      throw error;
    }
  }

  end(): void {
    this.whole.end();
  }

  dispose(): void {
    this.whole.dispose();
    super.dispose();
  }
}

/**
 * A reader that calls `arrived` for each message as it is read, before passing it on: the connection
 * handles a message on a later turn of the event loop, and work done in slices meanwhile (the
 * reading of a trace) can let that turn go to the message.
 */
export class ArrivalReportingReader implements MessageReader {
  constructor(private readonly reader: MessageReader, private readonly arrived: () => void) {}

  get onError() {
    return this.reader.onError;
  }

  get onClose() {
    return this.reader.onClose;
  }

  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      this.arrived();
      callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }
}

/**
 * The connection over stdin and stdout, with the resynchronising reader, and what
 * vscode-languageserver does for --stdio: exit when the input ends (0 after a shutdown request,
 * 1 otherwise), and console output sent to the client's log instead of into the protocol stream.
 * `arrived` is called as each message is read.
 */
export function createStdioConnection(arrived: () => void): Connection {
  const writer = new PiecewiseMessageWriter(process.stdout);
  const reader = new ResyncingMessageReader(process.stdin, (response) => void writer.write(response).catch(() => undefined));
  const connection = createConnection(ProposedFeatures.all, new ArrivalReportingReader(reader, arrived), writer);
  const exit = (): never => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const log = (...args: unknown[]): void => connection.console.log(args.map(String).join(' '));
  console.log = log;
  console.info = log;
  console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  return connection;
}

/** The connection over Node's IPC channel (--node-ipc), as vscode-languageserver makes it; `arrived` is called as each message is read. */
export function createIpcConnection(arrived: () => void): Connection {
  return createConnection(ProposedFeatures.all, new ArrivalReportingReader(new IPCMessageReader(process), arrived), new IPCMessageWriter(process));
}
