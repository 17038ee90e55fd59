// The HTML writer: one self-contained file per handbook (CSS inline, icons as inline SVG, pictures
// copied beside it), `<outDir>/<category>.html`, and an index page per language.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comment, Element, ElementContent, Root } from 'hast';
import { h, s } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { HandbookArticle, HandbookDocument, TocEntry } from '../handbook/document.ts';
import { FIXED_ICON_WIDTH, ICON_CLASS, iconGlyph, iconLook, iconMeaning } from '../handbook/icons.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { copyImages, IMAGES_DIR } from './images.ts';
import { HANDBOOK_CSS } from './style.ts';
import type { ArticleFragments, Writer, WrittenHandbook } from './writers.ts';

/** Text in another language than the page's, isolated with its own direction. */
function inLanguage(text: string, language: string | undefined, document: HandbookDocument): ElementContent[] {
  if (!language || language === document.language) return [{ type: 'text', value: text }];
  return [h('span', { lang: language, dir: 'ltr' }, text)];
}

function tocList(entries: readonly TocEntry[], document: HandbookDocument): Element {
  return h(
    'ol',
    entries.map((entry) => h('li', [h('a', { href: `#${entry.id}` }, inLanguage(entry.title, entry.language, document)), ...(entry.children.length ? [tocList(entry.children, document)] : [])])),
  );
}

/**
 * A Font Awesome icon as inline SVG, one em high (`fa-lg`: 4/3 em…), labelled with what it shows;
 * `fa-fw` widens its box (the glyph stays centred), `fa-rotate-*` classes turn it (style sheet).
 */
function iconSvg(name: string, classes: readonly string[]): Element | undefined {
  const glyph = iconGlyph(name);
  if (!glyph) return undefined;
  const look = iconLook(classes);
  const height = glyph.ascent - glyph.descent;
  const width = Math.max(glyph.width / height, look.fixedWidth ? FIXED_ICON_WIDTH : 0) * look.scale;
  const className = ['icon', ...classes.filter((c) => ICON_CLASS.test(c))];
  return s('svg', { className, viewBox: `0 0 ${glyph.width} ${height}`, width: `${width.toFixed(3)}em`, height: `${+look.scale.toFixed(3)}em`, role: 'img', ariaLabel: iconMeaning(name) }, [
    s('path', { fill: 'currentColor', transform: `matrix(1 0 0 -1 0 ${glyph.ascent})`, d: glyph.path }),
  ]);
}

/** The article body as this page shows it: pictures from the images folder beside it, icons drawn. */
function pageBody(body: Root): ElementContent[] {
  const tree = structuredClone(body);
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'img' && typeof node.properties.src === 'string' && !/^https?:/.test(node.properties.src)) {
      node.properties.src = `${IMAGES_DIR}/${node.properties.src}`;
    }
    if (node.tagName === 'i' && node.properties.dataIcon !== undefined && parent && index !== undefined) {
      const svg = iconSvg(String(node.properties.dataIcon), Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
      if (svg) parent.children[index] = svg;
      else parent.children.splice(index, 1);
      return [SKIP, index];
    }
  });
  return tree.children as ElementContent[];
}

const toHtml = unified().use(rehypeStringify);

/** Where the articles go in the page: each is written on its own, so only one article's page tree lives at a time. */
const SECTIONS: Comment = { type: 'comment', value: 'handbook-articles' };

function articleHtml(article: HandbookArticle, document: HandbookDocument): string {
  const section = h('article', { id: article.id, className: ['article'] }, [
    h('h1', inLanguage(article.title, article.titleLanguage, document)),
    ...(article.notice ? [h('p', { className: ['notice'] }, article.notice)] : []),
    ...pageBody(article.body),
  ]);
  return toHtml.stringify({ type: 'root', children: [section] });
}

/** The article's section, or the one rendered by an earlier build (a function of the article and the page's language). */
function articleSection(article: HandbookArticle, document: HandbookDocument, fragments: ArticleFragments | undefined): string {
  const known = fragments?.rendered(article, 'html');
  if (typeof known === 'string') return known;
  const html = articleHtml(article, document);
  fragments?.keepRendered(article, 'html', html);
  return html;
}

export function renderHtmlHandbook(document: HandbookDocument, fragments?: ArticleFragments): string {
  const { words } = document;
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: document.language, dir: document.direction }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', words.handbookTitle), h('style', HANDBOOK_CSS)]),
        h('body', [
          h('header', { className: ['title-page'] }, [
            h('p', { className: ['kicker'] }, words.handbookTitle),
            h('h1', { className: ['handbook-title'] }, document.title),
            h('p', { className: ['meta'] }, [`${words.languageLine} · `, h('time', { dateTime: document.date.toISOString().slice(0, 10) }, words.generatedOn)]),
            h('p', { className: ['meta'] }, words.articleCount),
          ]),
          h('nav', { className: ['toc'], ariaLabel: words.contents }, [h('h2', words.contents), tocList(document.toc, document)]),
          h('main', [SECTIONS]),
        ]),
      ]),
    ],
  };
  const [before, after] = toHtml.stringify(page).split(`<!--${SECTIONS.value}-->`);
  return [before, ...document.articles.map((article) => articleSection(article, document, fragments)), after].join('');
}

/** The language's index page: every handbook with its article count. */
function renderIndex(handbooks: readonly WrittenHandbook[]): string | undefined {
  const first = handbooks[0]?.summary;
  if (!first) return undefined;
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: first.language, dir: first.direction }, [
        h('head', [h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', first.contents), h('style', HANDBOOK_CSS)]),
        h('body', [
          h('h1', first.contents),
          h('ul', handbooks.map(({ summary }) => h('li', [h('a', { href: `${summary.fileName}.html` }, summary.title), ` — ${summary.articleCount}`]))),
        ]),
      ]),
    ],
  };
  return toHtml.stringify(page);
}

export const htmlWriter: Writer = {
  format: 'html',
  extension: 'html',
  description: 'one self-contained HTML file per category (output/<lang>/<category>.html) and output/<lang>/index.html',
  write(document, outDir, run) {
    const file = join(outDir, `${document.fileName}.html`);
    writeFileAtomic(file, renderHtmlHandbook(document, run?.fragments));
    return { files: [file, ...copyImages(document, outDir)], warnings: [] };
  },
  finish(handbooks, outDir) {
    const html = renderIndex(handbooks);
    if (html === undefined) return { files: [], warnings: [] };
    const file = join(outDir, 'index.html');
    // Rewritten only when it changed: a build that remade no handbook touches no file.
    if (!existsSync(file) || readFileSync(file, 'utf8') !== html) writeFileAtomic(file, html);
    return { files: [file], warnings: [] };
  },
};
