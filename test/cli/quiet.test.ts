// --quiet on every command, with build's meaning: the summary (or --json) and errors, no warning
// lines; exit codes as without it.
import test from 'ava';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sampleRoot } from '../support/cli.ts';

/** Translates every target copy extract wrote (upper-cased), as a translator would. */
function translate(xliff: string): string {
  return xliff.replace(/<target state="needs-translation">(.*?)<\/target>/g, (_, inner: string) => `<target state="translated">${inner.replace(/>([^<]+)</g, (m, text: string) => `>${text.toUpperCase()}<`).replace(/^([^<]+)/, (t) => t.toUpperCase())}</target>`);
}

/** A root with a German publishing package translated, and one of its articles edited since: merging it warns. */
function rootWithOutdatedFile(): { root: string; file: string } {
  const root = sampleRoot();
  run(['extract', '--root', root, '--lang', 'de']);
  const file = join(root, 'output/xliff/de/publishing.xlf');
  writeFileSync(file, translate(readFileSync(file, 'utf8')));
  const article = join(root, 'articles/_articles/publishing/build-handbooks.md');
  const text = readFileSync(article, 'utf8');
  const line = text.split('\n').findIndex((l, k) => k > 5 && /^[A-Z][a-z].*\.$/.test(l));
  writeFileSync(article, text.split('\n').map((l, k) => (k === line ? `${l.slice(0, -1)} (edited).` : l)).join('\n'));
  return { root, file };
}

test('every command accepts --quiet and lists it in --help', (t) => {
  for (const command of ['extract', 'merge', 'build', 'status', 'pseudo', 'prune']) {
    const help = run([command, '--help']);
    t.is(help.code, 0, command);
    t.regex(help.stdout, /--quiet/, command);
  }
});

test('extract --quiet: the same summary and exit code; an error is still printed', (t) => {
  const root = sampleRoot();
  const quiet = run(['extract', '--quiet', '--root', root, '--lang', 'de']);
  t.is(quiet.code, 0, quiet.stderr);
  t.regex(quiet.stdout, /^extract: 13 articles → 4 XLIFF 1\.2 files \(de\), [\d,]+ units, [\d,]+ words in \S+\n$/);
  t.is(quiet.stderr, '');
  mkdirSync(join(root, 'articles/_articles/bad'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/bad/yaml.md'), '---\ntitle: [unclosed\n---\nText\n');
  const refused = run(['extract', '--quiet', '--root', root, '--lang', 'de']);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /^error: .*bad\/yaml\.md:\d+: front matter is not valid YAML/);
});

test('merge --quiet: no warning line for a unit kept as outdated, the same summary and exit code', (t) => {
  const a = rootWithOutdatedFile();
  const loud = run(['merge', '--root', a.root, '--dry-run', a.file]);
  t.is(loud.code, 0, loud.stderr);
  t.regex(loud.stderr, /^warning: .*the source changed after this file was extracted/m);
  const quiet = run(['merge', '--quiet', '--root', a.root, '--dry-run', a.file]);
  t.is(quiet.code, 0);
  t.is(quiet.stderr, '');
  t.is(quiet.stdout, loud.stdout);
  t.regex(quiet.stdout, /[1-9]\d* kept as outdated/);
});

test('merge --quiet still prints a refused unit (an error) and exits 1', (t) => {
  const root = sampleRoot();
  run(['extract', '--root', root, '--lang', 'de']);
  const file = join(root, 'output/xliff/de/publishing.xlf');
  // A target without the codes of its source is refused.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/<target state="needs-translation">[^\n]*<x [^\n]*<\/target>/, '<target state="translated">Nichts</target>'));
  const quiet = run(['merge', '--quiet', '--root', root, file]);
  t.is(quiet.code, 1);
  t.regex(quiet.stderr, /^error: .*publishing\.xlf:\d+: unit /m);
});

/** A root whose article holds a tag yaml cannot resolve on line 3: every command warns about it. */
function rootWithYamlWarning(): { root: string; article: string } {
  const root = sampleRoot();
  const article = join(root, 'articles/_articles/publishing/build-handbooks.md');
  const lines = readFileSync(article, 'utf8').split('\n');
  lines.splice(2, 0, 'tag: !custom value');
  writeFileSync(article, lines.join('\n'));
  return { root, article };
}

const YAML_WARNING = /^warning: \S*publishing\/build-handbooks\.md:3: front matter: Unresolved tag: !custom: fix the YAML between the --- lines$/m;

test('a yaml warning on front matter names the file and its line, is shown again on a cached run, and is hidden by --quiet', (t) => {
  const { root } = rootWithYamlWarning();
  const first = run(['extract', '--root', root, '--lang', 'de']);
  t.is(first.code, 0, first.stderr);
  t.regex(first.stderr, YAML_WARNING);
  t.notRegex(first.stderr, /\(node:|Warning:/);
  // The same run again: its answer is remembered (no article read); an edit elsewhere: the article's model comes from the cache.
  const again = run(['extract', '--root', root, '--lang', 'de']);
  t.regex(again.stderr, YAML_WARNING);
  const other = join(root, 'articles/_articles/publishing/rtl-and-cjk-languages.md');
  writeFileSync(other, `${readFileSync(other, 'utf8')}\nOne more line.\n`);
  const cached = run(['extract', '--root', root, '--lang', 'de', '--all']);
  t.regex(cached.stderr, YAML_WARNING);
  const quiet = run(['extract', '--quiet', '--root', root, '--lang', 'de', '--all']);
  t.is(quiet.code, 0);
  t.is(quiet.stderr, '');
});

test('a front matter key that is a list is refused: exit 1, the file, its line and what to do', (t) => {
  const root = sampleRoot();
  mkdirSync(join(root, 'articles/_articles/bad'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/bad/key.md'), '---\ntitle: Key\n[a, b]: value\n---\nText\n');
  const refused = run(['extract', '--root', root, '--lang', 'de']);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /^error: \S*bad\/key\.md:3: front matter has a key that is a list or a mapping .*: fix the YAML between the --- lines/m);
  t.notRegex(refused.stderr, /Warning:/);
});

test('a cache folder that cannot be written: one warning line naming it, none under --quiet, never a Node warning', (t) => {
  const root = sampleRoot();
  writeFileSync(join(root, '.handbook-cache'), 'not a folder\n');
  const loud = run(['extract', '--root', root, '--lang', 'de']);
  t.is(loud.code, 0, loud.stderr);
  t.regex(loud.stderr, /^warning: \S*\.handbook-cache: model cache not saved: /m);
  t.notRegex(loud.stderr, /\(node:|Warning:/);
  const quiet = run(['extract', '--quiet', '--root', root, '--lang', 'de', '--all']);
  t.is(quiet.code, 0);
  t.is(quiet.stderr, '');
});

test('build, status, pseudo and prune: a front matter warning without --quiet, none with it; the same summary and exit 0', (t) => {
  const { root } = rootWithYamlWarning();
  const commands = [
    ['pseudo', '--root', root],
    ['build', '--root', root, '--lang', 'en', '--format', 'md'],
    ['status', '--root', root, '--lang', 'qps'],
    ['prune', '--root', root, '--dry-run'],
  ];
  const summaries = [/^pseudo: [\d,]+ units/, /^build md: 13 articles × 1 language/, /^qps: 100\.0% of/, /^prune: would delete 0 file\(s\)/];
  commands.forEach((args, k) => {
    const loud = run(args);
    t.is(loud.code, 0, loud.stderr);
    t.regex(loud.stderr, YAML_WARNING, args[0]);
    const quiet = run([args[0]!, '--quiet', ...args.slice(1)]);
    t.is(quiet.code, 0, quiet.stderr);
    t.regex(quiet.stdout, summaries[k]!);
    t.is(quiet.stderr, '', args[0]);
  });
});
