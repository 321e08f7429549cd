import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { isolatedEnv, repoRoot, requireServer, requireTool, run, scratchWith, TRACE, tracePositions } from './support';

/**
 * Neovim's own LSP client (vim.lsp, Neovim 0.7+) against the built server, set up by the README's
 * snippet (nvim-init.lua, used as init.lua), on a real trace.
 */

interface Hover { at: string; value: string | null; range: { start: { line: number; character: number } } | null }
interface NeovimResults {
  error?: string;
  filetype: string;
  client: string;
  diagnostics: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string; code: string; tags?: number[] }[];
  hovers: Hover[];
  hovers_fa: Hover[];
}

let results: NeovimResults;
let text: string;
let positions: ReturnType<typeof tracePositions>;

before(async () => {
  const nvim = requireTool('nvim', 'neovim');
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
    const init = join(repoRoot, 'test', 'editors', 'nvim-init.lua');
    const driver = join(repoRoot, 'test', 'editors', 'neovim.lua');
    const { code, output } = await run(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${driver}`], env);
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`Neovim wrote no results (exit ${code}):\n${output}`);
    }
    assert.equal(results.error, undefined, `the Lua driver failed: ${results.error}\n${output}`);
    assert.equal(code, 0, output);
  } finally {
    scratch.cleanup();
  }
});

test('Neovim: the README setup attaches sipsense-language-server to a trace (filetype text, language plaintext)', () => {
  assert.equal(results.filetype, 'text');
  assert.equal(results.client, 'sipsense');
});

test('Neovim: the deprecated 202s are in vim.diagnostic, with their ranges, severity and tag', () => {
  const lines = text.split(/\r?\n/);
  const deprecated = results.diagnostics.filter((d) => d.code === 'deprecated-code');
  assert.equal(deprecated.length, 2);
  for (const d of deprecated) {
    assert.equal(lines[d.lnum].slice(d.col, d.end_col), '202');
    assert.equal(d.severity, 2, 'vim.diagnostic.severity.WARN');
    assert.equal(d.source, 'sipsense');
    assert.deepEqual(d.tags, [2], 'the Deprecated tag reaches the client');
  }
  assert.deepEqual(deprecated.map((d) => d.lnum).sort((a, b) => a - b), [positions.accepted.line, lines.indexOf('SIP/2.0 202 Accepted', positions.accepted.line + 1)]);
});

test('Neovim: hover at 202 explains it; nothing at a CSeq number', () => {
  const [accepted, cseq] = results.hovers;
  assert.match(accepted.value ?? '', /\*\*202 Accepted\*\*/);
  assert.deepEqual(accepted.range?.start, { line: positions.accepted.line, character: 8 });
  assert.equal(cseq.value, null, 'no hover at a CSeq number');
});

test('Neovim: a settings change (hover.language = fa) takes effect in the running server', () => {
  const [accepted, cseq] = results.hovers_fa;
  assert.match(accepted.value ?? '', /[\u0600-\u06FF]/, 'Persian text');
  assert.doesNotMatch(accepted.value ?? '', /In practice/);
  assert.equal(cseq.value, null);
});
