/**
 * Traces written by the e2e tests into their workspace: an `ngrep -W byline` trace of calls through
 * a proxy (times, addresses, SDP, retransmissions, busy and answered calls) of any number of
 * messages, and a hostile trace whose headers carry markup, script and 10,000-character tokens.
 * No `vscode` import here.
 */

const ALICE = '10.0.0.1:5060';
const PROXY = '10.0.0.10:5060';
const BOB = '10.0.0.2:5060';

interface Packet {
  from: string;
  to: string;
  lines: string[];
}

function sdp(host: string): string[] {
  return ['v=0', `o=- 1 1 IN IP4 ${host}`, 's=-', `c=IN IP4 ${host}`, 't=0 0', 'm=audio 40000 RTP/AVP 0 8', 'a=rtpmap:0 PCMU/8000'];
}

function message(start: string, headers: string[], body: string[] = []): string[] {
  const length = body.reduce((sum, line) => sum + line.length + 2, 0);
  return [start, ...headers, ...(body.length ? ['Content-Type: application/sdp'] : []), `Content-Length: ${length}`, '', ...body];
}

/** One call's packets: answered (INVITE with SDP, 100, 180, 200 with SDP, ACK, BYE, 200) or busy (486). */
function callPackets(n: number): Packet[] {
  const callId = `call-${n}@10.0.0.1`;
  const busy = n % 3 === 2;
  const branch = `z9hG4bK-${n}`;
  const invite = (via: string[]) => message(`INVITE sip:bob@10.0.0.2 SIP/2.0`, [
    ...via, 'Max-Forwards: 70', `From: "Alice" <sip:alice@10.0.0.1>;tag=a${n}`, 'To: <sip:bob@10.0.0.2>',
    `Call-ID: ${callId}`, 'CSeq: 1 INVITE', 'Contact: <sip:alice@10.0.0.1:5060>',
  ], sdp('10.0.0.1'));
  const viaA = `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=${branch}`;
  const viaP = `Via: SIP/2.0/UDP 10.0.0.10:5060;branch=${branch}-p`;
  const response = (status: string, via: string[], cseq = '1 INVITE', body: string[] = []) => message(`SIP/2.0 ${status}`, [
    ...via, `From: "Alice" <sip:alice@10.0.0.1>;tag=a${n}`, `To: <sip:bob@10.0.0.2>${status.startsWith('100') ? '' : `;tag=b${n}`}`,
    `Call-ID: ${callId}`, `CSeq: ${cseq}`,
  ], body);
  const packets: Packet[] = [
    { from: ALICE, to: PROXY, lines: invite([viaA]) },
  ];
  if (n % 5 === 4) packets.push({ from: ALICE, to: PROXY, lines: invite([viaA]) });
  packets.push(
    { from: PROXY, to: ALICE, lines: response('100 Trying', [viaA]) },
    { from: PROXY, to: BOB, lines: invite([viaP, viaA]) },
  );
  if (busy) {
    packets.push(
      { from: BOB, to: PROXY, lines: response('486 Busy Here', [viaP, viaA]) },
      { from: PROXY, to: ALICE, lines: response('486 Busy Here', [viaA]) },
      { from: ALICE, to: PROXY, lines: message('ACK sip:bob@10.0.0.2 SIP/2.0', [viaA, `From: <sip:alice@10.0.0.1>;tag=a${n}`, `To: <sip:bob@10.0.0.2>;tag=b${n}`, `Call-ID: ${callId}`, 'CSeq: 1 ACK']) },
    );
    return packets;
  }
  const bye = `z9hG4bK-bye-${n}`;
  packets.push(
    { from: BOB, to: PROXY, lines: response('180 Ringing', [viaP, viaA]) },
    { from: PROXY, to: ALICE, lines: response('180 Ringing', [viaA]) },
    { from: BOB, to: PROXY, lines: response('200 OK', [viaP, viaA], '1 INVITE', sdp('10.0.0.2')) },
    { from: PROXY, to: ALICE, lines: response('200 OK', [viaA], '1 INVITE', sdp('10.0.0.2')) },
    { from: ALICE, to: BOB, lines: message('ACK sip:bob@10.0.0.2 SIP/2.0', [`Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-ack-${n}`, `From: <sip:alice@10.0.0.1>;tag=a${n}`, `To: <sip:bob@10.0.0.2>;tag=b${n}`, `Call-ID: ${callId}`, 'CSeq: 1 ACK']) },
    { from: BOB, to: ALICE, lines: message('BYE sip:alice@10.0.0.1:5060 SIP/2.0', [`Via: SIP/2.0/UDP 10.0.0.2:5060;branch=${bye}`, `From: <sip:bob@10.0.0.2>;tag=b${n}`, `To: <sip:alice@10.0.0.1>;tag=a${n}`, `Call-ID: ${callId}`, 'CSeq: 1 BYE']) },
    { from: ALICE, to: BOB, lines: message('SIP/2.0 200 OK', [`Via: SIP/2.0/UDP 10.0.0.2:5060;branch=${bye}`, `From: <sip:bob@10.0.0.2>;tag=b${n}`, `To: <sip:alice@10.0.0.1>;tag=a${n}`, `Call-ID: ${callId}`, 'CSeq: 1 BYE']) },
  );
  return packets;
}

/** An ngrep -W byline trace of exactly `messages` SIP messages (the last call may be cut short), 20 ms apart. */
export function ngrepTrace(messages: number, startEpochSeconds = Date.UTC(2026, 0, 15, 9, 30, 0) / 1000): string {
  const out: string[] = [];
  let count = 0;
  for (let n = 0; count < messages; n++) {
    for (const packet of callPackets(n)) {
      if (count === messages) break;
      const at = new Date(Math.round((startEpochSeconds + count * 0.02 + (n % 7) * 0.0013) * 1000)).toISOString();
      const stamp = `${at.slice(0, 10).replace(/-/g, '/')} ${at.slice(11, 23)}000`;
      out.push(`U ${stamp} ${packet.from} -> ${packet.to}`, ...packet.lines.map((line) => `${line}.`), '');
      count++;
    }
  }
  return `${out.join('\n')}\n`;
}

/** What the hostile trace tries to run: each payload sets window.__sipsensePwned if it ever runs. */
export const HOSTILE = {
  script: '<script>window.__sipsensePwned = "script"</script>',
  img: '<img src=x onerror="window.__sipsensePwned = \'img\'">',
  javascript: 'javascript:window.__sipsensePwned=1',
  long: 'A'.repeat(10_000),
  longCallId: `${'C'.repeat(10_000)}@evil.example`,
} as const;

/** Raw SIP messages (no framing) with the payloads in the Call-ID, From, To, Contact, Request-URI, Via and reason phrases. */
export function hostileTrace(): string {
  const h = HOSTILE;
  const messages = [
    [`INVITE sip:${h.javascript}@evil.example SIP/2.0`,
      'Via: SIP/2.0/UDP evil.example:5060;branch=z9hG4bK-h1',
      `From: "${h.img}" <sip:mallory@evil.example>;tag=h1`,
      `To: "${h.script}" <sip:victim@victim.example>`,
      `Call-ID: ${h.script}`,
      'CSeq: 1 INVITE',
      `Contact: <${h.javascript}>`,
      'Content-Length: 0', ''],
    [`SIP/2.0 486 ${h.img} ${h.javascript} ${h.script}`,
      'Via: SIP/2.0/UDP evil.example:5060;branch=z9hG4bK-h1',
      `From: "${h.img}" <sip:mallory@evil.example>;tag=h1`,
      `To: "${h.script}" <sip:victim@victim.example>;tag=v1`,
      `Call-ID: ${h.script}`,
      'CSeq: 1 INVITE',
      'Content-Length: 0', ''],
    ['OPTIONS sip:victim@victim.example SIP/2.0',
      'Via: SIP/2.0/UDP evil.example:5060;branch=z9hG4bK-h2',
      `From: <sip:${h.long}@evil.example>;tag=h2`,
      'To: <sip:victim@victim.example>',
      `Call-ID: ${h.longCallId}`,
      'CSeq: 1 OPTIONS',
      'Content-Length: 0', ''],
    [`SIP/2.0 603 ${h.long}`,
      'Via: SIP/2.0/UDP evil.example:5060;branch=z9hG4bK-h2',
      `From: <sip:${h.long}@evil.example>;tag=h2`,
      'To: <sip:victim@victim.example>;tag=v2',
      `Call-ID: ${h.longCallId}`,
      'CSeq: 1 OPTIONS',
      'Content-Length: 0', ''],
  ];
  return `${messages.map((lines) => lines.join('\r\n')).join('\r\n')}\r\n`;
}
