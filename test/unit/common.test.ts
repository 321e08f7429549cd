import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  EXPLAIN_COMMAND, LADDER_VIEW_TYPE, LOOK_UP_COMMAND, SHOW_ALL_CALL_FLOWS_COMMAND, SHOW_CALL_FLOW_COMMAND,
} from '../../common/commands';
import { SERVED_LANGUAGES } from '../../common/languages';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../common/settings';
import { resolveSettings, RULES } from '../../server/src/service';
import { repoRoot } from '../support/corpus';

/** What client and server share (common/) agrees with package.json, and each bundle holds only its side. */

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** The repository files a bundle was built from (its source map's sources, outside node_modules). */
function bundledSources(bundle: string): string[] {
  const map = JSON.parse(readFileSync(join(repoRoot, 'dist', `${bundle}.js.map`), 'utf8')) as { sources: string[] };
  return map.sources.filter((source) => !source.includes('node_modules/')).map((source) => source.replace(/^\.\.\//, ''));
}

test('the client bundle holds the client and common/ only: no service, data or server code', () => {
  const sources = bundledSources('client');
  assert.ok(sources.includes('client/src/extension.ts'));
  assert.ok(sources.includes('common/requests.ts'));
  assert.deepEqual(sources.filter((source) => !/^(client\/src|common)\//.test(source)), []);
});

test('the server bundle holds no client code', () => {
  const sources = bundledSources('server');
  assert.ok(sources.includes('server/src/createServer.ts'));
  // package.json only for its version (esbuild keeps that field alone)
  assert.deepEqual(sources.filter((source) => !/^(server\/src|common)\/|^package\.json$/.test(source)), []);
});

test('the extension activates on every served language, and on no other, once started (a file over the sync limit has no language), and to restore a ladder', () => {
  const others = ['onStartupFinished', `onWebviewPanel:${LADDER_VIEW_TYPE}`];
  const activated = (manifest.activationEvents as string[]).filter((event) => !others.includes(event)).map((event) => event.replace(/^onLanguage:/, ''));
  assert.deepEqual([...activated].sort(), [...SERVED_LANGUAGES].sort());
  for (const event of others) assert.ok((manifest.activationEvents as string[]).includes(event), event);
});

test('the contributed commands: the look-up, the call flow\'s and the SIP Calls view\'s; the explain command is the client\'s own', () => {
  const contributed = (manifest.contributes.commands as { command: string }[]).map((command) => command.command);
  assert.deepEqual(contributed, [
    LOOK_UP_COMMAND, SHOW_CALL_FLOW_COMMAND, SHOW_ALL_CALL_FLOWS_COMMAND, 'sipSense.calls.showSelected', 'sipSense.calls.sort',
    'sipSense.calls.filter', 'sipSense.calls.filterState', 'sipSense.calls.clearFilters',
  ]);
  assert.ok(!contributed.includes(EXPLAIN_COMMAND), 'not in the palette: it needs a code');
});

test('package.json declares the settings defaults of common/settings.ts, every rule\'s default severity included', () => {
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; properties?: Record<string, { default: unknown }> }>;
  const defaultOf = (key: string) => properties[`${SETTINGS_SECTION}.${key}`]?.default;
  assert.equal(defaultOf('hover.language'), 'auto', 'auto: resolved against the display language, English when it is not Persian');
  assert.equal(resolveSettings({}, 'de').hover.language, DEFAULT_SETTINGS.hover.language);
  assert.equal(defaultOf('inlayHints.enable'), DEFAULT_SETTINGS.inlayHints.enable);
  assert.equal(defaultOf('diagnostics.enable'), DEFAULT_SETTINGS.diagnostics.enable);
  assert.equal(defaultOf('diagnostics.maxPerDocument'), DEFAULT_SETTINGS.diagnostics.maxPerDocument);
  assert.deepEqual(defaultOf('diagnostics.severity'), DEFAULT_SETTINGS.diagnostics.severity);
  const perRule = properties[`${SETTINGS_SECTION}.diagnostics.severity`].properties ?? {};
  for (const rule of RULES) assert.equal(perRule[rule.id]?.default, rule.defaultSeverity, rule.id);
  // and the other way round: no rule id in package.json that the service does not have
  assert.deepEqual(Object.keys(perRule).sort(), RULES.map((rule) => rule.id).sort());
});

test('every setting package.json contributes is one the service reads (or the client\'s own trace.server)', () => {
  const contributed = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>).map((key) => key.slice(SETTINGS_SECTION.length + 1));
  const served = (function keys(value: object, prefix: string): string[] {
    return Object.entries(value).flatMap(([key, inner]) =>
      inner && typeof inner === 'object' && key !== 'severity' ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  })(DEFAULT_SETTINGS, '');
  assert.deepEqual(contributed.filter((key) => key !== 'trace.server').sort(), served.sort());
});
