import type { Rule } from '../rule';

/** A number where a status code must be that cannot be one: not three digits, or outside 100-699. */
export const impossibleCode: Rule = {
  id: 'impossible-code',
  defaultSeverity: 'error',
  check({ occurrence, wellFormed }) {
    if (wellFormed) return undefined;
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m) => m.impossibleCode(occurrence.digits),
    };
  },
};
