import { readEndpoint, readTimeOfDay, transportName } from './facts';
import { END_OF_MESSAGE, FRAMING_LINE, type FramingReader } from './framing';

/** `recv 436 bytes from udp/[10.0.0.1]:5060 at 16:49:33.907291:`, `send 603 bytes to tcp/[10.0.0.2]:5060 at 16:49:33.907405:` */
const HEADER = /\b(recv|send) [0-9]{1,9} bytes (?:from|to) ([a-z]{1,8})\/\[([^\]\s]{1,64})\]:([0-9]{1,5}) at ([0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?):[ \t]*$/;

/**
 * FreeSWITCH `sofia global siptrace on` (and `sofia profile ... siptrace on`): a line saying what
 * was received or sent, where and when (a time of day), then the message between two lines of dashes.
 */
export const freeswitchFraming: FramingReader = {
  id: 'freeswitch',
  cues: [' bytes '],
  frame(text) {
    const m = HEADER.exec(text);
    if (!m) return undefined;
    const end = readEndpoint(`${m[3].includes(':') ? `[${m[3]}]` : m[3]}:${m[4]}`);
    if (!end) return undefined;
    const time = readTimeOfDay(m[5]);
    return {
      transport: transportName(m[2]),
      ...(m[1] === 'recv' ? { source: end } : { destination: end }),
      ...(time === undefined ? {} : { time }),
    };
  },
  content(text, frame) {
    if (!/^-{20,}[ \t]*$/.test(text)) return text;
    return frame.started ? END_OF_MESSAGE : FRAMING_LINE;
  },
};
