import { codesWithPhrase, isStandardPhrase, phraseVariant } from '../../../registry';
import type { Rule } from '../rule';

/** A reason phrase other than the registry's: legal in SIP, shown so that it can be told apart. */
export const customPhrase: Rule = {
  id: 'custom-phrase',
  defaultSeverity: 'hint',
  description: 'A reason phrase other than the standard one (legal in SIP).',
  check({ occurrence, entry }) {
    const phrase = occurrence.phrase;
    if (!phrase || !entry || entry.status !== 'registered' && entry.status !== 'deprecated') return undefined;
    if (isStandardPhrase(entry, phrase.text)) return undefined;
    if (codesWithPhrase(phrase.text).some((code) => code !== entry.code)) return undefined;
    const variant = phraseVariant(entry, phrase.text);
    const origin = variant ? ` (the wording of ${variant.source})` : '';
    return {
      rule: this.id,
      span: phrase.span,
      message: `“${phrase.text}”${origin} is not the standard phrase of ${entry.code} (“${entry.phrase}”). ` +
        'Custom phrases are legal in SIP: receivers act on the code alone.',
      replacement: entry.phrase,
    };
  },
};
