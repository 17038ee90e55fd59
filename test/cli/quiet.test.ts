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
  t.regex(quiet.stdout, /^extract: 13 articles → 5 XLIFF 1\.2 files \(de\), [\d,]+ units, [\d,]+ words in \S+\n$/);
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

test('build, status, pseudo and prune --quiet: exit 0 and their summary', (t) => {
  const root = sampleRoot();
  const build = run(['build', '--quiet', '--root', root, '--lang', 'en', '--format', 'md']);
  t.is(build.code, 0, build.stderr);
  t.regex(build.stdout, /^build md: 13 articles × 1 language/);
  const pseudo = run(['pseudo', '--quiet', '--root', root]);
  t.is(pseudo.code, 0, pseudo.stderr);
  t.regex(pseudo.stdout, /^pseudo: [\d,]+ units/);
  const status = run(['status', '--quiet', '--root', root, '--lang', 'qps']);
  t.is(status.code, 0, status.stderr);
  t.regex(status.stdout, /^qps: 100\.0% of/);
  const prune = run(['prune', '--quiet', '--root', root, '--dry-run']);
  t.is(prune.code, 0, prune.stderr);
  t.regex(prune.stdout, /^prune: would delete 0 file\(s\)/);
  for (const result of [build, pseudo, status, prune]) t.is(result.stderr, '');
});
