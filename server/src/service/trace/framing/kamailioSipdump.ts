import { readEndpoint, transportName } from './facts';
import { END_OF_MESSAGE, FRAMING_LINE, type Frame, type FramingReader } from './framing';

/** The line that opens a record, the one between its attributes and the message, and the one that closes it. */
const OPEN = '====================';
const MESSAGE = '~~~~~~~~~~~~~~~~~~~~';
const CLOSE = '||||||||||||||||||||';

/** `srcip: 10.0.0.1`, `time: 1570436545.123456`, `proto: udp ipv4` ... (the record's attributes). */
const ATTRIBUTE = /^(tag|pid|process|time|date|proto|srcip|srcport|dstip|dstport):[ \t]?(.*)$/;

function endpoint(host: string | undefined, port: string): string | undefined {
  if (host === undefined) return undefined;
  return readEndpoint(host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
}

function readAttribute(frame: Frame, name: string, value: string): void {
  const hosts = (frame.hosts ??= {});
  switch (name) {
    case 'time':
      if (/^[0-9]{1,12}(?:\.[0-9]{1,9})?$/.test(value)) frame.time = Number(value);
      return;
    case 'proto': {
      const proto = /^([a-z]{2,8}) ipv[46]$/.exec(value);
      if (proto && proto[1] !== 'none') frame.transport = transportName(proto[1]);
      return;
    }
    case 'srcip':
      hosts.source = value;
      return;
    case 'dstip':
      hosts.destination = value;
      return;
    case 'srcport':
      frame.source = endpoint(hosts.source, value);
      return;
    case 'dstport':
      frame.destination = endpoint(hosts.destination, value);
  }
}

/**
 * Kamailio's sipdump module writing text files (what Kamailio offers for reading traced SIP as
 * text; siptrace itself stores to a database or sends HEP): a record per message, its attributes
 * (tag rcv/snd, time as seconds since 1970, transport, source and destination address and port)
 * between a line of `=` and a line of `~`, the message, a line of `|`.
 */
export const kamailioSipdumpFraming: FramingReader = {
  id: 'kamailio-sipdump',
  cues: [OPEN],
  frame(text) {
    return text.trimEnd() === OPEN ? {} : undefined;
  },
  content(text, frame) {
    if (!frame.started) {
      if (text.trimEnd() === MESSAGE) return FRAMING_LINE;
      const attribute = ATTRIBUTE.exec(text);
      if (!attribute) return text;
      readAttribute(frame, attribute[1], attribute[2].trim());
      return FRAMING_LINE;
    }
    // The closing line follows the message's last line break; a message without one has it glued on.
    if (!text.endsWith(CLOSE)) return text;
    return text === CLOSE ? END_OF_MESSAGE : text.slice(0, -CLOSE.length);
  },
};
