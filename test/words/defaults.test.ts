// The handbook's words shipped for other languages: complete, placeholders kept, overridable.
import test from 'ava';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createTranslator, readWords, shippedWords, wordsPath } from '../../src/words/words.ts';
import { temporaryDir } from '../helpers.ts';

const DEFAULTS = fileURLToPath(new URL('../../src/words/defaults/', import.meta.url));
const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'ja', 'zh', 'zh-Hant', 'ko', 'ar', 'he', 'tr'];
const PLACEHOLDERS = /\{\{[^{}]*\}\}/g;

test('words ship for the 14 languages (Chinese in simplified and traditional characters), each with every word and every plural form the language has', (t) => {
  t.deepEqual(readdirSync(DEFAULTS).map((f) => f.replace(/\.json$/, '')).sort(), [...LANGUAGES].sort());
  const source = readWords(temporaryDir(), 'en', 'en');
  for (const language of LANGUAGES) {
    const words = shippedWords(language);
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(source)) {
      const plural = /^(.+)_(?:one|other)$/.exec(key)?.[1];
      const keys = plural ? forms.map((form) => `${plural}_${form}`) : [key];
      for (const k of keys) {
        t.true(Object.hasOwn(words, k), `${language}: ${k}`);
        // A plural form may spell its number out ("مقالة واحدة"); other placeholders must stay.
        const expected = (text.match(PLACEHOLDERS) ?? []).filter((p) => !(plural && p === '{{count}}')).sort();
        t.deepEqual((words[k]?.match(PLACEHOLDERS) ?? []).filter((p) => expected.includes(p)).sort(), expected, `${language}: ${k} keeps ${expected.join(' ')}`);
      }
    }
  }
});

test('a language without a words file of the project gets the shipped words; the project overrides them word by word', async (t) => {
  const locales = temporaryDir();
  const fr = await createTranslator(locales, 'fr', 'en');
  t.is(fr('contents'), 'Sommaire');
  t.is(fr('articles_count', { count: 3 }), '3 articles');
  t.is((await createTranslator(locales, 'pt-BR', 'en'))('contents'), 'Conteúdo', 'a regional tag uses its language');
  t.is((await createTranslator(locales, 'sv', 'en'))('contents'), 'Contents', 'no shipped words: the source language');
  for (const taiwan of ['zh-TW', 'zh-HK', 'zh-Hant']) t.is((await createTranslator(locales, taiwan, 'en'))('contents'), '目錄', `${taiwan}: traditional characters`);
  for (const mainland of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans']) t.is((await createTranslator(locales, mainland, 'en'))('contents'), '目录', `${mainland}: simplified characters`);
  mkdirSync(join(locales, 'fr'), { recursive: true });
  writeFileSync(wordsPath(locales, 'fr'), JSON.stringify({ contents: 'Table des matières' }));
  const own = await createTranslator(locales, 'fr', 'en');
  t.is(own('contents'), 'Table des matières');
  t.is(own('note'), 'Remarque');
  const ru = await createTranslator(locales, 'ru', 'en');
  t.deepEqual([1, 3, 5, 21].map((count) => ru('articles_count', { count })), ['1 статья', '3 статьи', '5 статей', '21 статья']);
});
