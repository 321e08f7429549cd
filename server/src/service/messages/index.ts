import type { HoverLanguage } from '../../../../common/settings';
import { EN } from './en';
import { FA } from './fa';
import type { Messages } from './types';

export type { DiagnosticMessages, HoverMessages, Messages } from './types';

/** A language of the catalogues. */
export type Lang = 'en' | 'fa';

/** The catalogue of each language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { en: EN, fa: FA };

/** The catalogues a language setting shows, in order ('both': English, then Persian). */
export function languagesOf(language: HoverLanguage): Lang[] {
  return language === 'both' ? ['en', 'fa'] : [language];
}

/** A one-line text in the setting's language; 'both' gives the English, then the Persian on its own line. */
export function say(language: HoverLanguage, text: (m: Messages, lang: Lang) => string): string {
  return languagesOf(language).map((lang) => text(MESSAGES[lang], lang)).join('\n');
}
