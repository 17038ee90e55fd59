// The HTML handbook of one category in one language: a title block, a table of contents, then the
// articles in order, in one self-contained file (CSS inline, images copied beside it).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Config } from '../config/config.ts';
import type { Article, Category, HelpCenter } from '../model/types.ts';
import { localizeArticle } from '../render/markdown/localize.ts';
import { articleHast, headingsOf, type LinkTarget } from './article.ts';
import { TranslationStore } from '../store/translations.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { categoryTitleKey, type Translate } from '../words/words.ts';
import { HANDBOOK_CSS } from '../publish/style.ts';
import { bodyStartOf } from '../parse/front-matter.ts';

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export interface BuildWarning {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface HandbookInput {
  readonly config: Config;
  readonly center: HelpCenter;
  readonly category: Category;
  readonly language: string;
  readonly store: TranslationStore;
  readonly t: Translate;
  readonly date: Date;
}

export interface HandbookOutput {
  readonly html: string;
  /** Paths in the images folder of the pictures the handbook shows (all of them exist). */
  readonly images: readonly string[];
  readonly warnings: readonly BuildWarning[];
  readonly articles: number;
}

export const slugOf = (article: Article) => article.path.slice(article.path.lastIndexOf('/') + 1).replace(/\.md$/, '');

function redirectsOf(center: HelpCenter): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const article of center.categories.flatMap((c) => c.articles)) {
    const from = article.frontMatter?.data.redirect_from;
    for (const path of Array.isArray(from) ? from : typeof from === 'string' ? [from] : []) {
      redirects.set(`/${String(path).replace(/^\/+|\/+$/g, '')}/`, slugOf(article));
    }
  }
  return redirects;
}

function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** The category's title in this language: its category file's title unit, else the handbook's words. */
function categoryTitle(input: HandbookInput): string {
  const unit = input.category.units[0];
  const translated = unit ? input.store.translationOf(unit) : undefined;
  if (translated) return translated.map((s) => (s.type === 'text' ? s.value : s.data)).join('');
  if (input.category.file) return input.category.title;
  return input.t(categoryTitleKey(input.category.slug), { defaultValue: input.category.title });
}

/** An article's h2 headings as a list, each with its h3 headings nested under it. */
function tocList(headings: ReturnType<typeof headingsOf>): Element[] {
  const items: { entry: Element; children: Element[] }[] = [];
  for (const heading of headings) {
    const entry = h('li', [h('a', { href: `#${heading.id}` }, heading.text)]);
    const parent = items[items.length - 1];
    if (heading.level === 3 && parent) parent.children.push(entry);
    else items.push({ entry, children: [] });
  }
  if (items.length === 0) return [];
  return [h('ol', items.map(({ entry, children }) => (children.length ? { ...entry, children: [...entry.children, h('ol', children)] } : entry)))];
}

export function buildHandbookHtml(input: HandbookInput): HandbookOutput {
  const { config, center, category, language, store, t } = input;
  const articles = category.articles.filter((a) => !a.hidden);
  const warnings: BuildWarning[] = [];
  const images = new Set<string>();
  const inHandbook = new Map<string, LinkTarget>(articles.map((a) => [slugOf(a), { anchors: new Set(a.headings.map((x) => x.anchor)) }]));
  const known = new Set(center.categories.flatMap((c) => c.articles.map(slugOf)));
  const redirects = redirectsOf(center);
  const sections: ElementContent[] = [];
  const toc: ElementContent[] = [];
  for (const article of articles) {
    const slug = slugOf(article);
    const localized = localizeArticle(article, (unit) => (language === config.sourceLanguage ? undefined : store.translationOf(unit)));
    const tree = articleHast(localized.text, bodyStartOf(localized.text), {
      slug,
      inHandbook,
      known,
      redirects,
      siteUrl: config.siteUrl,
      warn: (line, message) => warnings.push({ file: article.path, line, message }),
      useImage: (path, line) => {
        if (existsSync(join(config.images, path))) {
          images.add(path);
          return true;
        }
        warnings.push({ file: article.path, line, message: `image ${path} is not in the images folder (${config.images}): the handbook shows its caption only` });
        return false;
      },
      articleUrl: (target) => articleUrl(config, language, target),
    });
    const titleUnit = article.units.find((u) => u.id === 'fm-title');
    const translatedTitle = titleUnit && language !== config.sourceLanguage ? store.translationOf(titleUnit) : undefined;
    const title = translatedTitle ? translatedTitle.map((s) => (s.type === 'text' ? s.value : s.data)).join('') : article.title;
    const notice = language === config.sourceLanguage || localized.fallbacks === 0 || !config.untranslatedNotice ? [] : [h('p', { className: ['notice'] }, t(localized.fallbacks >= article.units.length ? 'not_translated' : 'outdated_notice'))];
    sections.push(h('article', { id: slug, className: ['article'] }, [h('h1', title), ...notice, ...(tree.children as ElementContent[])]));
    const headings = headingsOf(tree);
    toc.push(h('li', [h('a', { href: `#${slug}` }, title), ...tocList(headings)]));
  }
  const title = categoryTitle(input);
  const dir = directionOf(language);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(input.date);
  const body: Element = h('body', [
    h('header', { className: ['title-page'] }, [
      h('p', { className: ['kicker'] }, t('handbook_title', { category: title })),
      h('h1', { className: ['handbook-title'] }, title),
      h('p', { className: ['meta'] }, [`${t('language')}: ${languageName(language)} · `, h('time', { dateTime: input.date.toISOString().slice(0, 10) }, t('generated_on', { date }))]),
      h('p', { className: ['meta'] }, t('articles_count', { count: articles.length })),
    ]),
    h('nav', { className: ['toc'], ariaLabel: t('contents') }, [h('h2', t('contents')), h('ol', toc)]),
    h('main', sections),
  ]);
  const document: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: language, dir }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', t('handbook_title', { category: title })), h('style', HANDBOOK_CSS)]),
        body,
      ]),
    ],
  };
  const html = unified().use(rehypeStringify).stringify(document);
  return { html, images: [...images].sort(), warnings, articles: articles.length };
}

/** Copies the images a handbook shows next to it. */
export function copyImages(config: Config, images: readonly string[], outDir: string): void {
  for (const path of images) {
    const to = join(outDir, 'images', path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(config.images, path), to);
  }
}

/** The public address of an article, from the configured pattern. */
export function articleUrl(config: Config, language: string, slug: string): string {
  return config.articleUrl.replaceAll('{siteUrl}', config.siteUrl.replace(/\/+$/, '')).replaceAll('{lang}', language).replaceAll('{slug}', slug);
}

export function writeHandbook(path: string, html: string): void {
  writeFileAtomic(path, html);
}
