// Delivered XLIFF kept as read between merges: merging a file read from the cache gives the report
// and store of merging it parsed; a changed file, a damaged entry or a refused file is parsed again.
import test from 'ava';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { categoryPackage } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { readXliffFileCached } from '../../src/merge/read-cache.ts';
import { storePath } from '../../src/store/store.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const base = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
const category = base.center.categories.find((c) => c.slug === 'reference')!;

/** The category translated (each target its source upper-cased), as a returned file. */
function returned(): string {
  const pkg = categoryPackage(base.config, category, 'de', true);
  const xml = writeXliff({ ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: u.unit.segments.map((s) => (s.type === 'text' ? { ...s, value: s.value.toUpperCase() } : s)) })) })) }, '1.2');
  const path = join(temporaryDir(), 'de-reference.xlf');
  writeFileSync(path, xml);
  return path;
}

function root(): string {
  const dir = temporaryDir();
  writeFileSync(join(dir, 'handbook.config.json'), JSON.stringify({ articles: base.config.articles, categories: join(PROJECT, 'articles/_categories'), targetLanguages: ['de'] }));
  return dir;
}

const storeOf = (config: ReturnType<typeof loadConfig>) => category.articles.map((a) => readFileSync(storePath(config.locales, 'de', a.path), 'utf8'));

test('a file read from the cache merges as the file parsed', (t) => {
  const file = returned();
  const cached = loadConfig(root(), { cache: true });
  const first = merge(cached, base.center, { files: [file], language: 'de' });
  const entries = readdirSync(join(cached.cache!, 'xliff'));
  t.is(entries.length, 1, 'the file kept as read');
  const again = loadConfig(root(), { cache: true });
  // The same cache folder, a fresh store: what the cache gives is merged.
  const hit = merge({ ...again, cache: cached.cache }, base.center, { files: [file], language: 'de' });
  const parsed = merge(loadConfig(root()), base.center, { files: [file], language: 'de' });
  t.deepEqual(first, parsed);
  t.deepEqual(hit, parsed);
  t.true(hit.stored > 0);
  t.deepEqual(storeOf(again), storeOf(cached));
  t.deepEqual(readXliffFileCached(file, cached.cache), readXliffFileCached(file, undefined));
});

test('a changed file, a damaged entry and a refused file are parsed again', (t) => {
  const file = returned();
  const config = loadConfig(root(), { cache: true });
  const folder = join(config.cache!, 'xliff');
  readXliffFileCached(file, config.cache);
  const [entry] = readdirSync(folder);
  writeFileSync(join(folder, entry!), 'damaged');
  t.deepEqual(readXliffFileCached(file, config.cache), readXliffFileCached(file, undefined), 'a damaged entry is parsed again');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/>([A-Z][A-Z ]+)</, '>CHANGED<'));
  t.deepEqual(readXliffFileCached(file, config.cache), readXliffFileCached(file, undefined), 'a changed file is read anew');
  t.is(readdirSync(folder).length, 2);
  writeFileSync(file, '<xliff version="1.2"><file>');
  t.throws(() => readXliffFileCached(file, config.cache));
  t.is(readdirSync(folder).length, 2, 'a refused file is not kept');
});
