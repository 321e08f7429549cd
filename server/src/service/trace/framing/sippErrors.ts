import { readDateTime } from './facts';
import { END_OF_MESSAGE, type FramingReader } from './framing';

/**
 * An entry of SIPp's error log (`-trace_err`): the date and time of day, the same instant as
 * seconds since 1970, then the text (`2024-01-01\t10:00:00.123456\t1704103200.123456: ...`), or
 * with `-rfc3339` one timestamp (`2024-01-01T10:00:00.123456+01:00: ...`).
 */
const ENTRY = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]+[0-9]{2}:[0-9]{2}:[0-9]{2}[.:][0-9]{1,9}[ \t]+([0-9]{1,12}(?:\.[0-9]{1,9})?)|([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2}))): /;

/**
 * Where an entry quotes the message it is about, which follows on the same line (`... received
 * 'SIP/2.0 486 Busy Here`, `in reply 'SIP/2.0 ...`), or says that it follows on the next lines
 * (`Discarding message which can't be mapped to a known SIPp call:`). Data only.
 */
const QUOTES: readonly string[] = ["received '", "reply '"];
const FOLLOWS: readonly string[] = ['known SIPp call:'];

/**
 * SIPp's error log: the entries about a message (an unexpected one that aborted or continued a
 * call, one for a dead call, one that could not be parsed or mapped to a call) carry it whole,
 * its first line quoted on the entry's line, the others below it, a line with the closing quote
 * after it. The entry gives the time; the log says nothing of transports or addresses.
 */
export const sippErrorsFraming: FramingReader = {
  id: 'sipp-errors',
  cues: [...QUOTES, ...FOLLOWS],
  frame(text) {
    const m = ENTRY.exec(text);
    if (!m) return undefined;
    const time = m[1] !== undefined ? Number(m[1]) : readDateTime(m[2]);
    if (time === undefined) return undefined;
    const entry = text.slice(m[0].length);
    for (const quote of QUOTES) {
      const at = entry.indexOf(quote);
      if (at !== -1) return { time, at: m[0].length + at + quote.length };
    }
    return FOLLOWS.some((follows) => entry.trimEnd().endsWith(follows)) ? { time } : undefined;
  },
  content(text) {
    return text === "'" ? END_OF_MESSAGE : text;
  },
};
