// The handbook's words travel with the articles: extracted to their own XLIFF, merged back into i18next resources.
import test from 'ava';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { createTranslator } from '../../src/words/words.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const ARABIC: Record<string, string> = {
  zero: 'لا توجد مقالات', one: 'مقالة واحدة', two: 'مقالتان', few: '<x id="1" ctype="x-liquid" equiv-text="{{count}}"/> مقالات', many: '<x id="1" ctype="x-liquid" equiv-text="{{count}}"/> مقالة', other: '<x id="1" ctype="x-liquid" equiv-text="{{count}}"/> مقالة',
};

/** The project rewords some of the source language's words: what handbook ships for them no longer fits. */
function reword(locales: string, words: Record<string, string>): void {
  mkdirSync(join(locales, 'en'), { recursive: true });
  writeFileSync(join(locales, 'en/handbook.json'), JSON.stringify(words));
}

test('Arabic: six plural forms go out in the words file and come back into handbook.json', async (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['ar']);
  reword(ws.config.locales, { articles_count_one: '{{count}} guide', articles_count_other: '{{count}} guides' });
  const out = join(ws.root, 'xliff');
  extract(ws.config, ws.center, { languages: ['ar'], version: '1.2', outDir: out, all: false });
  const path = join(out, 'ar/handbook-words.xlf');
  const xml = readFileSync(path, 'utf8');
  const forms = [...xml.matchAll(/resname="articles_count_(\w+)"/g)].map((m) => m[1]);
  t.deepEqual(forms, ['zero', 'one', 'two', 'few', 'many', 'other']);
  // A translator fills the article counts; the forms that spell the number out leave {{count}} out.
  const translated = xml.replace(/(resname="articles_count_(\w+)"[^>]*>\s*<source>[\s\S]*?<\/source>)/g, (_, head: string, form: string) => `${head}<target>${ARABIC[form]}</target>`);
  writeFileSync(path, translated);
  const report = merge(ws.config, ws.center, { files: [path] });
  t.is(report.refused, 0, JSON.stringify(report.problems));
  t.is(report.stored, 6);
  const stored = JSON.parse(readFileSync(join(ws.config.locales, 'ar/handbook.json'), 'utf8'));
  t.is(stored.articles_count_two, 'مقالتان');
  t.is(stored.articles_count_few, '{{count}} مقالات');
  const words = await createTranslator(ws.config.locales, 'ar', 'en');
  t.deepEqual([0, 1, 2, 5, 11, 100].map((count) => words('articles_count', { count })), ['لا توجد مقالات', 'مقالة واحدة', 'مقالتان', '5 مقالات', '11 مقالة', '100 مقالة']);
  t.is(words('contents'), 'المحتويات', 'a word the project has not translated comes from the words handbook ships');
});

test('a words translation that drops a placeholder other than the count is refused', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['ar']);
  reword(ws.config.locales, { updated_on: 'Last updated on {{date}}' });
  const out = join(ws.root, 'xliff');
  extract(ws.config, ws.center, { languages: ['ar'], version: '1.2', outDir: out, all: false });
  const path = join(out, 'ar/handbook-words.xlf');
  const xml = readFileSync(path, 'utf8').replace(/(resname="updated_on"[^>]*>\s*<source>[\s\S]*?<\/source>)/, '$1<target>تم التحديث</target>');
  writeFileSync(path, xml);
  const report = merge(ws.config, ws.center, { files: [path] });
  t.is(report.refused, 1);
  t.regex(report.problems[0]!.message, /drops code 1 \(\{\{date\}\}\)/);
});

test('a category no category file names is named by a handbook word, sent and merged like the others', (t) => {
  const articles = join(temporaryDir(), 'articles');
  mkdirSync(join(articles, 'billing'), { recursive: true });
  writeFileSync(join(articles, 'billing/pay.md'), '---\ntitle: Pay\n---\n\nPay now.\n');
  const ws = workspace(articles, undefined, ['de']);
  const out = join(ws.root, 'xliff');
  extract(ws.config, ws.center, { languages: ['de'], version: '2.0', outDir: out, all: false });
  const path = join(out, 'de/handbook-words.xlf');
  const xml = readFileSync(path, 'utf8');
  t.regex(xml, /<unit id="category_title\.billing">[\s\S]*?<source xml:space="preserve">Billing<\/source>/);
  writeFileSync(path, xml.replace(/(<unit id="category_title\.billing">[\s\S]*?<source xml:space="preserve">Billing<\/source>)/, '$1<target>Abrechnung</target>'));
  const report = merge(ws.config, ws.center, { files: [path] });
  t.is(report.refused, 0);
  t.is(JSON.parse(readFileSync(join(ws.config.locales, 'de/handbook.json'), 'utf8'))['category_title.billing'], 'Abrechnung');
});

/** The word keys a words file sends, with their target's text (undefined without one). */
function sentWords(xml: string): Map<string, string | undefined> {
  return new Map([...xml.matchAll(/<trans-unit [^>]*resname="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map((m) => [m[1]!, /<target[^>]*>([\s\S]*?)<\/target>/.exec(m[2]!)?.[1]]));
}

test('words a language has, from the project or shipped with handbook, are not sent again; --all sends every one, the project\'s with their translation', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'sv']);
  mkdirSync(join(ws.config.locales, 'de'), { recursive: true });
  writeFileSync(join(ws.config.locales, 'de/handbook.json'), JSON.stringify({ note: 'Hinweis!' }));
  reword(ws.config.locales, { contents: 'Table of contents' });
  const out = join(ws.root, 'xliff');
  extract(ws.config, ws.center, { languages: ['de', 'sv'], version: '1.2', outDir: out, all: false });
  t.deepEqual([...sentWords(readFileSync(join(out, 'de/handbook-words.xlf'), 'utf8')).keys()], ['contents'], 'German ships every word; only the one the project reworded goes out');
  const everything = join(ws.root, 'all');
  extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: everything, all: true });
  const all = sentWords(readFileSync(join(everything, 'de/handbook-words.xlf'), 'utf8'));
  t.is(all.size, 21, 'every word');
  t.is(sentWords(readFileSync(join(out, 'sv/handbook-words.xlf'), 'utf8')).size, 21, 'Swedish ships none: every word goes out');
  t.is(all.get('note'), 'Hinweis!', "the project's word");
  t.is(all.get('category'), 'Category', "a shipped word goes out as today, its target a copy of the source (the store does not hold it: a returned file holding it would count as unmerged)");
  t.is(all.get('contents'), 'Table of contents', 'a reworded word has no translation: its target is a copy of the source');
});
