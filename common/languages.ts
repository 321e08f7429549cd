/**
 * The languages of Kamailio's KEMI scripts (routing logic in Lua, Python, JavaScript, Ruby or
 * Squirrel calling KSR.*). Only files that use KSR are served: the client does not hand the others
 * to the server, and the server, for clients that do, serves nothing in them.
 */
export const KEMI_LANGUAGES = ['lua', 'python', 'javascript', 'ruby', 'squirrel'] as const;

/** The language ids the server serves and the client hands it (VS Code's ids). */
export const SERVED_LANGUAGES = ['sip', 'kamailio', 'opensips', 'asterisk', 'log', 'xml', 'plaintext', ...KEMI_LANGUAGES] as const;

export type ServedLanguage = (typeof SERVED_LANGUAGES)[number];

/** What every KEMI script that routes SIP has: calls into Kamailio's KSR module (KSR.sl..., in Ruby KSR::SL...). */
const KEMI_MARKS = ['KSR.', 'KSR::'];

export function isKemiLanguage(languageId: string): boolean {
  return (KEMI_LANGUAGES as readonly string[]).includes(languageId);
}

/** Whether the text of a KEMI-language file is a KEMI script (uses KSR). */
export function usesKsr(text: string): boolean {
  return KEMI_MARKS.some((mark) => text.includes(mark));
}
