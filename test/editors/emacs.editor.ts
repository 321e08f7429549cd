import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { assertPersianHovers, assertTraceHovers, repoRoot, requireTool, runDriverOnTrace, tracePositions, type DriverResults } from './support';

/**
 * Emacs's Eglot (Debian's elpa-eglot 1.9, batch mode) against the built server, set up by the
 * README's snippet (eglot-init.el), on a real trace.
 */

interface EglotResults extends DriverResults {
  mode: string;
  server: string;
  languageId: string;
  diagnostics: { start: [number, number]; end: [number, number]; type: string; text: string; code: string; tags: number[] | null }[];
}

let results: EglotResults;
let text: string;
let positions: ReturnType<typeof tracePositions>;

before(async () => {
  const emacs = requireTool('emacs', 'emacs-nox elpa-eglot');
  const driver = join(repoRoot, 'test', 'editors', 'eglot.el');
  ({ results, text, positions } = await runDriverOnTrace<EglotResults>('Emacs', emacs, ['-Q', '--batch', '-l', driver]));
});

test('Emacs: the README setup connects Eglot to sipsense-language-server for a trace (text-mode, language plaintext)', () => {
  assert.equal(results.mode, 'text-mode');
  assert.equal(results.server, 'sipsense-language-server');
  assert.equal(results.languageId, 'plaintext');
});

test('Emacs: the deprecated 202s are in Flymake, with their ranges, type and tag', () => {
  const lines = text.split(/\r?\n/);
  const deprecated = results.diagnostics.filter((d) => d.code === 'deprecated-code');
  assert.equal(deprecated.length, 2);
  for (const d of deprecated) {
    assert.equal(d.start[0], d.end[0]);
    assert.equal(lines[d.start[0]].slice(d.start[1], d.end[1]), '202');
    assert.equal(d.type, 'eglot-warning');
    assert.deepEqual(d.tags, [2], 'the Deprecated tag reaches the client');
    assert.match(d.text, /202 Accepted is deprecated/);
  }
  assert.deepEqual(deprecated.map((d) => d.start[0]).sort((a, b) => a - b), [positions.accepted.line, lines.indexOf('SIP/2.0 202 Accepted', positions.accepted.line + 1)]);
});

test('Emacs: hover at 202 explains it in plain text (Eglot asks for it without markdown-mode); nothing at a CSeq number', () => {
  assertTraceHovers(results.hovers, positions, 'plaintext');
});

test('Emacs: a change of eglot-workspace-configuration (hover.language = fa) takes effect', () => {
  assertPersianHovers(results.hovers_fa);
});
