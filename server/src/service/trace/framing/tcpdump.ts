import { readDateTime, readEndpoint, readTimeOfDay } from './facts';
import type { FramingReader } from './framing';

/** `09:17:59.864749 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 576` (or `IP6`, a date before the time with -tttt, TCP flags). */
const HEADER = /^(?:([0-9]{4}-[0-9]{2}-[0-9]{2}) )?([0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?) IP6? (\S+) > (\S+?): (.*)$/;

/**
 * `tcpdump -A` (and -X): a header line per packet with its time and addresses (the port after the
 * last dot), then the payload, where junk from the headers may be glued before the start line.
 */
export const tcpdumpFraming: FramingReader = {
  id: 'tcpdump',
  cues: [' > '],
  frame(text) {
    const m = HEADER.exec(text);
    if (!m) return undefined;
    const source = readEndpoint(m[3], true);
    const destination = readEndpoint(m[4], true);
    if (!source || !destination) return undefined;
    const time = m[1] === undefined ? readTimeOfDay(m[2]) : readDateTime(`${m[1]} ${m[2]}`);
    const transport = /^(?:UDP|SIP)\b/.test(m[5]) ? 'UDP' : /^Flags \[/.test(m[5]) ? 'TCP' : undefined;
    return { source, destination, ...(time === undefined ? {} : { time }), ...(transport ? { transport } : {}) };
  },
};
