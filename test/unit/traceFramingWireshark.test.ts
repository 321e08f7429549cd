import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { concat, ethernet, ipv6, pcapFile, udp } from '../support/captureBuilder';
import { capturedMessages } from '../support/capturedMessages';
import { sharedRoot } from '../support/corpus';
import { modelOf } from '../support/traces';

/**
 * Wireshark's text exports, made by tshark at test time from corpus captures (-V: every layer
 * expanded, as File > Export Packet Dissections > As Plain Text with all details; -O sip: only
 * SIP expanded), read by the trace model and compared, frame by frame, with what tshark itself
 * gives as fields: the time, the addresses and ports of the innermost IP and transport layers,
 * the transport, and the start lines of the frame's SIP messages.
 */

function tshark(args: readonly string[]): string {
  const run = spawnSync('tshark', args, { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.error, undefined, 'tshark must be installed (apt-get install tshark)');
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

interface FrameFacts { time?: number; transport: string; source: string; destination: string; lines: string[]; callIds: string[] }

const FIELDS = ['frame.number', 'frame.time_epoch', 'frame.protocols', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'udp.srcport', 'udp.dstport',
  'tcp.srcport', 'tcp.dstport', 'sctp.srcport', 'sctp.dstport', 'sip.Request-Line', 'sip.Status-Line', 'sip.Call-ID'];

/** tshark's own fields for every frame with a SIP start line (the innermost of repeated layers: the last occurrence). */
function tsharkFacts(path: string): Map<number, FrameFacts> {
  const out = tshark(['-r', path, '-Y', 'sip', '-T', 'fields', ...FIELDS.flatMap((f) => ['-e', f]), '-E', 'occurrence=a', '-E', 'separator=/t', '-E', 'aggregator=\u0001']);
  const frames = new Map<number, FrameFacts>();
  for (const row of out.split('\n')) {
    if (!row) continue;
    const cell = Object.fromEntries(row.split('\t').map((value, i) => [FIELDS[i], value.split('\u0001')]));
    const last = (...names: string[]) => names.map((n) => cell[n].filter(Boolean).at(-1)).find((v) => v !== undefined) ?? '';
    const host = (address: string) => (address.includes(':') ? `[${address}]` : address);
    const protocols = cell['frame.protocols'][0].split(':');
    const layer = ['udp', 'tcp', 'sctp'].filter((p) => protocols.includes(p)).at(-1)!;
    const transport = protocols.includes('websocket') ? 'WS' : protocols.includes('tls') ? 'TLS' : layer.toUpperCase();
    const lines = [...cell['sip.Request-Line'], ...cell['sip.Status-Line']].filter(Boolean).sort();
    if (lines.length === 0) continue;
    frames.set(Number(cell['frame.number'][0]), {
      time: Number(cell['frame.time_epoch'][0]), transport, lines, callIds: cell['sip.Call-ID'].filter(Boolean).sort(),
      source: `${host(last('ipv6.src', 'ip.src'))}:${last(`${layer}.srcport`)}`, destination: `${host(last('ipv6.dst', 'ip.dst'))}:${last(`${layer}.dstport`)}`,
    });
  }
  return frames;
}

/** What the trace model reads from a text export, by frame number (a frame may hold several messages). */
function modelFacts(text: string): Map<number, FrameFacts> {
  const lines = text.split(/\r\n|\r|\n/);
  const model = modelOf(text);
  const frames = new Map<number, FrameFacts>();
  let frameNumber = 0;
  for (const m of model.messages) {
    if (m.frameLine !== undefined) frameNumber = Number(/^Frame ([0-9]+):/.exec(lines[m.frameLine])![1]);
    const entry = frames.get(frameNumber) ?? { time: m.time, transport: m.transport!, source: m.source!, destination: m.destination!, lines: [], callIds: [] };
    // The start line as the message has it: from its column to the end of its line.
    entry.lines.push(lines[m.startLine].slice(m.startColumn));
    entry.lines.sort();
    if (m.callId !== undefined) entry.callIds.push(m.callId);
    entry.callIds.sort();
    frames.set(frameNumber, entry);
  }
  return frames;
}

/** The three exports: -V, -V with the summary line above each packet (-P, as the GUI exports with its summary), -O sip (no times). */
const EXPORTS = { details: ['-V'], summaries: ['-P', '-V'], sip: ['-O', 'sip'] } as const;

function compare(path: string, form: keyof typeof EXPORTS): number {
  const withTimes = form !== 'sip';
  const expected = tsharkFacts(path);
  const found = modelFacts(tshark(['-r', path, ...EXPORTS[form]]));
  if (!withTimes) for (const facts of expected.values()) facts.time = undefined;
  assert.deepEqual([...found.entries()], [...expected.entries()]);
  return expected.size;
}

const CAPTURES: readonly [string, number][] = [
  ['pkts__sipp.pcap', 30], ['pkts__cancel.pcap', 7], ['pkts__fragmented_tcp_sip.pcap', 6], ['heplify__sip_sctp.pcap', 4],
  ['heplify__sip_tcp_websocket.pcap', 39], ['heplify__erspan_sip_ipv4_udp.pcapng', 140], ['sipnab__sip-488-codec-reject.pcapng', 13],
];

for (const [name, frames] of CAPTURES) {
  test(`Wireshark text exports (tshark -V, -P -V, -O sip) of ${name}: every message, its time, transport, addresses and Call-ID as tshark's fields give them`, () => {
    const path = join(sharedRoot, 'corpus', 'pcap', name);
    for (const form of ['details', 'summaries', 'sip'] as const) assert.equal(compare(path, form), frames, form);
  });
}

test('Wireshark text export over IPv6: real messages sent between IPv6 addresses, read as tshark reads them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipsense-ws-'));
  try {
    const path = join(dir, 'ipv6.pcap');
    const frames = capturedMessages('pkts__cancel.pcap').map((m, i) => ({
      seconds: m.seconds, nanos: m.nanos,
      data: ethernet(0x86dd, ipv6(i % 2 ? '2001:db8::2' : '2001:db8::1', i % 2 ? '2001:db8::1' : '2001:db8::2', 17, udp(5060, 5062, concat(Buffer.from(m.text, 'latin1'))))),
    }));
    writeFileSync(path, pcapFile(1, frames));
    assert.equal(compare(path, 'details'), frames.length);
    assert.equal(compare(path, 'sip'), frames.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Wireshark export details: resolved names keep their addresses, Arrival Time in UTC without an Epoch Time line, generated lines left out', () => {
  const text = [
    'Frame 3: 600 bytes on wire (4800 bits), 600 bytes captured (4800 bits) on interface eth0, id 0',
    '    Arrival Time: Jan  2, 2024 10:00:00.250000000 UTC',
    'Internet Protocol Version 4, Src: pbx.example (192.0.2.10), Dst: 192.0.2.20',
    'User Datagram Protocol, Src Port: sip (5060), Dst Port: 5062',
    'Session Initiation Protocol (486)',
    '    Status-Line: SIP/2.0 486 Busy Here',
    '        Status-Code: 486',
    '        [Resent Packet: False]',
    '    Message Header',
    '        Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bK-1',
    '            Transport: UDP',
    '        Call-ID: 1-2@192.0.2.20',
    '        [Generated Call-ID: 1-2@192.0.2.20]',
    '        CSeq: 1 INVITE',
    '        Content-Length: 0',
    '',
  ].join('\n');
  const [m] = modelOf(text).messages;
  assert.deepEqual([m.frameLine, m.startLine, m.startColumn, m.endLine, m.status, m.callId, m.cseq, m.branch, m.time, m.source, m.destination, m.transport],
    [0, 5, 17, 14, 486, '1-2@192.0.2.20', 1, 'z9hG4bK-1', Date.UTC(2024, 0, 2, 10) / 1000 + 0.25, '192.0.2.10:5060', '192.0.2.20:5062', 'UDP']);
});
