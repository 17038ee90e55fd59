// The PDF writer on the real corpus: every visible category in the source language, the
// pseudo-language and the shipped de, ja, ar (their handbook words; article text falling back to
// English) = 75 PDFs, each written by the `pdf` writer to a temporary folder, one after the other,
// and checked as a reader and a screen reader would find it: valid, fonts embedded, tagged, title and
// language set, every article's text printed, the contents' page numbers right. Each PDF is read by
// each tool once (one pdftotext per file, split at form feeds).
import test from 'ava';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../src/config/config.ts';
import { assembleHandbook } from '../../../src/handbook/assemble.ts';
import type { HandbookDocument, TocEntry } from '../../../src/handbook/document.ts';
import type { HelpCenter } from '../../../src/model/types.ts';
import { pseudoLocalize } from '../../../src/pseudo/pseudo.ts';
import { pdfWriter } from '../../../src/publish/pdf/writer.ts';
import { TranslationStore } from '../../../src/store/translations.ts';
import { createTranslator } from '../../../src/words/words.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../../helpers.ts';
import { workspace } from '../../support/roundtrip.ts';
import { comparable, isPrinted, printedTexts } from './printed.ts';
import { catalogLanguage, linkTags, NO_PDF_TOOLS, PDF_TOOLS, pdfFonts, pdfInfo, qpdfCheck, readingTexts } from './support.ts';

const LANGUAGES = ['en', 'qps', 'de', 'ja', 'ar'];
const skip = !HAS_SHARED ? NO_SHARED : PDF_TOOLS.length ? NO_PDF_TOOLS : undefined;
if (skip) test.skip(`corpus PDFs: ${skip}`, () => {});
/** The category files, known when the file loads so each PDF is a test of its own. */
const CATEGORIES = skip ? [] : readdirSync(join(CORPUS, '_categories')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

interface Corpus {
  readonly config: Config;
  readonly center: HelpCenter;
}

let corpus: Promise<Corpus> | undefined;

/** The corpus with its pseudo-language and the shipped de, ja, ar, read once. */
function corpusSetup(): Promise<Corpus> {
  corpus ??= (async () => {
    const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), LANGUAGES.slice(1));
    for (const language of ['de', 'ja', 'ar']) cpSync(join(PROJECT, 'locales', language), join(ws.config.locales, language), { recursive: true });
    const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help' };
    pseudoLocalize(config, ws.center, 'qps');
    return { config, center: ws.center };
  })();
  return corpus;
}

interface Built {
  readonly document: HandbookDocument;
  readonly file: string;
}

const OUT = temporaryDir('handbook-corpus-pdf-');
/** One PDF written at a time (memory), in the order the tests ask. */
let queue: Promise<unknown> = Promise.resolve();

function build(language: string, slug: string): Promise<Built> {
  const next = queue.then(async () => {
    const { config, center } = await corpusSetup();
    const category = center.categories.find((c) => c.slug === slug)!;
    const t = await createTranslator(config.locales, language, config.sourceLanguage);
    const document = assembleHandbook({ config, center, category, language, store: new TranslationStore(config.locales, language), t, date: new Date('2026-12-02T12:00:00Z') });
    const { files } = await pdfWriter.write(document, join(OUT, language));
    return { document, file: files[0]! };
  });
  queue = next.catch(() => undefined);
  return next;
}

/** A line's characters in any order, without white space: right-to-left lines come back reordered. */
const letters = (s: string) => [...comparable(s)].sort().join('');

/** A page's text without its running header (the handbook's title) and footer ("Page 3 of 41"). */
function bodyOf(page: string, document: HandbookDocument, number: number, total: number): string {
  const furniture = [letters(document.words.handbookTitle), letters(document.words.page(number, total))];
  return page
    .split('\n')
    .filter((l) => {
      const at = furniture.indexOf(letters(l));
      if (at >= 0) furniture[at] = '';
      return at < 0 && l.trim() !== '';
    })
    .join('\n');
}

/** Contents entries as the writer lists them: articles and their h2 headings. */
const contentsEntries = (toc: readonly TocEntry[]): TocEntry[] => toc.flatMap((e) => [e, ...e.children.filter((c) => c.level === 2)]);

/**
 * The page number printed for each contents entry, read off the contents pages (those before the
 * first article's page). pdftotext gives each number as a line of its own, but puts numbers and
 * titles together in varying order (right to left it may give two numbers, then their two titles),
 * so the numbers are paired with the entries in order, and the titles in between must read as the
 * entries' titles in order.
 */
function contentsNumbers(pages: readonly string[], document: HandbookDocument): { numbers: Map<TocEntry, number>; problems: string[] } {
  const lines = (page: string | undefined, i: number) => bodyOf(page ?? '', document, i + 1, pages.length).split('\n').map((l) => l.trim()).filter(Boolean);
  const first = Number(lines(pages[1], 1).find((l) => /^\d+$/.test(l)));
  const found: number[] = [];
  let titles = '';
  for (let i = 1; i < Math.max(2, first - 1); i++) {
    for (const line of lines(pages[i], i)) {
      if (/^\d+$/.test(line)) found.push(Number(line));
      else titles += line;
    }
  }
  const entries = contentsEntries(document.toc);
  const problems: string[] = [];
  const expected = [document.words.contents, ...entries.map((e) => e.title)].join('');
  if (!isPrinted(comparable(titles), expected) || comparable(titles).length < comparable(expected).length) {
    const a = comparable(titles);
    const b = comparable(expected);
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    problems.push(`contents: the titles read "…${a.slice(Math.max(0, at - 20), at + 40)}", expected "…${b.slice(Math.max(0, at - 20), at + 40)}"`);
  }
  if (found.length !== entries.length) problems.push(`contents: ${found.length} page numbers for ${entries.length} entries`);
  return { numbers: new Map(entries.map((e, i) => [e, found[i]!] as const).filter(([, n]) => n !== undefined)), problems };
}

for (const language of skip ? [] : LANGUAGES) {
  for (const slug of CATEGORIES) {
    test(`${language} ${slug}.pdf: valid, fonts embedded, tagged with title, language and links, every article's text printed, contents' page numbers where articles and headings start`, async (t) => {
      const { document, file } = await build(language, slug);
      t.true(document.articles.length > 0, 'a visible category');
      // Every problem is collected, so one run shows them all.
      const problems: string[] = [];
      const check = qpdfCheck(file);
      if (check.code !== 0) problems.push(`qpdf --check: ${check.out}`);
      for (const f of pdfFonts(file)) if (!f.embedded) problems.push(`font not embedded: ${f.name}`);
      const info = pdfInfo(file);
      if (info.get('Tagged') !== 'yes') problems.push(`Tagged: ${info.get('Tagged')}`);
      if (info.get('Title') !== document.words.handbookTitle) problems.push(`Title: ${info.get('Title')}`);
      const bytes = readFileSync(file);
      const lang = catalogLanguage(bytes);
      if (lang !== language) problems.push(`Lang: ${lang}`);
      const links = linkTags(bytes);
      if (links.annotations === 0 || links.tagged !== links.annotations) problems.push(`${links.tagged} of ${links.annotations} link annotations in a Link structure element`);
      const pages = readingTexts(file);
      if (pages.length !== Number(info.get('Pages'))) problems.push(`pdftotext read ${pages.length} pages of ${info.get('Pages')}`);
      // Pseudo-localized words are whole phrases: the footer's numbers stand inside the markers.
      if (language === 'qps' && !/^⟦.*⟧$/.test(document.words.page(2, pages.length))) problems.push(`footer: ${document.words.page(2, pages.length)}`);
      const cover = comparable(pages[0]!);
      for (const words of [document.title, document.words.articleCount]) if (!isPrinted(cover, words)) problems.push(`cover: ${words} not printed`);

      const contents = contentsNumbers(pages, document);
      problems.push(...contents.problems);
      const bodies = pages.map((p, i) => (i === 0 ? p : bodyOf(p, document, i + 1, pages.length)));
      let missing = 0;
      document.articles.forEach((article, i) => {
        const entry = document.toc[i]!;
        const start = contents.numbers.get(entry);
        if (start === undefined) return;
        // The article's title opens its first page; the next article starts on a page of its own.
        if (!comparable(bodies[start - 1] ?? '').startsWith(comparable(article.title))) problems.push(`${article.path}: listed on page ${start}, which starts "${(bodies[start - 1] ?? '').slice(0, 60)}"`);
        for (const heading of entry.children.filter((c) => c.level === 2)) {
          const page = contents.numbers.get(heading);
          if (page !== undefined && !comparable(bodies[page - 1] ?? '').includes(comparable(heading.title))) problems.push(`${article.path}: "${heading.title}" listed on page ${page}, not printed there`);
        }
        const next = document.toc[i + 1] ? contents.numbers.get(document.toc[i + 1]!) : undefined;
        const printed = comparable(bodies.slice(start - 1, (next ?? pages.length + 1) - 1).join('\n'));
        for (const { text, cell } of [{ text: article.title, cell: false }, ...(article.notice ? [{ text: article.notice, cell: false }] : []), ...printedTexts(article.body)]) {
          if (!isPrinted(printed, text, cell) && missing++ < 25) problems.push(`${article.path}: not printed: ${JSON.stringify(text.trim().slice(0, 160))}`);
        }
      });
      if (missing > 25) problems.push(`… ${missing} texts not printed in all`);
      t.deepEqual(problems, [], file);
    });
  }
}
