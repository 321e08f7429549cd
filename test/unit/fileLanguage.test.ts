// The CLI's file associations are package.json's (contributes.languages): every file name, pattern
// and first line the manifest declares gives its language, and the SIP first line the service reads
// is the one the manifest declares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { languageForFile, type ManifestLanguage } from '../../server/src/service/fileLanguage';
import { isStartLineAtStart } from '../../server/src/service/syntax/startLine';
import { corpusFiles, repoRoot } from '../support/corpus';

const languages: ManifestLanguage[] = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).contributes.languages;

/** A path that a glob matches: `**` as two folders, `*` as a word. */
const pathFor = (glob: string) => `/srv/${glob.replace(/\*\*/g, 'a/b').replace(/\*/g, 'x')}`;

test('every extension, file name and file name pattern of package.json gives its language', () => {
  for (const language of languages) {
    for (const extension of language.extensions ?? []) assert.equal(languageForFile(`/srv/trace${extension}`, ''), language.id, extension);
    for (const name of language.filenames ?? []) assert.equal(languageForFile(`C:\\pbx\\${name.toUpperCase()}`, ''), language.id, name);
    for (const glob of language.filenamePatterns ?? []) assert.equal(languageForFile(pathFor(glob), ''), language.id, glob);
  }
  assert.equal(languageForFile('/srv/notes.txt', ''), 'plaintext');
  assert.equal(languageForFile('/srv/kamailio.conf', ''), 'plaintext');
});

test('every first line of package.json gives its language', () => {
  const samples: Record<string, string> = { sip: 'SIP/2.0 180 Ringing', kamailio: '#!KAMAILIO', opensips: '#!OPENSIPS' };
  for (const language of languages.filter((l) => l.firstLine)) {
    const line = samples[language.id];
    assert.ok(line && new RegExp(language.firstLine!).test(line), `a sample first line for ${language.id}`);
    assert.equal(languageForFile('/srv/dump.txt', line), language.id);
  }
});

test('the SIP first line the service reads is package.json\'s firstLine, on every corpus file and the edge cases', () => {
  const manifest = new RegExp(languages.find((l) => l.id === 'sip')!.firstLine!);
  const lines = [
    ...['sip-traces', 'sip-torture', 'logs', 'kamailio', 'pcap'].flatMap((folder) => corpusFiles(folder)).map((file) => readFileSync(file.path, 'latin1').split(/\r\n|\r|\n/, 1)[0]),
    'SIP/2.0 200 OK', 'SIP/2.0 200', 'SIP/2.0 2000 OK', 'SIP/2.0 20 OK', ' SIP/2.0 200 OK', 'INVITE sip:a@b SIP/2.0', 'INVITE sip:a@b SIP/2.0  ',
    'invite sip:a@b SIP/2.0', 'INVITE sip:a@b SIP/2.0 x', 'REGISTER  sip:b SIP/2.0', 'x SIP/2.0 200 OK',
  ];
  for (const line of lines) assert.equal(isStartLineAtStart(line), manifest.test(line), JSON.stringify(line.slice(0, 80)));
});
