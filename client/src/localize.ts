import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { numberIn, type Lang } from '../../common/digits';

/**
 * The words of the views (the ladder panel, the calls list) in the language of everything else:
 * sipSense.language (or, while it is 'auto', the older sipSense.hover.language) 'fa' gives Persian
 * from l10n/bundle.l10n.fa.json whatever VS Code's display language; 'auto' follows VS Code's
 * (vscode.l10n); 'en' and 'both' give English.
 */

let persian: Record<string, string> = {};

/** Reads the Persian bundle once, at activation. */
export function loadPersian(extensionPath: string): void {
  try {
    persian = JSON.parse(readFileSync(`${extensionPath}/l10n/bundle.l10n.fa.json`, 'utf8')) as Record<string, string>;
  } catch {
    persian = {};
  }
}

/** The settings that choose the views' language. */
export const VIEW_LANGUAGE_SETTINGS = ['sipSense.language', 'sipSense.hover.language'] as const;

/** What sipSense.language (else sipSense.hover.language) asks for the views. */
export function viewLanguage(): 'auto' | 'en' | 'fa' {
  const configuration = vscode.workspace.getConfiguration('sipSense');
  const chosen = configuration.get<string>('language', 'auto');
  const setting = chosen === 'auto' ? configuration.get<string>('hover.language', 'auto') : chosen;
  return setting === 'fa' ? 'fa' : setting === 'auto' ? 'auto' : 'en';
}

/** Right to left: the views speak Persian. */
export function viewIsPersian(): boolean {
  const language = viewLanguage();
  return language === 'fa' || (language === 'auto' && vscode.env.language.toLowerCase().startsWith('fa'));
}

function format(template: string, args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? args[Number(n)] : whole));
}

/** The views' language as a catalogue language. */
export function viewLang(): Lang {
  return viewIsPersian() ? 'fa' : 'en';
}

/** A number the views show (a count, a duration), in Persian digits when they speak Persian. */
export function viewNumber(value: string | number): string {
  return numberIn(viewLang(), value);
}

/** `message` (English, with {0}-style placeholders) in the views' language, the numbers it is given in that language's digits. */
export function localized(message: string, ...args: (string | number)[]): string {
  const language = viewLanguage();
  const written = args.map(viewNumber);
  if (language === 'auto') return vscode.l10n.t(message, ...written);
  return format(language === 'fa' ? persian[message] ?? message : message, written);
}
