/** The user's settings (sipSense.*), as the service reads them from what a client sent. */

import { DEFAULT_SETTINGS, type HoverLanguage, type RuleSeverity, type Settings } from '../../../common/settings';

export type { HoverLanguage, RuleSeverity, Settings, Severity } from '../../../common/settings';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);
const LANGUAGES: ReadonlySet<string> = new Set(['en', 'fa', 'both']);

/**
 * Settings from whatever a client sent (the sipSense section of workspace/configuration or of
 * initializationOptions), with defaults for anything missing or malformed. `locale` is the editor's
 * display language, used when the language is 'auto' or unset.
 */
export function resolveSettings(raw: unknown, locale?: string): Settings {
  const section = asRecord(raw);
  const hover = asRecord(section.hover);
  const diagnostics = asRecord(section.diagnostics);
  const inlayHints = asRecord(section.inlayHints);
  // sipSense.language, else the older sipSense.hover.language, else ('auto') the editor's display language.
  const requested = [section.language, hover.language].find((value) => typeof value === 'string' && LANGUAGES.has(value));
  const language: HoverLanguage = requested !== undefined
    ? (requested as HoverLanguage)
    : locale?.toLowerCase().startsWith('fa') ? 'fa' : 'en';
  const severity: Record<string, RuleSeverity> = {};
  for (const [rule, value] of Object.entries(asRecord(diagnostics.severity))) {
    if (typeof value === 'string' && SEVERITIES.has(value.toLowerCase())) severity[rule] = value.toLowerCase() as RuleSeverity;
  }
  const max = diagnostics.maxPerDocument;
  return {
    language,
    hover: { language },
    inlayHints: { enable: typeof inlayHints.enable === 'boolean' ? inlayHints.enable : DEFAULT_SETTINGS.inlayHints.enable },
    diagnostics: {
      enable: typeof diagnostics.enable === 'boolean' ? diagnostics.enable : DEFAULT_SETTINGS.diagnostics.enable,
      maxPerDocument: typeof max === 'number' && Number.isFinite(max) && max >= 0
        ? Math.floor(max)
        : DEFAULT_SETTINGS.diagnostics.maxPerDocument,
      severity,
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
