// Articles replayed from their display lists: a PDF whose unchanged articles are replayed from an
// earlier build is byte for byte the PDF laid out from scratch (no fragments, no caches), on corpus
// categories in English and Arabic (right to left), after an edit that moves every later article
// to other pages. And the comparison sees a stale article: replaying the edited article's old list
// gives other bytes, and so would a list recorded in another theme or page size. A damaged list is
// laid out instead.
import test from 'ava';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/config.ts';
import { assembleHandbook } from '../../../src/handbook/assemble.ts';
import type { HandbookArticle } from '../../../src/handbook/document.ts';
import { readHelpCenter } from '../../../src/parse/help-center.ts';
import { isDisplayList, type DisplayList } from '../../../src/publish/pdf/display-list.ts';
import { THEME } from '../../../src/publish/pdf/theme.ts';
import { writePdf, type PdfOptions } from '../../../src/publish/pdf/write.ts';
import { HandbookFragments } from '../../../src/publish/fragments.ts';
import { assembledArticleInputs, buildInputs, handbookArticlesInputs, languageInputs } from '../../../src/publish/up-to-date.ts';
import type { ArticleFragments } from '../../../src/publish/writers.ts';
import { TranslationStore } from '../../../src/store/translations.ts';
import { createTranslator } from '../../../src/words/words.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../../helpers.ts';

const DATE = new Date('2026-12-02T12:00:00Z');
const CATEGORY = 'send';
const EDITED = 'send/create-send.md';

function corpusRoot(): string {
  const root = temporaryDir('handbook-display-list-');
  cpSync(join(CORPUS, '_articles', CATEGORY), join(root, '_articles', CATEGORY), { recursive: true });
  mkdirSync(join(root, '_categories'));
  cpSync(join(CORPUS, '_categories', `${CATEGORY}.md`), join(root, '_categories', `${CATEGORY}.md`));
  cpSync(join(PROJECT, 'locales/ar'), join(root, 'locales/ar'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', images: join(CORPUS, 'images'), targetLanguages: ['ar'] }));
  return root;
}

/** Fragments that count the articles replayed; `stale` serves the edited article's earlier list. */
function counting(fragments: HandbookFragments, stale?: Map<string, unknown>): ArticleFragments & { replayed: number; lists: Map<string, unknown> } {
  const lists = new Map<string, unknown>();
  const wrapper = {
    replayed: 0,
    lists,
    remade: fragments.remade,
    rendered(article: HandbookArticle, format: string) {
      const known = format === 'pdf' && stale?.has(article.path) ? stale.get(article.path) : fragments.rendered(article, format);
      if (format === 'pdf' && isDisplayList(known)) {
        wrapper.replayed++;
        lists.set(article.path, known);
      }
      return known;
    },
    keepRendered(article: HandbookArticle, format: string, fragment: unknown) {
      if (format === 'pdf') lists.set(article.path, fragment);
      fragments.keepRendered(article, format, fragment);
    },
  };
  return wrapper;
}

/** The category's PDF through the fragments (kept for the next build), and one laid out from scratch, both with `options`. */
async function build(root: string, language: string, stale?: Map<string, unknown>, options: Pick<PdfOptions, 'pageSize' | 'theme'> = {}) {
  const config = loadConfig(root, { cache: true });
  const center = readHelpCenter(config);
  const category = center.categories.find((c) => c.slug === CATEGORY)!;
  const t = await createTranslator(config.locales, language, config.sourceLanguage);
  const store = new TranslationStore(config.locales, language);
  const input = { config, center, category, language, store, t, date: DATE };
  const handbook = handbookArticlesInputs(languageInputs(buildInputs(config, center), config, language), category);
  const fragments = new HandbookFragments(config.cache!, language, category.slug, (article) => assembledArticleInputs(handbook, article, language === config.sourceLanguage ? undefined : store));
  const document = assembleHandbook(input, fragments);
  const reuse = counting(fragments, stale);
  const cache = join(config.cache!, 'pdf');
  const pdf = await writePdf(document, { ...options, fragments: reuse, pictureCache: join(cache, 'pictures'), shapingCache: join(cache, 'shaping') });
  fragments.save();
  const fresh = await writePdf(assembleHandbook(input), options);
  return { pdf, fresh, replayed: reuse.replayed, lists: reuse.lists, articles: document.articles.length };
}

if (!HAS_SHARED) test.skip(`display lists on the corpus: ${NO_SHARED}`, () => {});
else {
  for (const language of ['en', 'ar']) {
    test(`${language}: unchanged articles replayed give the bytes of a layout from scratch, after an edit too`, async (t) => {
      const root = corpusRoot();
      const first = await build(root, language);
      t.is(first.lists.size, 0, 'the first build of a handbook records nothing');
      const again = await build(root, language);
      t.is(again.replayed, 0);
      t.true(again.pdf.bytes.equals(again.fresh.bytes), 'recording changes nothing');
      t.is(again.lists.size, again.articles, 'a handbook made again: every article recorded');

      const second = await build(root, language);
      t.is(second.replayed, second.articles, 'every article replayed');
      t.true(second.pdf.bytes.equals(second.fresh.bytes), 'replayed: same bytes');
      t.deepEqual(second.pdf.warnings, second.fresh.warnings);

      // The edit adds pages: every later article, its contents entry, bookmarks and footers move.
      const file = join(root, '_articles', EDITED);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text}\n\n${`${'A sentence added to the article, so that it takes more pages than before. '.repeat(12)}\n\n`.repeat(8)}`);
      const edited = await build(root, language);
      t.is(edited.replayed, edited.articles - 1, 'all but the edited article replayed');
      t.true(edited.pdf.pages > second.pdf.pages, `${edited.pdf.pages} pages after the edit, ${second.pdf.pages} before`);
      t.true(edited.pdf.bytes.equals(edited.fresh.bytes), 'after the edit: same bytes as from scratch');
      t.deepEqual(edited.pdf.warnings, edited.fresh.warnings);

      // Reuse that ignored the edit (the article's list from before it) would be seen.
      writeFileSync(file, text);
      const stale = await build(root, language, new Map([[EDITED, edited.lists.get(EDITED)]]));
      t.false(stale.pdf.bytes.equals(stale.fresh.bytes), 'a stale article gives other bytes');
    });
  }

  test('a list recorded in one theme or page size is laid out again in another', async (t) => {
    const root = corpusRoot();
    await build(root, 'en');
    const recorded = await build(root, 'en');
    t.is(recorded.lists.size, recorded.articles, 'every article recorded in A4 and the default theme');
    const wider = { theme: { ...THEME, margin: { ...THEME.margin, left: 90 } } };
    const themed = await build(root, 'en', undefined, wider);
    t.true(themed.pdf.bytes.equals(themed.fresh.bytes), 'another theme: same bytes as from scratch');
    const letter = await build(root, 'en', undefined, { ...wider, pageSize: 'LETTER' });
    t.true(letter.pdf.bytes.equals(letter.fresh.bytes), 'another page size: same bytes as from scratch');
  });

  test('a damaged list is laid out instead, with no crash: same bytes as from scratch', async (t) => {
    const root = corpusRoot();
    await build(root, 'en');
    const recorded = await build(root, 'en');
    const opsOf = (path: string) => JSON.parse((recorded.lists.get(path) as DisplayList).ops) as unknown[][];
    const damaged = (ops: unknown[][] | string) => ({ ...(recorded.lists.get(EDITED) as DisplayList), ops: typeof ops === 'string' ? ops : JSON.stringify(ops) });
    const firstCall = (ops: unknown[][], test: (op: unknown[]) => boolean) => ops.find((op) => op[0] === 0 && test(op))!;
    const [a, b, c, d, e, f] = [...recorded.lists.keys()];
    const damages = new Map<string, unknown>();
    // A method name pdfkit's document has but a list may not hold (it would end the document).
    let ops = opsOf(a!);
    firstCall(ops, (op) => op[1] === 0 && op[2] === 'addPage')[2] = 'end';
    damages.set(a!, damaged(ops));
    // A handle out of range.
    ops = opsOf(b!);
    firstCall(ops, (op) => op[2] === 'add')[3] = [{ $handle: 99999 }];
    damages.set(b!, damaged(ops));
    // A key that would set the prototype of the options object.
    ops = opsOf(c!);
    firstCall(ops, (op) => op[2] === 'struct')[3] = JSON.parse('["P", {"__proto__": {"polluted": 1}}]');
    damages.set(c!, damaged(ops));
    // Truncated.
    const text = (recorded.lists.get(d!) as DisplayList).ops;
    damages.set(d!, damaged(text.slice(0, text.length >> 1)));
    // Text in an unknown face, and the document given as a structure element's child.
    ops = opsOf(e!);
    ops.find((op) => op[0] === 1)![1] = 'NoSuchFace';
    damages.set(e!, damaged(ops));
    ops = opsOf(f!);
    firstCall(ops, (op) => op[2] === 'add')[3] = [{ $handle: 0 }];
    damages.set(f!, damaged(ops));
    const again = await build(root, 'en', damages);
    t.true(again.pdf.bytes.equals(again.fresh.bytes), 'damaged lists: same bytes as from scratch');
    t.is((Object.prototype as { polluted?: unknown }).polluted, undefined);
  });
}
