// The PDF writer on the real corpus: the biggest category in English, one in Japanese and Arabic (the
// shipped handbook words, article text falling back to English), one in the pseudo-language.
import test from 'ava';
import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { assembleHandbook } from '../../../src/handbook/assemble.ts';
import type { HandbookDocument } from '../../../src/handbook/document.ts';
import { pseudoLocalize } from '../../../src/pseudo/pseudo.ts';
import { writePdf } from '../../../src/publish/pdf/write.ts';
import { TranslationStore } from '../../../src/store/translations.ts';
import { createTranslator } from '../../../src/words/words.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT } from '../../helpers.ts';
import { workspace } from '../../support/roundtrip.ts';
import { NO_PDF_TOOLS, PDF_TOOLS, pageTexts, pdfFonts, pdfInfo, qpdfCheck, saved } from './support.ts';

const CASES: [language: string, category: string][] = [
  ['en', 'getting-started'],
  ['ja', 'send'],
  ['ar', 'security'],
  ['qps', 'miscellaneous'],
];

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const pattern = (s: string) => flat(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

async function documentOf(language: string, slug: string): Promise<HandbookDocument> {
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), [language]);
  // ja and ar read the shipped handbook words; the pseudo-language is written into the workspace's own store.
  const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help', ...(language === 'qps' ? {} : { locales: join(PROJECT, 'locales') }) };
  if (language === 'qps') pseudoLocalize(config, ws.center, 'qps');
  const category = ws.center.categories.find((c) => c.slug === slug)!;
  const t = await createTranslator(config.locales, language, config.sourceLanguage);
  return assembleHandbook({ config, center: ws.center, category, language, store: new TranslationStore(config.locales, language), t, date: new Date('2026-12-02T12:00:00Z') });
}

const skip = !HAS_SHARED ? NO_SHARED : PDF_TOOLS.length ? NO_PDF_TOOLS : undefined;
if (skip) test.skip(`corpus PDFs: ${skip}`, () => {});

for (const [language, slug] of skip ? [] : CASES) {
  test(`corpus ${slug} in ${language}: valid, embedded fonts, tagged, every article's text on the page the contents give`, async (t) => {
    const document = await documentOf(language, slug);
    const { bytes, pages } = await writePdf(document);
    const file = saved(bytes, `${slug}.${language}.pdf`);
    const check = qpdfCheck(file);
    t.is(check.code, 0, check.out);
    t.deepEqual(pdfFonts(file).filter((f) => !f.embedded), []);
    t.is(pdfInfo(file).get('Tagged'), 'yes');
    const texts = pageTexts(file).map(flat);
    t.is(texts.length, pages);
    const contents = texts.slice(1, 4).join(' ');
    for (const article of document.articles) {
      // The page number stands after the title, before it in a right-to-left handbook.
      const m = new RegExp(document.direction === 'rtl' ? `(\\d+)\\s+${pattern(article.title)}` : `${pattern(article.title)}\\s+(\\d+)`).exec(contents);
      t.truthy(m, `${article.path}: listed in the contents with a page number`);
      if (!m) continue;
      const start = texts[Number(m[1]) - 1]!;
      t.true(start.includes(flat(article.title)), `${article.path}: starts on page ${m[1]}`);
      // The article's first paragraph is printed (on its first pages).
      const first = article.body.children.find((c) => c.type === 'element' && c.tagName === 'p');
      const words = first ? flat(toString(first)).split(' ').slice(0, 6).join(' ') : '';
      if (words) t.true(texts.slice(Number(m[1]) - 1, Number(m[1]) + 2).join(' ').includes(words), `${article.path}: "${words}"`);
    }
  });
}
