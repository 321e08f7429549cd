import { readDateTime, readEndpoint, transportName } from './facts';
import { END_OF_MESSAGE, type FrameFacts, type FramingReader } from './framing';

/** `[2026-01-08 20:28:01]` (or `[2026-01-08 20:28:01.123]`) at the start of an Asterisk log line. */
const LOG_TIME = /^\[([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)\]/;

/** res_pjsip_logger: `<--- Received SIP request (541 bytes) from UDP:127.0.0.1:5061 --->`, `<--- Transmitting SIP response (543 bytes) to UDP:10.0.0.1:5060 --->`. */
const PJSIP = /<--- (Received|Transmitting) SIP (?:request|response) \([0-9]{1,9} bytes\) (?:from|to) ([A-Za-z]{1,8}):(\S{1,80}) --->/;

/** chan_sip `sip set debug on`: `<--- SIP read from UDP:10.0.0.1:5060 --->`, `<--- Transmitting (no NAT) to 10.0.0.1:5060 --->`, `Reliably Transmitting (NAT) to 10.0.0.1:5060:`. */
const CHAN_SIP = /<--- SIP read from ([A-Za-z]{1,8}):(\S{1,80}) --->|Transmitting \((?:no )?NAT\) to (\S{1,80}?)(?: --->|:)[ \t]*$/;

function withLogTime(text: string, facts: FrameFacts): FrameFacts {
  const time = LOG_TIME.exec(text);
  const seconds = time ? readDateTime(time[1]) : undefined;
  return seconds === undefined ? facts : { ...facts, time: seconds };
}

/**
 * Asterisk's SIP debugging: `pjsip set logger on` (the message follows its framing line and ends
 * at a blank line) and chan_sip's `sip set debug on` (the message ends at `<------------->`), in
 * the console or in a log file (then the log line's time is the message's).
 */
export const asteriskFraming: FramingReader = {
  id: 'asterisk',
  cues: ['<---', 'Transmitting'],
  frame(text) {
    const pjsip = PJSIP.exec(text);
    if (pjsip) {
      const end = readEndpoint(pjsip[3]);
      if (!end) return undefined;
      const facts: FrameFacts = { transport: transportName(pjsip[2]) };
      if (pjsip[1] === 'Received') facts.source = end;
      else facts.destination = end;
      return withLogTime(text, facts);
    }
    const chanSip = CHAN_SIP.exec(text);
    if (!chanSip) return undefined;
    if (chanSip[1] !== undefined) {
      const source = readEndpoint(chanSip[2]);
      return source ? withLogTime(text, { transport: transportName(chanSip[1]), source }) : undefined;
    }
    const destination = readEndpoint(chanSip[3]);
    return destination ? withLogTime(text, { destination }) : undefined;
  },
  content(text) {
    return /^<-{3,}>[ \t]*$/.test(text) ? END_OF_MESSAGE : text;
  },
};
