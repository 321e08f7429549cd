import { readFileSync } from 'node:fs';
import { corpusFiles } from '../test/support/corpus';

/**
 * Big documents made from ../shared/corpus in memory (never committed): real messages, configs
 * and log lines repeated, with Call-IDs, CSeq numbers and Via branches varied so that no two copies are equal.
 */

function folderText(...folders: string[]): string {
  return folders.flatMap((folder) => corpusFiles(folder).map((file) => readFileSync(file.path, 'utf8'))).join('\n\n');
}

/**
 * Repeats `unit`, varying numbers in Call-ID/CSeq lines and the Via branches (each copy's
 * transactions are its own), until the text has at least `minChars` characters or `minLines` lines.
 */
function grow(unit: string, target: { chars?: number; lines?: number }): string {
  const lines = unit.split('\n');
  const out: string[] = [];
  let chars = 0;
  for (let copy = 0; (target.chars ?? 0) > chars || (target.lines ?? 0) > out.length; copy++) {
    for (const line of lines) {
      const varied = /^(Call-ID|CSeq|i):/i.test(line)
        ? line.replace(/[0-9]+/, (n) => String(Number(n) + copy))
        : /^(Via|v):/i.test(line) ? line.replace(/branch=[^;,\s]+/i, (branch) => `${branch}.${copy}`) : line;
      out.push(varied);
      chars += varied.length + 1;
      if (target.lines !== undefined && out.length >= target.lines) break;
    }
  }
  return out.join('\n');
}

/** A SIP trace: the raw messages of the sip-traces and sip-torture folders. */
export function traceOf(target: { chars?: number; lines?: number }): string {
  const unit = corpusFiles('sip-traces')
    .filter((file) => !file.name.startsWith('rfc'))
    .concat(corpusFiles('sip-torture'))
    .map((file) => readFileSync(file.path, 'utf8').replace(/\0/g, ''))
    .join('\n\n');
  return grow(unit, target);
}

/** A VoIP log: the logs folder (Asterisk, Kamailio, FreeSWITCH log lines and embedded messages). */
export function logOf(target: { chars?: number; lines?: number }): string {
  return grow(folderText('logs'), target);
}
