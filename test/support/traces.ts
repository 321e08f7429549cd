import { buildTraceModel, readMessages, type TraceModel } from '../../server/src/service/trace';

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
