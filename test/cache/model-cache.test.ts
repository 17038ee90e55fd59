// The model cache: a warm run gives exactly what a run without it gives, and any change of an
// article, of the parse options or of the parser means parsing again.
import test from 'ava';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { openModelCache, PARSER_CODE, parserVersion } from '../../src/cache/model-cache.ts';
import { codeVersion, fingerprint } from '../../src/cache/fingerprint.ts';
import { CACHE_FOLDER, legacyModelCacheFile, modelCacheFolder } from '../../src/cache/folder.ts';
import { OutputLedger } from '../../src/cache/outputs.ts';
import { buildMarkdown } from '../../src/publish/articles.ts';
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
/** A copy of the sample help center: its articles folder and the cache folder under its root. */
function sampleCache() {
  const root = sampleRoot();
  return { articles: join(root, 'articles/_articles'), cacheDir: join(root, CACHE_FOLDER) };
}

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
  const { articles, cacheDir } = sampleCache();
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

  // The cache holds what the last run used: the edited article's earlier entry and a deleted
  // article's entry are removed, one file per article is left.
  const folder = modelCacheFolder(cacheDir, articles);
  t.is(readdirSync(folder).length, total + 1, "the edited article's earlier entry is gone");
  rmSync(join(articles, 'getting-started/copy.md'));
  t.deepEqual(readThrough(cacheDir, articles).stats, { hits: total, misses: 0 });
  t.is(readdirSync(folder).length, total, "the deleted article's entry is gone");
});

/** An entry's file, its units left serialized (what the cache reads back). */
const entryFiles = (cacheDir: string, articles: string) => readdirSync(modelCacheFolder(cacheDir, articles)).map((name) => join(modelCacheFolder(cacheDir, articles), name));

test('one file per article: a hit reads only its own entry, and its units only when asked for', (t) => {
  const { articles, cacheDir } = sampleCache();
  const parsed = readThrough(cacheDir, articles).models;
  const files = entryFiles(cacheDir, articles);
  t.is(files.length, parsed.length);
  // Every other entry removed: the articles still found are found by their own key.
  const [first, ...others] = listMarkdown(articles);
  const cache = openModelCache(cacheDir, articles);
  const options = loadConfig(PROJECT);
  const own = cache.lookup(first!, readFileSync(join(articles, first!)), options);
  for (const file of files) if (!file.endsWith(`${own.key}.v8`)) rmSync(file);
  const again = openModelCache(cacheDir, articles);
  const hit = again.parse(first!, readFileSync(join(articles, first!)), options);
  t.deepEqual(again.stats, { hits: 1, misses: 0 });
  t.is(typeof Object.getOwnPropertyDescriptor(hit, 'units')!.get, 'function', 'units not read yet');
  t.deepEqual(hit.units, parsed[0]!.units);
  t.is(Object.getOwnPropertyDescriptor(hit, 'units')!.get, undefined, 'read once, then kept');
  t.deepEqual(hit, parsed[0]);
  t.is(again.parse(others[0]!, readFileSync(join(articles, others[0]!)), options).path, others[0]);
  t.deepEqual(again.stats, { hits: 1, misses: 1 });
});

test('a damaged, foreign or cut-short entry is a miss; units damaged inside an entry are parsed again', (t) => {
  const { articles, cacheDir } = sampleCache();
  const parsed = readThrough(cacheDir, articles).models;
  const total = parsed.length;
  const files = entryFiles(cacheDir, articles).sort();
  const [a, b, c, d] = files;
  writeFileSync(a!, 'not v8 at all');
  writeFileSync(b!, readFileSync(b!).subarray(0, 200));
  writeFileSync(c!, readFileSync(d!)); // another article's entry under this one's key
  const entry = deserialize(readFileSync(d!)) as { units: Uint8Array };
  writeFileSync(d!, serialize({ ...entry, units: Uint8Array.from([0xff, 0x0f, 0x6f, 0x22, 0x99]) }));
  const again = readThrough(cacheDir, articles);
  t.deepEqual(again.stats, { hits: total - 3, misses: 3 });
  t.deepEqual(again.models, parsed, 'the units of the damaged entry are those of a parse');
});

test('a legacy one-file cache is removed; a run that reads no entry leaves the folder as it was', (t) => {
  const { articles, cacheDir } = sampleCache();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(legacyModelCacheFile(cacheDir, articles), 'a 49 MB file of an earlier version');
  readThrough(cacheDir, articles);
  t.false(existsSync(legacyModelCacheFile(cacheDir, articles)));
  const entries = entryFiles(cacheDir, articles).sort();
  t.is(entries.length, listMarkdown(articles).length);
  const cache = openModelCache(cacheDir, articles);
  cache.save();
  t.deepEqual(entryFiles(cacheDir, articles).sort(), entries, 'a run that looked up no article removed nothing');
});

test('a temporary file another command may be writing is kept; one an interrupted write left long ago is removed', (t) => {
  const { articles, cacheDir } = sampleCache();
  readThrough(cacheDir, articles);
  const folder = modelCacheFolder(cacheDir, articles);
  const [recent, old] = [join(folder, `.${'a'.repeat(64)}.v8.1.2.tmp`), join(folder, `.${'b'.repeat(64)}.v8.1.2.tmp`)];
  writeFileSync(recent, 'being written');
  writeFileSync(old, 'left by a crash');
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(old, anHourAgo, anHourAgo);
  readThrough(cacheDir, articles);
  t.true(existsSync(recent));
  t.false(existsSync(old));
});

(HAS_SHARED ? test : test.skip)(`corpus: after one edit, extract and build md read the units of no other category${HAS_SHARED ? '' : ` (${NO_SHARED})`}`, (t) => {
  const root = corpusRoot();
  const config = loadConfig(root, { cache: true });
  const out = join(root, 'output');
  const run = () => {
    const center = readHelpCenter(config);
    const extractLedger = OutputLedger.open(config.cache, 'extract');
    extract(config, center, { languages: ['de'], version: '1.2', outDir: join(out, 'xliff'), all: false, ledger: extractLedger });
    extractLedger.save();
    const buildLedger = OutputLedger.open(config.cache, 'build');
    buildMarkdown(config, center, { languages: ['en', 'de'], outDir: out, ledger: buildLedger });
    buildLedger.save();
    return center;
  };
  run();
  run();
  const edited = join(config.articles, 'account/basic-auth-autofill.md');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\.\n/, ' (edited).\n'));
  const center = run();
  const edit = center.categories.find((c) => c.articles.some((a) => a.path === 'account/basic-auth-autofill.md'))!;
  const unread = (category: (typeof center.categories)[number]) => category.articles.filter((a) => Object.getOwnPropertyDescriptor(a, 'units')!.get).length;
  for (const category of center.categories) {
    if (category !== edit) t.is(unread(category), category.articles.length, `${category.slug}: no article's units read`);
  }
  t.is(unread(edit), 0, `${edit.slug}, the edited article's category, is extracted again`);
});

test('clean-up removes only the files the cache writes: a file or folder someone put in the cache folder stays', (t) => {
  const { articles, cacheDir } = sampleCache();
  readThrough(cacheDir, articles);
  const folder = modelCacheFolder(cacheDir, articles);
  const stale = join(folder, `${'c'.repeat(64)}.v8`);
  writeFileSync(stale, 'an entry no article uses');
  writeFileSync(join(folder, 'notes.txt'), 'mine');
  mkdirSync(join(folder, 'keep'));
  writeFileSync(join(folder, 'keep', `${'d'.repeat(64)}.v8`), 'mine too');
  const anHourAgo = new Date(Date.now() - 3_600_000);
  writeFileSync(join(folder, '.hidden.tmp'), 'mine');
  utimesSync(join(folder, '.hidden.tmp'), anHourAgo, anHourAgo);
  readThrough(cacheDir, articles);
  t.false(existsSync(stale), 'an unused entry is removed');
  t.is(readFileSync(join(folder, 'notes.txt'), 'utf8'), 'mine');
  t.is(readFileSync(join(folder, 'keep', `${'d'.repeat(64)}.v8`), 'utf8'), 'mine too');
  t.true(existsSync(join(folder, '.hidden.tmp')));
});

test('a moved project finds its cache; the folders of other articles folders unused for a month are removed', (t) => {
  const root = sampleRoot();
  const total = listMarkdown(join(root, 'articles/_articles')).length;
  readThrough(join(root, CACHE_FOLDER), join(root, 'articles/_articles'));
  const moved = `${root}-moved`;
  renameSync(root, moved);
  const cacheDir = join(moved, CACHE_FOLDER);
  const models = join(cacheDir, 'models');
  const longAgo = new Date(Date.now() - 40 * 24 * 3_600_000);
  const [old, recent, mixed] = ['0123456789abcdef', 'fedcba9876543210', '00112233445566ff'].map((name) => join(models, name));
  for (const folder of [old, recent, mixed]) {
    mkdirSync(folder);
    writeFileSync(join(folder, `${'e'.repeat(64)}.v8`), 'an entry');
  }
  writeFileSync(join(mixed, 'notes.txt'), 'mine');
  mkdirSync(join(models, 'not-a-hash'));
  for (const folder of [old, mixed, join(models, 'not-a-hash')]) utimesSync(folder, longAgo, longAgo);
  t.deepEqual(readThrough(cacheDir, join(moved, 'articles/_articles')).stats, { hits: total, misses: 0 });
  t.false(existsSync(old), 'a cache folder unused for 40 days is removed');
  t.true(existsSync(join(recent, `${'e'.repeat(64)}.v8`)), 'one used recently stays');
  t.true(existsSync(join(mixed, 'notes.txt')), 'a file the cache did not write stays');
  t.true(existsSync(join(models, 'not-a-hash')), 'a folder the cache does not name stays');
});

test('other parse options or another parser version parse everything again', (t) => {
  const { articles, cacheDir } = sampleCache();
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

test('the parser version covers the Liquid rules module the parser imports and the runtime\'s V8, ICU and Unicode versions', (t) => {
  t.true(PARSER_CODE.includes('config/liquid-rules'));
  t.not(codeVersion(['config/liquid-rules']), codeVersion([]), 'the module is found and hashed');
  t.is(parserVersion(), fingerprint(codeVersion(PARSER_CODE), process.versions.v8, process.versions.icu ?? '', process.versions.unicode ?? ''));
});

test('damaged cache files are misses, never an error', (t) => {
  const { articles, cacheDir } = sampleCache();
  readThrough(cacheDir, articles);
  const total = listMarkdown(articles).length;
  for (const damage of [Buffer.from('not v8 at all'), Buffer.alloc(0)]) {
    for (const file of entryFiles(cacheDir, articles)) writeFileSync(file, damage);
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
