// The model cache: a warm run gives exactly what a run without it gives, and any change of an
// article, of the parse options or of the parser means parsing again.
import test from 'ava';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openModelCache, parserVersion } from '../../src/cache/model-cache.ts';
import { CACHE_FOLDER } from '../../src/cache/folder.ts';
import { loadConfig } from '../../src/config/config.ts';
import { extract } from '../../src/extract/extract.ts';
import { listMarkdown, readHelpCenter } from '../../src/parse/help-center.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';
import { run, sampleRoot } from '../support/cli.ts';
import { snapshot } from '../support/roundtrip.ts';

function corpusRoot(): string {
  const root = temporaryDir();
  cpSync(join(CORPUS, '_articles'), join(root, '_articles'), { recursive: true });
  cpSync(join(CORPUS, '_categories'), join(root, '_categories'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', targetLanguages: ['de'] }));
  return root;
}

/** Every article read through a cache opened on the folder, and what the cache did. */
function readThrough(cacheDir: string, articles: string, options = loadConfig(PROJECT), parser?: string) {
  const cache = openModelCache(cacheDir, articles, parser);
  const models = listMarkdown(articles).map((path) => cache.parse(path, readFileSync(join(articles, path)), options));
  cache.save();
  return { models, stats: { ...cache.stats } };
}

(HAS_SHARED ? test : test.skip)(`corpus: extract from cached models is byte-identical to extract without the cache${HAS_SHARED ? '' : ` (${NO_SHARED})`}`, (t) => {
  const root = corpusRoot();
  const plain = loadConfig(root);
  t.is(plain.cache, undefined, 'the library parses every time unless asked');
  const uncached = readHelpCenter(plain);
  t.false(existsSync(join(root, CACHE_FOLDER)), 'no cache written without cache: true');

  const cached = loadConfig(root, { cache: true });
  readHelpCenter(cached); // cold: parses and fills the cache
  const articles = listMarkdown(cached.articles).length;
  t.is(articles, 138);
  t.deepEqual(readThrough(cached.cache!, cached.articles, cached).stats, { hits: articles, misses: 0 }, 'the next run reads every model from the cache');
  const warm = readHelpCenter(cached);
  t.deepEqual(warm, uncached);

  for (const version of ['1.2', '2.0'] as const) {
    const [a, b] = [temporaryDir(), temporaryDir()];
    extract(plain, uncached, { languages: ['de'], version, outDir: a, all: true });
    extract(cached, warm, { languages: ['de'], version, outDir: b, all: true });
    const expected = snapshot(a);
    t.true(Object.keys(expected).length >= 10, `XLIFF ${version}: a file per category`);
    t.deepEqual(snapshot(b), expected, `XLIFF ${version}`);
  }
});

test('an edited, added or deleted article is parsed again; the others come from the cache', (t) => {
  const root = sampleRoot();
  const articles = join(root, 'articles/_articles');
  const cacheDir = join(root, CACHE_FOLDER);
  const total = listMarkdown(articles).length;
  t.deepEqual(readThrough(cacheDir, articles).stats, { hits: 0, misses: total });
  t.deepEqual(readThrough(cacheDir, articles).stats, { hits: total, misses: 0 });

  const [first, second] = listMarkdown(articles);
  const edited = join(articles, first!);
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n\n([A-Z])/, '\n\nEdited. $1'));
  cpSync(join(articles, second!), join(articles, 'getting-started/copy.md'));
  const afterEdit = readThrough(cacheDir, articles);
  t.deepEqual(afterEdit.stats, { hits: total - 1, misses: 2 });
  t.true(afterEdit.models[listMarkdown(articles).indexOf(first!)]!.source.includes('Edited. '));

  // The cache holds what the last run used: a deleted article's model is dropped with it.
  const [file] = readdirSync(cacheDir);
  const before = readFileSync(join(cacheDir, file!)).length;
  rmSync(join(articles, 'getting-started/copy.md'));
  t.deepEqual(readThrough(cacheDir, articles).stats, { hits: total, misses: 0 });
  t.true(readFileSync(join(cacheDir, file!)).length < before);
});

test('other parse options or another parser version parse everything again', (t) => {
  const root = sampleRoot();
  const articles = join(root, 'articles/_articles');
  const cacheDir = join(root, CACHE_FOLDER);
  const total = listMarkdown(articles).length;
  readThrough(cacheDir, articles);
  const config = loadConfig(PROJECT);
  const options = { ...config, translatableFrontMatter: ['title'] };
  const other = readThrough(cacheDir, articles, options);
  t.deepEqual(other.stats, { hits: 0, misses: total });
  t.false(other.models.some((a) => a.units.some((u) => u.id === 'fm-description')), 'the models follow the options');
  t.deepEqual(readThrough(cacheDir, articles, options, `${parserVersion()}-changed`).stats, { hits: 0, misses: total });
  t.regex(parserVersion(), /^[0-9a-f]{64}$/);
});

test('a damaged cache file is a miss, never an error', (t) => {
  const root = sampleRoot();
  const articles = join(root, 'articles/_articles');
  const cacheDir = join(root, CACHE_FOLDER);
  readThrough(cacheDir, articles);
  const [file] = readdirSync(cacheDir);
  for (const damage of [Buffer.from('not v8 at all'), readFileSync(join(cacheDir, file!)).subarray(0, 1000), Buffer.alloc(0)]) {
    writeFileSync(join(cacheDir, file!), damage);
    const total = listMarkdown(articles).length;
    t.deepEqual(readThrough(cacheDir, articles).stats, { hits: 0, misses: total });
  }
});

test('the command line keeps models in .handbook-cache/ unless --no-cache; both write the same XLIFF', (t) => {
  const root = sampleRoot();
  const args = (out: string) => ['extract', '--root', root, '--lang', 'de', '--all', '--out', join(root, out)];
  const none = run([...args('a'), '--no-cache']);
  t.is(none.code, 0, none.stderr);
  t.false(existsSync(join(root, CACHE_FOLDER)));
  t.is(run(args('b')).code, 0);
  t.true(existsSync(join(root, CACHE_FOLDER)));
  const warm = run(args('c'));
  t.is(warm.code, 0, warm.stderr);
  t.deepEqual(snapshot(join(root, 'c')), snapshot(join(root, 'a')));
  t.deepEqual(snapshot(join(root, 'b')), snapshot(join(root, 'a')));
});
