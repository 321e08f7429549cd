import { readArrow } from './arrow';
import { readDateTime } from './facts';
import type { FramingReader } from './framing';

/** `2016/10/10 10:10:10.123456 10.0.0.1:5060 -> 10.0.0.2:5060` */
const HEADER = /^([0-9]{4}\/[0-9]{2}\/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?) (\S+ -> \S+)[ \t]*$/;

/** sngrep's "save as .txt": a date, time and address line per message, the message, a blank line. */
export const sngrepFraming: FramingReader = {
  id: 'sngrep',
  cues: [' -> '],
  frame(text) {
    const m = HEADER.exec(text);
    const ends = m ? readArrow(m[2]) : undefined;
    if (!m || !ends) return undefined;
    const time = readDateTime(m[1]);
    return time === undefined ? ends : { ...ends, time };
  },
};
