import type { Rule } from '../rule';

/** A code the IANA registry marks deprecated (202 Accepted). */
export const deprecatedCode: Rule = {
  id: 'deprecated-code',
  defaultSeverity: 'warning',
  check({ occurrence, entry }) {
    if (entry?.status !== 'deprecated') return undefined;
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m, lang) => m.deprecatedCode(`${entry.code} ${entry.phrase}`, entry.statusNote?.[lang] ?? ''),
      deprecated: true,
    };
  },
};
