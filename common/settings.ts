/**
 * The user's settings (sipSense.* in VS Code, a `sipSense` section for other editors): their type
 * and defaults. package.json's contributes.configuration declares the same defaults to VS Code.
 */

/** The configuration section the server asks for and the client synchronises. */
export const SETTINGS_SECTION = 'sipSense';

export type HoverLanguage = 'en' | 'fa' | 'both';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSeverity = Severity | 'off';

export interface Settings {
  /** The language of everything the server says (hovers, diagnostics, quick fixes, completion, explanations); 'auto' resolved as below. */
  language: HoverLanguage;
  hover: {
    /** The older setting of the same language (sipSense.language wins when it is not 'auto'); 'auto' is resolved against the editor's display language. */
    language: HoverLanguage;
  };
  inlayHints: {
    /** The reason phrase after bare codes ($rs == 486, <recv response="180">). */
    enable: boolean;
  };
  diagnostics: {
    enable: boolean;
    /** At most this many diagnostics per document; the rest are counted in one summary diagnostic. */
    maxPerDocument: number;
    /** Per-rule severity overrides, by rule id. */
    severity: Readonly<Record<string, RuleSeverity>>;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  hover: { language: 'en' },
  inlayHints: { enable: true },
  diagnostics: { enable: true, maxPerDocument: 1000, severity: {} },
};
