import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { isolatedEnv, repoRoot, requireServer, requireTool, run, scratchWith, TRACE, tracePositions } from './support';

/**
 * Emacs's Eglot (Debian's elpa-eglot 1.9, batch mode) against the built server, set up by the
 * README's snippet (eglot-init.el), on a real trace.
 */

interface Hover { at: string; value: string | null; range: { start: { line: number; character: number } } | null }
interface EglotResults {
  error?: string;
  mode: string;
  server: string;
  languageId: string;
  diagnostics: { start: [number, number]; end: [number, number]; type: string; text: string; code: string; tags: number[] | null }[];
  hovers: Hover[];
  hovers_fa: Hover[];
}

let results: EglotResults;
let text: string;
let positions: ReturnType<typeof tracePositions>;

before(async () => {
  const emacs = requireTool('emacs', 'emacs-nox elpa-eglot');
  requireServer();
  const scratch = scratchWith(TRACE);
  try {
    text = scratch.text;
    positions = tracePositions(text);
    const out = join(scratch.dir, 'results.json');
    const env = isolatedEnv(scratch.dir, {
      SIPSENSE_FILE: scratch.file,
      SIPSENSE_OUT: out,
      SIPSENSE_HOVERS: [positions.accepted, positions.cseq].map((p) => `${p.line}:${p.character}`).join(';'),
    });
    const driver = join(repoRoot, 'test', 'editors', 'eglot.el');
    const { code, output } = await run(emacs, ['-Q', '--batch', '-l', driver], env);
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`Emacs wrote no results (exit ${code}); is elpa-eglot installed?\n${output}`);
    }
    assert.equal(results.error, undefined, `the Emacs driver failed: ${results.error}\n${output}`);
    assert.equal(code, 0, output);
  } finally {
    scratch.cleanup();
  }
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

test('Emacs: hover at 202 explains it; nothing at a CSeq number', () => {
  const [accepted, cseq] = results.hovers;
  assert.match(accepted.value ?? '', /\*\*202 Accepted\*\*/);
  assert.deepEqual(accepted.range?.start, { line: positions.accepted.line, character: 8 });
  assert.equal(cseq.value, null, 'no hover at a CSeq number');
});

test('Emacs: a change of eglot-workspace-configuration (hover.language = fa) takes effect', () => {
  const [accepted, cseq] = results.hovers_fa;
  assert.match(accepted.value ?? '', /[\u0600-\u06FF]/, 'Persian text');
  assert.doesNotMatch(accepted.value ?? '', /In practice/);
  assert.equal(cseq.value, null);
});
