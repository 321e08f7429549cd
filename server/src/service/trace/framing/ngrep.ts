import { readArrow } from './arrow';
import { readDateTime } from './facts';
import { END_OF_MESSAGE, type FramingReader } from './framing';

/** ngrep's protocol letters (and those of the capture decoder, which prints the same way). Data only. */
export const TRANSPORT_LETTERS: Readonly<Record<string, string>> = { U: 'UDP', T: 'TCP', S: 'SCTP', W: 'WS', H: 'HEP' };

/** `U 2005/07/04 09:32:52.844249 192.168.1.2:5060 -> 212.242.33.35:5060` (the date and time only with -t). */
const HEADER = /^([A-Z]) (?:([0-9]{4}\/[0-9]{2}\/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?) )?(?:\+[0-9.]+ )?(\S+ -> \S+)(?: .*)?$/;

/**
 * `ngrep -W byline` (and sipgrep, and the capture decoder's text): a header line per packet, then
 * the packet's lines, each CR printed as a trailing ".".
 */
export const ngrepFraming: FramingReader = {
  id: 'ngrep',
  cues: [' -> '],
  frame(text) {
    const m = HEADER.exec(text);
    if (!m) return undefined;
    const ends = readArrow(m[3]);
    if (!ends) return undefined;
    const time = m[2] === undefined ? undefined : readDateTime(m[2]);
    const transport = TRANSPORT_LETTERS[m[1]];
    return { ...ends, ...(time === undefined ? {} : { time }), ...(transport ? { transport } : {}) };
  },
  content(text) {
    // Lines of "#" stand for packets that did not match.
    if (/^#+[ \t]*$/.test(text)) return END_OF_MESSAGE;
    return text.endsWith('.') ? text.slice(0, -1) : text;
  },
};
