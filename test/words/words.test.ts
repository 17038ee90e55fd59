// The handbook's own words: plural forms per language, fallback, XLIFF units, the words files.
import test from 'ava';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator, readWords, textOfUnit, wordsPath, wordsToTranslate, wordUnits, writeWords, WORDS_ORIGINAL } from '../../src/words/words.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';

// The shipped translations: read here, never written.
const LOCALES = join(PROJECT, 'locales');
const COUNTS = [0, 1, 2, 5, 11, 100];

/** A locales folder of its own, with the given words files. */
function locales(files: Record<string, unknown>): string {
  const dir = temporaryDir('handbook-words-');
  for (const [language, content] of Object.entries(files)) {
    mkdirSync(join(dir, language), { recursive: true });
    writeFileSync(wordsPath(dir, language), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const EXPECTED: Record<string, string[]> = {
  en: ['0 articles', '1 article', '2 articles', '5 articles', '11 articles', '100 articles'],
  de: ['0 Artikel', '1 Artikel', '2 Artikel', '5 Artikel', '11 Artikel', '100 Artikel'],
  ja: ['0件の記事', '1件の記事', '2件の記事', '5件の記事', '11件の記事', '100件の記事'],
  // zero, one, two, few (3–10), many (11–99), other (100…)
  ar: ['لا توجد مقالات', 'مقالة واحدة', 'مقالتان', '5 مقالات', '11 مقالة', '100 مقالة'],
};

for (const [language, expected] of Object.entries(EXPECTED)) {
  test(`articles_count takes the plural form of ${language} for 0, 1, 2, 5, 11, 100`, async (t) => {
    const translate = await createTranslator(LOCALES, language, 'en');
    t.deepEqual(COUNTS.map((count) => translate('articles_count', { count })), expected);
  });
}

test('other plural keys and interpolations render in every shipped language', async (t) => {
  const en = await createTranslator(LOCALES, 'en', 'en');
  t.is(en('minutes_read', { count: 1 }), '1 minute read');
  t.is(en('minutes_read', { count: 7 }), '7 minutes read');
  t.is(en('page_of', { page: 2, count: 9 }), 'Page 2 of 9');
  t.is(en('handbook_title', { category: 'Getting started' }), 'Getting started — Handbook');
  const de = await createTranslator(LOCALES, 'de', 'en');
  t.is(de('minutes_read', { count: 1 }), '1 Minute Lesezeit');
  t.is(de('minutes_read', { count: 3 }), '3 Minuten Lesezeit');
  t.is(de('updated_on', { date: '3. März 2025' }), 'Aktualisiert am 3. März 2025');
  const ja = await createTranslator(LOCALES, 'ja', 'en');
  t.is(ja('page_of', { page: 3, count: 10 }), '3/10ページ');
  const ar = await createTranslator(LOCALES, 'ar', 'en');
  t.is(ar('minutes_read', { count: 2 }), 'مدة القراءة: دقيقتان');
  t.is(ar('minutes_read', { count: 4 }), 'مدة القراءة: 4 دقائق');
  // Interpolated values are not HTML-escaped: the renderers escape for where the text lands.
  t.is(ar('handbook_title', { category: 'A & B' }), 'A & B — الدليل');
});

// Swedish and Ukrainian: languages handbook ships no words for.
test('a missing key, or a missing plural form, falls back to the source language', async (t) => {
  const dir = locales({ sv: { contents: 'Innehåll' }, uk: { articles_count_many: '{{count}} статей' } });
  const sv = await createTranslator(dir, 'sv', 'en');
  t.is(sv('contents'), 'Innehåll');
  t.is(sv('tab'), 'Tab');
  t.is(sv('articles_count', { count: 2 }), '2 articles');
  const uk = await createTranslator(dir, 'uk', 'en');
  t.is(uk('articles_count', { count: 100 }), '100 статей');
  t.is(uk('articles_count', { count: 1 }), '1 article');
  t.is(uk('articles_count', { count: 2 }), '2 articles');
});

test('a language without a words file, and without shipped words, gets the source words', async (t) => {
  const translate = await createTranslator(locales({}), 'sv', 'en');
  t.is(translate('contents'), 'Contents');
  t.is(translate('articles_count', { count: 1 }), '1 article');
});

test('the source language can change a built-in word and keeps the others', async (t) => {
  const dir = locales({ en: { contents: 'Table of contents' } });
  t.is(readWords(dir, 'en', 'en').contents, 'Table of contents');
  t.is(readWords(dir, 'en', 'en').tab, 'Tab');
  const translate = await createTranslator(dir, 'sv', 'en');
  t.is(translate('contents'), 'Table of contents');
  t.deepEqual(readWords(dir, 'sv', 'en'), {});
});

test('Arabic gets one unit per plural form, Japanese one, German two', (t) => {
  const ids = (language: string) => wordUnits(LOCALES, 'en', language).map((u) => u.id).filter((id) => id.startsWith('articles_count'));
  t.deepEqual(ids('ar'), ['articles_count_zero', 'articles_count_one', 'articles_count_two', 'articles_count_few', 'articles_count_many', 'articles_count_other']);
  t.deepEqual(ids('ja'), ['articles_count_other']);
  t.deepEqual(ids('de'), ['articles_count_one', 'articles_count_other']);
});

test('a plural unit carries the source form for its category, else the _other form', (t) => {
  const units = new Map(wordUnits(LOCALES, 'en', 'ar').map((u) => [u.id, u]));
  t.is(textOfUnit(units.get('articles_count_one')!.segments), '{{count}} article');
  t.is(textOfUnit(units.get('articles_count_few')!.segments), '{{count}} articles');
  t.is(units.get('articles_count_few')!.context.element, 'handbook word "articles_count", plural form few (n = 3, 4, 5…)');
  t.is(units.get('contents')!.context.element, 'handbook word "contents"');
  t.deepEqual(units.get('contents')!.context, { file: WORDS_ORIGINAL, line: 1, element: 'handbook word "contents"' });
});

test('a source _zero form is offered to every language, since i18next uses it for 0 everywhere', async (t) => {
  const dir = locales({ en: { articles_count_zero: 'No articles' } });
  t.deepEqual(wordUnits(dir, 'en', 'ja').map((u) => u.id).filter((id) => id.startsWith('articles_count')), ['articles_count_zero', 'articles_count_other']);
  const translate = await createTranslator(dir, 'en', 'en');
  t.is(translate('articles_count', { count: 0 }), 'No articles');
});

test('every {{placeholder}} is a standalone code and never inside text', (t) => {
  for (const language of ['ar', 'ja', 'de']) {
    for (const unit of wordUnits(LOCALES, 'en', language)) {
      t.regex(unit.id, /^[A-Za-z0-9_.-]+$/);
      t.is(unit.kind, 'paragraph');
      for (const segment of unit.segments) {
        if (segment.type === 'text') t.false(/[{}]/.test(segment.value), `${unit.id}: ${segment.value}`);
        else t.like(segment, { kind: 'standalone', role: 'liquid', data: segment.display });
      }
    }
  }
  const page = wordUnits(LOCALES, 'en', 'ja').find((u) => u.id === 'page_of_other')!;
  t.deepEqual(page.segments, [
    { type: 'text', value: 'Page ' },
    { type: 'code', id: 1, kind: 'standalone', role: 'liquid', data: '{{page}}', display: '{{page}}' },
    { type: 'text', value: ' of ' },
    { type: 'code', id: 2, kind: 'standalone', role: 'liquid', data: '{{count}}', display: '{{count}}' },
  ]);
  t.is(page.words, 2);
  t.is(textOfUnit(page.segments), 'Page {{page}} of {{count}}');
});

test('the shipped languages translate every word, with no placeholder lost or invented', (t) => {
  for (const language of ['de', 'ja', 'ar']) {
    t.deepEqual(wordsToTranslate(LOCALES, 'en', language, false).map((u) => u.id), [], language);
    const words = readWords(LOCALES, language, 'en');
    for (const unit of wordUnits(LOCALES, 'en', language)) {
      const wanted = unit.segments.flatMap((s) => (s.type === 'code' ? [s.data] : []));
      const found: string[] = words[unit.id]!.match(/\{\{[^{}]*\}\}/g) ?? [];
      // A plural form may say its number in words ("مقالتان", two articles) and drop {{count}}.
      const optional: string[] = /_(zero|one|two)$/.test(unit.id) ? ['{{count}}'] : [];
      t.deepEqual([...new Set(found)].sort(), wanted.filter((p) => !optional.includes(p) || found.includes(p)).sort(), `${language} ${unit.id}`);
    }
  }
});

test('the shipped words files are written as writeWords writes them', (t) => {
  for (const language of ['de', 'ja', 'ar']) {
    const dir = temporaryDir('handbook-words-');
    writeWords(dir, language, readWords(LOCALES, language, 'en'));
    t.is(readFileSync(wordsPath(dir, language), 'utf8'), readFileSync(wordsPath(LOCALES, language), 'utf8'), language);
  }
});

test('wordsToTranslate leaves out translated words unless all are asked for', (t) => {
  // Welsh: six plural forms, like Arabic, and no words shipped for it.
  const dir = locales({ cy: { contents: 'Cynnwys', articles_count_other: '{{count}} erthygl' } });
  const missing = wordsToTranslate(dir, 'en', 'cy', false).map((u) => u.id);
  t.false(missing.includes('contents'));
  t.false(missing.includes('articles_count_other'));
  t.true(missing.includes('articles_count_few'));
  t.true(missing.includes('tab'));
  t.is(wordsToTranslate(dir, 'en', 'cy', true).length, wordUnits(dir, 'en', 'cy').length);
  t.deepEqual(wordsToTranslate(dir, 'en', 'ar', false), [], 'Arabic: handbook ships every word and plural form');
});

test('writeWords then readWords gives the words back, merged and with sorted keys', (t) => {
  const dir = locales({});
  writeWords(dir, 'de', { tab: 'Registerkarte', contents: 'Inhalt' });
  writeWords(dir, 'de', { note: 'Hinweis', contents: 'Inhaltsverzeichnis' });
  t.deepEqual(readWords(dir, 'de', 'en'), { contents: 'Inhaltsverzeichnis', note: 'Hinweis', tab: 'Registerkarte' });
  t.is(readFileSync(wordsPath(dir, 'de'), 'utf8'), '{\n  "contents": "Inhaltsverzeichnis",\n  "note": "Hinweis",\n  "tab": "Registerkarte"\n}\n');
  t.deepEqual(Object.keys(readWords(dir, 'de', 'en')), ['contents', 'note', 'tab']);
});

test('a malformed words file is an error naming the file and what to do', (t) => {
  const broken = locales({ de: '{"contents": "Inhalt",' });
  const error = t.throws(() => readWords(broken, 'de', 'en'));
  t.true(error.message.startsWith(wordsPath(broken, 'de')));
  t.regex(error.message, /not valid JSON.*fix it or restore it from git/);

  const nested = locales({ ja: { articles_count: { other: '{{count}}件の記事' } } });
  t.throws(() => readWords(nested, 'ja', 'en'), { message: new RegExp(`^${wordsPath(nested, 'ja')}: "articles_count" must be a string.*"articles_count_other"`) });

  const list = locales({ ar: ['المحتويات'] });
  t.throws(() => readWords(list, 'ar', 'en'), { message: /must hold one flat JSON object of strings/ });

  const badKey = locales({ de: { 'table of contents': 'Inhalt' } });
  t.throws(() => readWords(badKey, 'de', 'en'), { message: /key "table of contents" may only use/ });
  // The source language's override is checked the same way, and reading it fails the translator too.
  return t.throwsAsync(createTranslator(locales({ en: '[1]' }), 'de', 'en'), { message: /handbook\.json: must hold one flat JSON object/ });
});
