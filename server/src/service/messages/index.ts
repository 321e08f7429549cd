import type { HoverLanguage } from '../../../../common/settings';
import { inScript, type Lang } from '../../../../common/digits';
import { EN } from './en';
import { FA } from './fa';
import type { Messages } from './types';

export type { CliMessages, DiagnosticMessages, FromDiskMessages, HoverMessages, Messages } from './types';

export { inScript, type Lang } from '../../../../common/digits';

/** The catalogue of each language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { en: EN, fa: FA };

/** The catalogues a language setting shows, in order ('both': English, then Persian). */
export function languagesOf(language: HoverLanguage): Lang[] {
  return language === 'both' ? ['en', 'fa'] : [language];
}

/** A one-line text in the setting's language; 'both' gives the English, then the Persian on its own line. */
export function say(language: HoverLanguage, text: (m: Messages, lang: Lang) => string): string {
  return languagesOf(language).map((lang) => inScript(lang, text(MESSAGES[lang], lang))).join('\n');
}

