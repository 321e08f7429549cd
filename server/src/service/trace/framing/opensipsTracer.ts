import { readDateTime, readEndpoint } from './facts';
import type { FramingReader } from './framing';

/** The transports the tracer names (proto2str), as the model names them. Data only. */
const TRANSPORTS: Readonly<Record<string, string>> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS', sctp: 'SCTP', ws: 'WS', wss: 'WSS' };

/**
 * `in udp 2024-01-01 10:00:00 10.0.0.1:5060 -> 10.0.0.2:5060` (a `file:` trace destination: local
 * time to the second), `out tcp 10.0.0.2:5060 -> 10.0.0.1:5060` (a `syslog:` one, after the log
 * line's own prefix, which ends with a colon: `Jun 23 23:45:09 [1234] INFO:in udp ...`).
 */
const HEADER = /(?:^|:[ \t]*)(?:in|out) ([a-z]{2,4}) (?:([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}) )?(\S{1,80}) -> (\S{1,80}?)[ \t]*$/;

/**
 * OpenSIPS's tracer module (sip_trace() with a `file:` or `syslog:` trace_id): a line with the
 * direction, transport, time (in files) and addresses, then the message and a blank line.
 */
export const opensipsTracerFraming: FramingReader = {
  id: 'opensips-tracer',
  cues: [' -> '],
  frame(text) {
    const m = HEADER.exec(text);
    const transport = m ? TRANSPORTS[m[1]] : undefined;
    if (!m || !transport) return undefined;
    // IPv6 addresses are printed without brackets: the port is after the last colon.
    const source = readEndpoint(m[3]);
    const destination = readEndpoint(m[4]);
    if (!source || !destination) return undefined;
    const time = m[2] === undefined ? undefined : readDateTime(m[2]);
    return { transport, source, destination, ...(time === undefined ? {} : { time }) };
  },
};
