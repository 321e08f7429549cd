/** The language ids the server serves and the client hands it (VS Code's ids). */
export const SERVED_LANGUAGES = ['sip', 'kamailio', 'opensips', 'asterisk', 'log', 'xml', 'plaintext'] as const;

export type ServedLanguage = (typeof SERVED_LANGUAGES)[number];
