import { codesWithPhrase, isStandardPhrase } from '../../../registry';
import type { Rule } from '../rule';

/** A reason phrase that is the standard phrase of another code (404 Busy Here): likely the wrong code. */
export const phraseMismatch: Rule = {
  id: 'phrase-mismatch',
  defaultSeverity: 'information',
  check({ occurrence, entry }) {
    const phrase = occurrence.phrase;
    if (!phrase || !entry || entry.status !== 'registered' && entry.status !== 'deprecated') return undefined;
    if (isStandardPhrase(entry, phrase.text)) return undefined;
    const others = codesWithPhrase(phrase.text).filter((code) => code !== entry.code);
    if (others.length === 0) return undefined;
    return {
      rule: this.id,
      span: phrase.span,
      message: (m) => m.phraseMismatch(phrase.text, others.join(', '), `${entry.code} ${entry.phrase}`),
      replacement: entry.phrase,
    };
  },
};
