import test from 'ava';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { extract, fileNameOf } from '../../src/extract/extract.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { CORPUS, PROJECT, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';

function extractTo(root: string, articles: string | undefined, version: '1.2' | '2.0' = '1.2') {
  const config = loadConfig(root, { articles });
  const out = temporaryDir();
  const result = extract(config, readHelpCenter(config), { languages: ['de', 'ja'], version, outDir: out, all: true });
  const files = Object.fromEntries(result.files.map((f) => [f.path.slice(out.length), readFileSync(f.path, 'utf8')]));
  return { result, files };
}

test('extracting twice gives byte-identical files', (t) => {
  const first = extractTo(PROJECT, undefined);
  const second = extractTo(PROJECT, undefined);
  t.deepEqual(Object.keys(first.files), ['/de/getting-started.xlf', '/de/for-translators.xlf', '/de/publishing.xlf', '/de/reference.xlf', '/de/handbook-words.xlf', '/ja/getting-started.xlf', '/ja/for-translators.xlf', '/ja/publishing.xlf', '/ja/reference.xlf', '/ja/handbook-words.xlf']);
  t.deepEqual(first.files, second.files);
});

testIf(SHARED_NEED)('corpus: extracting twice gives byte-identical files in both versions', (t) => {
  for (const version of ['1.2', '2.0'] as const) {
    t.deepEqual(extractTo(CORPUS, join(CORPUS, '_articles'), version).files, extractTo(CORPUS, join(CORPUS, '_articles'), version).files);
  }
});

test('one <file> per article, original = path relative to the articles folder, hidden articles included', (t) => {
  const { files } = extractTo(PROJECT, undefined);
  const reference = files['/de/reference.xlf']!;
  const originals = [...reference.matchAll(/<file original="([^"]+)"/g)].map((m) => m[1]);
  t.is(originals[0], 'category:reference');
  t.true(originals.includes('reference/internal-notes.md'), 'hidden article is still translated');
  t.true(reference.includes('target-language="de"') && reference.includes('source-language="en"'));
});

test('a broken article is reported and every other article is still extracted', (t) => {
  const root = temporaryDir();
  cpSync(join(PROJECT, 'articles'), join(root, 'articles'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), readFileSync(join(PROJECT, 'handbook.config.json')));
  mkdirSync(join(root, 'articles/_articles/broken'), { recursive: true });
  writeFileSync(join(root, 'articles/_articles/broken/bad.md'), '---\ntitle: Bad\ncategories: [reference]\n---\n\n{% callout info %}\nOops\n');
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  const out = temporaryDir();
  const result = extract(config, center, { languages: ['de'], version: '1.2', outDir: out, all: true });
  t.deepEqual(result.problems.map((p) => `${p.file}:${p.line}`), ['broken/bad.md:6']);
  t.is(readdirSync(join(out, 'de')).length, 5);
  t.false(readFileSync(join(out, 'de/reference.xlf'), 'utf8').includes('broken/bad.md'));
});

test('category slugs cannot name a path outside the output folder', (t) => {
  t.is(fileNameOf('../../etc/passwd'), '_-..-etc-passwd');
  t.is(fileNameOf('account management'), 'account-management');
});

test('a translated file put back in the extract folder is kept, not replaced or removed, until it is merged', async (t) => {
  const { merge } = await import('../../src/merge/merge.ts');
  const { pseudoSegments } = await import('../render/pseudo.ts');
  const { translatedXliff, workspace } = await import('../support/roundtrip.ts');
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de']);
  const out = temporaryDir();
  const options = { languages: ['de'], version: '1.2' as const, outDir: out, all: false };
  extract(ws.config, ws.center, options);
  // The translator's file for the first category, returned and copied over the one sent.
  const returned = translatedXliff(ws, '1.2', pseudoSegments).find((p) => p.endsWith(`${ws.center.categories[0]!.slug}.xlf`))!;
  const path = join(out, 'de', `${fileNameOf(ws.center.categories[0]!.slug)}.xlf`);
  writeFileSync(path, readFileSync(returned));
  const delivered = readFileSync(path, 'utf8');
  const kept = extract(ws.config, ws.center, options);
  t.deepEqual(kept.unmerged.map((u) => u.path), [path]);
  t.true(kept.unmerged[0]!.translations > 10);
  t.is(readFileSync(path, 'utf8'), delivered, 'the delivery is as it was');
  t.false(kept.files.some((f) => f.path === path));
  // Once merged, the next extract replaces (here: removes) it as usual.
  t.is(merge(ws.config, ws.center, { files: [path] }).refused, 0);
  const after = extract(ws.config, ws.center, options);
  t.deepEqual(after.unmerged, []);
  t.deepEqual(after.removed, [path]);
});

test('a file extract wrote with --all, memory fills included, is replaced without a ledger: its texts are the store\'s', async (t) => {
  const { merge } = await import('../../src/merge/merge.ts');
  const { pseudoSegments } = await import('../render/pseudo.ts');
  const { translatedXliff, workspace } = await import('../support/roundtrip.ts');
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de']);
  for (const file of translatedXliff(ws, '1.2', pseudoSegments).slice(0, 2)) merge(ws.config, ws.center, { files: [file] });
  const out = temporaryDir();
  t.true(extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: temporaryDir(), all: false }).memoryFilled.de! > 0, 'the store holds memory fills');
  const all = extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: out, all: true });
  t.true(all.files.some((f) => readFileSync(f.path, 'utf8').includes('state="needs-review-translation"')), 'the fills are in the files, to review');
  // Another version: every file is written again, and none holds a text the store lacks.
  const again = extract(ws.config, ws.center, { languages: ['de'], version: '2.0', outDir: out, all: true });
  t.deepEqual(again.unmerged, []);
  t.true(again.files.every((f) => f.changed));
});
