// The workflow over time on the real corpus: send only what changed, reuse what was translated.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoryPackage, extract } from '../../src/extract/extract.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { readXliff } from '../../src/xliff/read.ts';
import { SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { pseudoSegments, pseudoText } from '../render/pseudo.ts';
import { corpusCopy, snapshot, translatedCorpus } from '../support/roundtrip.ts';
import { run } from '../support/cli.ts';
import { writeXliff } from '../../src/xliff/write.ts';

testIf(SHARED_NEED)('after an edit, extract sends exactly the changed and the new unit, the changed one with its earlier translation', (t) => {
  const { root, config, category, report } = translatedCorpus('providers');
  t.is(report.refused, 0);
  const [first, second] = category.articles;
  const changed = first!.units.find((u) => u.kind === 'paragraph' && u.words > 12 && u.segments.length === 1)!;
  const oldText = (changed.segments[0] as { value: string }).value;
  const newText = oldText.replace(/\.$/, ', as described below.');
  const path1 = join(config.articles, first!.path);
  writeFileSync(path1, readFileSync(path1, 'utf8').replace(oldText, newText));
  const path2 = join(config.articles, second!.path);
  writeFileSync(path2, `${readFileSync(path2, 'utf8')}\nA brand new closing paragraph for the test of incremental hand-off.\n`);

  const storeBefore = snapshot(join(root, 'locales/de/articles'));
  const out = temporaryDir();
  const result = extract(config, readHelpCenter(config), { languages: ['de'], version: '1.2', outDir: out, all: false });
  const file = result.files.find((f) => f.category === 'providers')!;
  const xml = readFileSync(file.path, 'utf8');
  const units = readXliff(xml).files.flatMap((f) => f.units.map((u) => ({ original: f.original, ...u })));
  t.deepEqual(units.map((u) => [u.original, u.source.map((s) => (s.type === 'text' ? s.value : '')).join('')]), [
    [first!.path, newText],
    [second!.path, 'A brand new closing paragraph for the test of incremental hand-off.'],
  ]);
  const previous = /<alt-trans match-quality="(\d+)" origin="previous-version"><source>([^<]*)<\/source><target>([^<]*)<\/target>/.exec(xml);
  t.truthy(previous, 'the changed unit carries its earlier translation');

  t.true(Number(previous![1]) >= 75);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  t.is(previous![2], escape(oldText));
  t.is(previous![3], escape(pseudoText(oldText)), 'the target is the stored translation');
  // Nothing else of the category was touched: its translations and states are as they were.
  const storeAfter = snapshot(join(root, 'locales/de/articles'));
  for (const article of category.articles) {
    const key = `${article.path.replace(/\.md$/, '')}.json`;
    t.is(storeAfter[key], storeBefore[key], article.path);
  }
});

testIf(SHARED_NEED)('re-running extract on an unchanged help center writes nothing new', (t) => {
  const { config } = translatedCorpus('send');
  const out = temporaryDir();
  const first = extract(config, readHelpCenter(config), { languages: ['de'], version: '2.0', outDir: out, all: false });
  const files = snapshot(out);
  const again = extract(config, readHelpCenter(config), { languages: ['de'], version: '2.0', outDir: out, all: false });
  t.true(first.files.every((f) => f.changed));
  t.true(again.files.every((f) => !f.changed), 'every file unchanged');
  t.is(again.memoryFilled.de, 0);
  t.deepEqual(snapshot(out), files);
  t.false(again.files.some((f) => f.category === 'send'), 'the translated category is not sent');
});

testIf(SHARED_NEED)('translation memory: exact repeats elsewhere are filled for review, near matches are offered with a score', (t) => {
  const { config, root } = translatedCorpus('organizations');
  const out = temporaryDir();
  const result = extract(config, readHelpCenter(config), { languages: ['de'], version: '1.2', outDir: out, all: false });
  const filled = result.memoryFilled.de!;
  t.true(filled > 20, `${filled} units filled`);
  const stores = Object.values(snapshot(join(root, 'locales/de'))).join('\n');
  t.regex(stores, /"source": "Description",\n\s+"target": "[^"]+",\n\s+"state": "needs-review"/, 'a repeated table header is filled');
  const xml = Object.values(snapshot(out)).join('\n');
  const suggestions = [...xml.matchAll(/<alt-trans match-quality="(\d+)" origin="translation-memory">/g)].map((m) => Number(m[1]));
  t.true(suggestions.length > 0);
  t.true(suggestions.every((score) => score >= 75 && score < 100));
  t.log(`translation memory after translating "organizations": ${filled} units filled, ${suggestions.length} near-match suggestions (75–99%)`);
});

/** Every file under a folder: its bytes and modification time. */
function filesOf(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const found = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) found.set(name, { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
  }
  return found;
}

// One date for every build of these tests, so a run across midnight still compares equal.
process.env.SOURCE_DATE_EPOCH = '1764763200';

testIf(SHARED_NEED)('after one edit, extract, merge and build remake only that category\'s outputs (XLIFF, md, html, pdf), byte-identical to a clean run', (t) => {
  // Three real categories: every command runs several times over every format, in two languages.
  const { root, config, center } = corpusCopy(['auto-fill', 'providers', 'send']);
  t.deepEqual(center.categories.map((c) => [c.slug, c.articles.length]).sort(), [['auto-fill', 9], ['providers', 7], ['send', 7]]);
  const category = center.categories.find((c) => c.slug === 'providers')!;
  const returned = join(root, 'returned.xlf');
  const pkg = categoryPackage(config, category, 'de', false);
  writeFileSync(returned, writeXliff({ ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: pseudoSegments(u.unit.segments), state: 'translated' as const })) })) }, '1.2'));
  const pipeline = (...extra: string[]) => {
    for (const args of [['extract', ...extra], ['merge', returned], ['build', '--format', 'md,html,pdf', '--quiet', ...extra]]) {
      const result = run([...args, '--root', root]);
      t.is(result.code, 0, result.stderr);
    }
  };
  pipeline();
  pipeline(); // the memory fills of the merge settle
  const before = filesOf(join(root, 'output'));

  const edited = center.categories.find((c) => c.slug === 'auto-fill')!.articles[0]!;
  const path = join(config.articles, edited.path);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\.\n/, ' (edited).\n'));
  const extract = run(['extract', '--root', root]);
  t.regex(extract.stdout, /\b2 up to date/, extract.stdout);
  pipeline();
  const after = filesOf(join(root, 'output'));
  const touched = [...after].filter(([name, file]) => before.get(name)?.mtimeMs !== file.mtimeMs).map(([name]) => name).sort();
  const expected = ['xliff/de/auto-fill.xlf', `de/markdown/${edited.path}`, `en/markdown/${edited.path}`, ...['de', 'en'].flatMap((l) => ['md', 'html', 'pdf'].map((f) => `${l}/auto-fill.${f}`))].sort();
  t.deepEqual(touched, expected, 'only the edited article and its category were written again');

  // A clean run (no cache, no ledger) gives the same bytes.
  const clean = join(root, 'clean');
  for (const args of [['extract', '--no-cache', '--out', join(clean, 'xliff')], ['build', '--format', 'md,html,pdf', '--quiet', '--no-cache', '--out', clean]]) {
    const result = run([...args, '--root', root]);
    t.is(result.code, 0, result.stderr);
  }
  const fresh = filesOf(clean);
  t.deepEqual([...after.keys()].sort(), [...fresh.keys()].sort());
  const differ = [...after].filter(([name, file]) => !fresh.get(name)?.bytes.equals(file.bytes)).map(([name]) => name);
  t.deepEqual(differ, [], 'byte-identical to a clean run');

  // Nothing changed: every command answers at once and writes nothing.
  pipeline();
  const again = filesOf(join(root, 'output'));
  t.deepEqual([...again].filter(([name, file]) => after.get(name)?.mtimeMs !== file.mtimeMs).map(([name]) => name), []);

  // A deleted and a hand-edited output are made again; --no-cache remakes everything.
  rmSync(join(root, 'output/de/send.html'));
  writeFileSync(join(root, 'output/de/providers.md'), 'edited by hand\n');
  const repaired = run(['build', '--format', 'md,html,pdf', '--quiet', '--root', root]);
  t.is(repaired.code, 0, repaired.stderr);
  t.regex(repaired.stdout, /files up to date/);
  t.true(readFileSync(join(root, 'output/de/send.html')).equals(fresh.get('de/send.html')!.bytes));
  t.true(readFileSync(join(root, 'output/de/providers.md')).equals(fresh.get('de/providers.md')!.bytes));
  const forced = run(['extract', '--no-cache', '--root', root]);
  t.notRegex(forced.stdout, /up to date/);
});
