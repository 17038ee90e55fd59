// `handbook build`: the source language and every target by default, handbooks in every format,
// each problem warned once, --quiet for the summary only.
import test from 'ava';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HANDBOOK_FORMATS } from '../../src/publish/formats.ts';
import { run, sampleRoot } from '../support/cli.ts';

test('build md,html writes the English handbooks too and warns once per problem, grouped; --quiet prints the summary only', (t) => {
  const root = sampleRoot();
  rmSync(join(root, 'articles/images/getting-started/pipeline.png'));
  const build = run(['build', '--root', root, '--format', 'md,html']);
  t.is(build.code, 0, build.stderr);
  t.regex(build.stdout, /^build md,html: 13 articles × 4 languages in \S*output: en source language; de 0\/\d+ translated \(\d+ in source language\); ja .*; 16 Markdown handbooks, 16 HTML handbooks; 1 warning\(s\): 1 missing-image \(above\)\n$/);
  for (const language of ['en', 'de', 'ja', 'ar']) {
    for (const file of ['getting-started.md', 'getting-started.html', 'index.html', 'markdown/getting-started/install-handbook.md']) t.true(existsSync(join(root, 'output', language, file)), `${language}/${file}`);
  }
  const lines = build.stderr.trimEnd().split('\n');
  t.is(lines[0], 'missing-image: 1 warning(s)');
  t.regex(lines[1]!, /^warning: \S*articles\/_articles\/getting-started\/localization-workflow\.md:14: image getting-started\/pipeline\.png is not in the images folder \(\S+\): the handbook shows its caption only$/, 'once, for all four languages');
  t.is(lines.length, 2);
  const quiet = run(['build', '--root', root, '--format', 'html', '--lang', 'ar', '--quiet']);
  t.is(quiet.code, 0);
  t.is(quiet.stderr, '');
  // The Arabic HTML handbooks were made by the first build: up to date, their warning reported again.
  t.regex(quiet.stdout, /; 4 HTML handbooks; 1 warning\(s\): 1 missing-image; 4 files up to date\n$/);
});

test('build --help names the file each format writes, pdf included', (t) => {
  const help = run(['build', '--help']);
  t.is(help.code, 0);
  const text = help.stdout.replace(/\s+/g, ' ');
  for (const written of ['output/<lang>/<category>.md', 'output/<lang>/<category>.html', 'output/<lang>/<category>.pdf']) t.true(text.includes(written), written);
});

test('a broken article: build and pseudo exit 1 and their summary line says an article was refused', (t) => {
  const root = sampleRoot();
  mkdirSync(join(root, 'articles/_articles/bad'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/bad/yaml.md'), '---\ntitle: [unclosed\n---\nText\n');
  for (const args of [['build', '--format', 'md', '--lang', 'en'], ['pseudo']]) {
    const result = run([...args, '--root', root, '--quiet']);
    t.is(result.code, 1, args[0]);
    t.regex(result.stderr, /^error: \S*bad\/yaml\.md:2: front matter is not valid YAML/, args[0]);
    t.regex(result.stdout, /; 1 article\(s\) refused, see above\n$/, args[0]);
  }
});

test('a broken category file is counted as a category file, not an article, in the summary lines of extract, build and pseudo', (t) => {
  const root = sampleRoot();
  writeFileSync(join(root, 'articles/_categories/publishing.md'), '---\ntitle: "Unclosed\n---\n');
  for (const args of [['extract', '--lang', 'de'], ['build', '--format', 'md', '--lang', 'en'], ['pseudo']]) {
    const result = run([...args, '--root', root, '--quiet']);
    t.is(result.code, 1, args[0]);
    t.regex(result.stdout, /; 1 category file\(s\) refused, see above\n$/, args[0]);
  }
  mkdirSync(join(root, 'articles/_articles/bad'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/bad/yaml.md'), '---\ntitle: [unclosed\n---\nText\n');
  const both = run(['build', '--format', 'md', '--lang', 'en', '--root', root, '--quiet']);
  t.regex(both.stdout, /; 1 article\(s\) and 1 category file\(s\) refused, see above\n$/);
});

test('build --help describes every output format it accepts', (t) => {
  const help = run(['build', '--help']);
  t.is(help.code, 0);
  const text = help.stdout.replace(/\s+/g, ' ');
  for (const { format } of HANDBOOK_FORMATS) t.regex(text, new RegExp(`publish .*\\b${format} \\(output/<lang>/`), format);
});

test('a character no font can draw in a PDF handbook: exit 1, one line naming the article and the character (not an internal error)', (t) => {
  const root = sampleRoot();
  const article = join(root, 'articles/_articles/publishing/build-handbooks.md');
  writeFileSync(article, `${readFileSync(article, 'utf8')}\nThe sign \u{13000} is drawn by no font.\n`);
  const result = run(['build', '--root', root, '--format', 'pdf', '--lang', 'en', '--category', 'publishing']);
  t.is(result.code, 1, result.stderr);
  t.is(result.stderr, 'error: publishing/build-handbooks.md: no configured font can draw the character "\u{13000}" (U+13000): replace it in the article or its translation\n');
});
