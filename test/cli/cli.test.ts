// The command line as a user runs it: exit codes, summary line, files written.
import test from 'ava';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, sampleRoot } from '../support/cli.ts';


test('--help works on the program and on extract, exit 0', (t) => {
  t.is(run(['--help']).code, 0);
  const help = run(['extract', '--help']);
  t.is(help.code, 0);
  t.regex(help.stdout, /--xliff <version>/);
});

test("each command's --help says what --no-cache means for it: only build's speaks of PDF work", (t) => {
  const noCache = (command: string) => /--no-cache\s+(.*?)(?=\s+-h, --help)/s.exec(run([command, '--help']).stdout)?.[1]?.replace(/\s+/g, ' ') ?? '';
  t.regex(noCache('build'), /^parse every article, convert every PDF picture, shape every PDF word and remake every handbook and article again .*\.handbook-cache/);
  t.regex(noCache('extract'), /^parse every article and write every XLIFF file again /);
  t.regex(noCache('merge'), /^parse every article and every XLIFF file again /);
  for (const command of ['status', 'pseudo', 'prune']) t.regex(noCache(command), /^parse every article again \(no parsed models\), without reading or writing the cache/, command);
  for (const command of ['extract', 'merge', 'status', 'pseudo', 'prune']) t.notRegex(noCache(command), /PDF|picture|shape/, command);
});

test('extract writes one file per language and category and prints one summary line', (t) => {
  const root = sampleRoot();
  const { code, stdout, stderr } = run(['extract', '--root', root, '--lang', 'de,ja', '--xliff', '2.0']);
  t.is(code, 0, stderr);
  t.is(stdout.trim().split('\n').length, 1);
  t.regex(stdout, /^extract: 13 articles → 8 XLIFF 2\.0 files \(de, ja\), [\d,]+ units, [\d,]+ words in /);
  t.false(existsSync(join(root, 'output/xliff/ja/handbook-words.xlf')), 'no handbook words file: handbook ships every Japanese word the project lacks');
  t.true(existsSync(join(root, 'output/xliff/ja/publishing.xlf')));
  t.is(stderr, '', 'quiet in CI: no progress bar');
});

test('--json prints the result for scripts', (t) => {
  const root = sampleRoot();
  const { code, stdout } = run(['extract', '--root', root, '--lang', 'de', '--json', '--out', join(root, 'x')]);
  t.is(code, 0);
  const result = JSON.parse(stdout);
  t.is(result.files.length, 4, 'four categories; no handbook words file: German has them all (the project\'s and the shipped ones)');
  t.true(result.units > 100);
});

test('usage errors exit 2 with a clear message', (t) => {
  const root = sampleRoot();
  const bad = run(['extract', '--root', root, '--xliff', '3']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /--xliff must be 1\.2 or 2\.0/);
  t.is(run(['extract', '--root', root, '--lang', 'not a language']).code, 2);
  t.is(run(['extract', '--no-such-flag']).code, 2);
  t.is(run(['frobnicate']).code, 2);
});

test('a bad configuration is a usage error naming the key', (t) => {
  const root = sampleRoot();
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: 'articles/_articles', targetLanguage: ['de'] }));
  const { code, stderr } = run(['extract', '--root', root]);
  t.is(code, 2);
  t.regex(stderr, /unknown key "targetLanguage" \(known: sourceLanguage, targetLanguages/);
});

test('a broken article: exit 1, the message names file and line, the rest is extracted', (t) => {
  const root = sampleRoot();
  mkdirSync(join(root, 'articles/_articles/bad'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/bad/yaml.md'), '---\ntitle: [unclosed\n---\nText\n');
  const { code, stderr, stdout } = run(['extract', '--root', root, '--lang', 'de']);
  t.is(code, 1);
  t.regex(stderr, /bad\/yaml\.md:\d+: front matter is not valid YAML/);
  t.regex(stdout, /1 article\(s\) refused/);
  t.true(existsSync(join(root, 'output/xliff/de/reference.xlf')));
});

test('a broken category file: exit 1, the message names the category file and its line', (t) => {
  const root = sampleRoot();
  writeFileSync(join(root, 'articles/_categories/publishing.md'), '---\ntitle: "Unclosed\n---\n');
  const { code, stderr } = run(['status', '--root', root, '--lang', 'de']);
  t.is(code, 1);
  t.is(stderr, `error: ${relative(process.cwd(), join(root, 'articles/_categories/publishing.md'))}:2: front matter is not valid YAML (Missing closing "quote): fix the YAML between the --- lines\n`);
});
