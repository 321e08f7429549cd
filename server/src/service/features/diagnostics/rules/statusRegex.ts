import { patternMeaning } from '../../../statusPattern';
import type { Rule } from '../rule';

/** A pattern over status codes that is malformed or matches no code at all. */
export const statusRegex: Rule = {
  id: 'status-regex',
  defaultSeverity: 'warning',
  appliesTo: 'status-pattern',
  check({ occurrence }) {
    const meaning = patternMeaning(occurrence.digits);
    // A pattern that is not checked (a back-reference, or thousands of characters) is neither right nor wrong here.
    if (meaning.ok ? meaning.codes.length > 0 : meaning.unchecked) return undefined;
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m) => (meaning.ok ? m.patternMatchesNothing(occurrence.digits) : m.patternInvalid(occurrence.digits, meaning.error)),
    };
  },
};
