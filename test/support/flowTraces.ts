import { sip } from './traces';

/** Traces for the call-flow tests, built from whole messages in the framings the model reads. */

const FROM = 'From: "Alice" <sip:1001@atlanta.example.com>;tag=9fxced76sl';
const TO = 'To: <sip:2002@biloxi.example.com>';
const TO_TAGGED = 'To: <sip:2002@biloxi.example.com>;tag=314159';

/** An INVITE answered 100, 486 (sent twice) and ACKed, between two framed endpoints; `callId` names the call. */
export function busyCall(callId: string, second = 52): string {
  const via = 'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK74bf9-' + callId;
  const frame = (from: string, to: string, time: string) => `U 2024/05/06 10:00:${time} ${from} -> ${to}\n`;
  const head = [`Call-ID: ${callId}`];
  const invite = sip(['INVITE sip:2002@biloxi.example.com SIP/2.0', via, FROM, TO, ...head, 'CSeq: 1 INVITE', 'Content-Type: application/sdp'],
    ['v=0', 'o=- 1 1 IN IP4 10.0.0.1', 's=-', 'c=IN IP4 10.0.0.1', 't=0 0', 'm=audio 4000 RTP/AVP 0']);
  const trying = sip(['SIP/2.0 100 Trying', via, FROM, TO, ...head, 'CSeq: 1 INVITE']);
  const busy = sip(['SIP/2.0 486 Busy Here', via, FROM, TO_TAGGED, ...head, 'CSeq: 1 INVITE']);
  const ack = sip(['ACK sip:2002@biloxi.example.com SIP/2.0', via, FROM, TO_TAGGED, ...head, 'CSeq: 1 ACK']);
  const a = '10.0.0.1:5060';
  const b = '10.0.0.2:5060';
  return frame(a, b, `${second}.000000`) + invite + '\n' + frame(b, a, `${second}.010000`) + trying + '\n'
    + frame(b, a, `${second + 1}.500000`) + busy + '\n' + frame(b, a, `${second + 2}.000000`) + busy + '\n'
    + frame(a, b, `${second + 2}.100000`) + ack + '\n';
}

/** `pairs` OPTIONS keep-alives answered 200, all of one call (`callId`, as a pinging client keeps it for weeks), 30 s apart. */
export function keepAliveCall(callId: string, pairs: number): string {
  const a = '10.0.0.1:5060';
  const b = '10.0.0.2:5060';
  const parts: string[] = [];
  for (let i = 0; i < pairs; i++) {
    const when = new Date(Date.UTC(2024, 4, 6) + i * 30_000).toISOString().replace(/-/g, '/').replace('T', ' ').replace(/\.\d+Z$/, '');
    const via = `Via: SIP/2.0/UDP ${a};branch=z9hG4bKka${i}`;
    const head = [via, 'From: <sip:ping@10.0.0.1>;tag=ka', `Call-ID: ${callId}`, `CSeq: ${i + 1} OPTIONS`];
    parts.push(`U ${when}.000000 ${a} -> ${b}\n${sip([`OPTIONS sip:${b} SIP/2.0`, ...head, 'To: <sip:10.0.0.2>'])}\n`);
    parts.push(`U ${when}.010000 ${b} -> ${a}\n${sip(['SIP/2.0 200 OK', ...head, 'To: <sip:10.0.0.2>;tag=up'])}\n`);
  }
  return parts.join('');
}
