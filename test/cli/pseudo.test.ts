// `handbook pseudo` on the command line: it fills a pseudo-language, never a language with real translations.
import test from 'ava';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT } from '../helpers.ts';
import { run, sampleRoot } from '../support/cli.ts';
import { snapshot } from '../support/roundtrip.ts';

const REFUSED: [string, RegExp][] = [
  // The project's locales are copied in: German holds real translations.
  ['de', /^error: pseudo-language "de" holds translations that are not pseudo-translations \(.*locales\/de\/.*\): they would be overwritten; pick a pseudo-language code such as qps\n$/],
  ['DE', /^error: pseudo-language "de" holds translations/],
  ['en', /^error: --lang "en" is the source language: pick a pseudo-language code such as qps\n$/],
];

for (const [language, message] of REFUSED) {
  test(`pseudo --lang ${language} is a usage error (exit 2, one line) and leaves the translations as they were`, (t) => {
    const root = sampleRoot();
    cpSync(join(PROJECT, 'locales'), join(root, 'locales'), { recursive: true });
    const before = snapshot(join(root, 'locales'));
    const { code, stdout, stderr } = run(['pseudo', '--root', root, '--lang', language]);
    t.is(code, 2, stderr);
    t.is(stdout, '');
    t.regex(stderr, message);
    t.is(stderr.trim().split('\n').length, 1);
    t.deepEqual(snapshot(join(root, 'locales')), before);
  });
}

test('pseudo with the default qps still fills the pseudo-language', (t) => {
  const root = sampleRoot();
  const { code, stdout, stderr } = run(['pseudo', '--root', root]);
  t.is(code, 0, stderr);
  t.regex(stdout, /^pseudo: [\d,]+ units and \d+ handbook words pseudo-translated into qps/);
});
