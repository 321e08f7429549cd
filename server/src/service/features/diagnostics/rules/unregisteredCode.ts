import type { Rule } from '../rule';

/** A well-formed code that the IANA registry does not have (101, 303, 499, product-internal codes). */
export const unregisteredCode: Rule = {
  id: 'unregistered-code',
  defaultSeverity: 'warning',
  check({ occurrence, entry, wellFormed }) {
    if (!wellFormed) return undefined;
    if (entry && entry.status !== 'unregistered' && entry.status !== 'product-specific') return undefined;
    const digit = occurrence.digits[0];
    const treatedAs = digit === '1' ? '183' : `${digit}00`;
    // A note that already says how a receiver treats the code (101: "handles it as 183") is not followed by the same sentence.
    const noted = entry?.statusNote !== undefined && /8\.1\.3\.2/.test(entry.statusNote.en);
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m, lang) => {
        const what = entry ? m.unregisteredCode(`${entry.code} ${entry.phrase}`, entry.statusNote?.[lang] ?? '') : m.unregisteredCode(occurrence.digits, '');
        return noted ? what : `${what} ${m.treatedAs(treatedAs)}`;
      },
    };
  },
};
