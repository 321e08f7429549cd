import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, from out/test/... or test/... alike. */
export const repoRoot = resolve(__dirname, __dirname.includes(`${join('out', 'test')}`) ? '../../..' : '../..');

/** ../shared beside the checkout: read-only material (never edited, never copied into the product). */
export const sharedRoot = resolve(repoRoot, '..', 'shared');

export function corpusFiles(folder: string): { name: string; path: string }[] {
  const dir = join(sharedRoot, 'corpus', folder);
  return readdirSync(dir).sort().map((name) => ({ name, path: join(dir, name) }));
}

export function corpusText(folder: string, name: string): string {
  return readFileSync(join(sharedRoot, 'corpus', folder, name), 'utf8');
}

/** Rows of a tab-separated reference file, without its # comments, keyed by its header. */
export function readTsv(relativePath: string): Record<string, string>[] {
  const lines = readFileSync(join(sharedRoot, relativePath), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}
