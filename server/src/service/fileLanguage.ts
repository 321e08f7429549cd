import { isStartLineAtStart } from './syntax/startLine';

/** The language id a file gets from its name and first line, as the extension's file associations give it. */

interface Association {
  language: string;
  /** Whole file names (lower case). */
  names?: RegExp;
  /** A folder of this name anywhere above the file, with the file's extension. */
  folder?: { name: string; extension: RegExp };
}

const ASSOCIATIONS: readonly Association[] = [
  { language: 'sip', names: /\.sip$/ },
  { language: 'kamailio', names: /^(kamailio[^/]*|sip-router|ser|openser)\.cfg$/, folder: { name: 'kamailio', extension: /\.cfg$/ } },
  { language: 'opensips', names: /^opensips[^/]*\.(cfg|m4)$/, folder: { name: 'opensips', extension: /\.cfg$/ } },
  {
    language: 'asterisk',
    names: /^(extensions[^/]*|pjsip[^/]*|sip|sip_[^/]*|stir_shaken)\.conf(\.sample)?$/,
    folder: { name: 'asterisk', extension: /\.conf(\.sample)?$/ },
  },
  { language: 'xml', names: /\.xml$/ },
  { language: 'log', names: /\.log$/ },
];

const BY_FIRST_LINE: readonly [(firstLine: string) => boolean, string][] = [
  [(line) => /^#!(KAMAILIO|SER|OPENSER|MAXCOMPAT|ALL)\b/.test(line), 'kamailio'],
  [(line) => /^#!OPENSIPS\b/.test(line), 'opensips'],
  [isStartLineAtStart, 'sip'],
];

/** The language id for a file path (forward or back slashes) and its first line; plaintext when nothing says more. */
export function languageForFile(path: string, firstLine: string): string {
  const segments = path.replace(/\\/g, '/').toLowerCase().split('/');
  const name = segments.pop() ?? '';
  for (const association of ASSOCIATIONS) {
    if (association.names?.test(name)) return association.language;
    const folder = association.folder;
    if (folder && segments.includes(folder.name) && folder.extension.test(name)) return association.language;
  }
  for (const [matches, language] of BY_FIRST_LINE) if (matches(firstLine)) return language;
  return 'plaintext';
}
