import { codesWithPhrase, isStandardPhrase, phraseVariant } from '../../../registry';
import type { Rule } from '../rule';

/** A reason phrase other than the registry's: legal in SIP, shown so that it can be told apart. */
export const customPhrase: Rule = {
  id: 'custom-phrase',
  defaultSeverity: 'hint',
  check({ occurrence, entry }) {
    const phrase = occurrence.phrase;
    if (!phrase || !entry || entry.status !== 'registered' && entry.status !== 'deprecated') return undefined;
    if (isStandardPhrase(entry, phrase.text)) return undefined;
    if (codesWithPhrase(phrase.text).some((code) => code !== entry.code)) return undefined;
    const variant = phraseVariant(entry, phrase.text);
    return {
      rule: this.id,
      span: phrase.span,
      message: (m) => m.customPhrase(phrase.text, variant?.source, String(entry.code), entry.phrase),
      replacement: entry.phrase,
    };
  },
};
