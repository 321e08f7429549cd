import type { Rule } from '../rule';

/** A code RFC 2543 defined and RFC 3261 dropped (409, 411): never registered with IANA. */
export const removedCode: Rule = {
  id: 'removed-code',
  defaultSeverity: 'warning',
  check({ occurrence, entry }) {
    if (entry?.status !== 'removed') return undefined;
    return {
      rule: this.id,
      span: occurrence.span,
      message: (m, lang) => m.removedCode(`${entry.code} ${entry.phrase}`, entry.statusNote?.[lang] ?? ''),
    };
  },
};
