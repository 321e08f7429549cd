import type { HoverLanguage } from '../../../../common/settings';
import { withPersianDigits } from './digits';
import { EN } from './en';
import { FA } from './fa';
import type { Messages } from './types';

export type { CliMessages, DiagnosticMessages, HoverMessages, Messages } from './types';

/** A language of the catalogues. */
export type Lang = 'en' | 'fa';

/** The catalogue of each language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { en: EN, fa: FA };

/** The catalogues a language setting shows, in order ('both': English, then Persian). */
export function languagesOf(language: HoverLanguage): Lang[] {
  return language === 'both' ? ['en', 'fa'] : [language];
}

/** Text written in `lang`, in its script: Persian with its numbers in Persian digits (messages/digits.ts). */
export function inScript(lang: Lang, text: string): string {
  return lang === 'fa' ? withPersianDigits(text) : text;
}

/** A one-line text in the setting's language; 'both' gives the English, then the Persian on its own line. */
export function say(language: HoverLanguage, text: (m: Messages, lang: Lang) => string): string {
  return languagesOf(language).map((lang) => inScript(lang, text(MESSAGES[lang], lang))).join('\n');
}
