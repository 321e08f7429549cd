import { streamFile, type FileReadOptions, type StreamedFile } from '../../server/src/files/captureTrace';
import { TraceStream } from '../../server/src/files/traceStream';
import { buildTraceModel, readMessages, type SipMessage, type TraceModel } from '../../server/src/service/trace';

/** The model of a text, read line by line as the service reads a document (\n, \r\n or a lone \r). */
export function modelOf(text: string): TraceModel {
  const lines = text.split(/\r\n|\r|\n/);
  return buildTraceModel(readMessages(lines.length, (line) => lines[line]));
}

/** A SIP message from its lines, joined with CRLF, ending with the blank line (and a body when given). */
export function sip(lines: readonly string[], body: readonly string[] = []): string {
  const bodyText = body.map((l) => `${l}\r\n`).join('');
  const headers = [...lines, `Content-Length: ${bodyText.length}`];
  return `${headers.join('\r\n')}\r\n\r\n${bodyText}`;
}

/** The 1-based start lines of the model's messages. */
export function startLines(model: TraceModel): number[] {
  return model.messages.map((m) => m.startLine + 1);
}

/** A trace stream whose message records are kept, and the whole model they make (once the stream has ended). */
export function modelStream(): { stream: TraceStream; model(): TraceModel } {
  const messages: SipMessage[] = [];
  const stream = new TraceStream((message) => messages.push(message));
  return { stream, model: () => buildTraceModel(messages) };
}

/** A text trace or a capture read from disk, with the whole trace's model. */
export type FileTrace = StreamedFile & { model: TraceModel };

/**
 * A text trace or a capture read from disk (streamed, as the server reads a file) into the whole
 * trace's model: the reference that the server's bounded readers of files (calls list, flow) are
 * compared with.
 */
export async function readFileTrace(path: string, options: FileReadOptions = {}): Promise<FileTrace> {
  const { stream, model } = modelStream();
  const read = await streamFile(path, stream, options);
  return { ...read, model: model() };
}
