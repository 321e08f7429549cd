import { closeSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * The least any calls list written in JavaScript does with the bench's files, in a process of its
 * own, one thread: the file read in 4 MB chunks into one buffer as the server reads it, then
 * - of the trace: its lines cut with Buffer.indexOf, each status line counted and each Call-ID
 *   kept in a Map;
 * - of the capture (the bench's pcapng: Ethernet, IPv4, UDP): its blocks walked, and in each
 *   packet's payload its Call-ID found and kept in a Map.
 * No framing, no other header, no transaction, no summary: not a calls list, a floor under one (the
 * time JavaScript needs to look at every line or packet once). Prints JSON.
 */

const CHUNK = 4 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
/** pcapng's Enhanced Packet Block, and the bytes before its packet data. */
const ENHANCED_PACKET = 6;
const EPB_HEADER = 28;
const ETHERNET_HEADER = 14;
const UDP = 17;
const UDP_HEADER = 8;
const STATUS_LINE = Buffer.from('SIP/2.0');
const CALL_ID_LINE = Buffer.from('Call-ID:');
const CALL_ID_IN_PACKET = Buffer.from('\r\nCall-ID:');

/** Reads the file into one buffer, a chunk at a time; `take(buffer, end, last)` says how many bytes it used (the rest is kept for the next chunk). */
function readAll(path: string, take: (buffer: Buffer, end: number, last: boolean) => number): void {
  const file = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(2 * CHUNK);
  let kept = 0;
  let position = 0;
  try {
    for (;;) {
      const read = readSync(file, buffer, kept, CHUNK, position);
      position += read;
      const end = kept + read;
      const used = take(buffer, end, read === 0);
      if (read === 0) return;
      buffer.copy(buffer, 0, used, end);
      kept = end - used;
    }
  } finally {
    closeSync(file);
  }
}

function startsWith(buffer: Buffer, at: number, prefix: Buffer): boolean {
  for (let i = 0; i < prefix.length; i++) if (buffer[at + i] !== prefix[i]) return false;
  return true;
}

function traceFloor(path: string): { messages: number; calls: number } {
  const calls = new Map<string, number>();
  let messages = 0;
  readAll(path, (buffer, end, last) => {
    const stop = last ? end : buffer.lastIndexOf(LF, end - 1) + 1;
    let at = 0;
    while (at < stop) {
      let eol = buffer.indexOf(LF, at);
      if (eol === -1 || eol >= stop) eol = stop;
      if (startsWith(buffer, at, STATUS_LINE)) messages++;
      else if (startsWith(buffer, at, CALL_ID_LINE)) {
        const id = buffer.toString('latin1', at + CALL_ID_LINE.length, buffer[eol - 1] === CR ? eol - 1 : eol).trim();
        calls.set(id, (calls.get(id) ?? 0) + 1);
      }
      at = eol + 1;
    }
    return stop;
  });
  return { messages, calls: calls.size };
}

function captureFloor(path: string): { messages: number; calls: number } {
  const calls = new Map<string, number>();
  let messages = 0;
  readAll(path, (buffer, end) => {
    let at = 0;
    while (at + 8 <= end) {
      const length = buffer.readUInt32LE(at + 4);
      if (length < 12 || at + length > end) break;
      if (buffer.readUInt32LE(at) === ENHANCED_PACKET) {
        const data = at + EPB_HEADER;
        const ip = data + ETHERNET_HEADER;
        if (buffer[ip + 9] === UDP) {
          const payload = ip + (buffer[ip] & 0x0f) * 4 + UDP_HEADER;
          const stop = data + buffer.readUInt32LE(at + 20);
          messages++;
          const found = buffer.indexOf(CALL_ID_IN_PACKET, payload);
          if (found !== -1 && found < stop) {
            const from = found + CALL_ID_IN_PACKET.length;
            const id = buffer.toString('latin1', from, buffer.indexOf(CR, from)).trim();
            calls.set(id, (calls.get(id) ?? 0) + 1);
          }
        }
      }
      at += length;
    }
    return at;
  });
  return { messages, calls: calls.size };
}

const [path, kind] = process.argv.slice(2);
const start = performance.now();
const cpu = process.cpuUsage();
const found = kind === 'capture' ? captureFloor(path) : traceFloor(path);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, ...found }));
