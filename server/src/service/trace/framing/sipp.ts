import { readDateTime, transportName } from './facts';
import { FRAMING_LINE, type FramingReader } from './framing';

/**
 * `----------------------------------------------- 2012-06-23 23:45:09.792454` (the date and time of
 * what follows; SIPp 3.6 and later write it in RFC 3339: `2024-01-01T10:00:00.123456+01:00`).
 */
const SEPARATOR = /^-{10,} ([0-9]{4}-[0-9]{2}-[0-9]{2}(?:\s+|T)[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)[ \t]*$/;
/** `UDP message sent (539 bytes):`, `UDP message received [327] bytes :`, `TCP control message sent [12] bytes:`. */
const DIRECTION = /^([A-Za-z]+) (?:control )?message (?:sent|received) [([][0-9]+/;

/**
 * SIPp's message log (`-trace_msg`): a dated separator line, a line saying whether the message was
 * sent or received and over which transport, a blank line, the message.
 */
export const sippFraming: FramingReader = {
  id: 'sipp',
  cues: ['----------'],
  frame(text) {
    const m = SEPARATOR.exec(text);
    if (!m) return undefined;
    const time = readDateTime(m[1].replace(/\s+/, ' '));
    return time === undefined ? {} : { time };
  },
  content(text, frame) {
    if (frame.started) return text;
    const m = DIRECTION.exec(text);
    if (!m) return text;
    frame.transport = transportName(m[1]);
    return FRAMING_LINE;
  },
};
