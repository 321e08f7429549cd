import type { UnframedReader } from './framing';

/**
 * Raw messages (.sip files, RFC examples indented by a few blanks, tcpdump -A output where junk
 * is glued before the start line): the lines after the start line lose the start line's
 * indentation; a line without it ends the message.
 */
export const rawFraming: UnframedReader = {
  id: 'raw',
  shape(text, column) {
    const prefix = text.slice(0, column);
    if (prefix === '') return (line) => line;
    // Junk before the start line: the header lines follow at the start of their lines.
    if (prefix.trim() !== '') return prefix.endsWith('\t') ? undefined : (line) => line;
    return (line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line.trim() === '' ? '' : undefined);
  },
};
