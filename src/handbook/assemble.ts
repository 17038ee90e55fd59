// Assembles the handbook document of one category in one language from the model and the store:
// title block words, table of contents, the articles in order as sanitized trees (Liquid resolved,
// links resolved, fallback text isolated), notices and warnings. Writers read nothing else.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Config } from '../config/config.ts';
import type { Article, Category, HelpCenter, Segment, Unit } from '../model/types.ts';
import { fileNameOf } from '../extract/extract.ts';
import { bodyStartOf } from '../parse/front-matter.ts';
import { localizeArticle } from '../render/markdown/localize.ts';
import type { TranslationStore } from '../store/translations.ts';
import { categoryTitleKey, type Translate } from '../words/words.ts';
import { articleHast, FALLBACK_END, FALLBACK_START, type LinkTarget } from './article.ts';
import type { Direction, DocumentWarning, DocumentWords, HandbookArticle, HandbookDocument, TocEntry } from './document.ts';
import { iconGlyph } from './icons.ts';

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

export function directionOf(language: string): Direction {
  return RTL.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export interface AssembleInput {
  readonly config: Config;
  readonly center: HelpCenter;
  readonly category: Category;
  readonly language: string;
  readonly store: TranslationStore;
  /** The handbook's words in `language`. */
  readonly t: Translate;
  readonly date: Date;
}

export const slugOf = (article: Article) => article.path.slice(article.path.lastIndexOf('/') + 1).replace(/\.md$/, '');

/** `redirect_from` aliases (`/old/path/`) → the slug of the article they lead to. */
export function redirectsOf(center: HelpCenter): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const article of center.categories.flatMap((c) => c.articles)) {
    const from = article.frontMatter?.data.redirect_from;
    for (const path of Array.isArray(from) ? from : typeof from === 'string' ? [from] : []) {
      redirects.set(`/${String(path).replace(/^\/+|\/+$/g, '')}/`, slugOf(article));
    }
  }
  return redirects;
}

export function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** The public address of an article, from the configured pattern. */
export function articleUrl(config: Config, language: string, slug: string): string {
  return config.articleUrl.replaceAll('{siteUrl}', config.siteUrl.replace(/\/+$/, '')).replaceAll('{lang}', language).replaceAll('{slug}', slug);
}

const plain = (segments: readonly Segment[]) => segments.map((s) => (s.type === 'text' ? s.value : s.data)).join('');

/** The category's title in this language: its category file's title unit, else the handbook's words. */
export function categoryTitle(category: Category, store: TranslationStore, t: Translate): string {
  const unit = category.units[0];
  const translated = unit ? store.translationOf(unit) : undefined;
  if (translated) return plain(translated);
  if (category.file) return category.title;
  return t(categoryTitleKey(category.slug), { defaultValue: category.title });
}

/** Callout types and the handbook word that labels them; any other type is a note. */
const CALLOUT_WORDS = new Map([
  ['info', 'note'],
  ['note', 'note'],
  ['success', 'tip'],
  ['tip', 'tip'],
  ['warning', 'warning'],
  ['danger', 'warning'],
]);

/** The source text of a unit between fallback markers: the tree isolates it in its own language. */
function markedFallback(unit: Unit): readonly Segment[] {
  return [{ type: 'text', value: FALLBACK_START }, ...unit.segments, { type: 'text', value: FALLBACK_END }];
}

/**
 * The line of the source article a problem is on. The published text is the localized article with
 * Liquid resolved, whose lines differ from the source's (and between languages); what a warning is
 * about (a link, a picture, a tag) is a locked code, written the same in every language, so its
 * k-th mention in the tree is its k-th occurrence in the source.
 */
function sourceLines(source: string): (needle: string, fallback: number) => number {
  const seen = new Map<string, number>();
  return (needle, fallback) => {
    const k = seen.get(needle) ?? 0;
    seen.set(needle, k + 1);
    let at = -1;
    for (let i = 0; i <= k; i++) {
      const next = source.indexOf(needle, at + 1);
      if (next < 0) break;
      at = next;
    }
    return at < 0 ? fallback : source.slice(0, at).split('\n').length;
  };
}

type NoticeKind = 'not_translated' | 'outdated_notice' | 'partly_translated';

/**
 * Which notice an article of a localized handbook needs: "not translated" when no unit has a
 * current translation, "out of date" when a stored translation was made for an earlier source,
 * "partly translated" when some units are translated (memory fills count) and the rest are not.
 */
function noticeOf(article: Article, store: TranslationStore): NoticeKind | undefined {
  let translated = 0;
  let outdated = 0;
  for (const unit of article.units) {
    if (store.current(unit)) translated++;
    else if (store.entry(unit)) outdated++;
  }
  if (outdated > 0) return 'outdated_notice';
  if (translated === article.units.length) return undefined;
  return translated === 0 ? 'not_translated' : 'partly_translated';
}

/** The footer's "page X of Y", in the translator's language (a PDF worker rebuilds it from `t`: functions do not cross threads). */
export function pageWords(t: Translate): DocumentWords['page'] {
  return (page, total) => t('page_of', { page, count: total });
}

function documentWords(input: AssembleInput, title: string, articles: number): DocumentWords {
  const { t, language, date } = input;
  const formatted = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
  return {
    ...indexWords(t, articles),
    page: pageWords(t),
    generatedOn: t('generated_on', { date: formatted }),
    languageLine: `${t('language')}: ${languageName(language)}`,
    handbookTitle: t('handbook_title', { category: title }),
  };
}

/** The words a language's index shows of a handbook: "Contents" and "12 articles". */
export function indexWords(t: Translate, articles: number): Pick<DocumentWords, 'contents' | 'articleCount'> {
  return { contents: t('contents'), articleCount: t('articles_count', { count: articles }) };
}

/** An article's h2 headings, each with its h3 headings under it. */
function headingEntries(body: HandbookArticle['body']): TocEntry[] {
  const entries: (TocEntry & { children: TocEntry[] })[] = [];
  visit(body, 'element', (node: Element) => {
    const level: 2 | 3 | undefined = node.tagName === 'h2' ? 2 : node.tagName === 'h3' ? 3 : undefined;
    if (!level || node.properties.id === undefined) return;
    // A heading wholly in the source language (no translation) says so, for right-to-left contents.
    const parts = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
    const only = parts.length === 1 && parts[0]!.type === 'element' ? parts[0] : undefined;
    const language = typeof node.properties.lang === 'string' ? node.properties.lang : only && typeof only.properties.lang === 'string' ? only.properties.lang : undefined;
    const entry: TocEntry & { children: TocEntry[] } = { id: String(node.properties.id), title: toString(node).trim(), level, children: [], ...(language ? { language } : {}) };
    const parent = entries[entries.length - 1];
    if (level === 3 && parent) parent.children.push(entry);
    else entries.push(entry);
  });
  return entries;
}

/** One article as its handbook shows it, with what it adds to the document around it. */
export interface AssembledArticle {
  readonly article: HandbookArticle;
  /** Its entry in the table of contents, its h2/h3 headings under it. */
  readonly toc: TocEntry;
  readonly warnings: readonly DocumentWarning[];
  /** The pictures it shows, in the order it shows them: path in the images folder, file on disk. */
  readonly images: readonly (readonly [string, string])[];
}

/**
 * Articles assembled by an earlier build, reused when nothing they are made from changed (see
 * `src/publish/fragments.ts`): `get` gives one back, `keep` takes one just assembled.
 */
export interface ArticleReuse {
  readonly get: (article: Article) => AssembledArticle | undefined;
  readonly keep: (article: Article, assembled: AssembledArticle) => void;
}

/** What every article of one handbook is assembled against: its neighbours, the help center, the pictures. */
interface HandbookContext {
  readonly inHandbook: ReadonlyMap<string, LinkTarget>;
  readonly known: ReadonlySet<string>;
  readonly redirects: ReadonlyMap<string, string>;
  readonly images: string;
}

/** The articles a category's handbook shows, in order. */
export const shownArticles = (category: Category): Article[] => category.articles.filter((a) => !a.hidden);

/** The articles of a handbook by slug, with their heading ids: what links inside it resolve against. */
export function handbookTargets(articles: readonly Article[]): Map<string, LinkTarget> {
  return new Map(articles.map((a) => [slugOf(a), { anchors: new Set(a.headings.map((x) => x.anchor)) }]));
}

function assembleArticle(input: AssembleInput, context: HandbookContext, article: Article): AssembledArticle {
  const { config, language, store, t } = input;
  const source = language === config.sourceLanguage;
  const warnings: DocumentWarning[] = [];
  const images: [string, string][] = [];
  const slug = slugOf(article);
  const localized = localizeArticle(article, (unit) => (source ? undefined : (store.translationOf(unit) ?? markedFallback(unit))));
  const lineOf = sourceLines(article.source);
  const warn = (line: number, kind: string, message: string, needle?: string) => warnings.push({ file: article.path, line: needle ? lineOf(needle, line) : line, kind, message });
  const body = articleHast(localized.text, bodyStartOf(localized.text), {
    slug,
    inHandbook: context.inHandbook,
    known: context.known,
    redirects: context.redirects,
    siteUrl: config.siteUrl,
    fallbackLanguage: source ? undefined : config.sourceLanguage,
    calloutLabel: (type) => t(CALLOUT_WORDS.get(type) ?? 'note'),
    hasIcon: (name) => iconGlyph(name) !== undefined,
    warn,
    useImage: (path, line) => {
      const file = join(context.images, path);
      // A path that climbs out of the images folder is not a picture of this help center.
      if (file.startsWith(`${context.images}/`) && existsSync(file)) {
        images.push([path, file]);
        return true;
      }
      warn(line, 'missing-image', `image ${path} is not in the images folder (${config.images}): the handbook shows its caption only`, path);
      return false;
    },
    articleUrl: (target) => articleUrl(config, language, target),
  });
  const titleUnit = article.units.find((u) => u.id === 'fm-title');
  const translatedTitle = titleUnit && !source ? store.translationOf(titleUnit) : undefined;
  const notice = source || !config.untranslatedNotice ? undefined : noticeOf(article, store);
  const built: HandbookArticle = {
    id: slug,
    path: article.path,
    title: translatedTitle ? plain(translatedTitle) : article.title,
    titleLanguage: translatedTitle || !titleUnit ? language : config.sourceLanguage,
    ...(notice ? { notice: t(notice) } : {}),
    body,
  };
  const toc: TocEntry = { id: built.id, title: built.title, level: 1, children: headingEntries(body), ...(built.titleLanguage !== language ? { language: built.titleLanguage } : {}) };
  return { article: built, toc, warnings, images };
}

/** The handbook document of a category in a language; `reuse` gives back articles assembled by an earlier build. */
export function assembleHandbook(input: AssembleInput, reuse?: ArticleReuse): HandbookDocument {
  const { config, center, category, language, store, t } = input;
  const articles = shownArticles(category);
  const context: HandbookContext = { inHandbook: handbookTargets(articles), known: new Set(center.categories.flatMap((c) => c.articles.map(slugOf))), redirects: redirectsOf(center), images: resolve(config.images) };
  const assembled = articles.map((article) => {
    const known = reuse?.get(article);
    if (known) return known;
    const made = assembleArticle(input, context, article);
    reuse?.keep(article, made);
    return made;
  });
  const title = categoryTitle(category, store, t);
  return {
    language,
    sourceLanguage: config.sourceLanguage,
    direction: directionOf(language),
    category: category.slug,
    fileName: fileNameOf(category.slug),
    title,
    date: input.date,
    words: documentWords(input, title, assembled.length),
    toc: assembled.map((a) => a.toc),
    articles: assembled.map((a) => a.article),
    imageFiles: new Map(assembled.flatMap((a) => a.images)),
    warnings: assembled.flatMap((a) => a.warnings),
  };
}
