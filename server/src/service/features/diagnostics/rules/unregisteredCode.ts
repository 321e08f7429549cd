import type { Rule } from '../rule';

/** A well-formed code that the IANA registry does not have (101, 303, 499, product-internal codes). */
export const unregisteredCode: Rule = {
  id: 'unregistered-code',
  defaultSeverity: 'warning',
  description: 'A well-formed status code that is not in the IANA registry.',
  check({ occurrence, entry, wellFormed }) {
    if (!wellFormed) return undefined;
    if (entry && entry.status !== 'unregistered' && entry.status !== 'product-specific') return undefined;
    const digit = occurrence.digits[0];
    const treatedAs = digit === '1' ? '183' : `${digit}00`;
    const what = entry ? `${entry.code} ${entry.phrase} is not a registered SIP status code: ${entry.statusNote?.en ?? ''}` :
      `${occurrence.digits} is not a registered SIP status code.`;
    return {
      rule: this.id,
      span: occurrence.span,
      message: `${what.trim()} A receiver that does not know it treats it as ${treatedAs} (RFC 3261 §8.1.3.2).`,
    };
  },
};
