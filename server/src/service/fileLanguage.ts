/** The language id a file gets from its name, as the extension's file associations give it. */

const BY_NAME: readonly [RegExp, string][] = [
  [/\.sip$/i, 'sip'],
  [/(^|\/)(kamailio|ser|sip-router)[^/]*\.cfg$|(^|\/)kamailio\/[^/]*\.cfg$/i, 'kamailio'],
  [/(^|\/)opensips[^/]*\.cfg$|(^|\/)opensips\/[^/]*\.cfg$/i, 'opensips'],
  [/(^|\/)(extensions|pjsip|sip|iax|queues|voicemail)[^/]*\.conf(\.sample)?$|(^|\/)asterisk\/[^/]*\.conf$/i, 'asterisk'],
  [/\.xml$/i, 'xml'],
  [/\.log$/i, 'log'],
];

const BY_FIRST_LINE: readonly [RegExp, string][] = [
  [/^#!(KAMAILIO|SER)\b/, 'kamailio'],
  [/^#!OPENSIPS\b/, 'opensips'],
  [/^(SIP\/2\.0 [0-9]{3}( |$)|[A-Z]+ \S+ SIP\/2\.0\s*$)/, 'sip'],
];

/** The language id for a file path (forward or back slashes) and its first line; plaintext when nothing says more. */
export function languageForFile(path: string, firstLine: string): string {
  const name = path.replace(/\\/g, '/');
  for (const [pattern, language] of BY_NAME) if (pattern.test(name)) return language;
  for (const [pattern, language] of BY_FIRST_LINE) if (pattern.test(firstLine)) return language;
  return 'plaintext';
}
