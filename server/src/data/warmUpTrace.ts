/**
 * A call of our own, written for warming up the hover's code when the server starts (an INVITE
 * answered 486 Busy Here, in ngrep framing): never shown to anyone. Data only.
 */
export const WARM_UP_TRACE = [
  'U 2026/01/01 10:00:00.000000 192.0.2.1:5060 -> 192.0.2.2:5060',
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKwarm',
  'From: <sip:alice@example.com>;tag=a1',
  'To: <sip:bob@example.com>',
  'Call-ID: warm-up',
  'CSeq: 1 INVITE',
  'Content-Length: 0',
  '',
  'U 2026/01/01 10:00:00.500000 192.0.2.2:5060 -> 192.0.2.1:5060',
  'SIP/2.0 486 Busy Here',
  'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKwarm',
  'From: <sip:alice@example.com>;tag=a1',
  'To: <sip:bob@example.com>;tag=b1',
  'Call-ID: warm-up',
  'CSeq: 1 INVITE',
  'Reason: Q.850;cause=17',
  'Content-Length: 0',
  '',
].join('\n');
