import type { UnframedReader } from './framing';

/** A log prefix's shape: its digits made alike, so that prefixes differing in time or pid match. */
function shapeOf(prefix: string): string {
  return prefix.replace(/[0-9]+/g, '0').replace(/[ \t]+/g, ' ');
}

/**
 * SIP messages whose every line a logger prefixes, the message text after a tab (liblinphone:
 * `2020-03-29 01:25:07.960 linphone[68064:1643374] [Message] \tSIP/2.0 100 Giving a try`): the
 * lines after the start line are the message's while their prefix up to the tab has the same shape.
 */
export const logLineFraming: UnframedReader = {
  id: 'log-line',
  shape(text, column) {
    const prefix = text.slice(0, column);
    if (prefix.trim() === '' || !prefix.endsWith('\t')) return undefined;
    const shape = shapeOf(prefix.slice(0, prefix.indexOf('\t')));
    return (line) => {
      const tab = line.indexOf('\t');
      if (tab === -1) return line.trim() === '' ? '' : undefined;
      return shapeOf(line.slice(0, tab)) === shape ? line.slice(tab + 1) : undefined;
    };
  },
};
