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

test('Arabic: six plural forms go out in the words file and come back into handbook.json', async (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['ar']);
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
