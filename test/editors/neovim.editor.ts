import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { assertPersianHovers, assertTraceHovers, repoRoot, requireTool, runDriverOnTrace, tracePositions, type DriverResults } from './support';

/**
 * Neovim's own LSP client (vim.lsp, Neovim 0.7+) against the built server, set up by the README's
 * snippet (nvim-init.lua, used as init.lua), on a real trace.
 */

interface NeovimResults extends DriverResults {
  filetype: string;
  client: string;
  diagnostics: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string; code: string; tags?: number[] }[];
}

let results: NeovimResults;
let text: string;
let positions: ReturnType<typeof tracePositions>;

before(async () => {
  const nvim = requireTool('nvim', 'neovim');
  const init = join(repoRoot, 'test', 'editors', 'nvim-init.lua');
  const driver = join(repoRoot, 'test', 'editors', 'neovim.lua');
  ({ results, text, positions } = await runDriverOnTrace<NeovimResults>(
    'Neovim', nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${driver}`]));
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
  assertTraceHovers(results.hovers, positions, 'markdown');
});

test('Neovim: a settings change (hover.language = fa) takes effect in the running server', () => {
  assertPersianHovers(results.hovers_fa);
});
