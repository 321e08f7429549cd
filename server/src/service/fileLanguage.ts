import { contributes } from '../../../package.json';
import { isStartLineAtStart } from './syntax/startLine';

/**
 * The language id a file gets from its name and first line, as the extension's file associations
 * give it: read from package.json's contributes.languages (extensions, filenames, filenamePatterns,
 * firstLine), the one place they are written, plus VS Code's own .xml and .log. A SIP first line is
 * read by the service's start-line reader, which test/unit/fileLanguage.test.ts holds to the
 * manifest's firstLine.
 */

export interface ManifestLanguage {
  id: string;
  extensions?: string[];
  filenames?: string[];
  filenamePatterns?: string[];
  firstLine?: string;
}

/**
 * VS Code's built-in languages that the CLI also needs (they are not ours to contribute), and the
 * KEMI languages as editors name them (Squirrel's .nut, and .sq as Kamailio's examples name it).
 */
const BUILT_IN: readonly ManifestLanguage[] = [
  { id: 'xml', extensions: ['.xml'] },
  { id: 'log', extensions: ['.log'] },
  { id: 'lua', extensions: ['.lua'] },
  { id: 'python', extensions: ['.py'] },
  { id: 'javascript', extensions: ['.js', '.mjs', '.cjs'] },
  { id: 'ruby', extensions: ['.rb'] },
  { id: 'squirrel', extensions: ['.nut', '.sq'] },
];

/** One segment of a glob (`*`, `?` and literal characters) as a regex over one path segment. */
function segmentRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`);
}

/** A glob as VS Code reads filenamePatterns: without a slash it matches the file name, with one the path; `**` spans any folders. */
function globMatcher(glob: string): (segments: readonly string[]) => boolean {
  const parts = glob.toLowerCase().split('/');
  if (parts.length === 1) {
    const name = segmentRegExp(parts[0]);
    return (segments) => name.test(segments[segments.length - 1] ?? '');
  }
  const compiled = parts.map((part) => (part === '**' ? undefined : segmentRegExp(part)));
  const matchFrom = (p: number, s: number, segments: readonly string[]): boolean => {
    if (p === compiled.length) return s === segments.length;
    const part = compiled[p];
    if (!part) {
      for (let next = s; next <= segments.length; next++) if (matchFrom(p + 1, next, segments)) return true;
      return false;
    }
    return s < segments.length && part.test(segments[s]) && matchFrom(p + 1, s + 1, segments);
  };
  return (segments) => matchFrom(0, 0, segments);
}

interface Association {
  language: string;
  matches(segments: readonly string[]): boolean;
  firstLine?: (line: string) => boolean;
}

const ASSOCIATIONS: readonly Association[] = [...(contributes.languages as ManifestLanguage[]), ...BUILT_IN].map((language) => {
  const extensions = (language.extensions ?? []).map((extension) => extension.toLowerCase());
  const filenames = (language.filenames ?? []).map((filename) => filename.toLowerCase());
  const patterns = (language.filenamePatterns ?? []).map(globMatcher);
  const firstLine = language.id === 'sip' ? isStartLineAtStart : language.firstLine ? RegExp.prototype.test.bind(new RegExp(language.firstLine)) : undefined;
  return {
    language: language.id,
    matches: (segments) => {
      const name = segments[segments.length - 1] ?? '';
      return extensions.some((extension) => name.endsWith(extension)) || filenames.includes(name) || patterns.some((matches) => matches(segments));
    },
    firstLine,
  };
});

/** The language id for a file path (forward or back slashes) and its first line; plaintext when nothing says more. */
export function languageForFile(path: string, firstLine: string): string {
  const segments = path.replace(/\\/g, '/').toLowerCase().split('/');
  for (const association of ASSOCIATIONS) if (association.matches(segments)) return association.language;
  for (const association of ASSOCIATIONS) if (association.firstLine?.(firstLine)) return association.language;
  return 'plaintext';
}
