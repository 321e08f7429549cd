import type { Rule } from '../rule';

/** A valid code where this place takes only some codes (PJSIPHangup: 400-699). */
export const codeNotAllowed: Rule = {
  id: 'code-not-allowed',
  defaultSeverity: 'error',
  check({ occurrence, wellFormed }) {
    const allowed = occurrence.allowed;
    if (!allowed || !wellFormed) return undefined;
    if (occurrence.value >= allowed.min && occurrence.value <= allowed.max) return undefined;
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m, lang) => m.codeNotAllowed(occurrence.digits, allowed.why[lang]),
    };
  },
};
