// merge and build from the command line: exit codes, messages, files.
import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sampleRoot } from '../support/cli.ts';
import { snapshot } from '../support/roundtrip.ts';


/** Translates every target copy extract wrote (its text upper-cased), as a translator in a CAT tool would. */
function translate(xliff: string): string {
  return xliff.replace(/<target state="needs-translation">(.*?)<\/target>/g, (_, inner: string) => `<target state="translated">${inner.replace(/>([^<]+)</g, (m, text: string) => `>${text.toUpperCase()}<`).replace(/^([^<]+)/, (t) => t.toUpperCase())}</target>`);
}

test('extract → translate → merge → build md, then extract again sends nothing', (t) => {
  const root = sampleRoot();
  t.is(run(['extract', '--root', root, '--lang', 'de']).code, 0);
  const file = join(root, 'output/xliff/de/publishing.xlf');
  writeFileSync(file, translate(readFileSync(file, 'utf8')));
  const dry = run(['merge', '--root', root, '--dry-run', file]);
  t.is(dry.code, 0, dry.stderr);
  t.false(existsSync(join(root, 'locales/de')));
  const merged = run(['merge', '--root', root, file]);
  t.is(merged.code, 0, merged.stderr);
  t.regex(merged.stdout, /^merge: 1 file\(s\) \(de\): stored \d+ translations, 0 unchanged, 0 kept as outdated, 0 untranslated skipped \(0 empty, 0 copies of the source\), 0 refused\n$/);
  t.true(existsSync(join(root, 'locales/de/articles/publishing/build-handbooks.json')));
  const build = run(['build', '--root', root, '--lang', 'de', '--format', 'md']);
  t.is(build.code, 0, build.stderr);
  t.regex(build.stdout, /^build md: 13 articles × 1 language in \S*output: de \d+\/\d+ translated \(\d+ in source language\); 4 Markdown handbooks\n$/);
  t.regex(readFileSync(join(root, 'output/de/markdown/publishing/build-handbooks.md'), 'utf8'), /^title: BUILD /m);
  run(['extract', '--root', root, '--lang', 'de']);
  // The three other categories; German's handbook words ship with handbook, so no words file.
  t.regex(run(['extract', '--root', root, '--lang', 'de']).stdout, /^extract: nothing new; 3 XLIFF file\(s\) in \S+ unchanged/);
  const again = run(['extract', '--root', root, '--lang', 'de', '--json']);
  const result = JSON.parse(again.stdout);
  t.false(result.files.some((f: { category: string }) => f.category === 'publishing'), 'a fully translated category sends nothing');
});

test('merge refuses a broken unit with exit 1, naming file, line and unit', (t) => {
  const root = sampleRoot();
  run(['extract', '--root', root, '--lang', 'de']);
  const file = join(root, 'output/xliff/de/reference.xlf');
  writeFileSync(file, translate(readFileSync(file, 'utf8')).replace(/(<target[^>]*>[^<]*)<x id="1"[^>]*\/>/, '$1'));
  const { code, stderr, stdout } = run(['merge', '--root', root, file]);
  t.is(code, 1);
  t.regex(stderr, /^error: .*reference\.xlf:\d+: unit [a-z]+-[0-9a-f]{10}: the target drops code 1 \(.+\): put it back where it belongs; the unit was not stored$/m);
  t.regex(stdout, /1 refused \(1 inline codes changed\), see above/);
});

test('merge and build usage errors exit 2', (t) => {
  const root = sampleRoot();
  t.is(run(['merge', '--root', root]).code, 2, 'no file');
  const unknown = run(['build', '--root', root, '--format', 'docx']);
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /--format must list md, html, pdf/);
  t.is(run(['build', '--root', root, '--category', 'nope']).code, 2);
});

test('merge run twice: the second run stores nothing, exits 0 and leaves the store byte for byte; a foreign <file> exits 1', (t) => {
  const root = sampleRoot();
  t.is(run(['extract', '--root', root, '--lang', 'de']).code, 0);
  const file = join(root, 'output/xliff/de/reference.xlf');
  writeFileSync(file, translate(readFileSync(file, 'utf8')));
  const first = run(['merge', '--root', root, file]);
  t.is(first.code, 0, first.stderr);
  const stored = Number(/stored (\d+) translations/.exec(first.stdout)![1]);
  t.true(stored > 50);
  const before = snapshot(join(root, 'locales'));
  const second = run(['merge', '--root', root, '--json', file]);
  t.is(second.code, 0, second.stderr);
  t.like(JSON.parse(second.stdout), { stored: 0, unchanged: stored, refused: 0, filesRefused: 0 });
  t.deepEqual(snapshot(join(root, 'locales')), before);
  const withForeign = join(root, 'with-foreign.xlf');
  writeFileSync(withForeign, readFileSync(file, 'utf8').replace('</xliff>', '<file original="added.po" source-language="en" target-language="de" datatype="po"><body><trans-unit id="1"><source>x</source><target>y</target></trans-unit></body></file></xliff>'));
  const third = run(['merge', '--root', root, withForeign]);
  t.is(third.code, 1);
  t.regex(third.stderr, /^error: .*with-foreign\.xlf:\d+: <file original="added\.po"> was not written by handbook/m);
  t.regex(third.stdout, new RegExp(`stored 0 translations, ${stored} unchanged, .*1 refused \\(1 in a <file> this project did not write; 1 <file> or file\\(s\\) refused as a whole\\), see above`));
  t.deepEqual(snapshot(join(root, 'locales')), before);
});

test('merge of a corrected redelivery of the same file: the fix is stored and the summary says it replaced a translation; extract keeps the corrected file until it is merged', (t) => {
  const root = sampleRoot();
  t.is(run(['extract', '--root', root, '--lang', 'de']).code, 0);
  const file = join(root, 'output/xliff/de/reference.xlf');
  const translated = translate(readFileSync(file, 'utf8'));
  writeFileSync(file, translated);
  const first = run(['merge', '--root', root, file]);
  t.is(first.code, 0, first.stderr);
  const stored = Number(/stored (\d+) translations/.exec(first.stdout)![1]);
  // The translator fixes one target in the same file and delivers it again.
  writeFileSync(file, translated.replace(/(<target state="translated">)[^<]+/, '$1KORRIGIERT'));
  const kept = run(['extract', '--root', root, '--lang', 'de']);
  t.is(kept.code, 1, 'extract does not overwrite a delivery that is not merged yet');
  t.regex(kept.stderr, /reference\.xlf/);
  const dry = run(['merge', '--root', root, '--dry-run', file]);
  t.is(dry.code, 0, dry.stderr);
  t.regex(dry.stdout, new RegExp(`would store 0 translations, 1 translations would be replaced by a redelivery of the same extract, ${stored - 1} unchanged, .*0 refused; dry run, nothing written\\n$`));
  const again = run(['merge', '--root', root, '--json', file]);
  t.is(again.code, 0, again.stderr);
  t.like(JSON.parse(again.stdout), { stored: 0, replaced: 1, unchanged: stored - 1, refused: 0 });
  t.regex(run(['merge', '--root', root, file]).stdout, new RegExp(`stored 0 translations, ${stored} unchanged, `));
});
