// Delivered XLIFF kept as read between merges: merging a file read from the cache gives the report
// and store of merging it parsed, and what comes back is the entry's (an entry altered on purpose
// comes back altered: the cache is read); a changed file, a damaged entry or a refused file is parsed again.
import test from 'ava';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadConfig } from '../../src/config/config.ts';
import { categoryPackage } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { readXliffFileCached } from '../../src/merge/read-cache.ts';
import type { ReadXliff } from '../../src/xliff/read.ts';
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

const MARK = 'TARGET ALTERED IN THE CACHE';

/** The only entry of the cache's xliff folder, the target of its first translated unit of an article's text replaced by MARK: what a hit gives. */
function alterEntry(folder: string): ReadXliff {
  const [name, ...others] = readdirSync(folder);
  if (others.length > 0) throw new Error('one entry expected');
  const path = join(folder, name!);
  const entry = deserialize(readFileSync(path)) as { xliff: ReadXliff };
  // A unit of an article (not a category title), of text alone: a target without the source's codes would be refused by merge.
  const file = entry.xliff.files.findIndex((f) => !f.original.startsWith('category:'));
  const units = entry.xliff.files[file]!.units;
  const at = units.findIndex((u) => u.target !== undefined && u.source.every((token) => token.type === 'text'));
  const files = entry.xliff.files.map((f, i) => (i === file ? { ...f, units: units.map((u, j) => (j === at ? { ...u, target: [{ type: 'text' as const, value: MARK }] } : u)) } : f));
  const xliff: ReadXliff = { ...entry.xliff, files };
  writeFileSync(path, serialize({ ...entry, xliff }));
  return xliff;
}

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

  // What comes back is the entry's: one with a target altered comes back altered, and is merged.
  const altered = alterEntry(join(cached.cache!, 'xliff'));
  t.deepEqual(readXliffFileCached(file, cached.cache), altered, 'the entry is read, not the file parsed');
  const fromEntry = loadConfig(root(), { cache: true });
  merge({ ...fromEntry, cache: cached.cache }, base.center, { files: [file], language: 'de' });
  t.true(storeOf(fromEntry).some((text) => text.includes(MARK)), 'the altered target is merged');
});

test('a changed file, a damaged entry and a refused file are parsed again', (t) => {
  const file = returned();
  const config = loadConfig(root(), { cache: true });
  const folder = join(config.cache!, 'xliff');
  const parsed = readXliffFileCached(file, undefined);
  readXliffFileCached(file, config.cache);
  // The entry is used (an altered one comes back), then damaged: the file is parsed again.
  const altered = alterEntry(folder);
  t.notDeepEqual(altered, parsed);
  t.deepEqual(readXliffFileCached(file, config.cache), altered, 'the entry is read');
  const [entry] = readdirSync(folder);
  writeFileSync(join(folder, entry!), 'damaged');
  t.deepEqual(readXliffFileCached(file, config.cache), parsed, 'a damaged entry is parsed again');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/>([A-Z][A-Z ]+)</, '>CHANGED<'));
  t.deepEqual(readXliffFileCached(file, config.cache), readXliffFileCached(file, undefined), 'a changed file is read anew');
  t.is(readdirSync(folder).length, 2);
  writeFileSync(file, '<xliff version="1.2"><file>');
  t.throws(() => readXliffFileCached(file, config.cache));
  t.is(readdirSync(folder).length, 2, 'a refused file is not kept');
});

test('a file saved as UTF-16 (little or big endian, with its byte order mark) merges as its UTF-8 twin does', (t) => {
  const utf8 = returned();
  const text = readFileSync(utf8, 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const little = join(temporaryDir(), 'de-reference.utf16le.xlf');
  writeFileSync(little, Buffer.from(`\uFEFF${text}`, 'utf16le'));
  const bigEndian = Buffer.from(`\uFEFF${text}`, 'utf16le');
  bigEndian.swap16();
  const big = join(temporaryDir(), 'de-reference.utf16be.xlf');
  writeFileSync(big, bigEndian);
  const expected = readXliffFileCached(utf8, undefined);
  t.deepEqual(readXliffFileCached(little, undefined), expected);
  t.deepEqual(readXliffFileCached(big, undefined), expected);
  const config = loadConfig(root());
  const report = merge(config, base.center, { files: [little] });
  t.is(report.refused, 0);
  t.true(report.stored > 0);
});

test('a file with a UTF-16 byte order mark but broken UTF-16 is refused with what to do', (t) => {
  const broken = join(temporaryDir(), 'broken.xlf');
  writeFileSync(broken, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<x/>', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
  const config = loadConfig(root());
  const report = merge(config, base.center, { files: [broken] });
  t.is(report.filesRefused, 1);
  t.is(report.problems[0]!.message, 'the file starts as UTF-16LE but is not valid UTF-16LE: save it as UTF-8: the file was not merged');
});
