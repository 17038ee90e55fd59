// The Markdown writer: one portable GitHub-flavoured Markdown file per handbook,
// `<outDir>/<category>.md`, from the same document as the HTML one: a title block, a contents list,
// the articles with in-document links (GitHub's heading anchors), pictures and icons as images
// relative to the file. The document's tree is reshaped into plain HTML elements Markdown has
// (blockquote, strong, em, img), turned into mdast and written by remark-stringify.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import GithubSlugger from 'github-slugger';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import type { Heading, Link, Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { HandbookDocument, TocEntry } from '../handbook/document.ts';
import { iconGlyph, iconMeaning, iconSvg } from '../handbook/icons.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { copyImages, IMAGES_DIR } from './images.ts';
import type { Writer } from './writers.ts';

/** Icons drawn as SVG files beside the handbooks of a language. */
export const ICONS_DIR = 'icons';

const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

const quote = (children: ElementContent[]) => h('blockquote', children);

/** Reshapes the document's vocabulary into elements Markdown has (children first); collects the icons it uses. */
function reshape(parent: Root | Element, icons: Set<string>): void {
  for (let index = 0; index < parent.children.length; index++) {
    const node = parent.children[index]!;
    if (node.type !== 'element') continue;
    reshape(node, icons);
    const replacement = reshaped(node, icons);
    if (!replacement) continue;
    parent.children.splice(index, 1, ...replacement);
    index += replacement.length - 1;
  }
}

/** What an element becomes in Markdown, or undefined to keep it. */
function reshaped(node: Element, icons: Set<string>): ElementContent[] | undefined {
  const kind = classes(node);
  const caption = (child: ElementContent) => (child.type === 'element' && child.tagName === 'figcaption' ? [h('p', [h('em', child.children)])] : []);
  if (node.tagName === 'img' && typeof node.properties.src === 'string' && !/^https?:/.test(node.properties.src)) {
    node.properties.src = `${IMAGES_DIR}/${node.properties.src}`;
  } else if (node.tagName === 'i' && node.properties.dataIcon !== undefined) {
    const name = String(node.properties.dataIcon);
    if (!iconGlyph(name)) return [];
    icons.add(name);
    return [h('img', { src: `${ICONS_DIR}/${name}.svg`, alt: iconMeaning(name) })];
  } else if ((node.tagName === 'aside' && kind.includes('callout')) || (node.tagName === 'section' && kind.includes('tab'))) {
    // A callout or a tab: a quote opening with its label in bold.
    const label = (child: ElementContent) => child.type === 'element' && (classes(child).includes('callout-label') || classes(child).includes('tab-title'));
    return [quote(node.children.map((child) => (label(child) ? h('p', [h('strong', (child as Element).children)]) : child)))];
  } else if (node.tagName === 'figure' && kind.includes('missing')) {
    return [quote(node.children.flatMap(caption))];
  } else if (node.tagName === 'figure') {
    return node.children.flatMap((child) => (child.type === 'element' && child.tagName !== 'figcaption' ? [h('p', [child])] : caption(child)));
  }
  return undefined;
}

function tocList(entries: readonly TocEntry[]): Element {
  return h('ol', entries.map((entry) => h('li', [h('a', { href: `#${entry.id}` }, entry.title), ...(entry.children.length ? [tocList(entry.children)] : [])])));
}

/** The handbook as one HTML tree of plain elements, the same text as the HTML handbook shows. */
function handbookTree(document: HandbookDocument, icons: Set<string>): Root {
  const { words } = document;
  const children: ElementContent[] = [
    h('p', words.handbookTitle),
    h('h1', { id: '' }, document.title),
    h('p', `${words.languageLine} · ${words.generatedOn}`),
    h('p', words.articleCount),
    h('h2', { id: '' }, words.contents),
    tocList(document.toc),
  ];
  for (const article of document.articles) {
    const body = structuredClone(article.body);
    reshape(body, icons);
    children.push(h('h1', { id: article.id }, article.title), ...(article.notice ? [quote([h('p', [h('em', article.notice)])])] : []), ...(body.children as ElementContent[]));
  }
  return { type: 'root', children };
}

/**
 * Every id of the handbook → the id it has where GitHub shows the file: headings get GitHub's
 * anchors (from their text, numbered on repeats); any other id points at the heading before it.
 */
function githubAnchors(tree: Root, mdast: MdastRoot): Map<string, string> {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  visit(mdast, 'heading', (node: Heading) => {
    const slug = slugger.slug(toString(node, { includeImageAlt: false }));
    const id = (node.data as { id?: string } | undefined)?.id;
    if (id) anchors.set(id, slug);
  });
  let heading: string | undefined;
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id !== 'string' || id === '') return;
    if (/^h[1-6]$/.test(node.tagName)) heading = id;
    else if (!anchors.has(id) && heading && anchors.has(heading)) anchors.set(id, anchors.get(heading)!);
  });
  return anchors;
}

/** A heading remembers its id, so links to it can be pointed at GitHub's anchor. */
const withId =
  (handle: Handle): Handle =>
  (state, node, parent) => {
    const result = handle(state, node, parent);
    if (result && !Array.isArray(result) && typeof node.properties.id === 'string') (result as { data?: object }).data = { ...result.data, id: node.properties.id };
    return result;
  };

const headingHandlers = Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, withId(defaultHandlers[tag as 'h1']!)]));

const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' });

export function renderMarkdownHandbook(document: HandbookDocument): { markdown: string; icons: string[] } {
  const icons = new Set<string>();
  const tree = handbookTree(document, icons);
  const mdast = toMdast(tree, { handlers: headingHandlers }) as MdastRoot;
  const anchors = githubAnchors(tree, mdast);
  visit(mdast, 'link', (node: Link) => {
    if (node.url.startsWith('#')) node.url = `#${anchors.get(node.url.slice(1)) ?? ''}`;
  });
  return { markdown: stringifier.stringify(mdast), icons: [...icons].sort() };
}

export const markdownWriter: Writer = {
  format: 'md',
  extension: 'md',
  description: 'one GitHub-flavoured Markdown file per category (output/<lang>/<category>.md), pictures and icons beside it',
  write(document, outDir) {
    const file = join(outDir, `${document.fileName}.md`);
    const { markdown, icons } = renderMarkdownHandbook(document);
    writeFileAtomic(file, markdown);
    const written = [file, ...copyImages(document, outDir)];
    if (icons.length) mkdirSync(join(outDir, ICONS_DIR), { recursive: true });
    for (const name of icons) {
      const svg = join(outDir, ICONS_DIR, `${name}.svg`);
      const text = `${iconSvg(iconGlyph(name)!, '#1d2330')}\n`;
      // Shared by the language's handbooks: written once, so remaking one handbook touches no other file.
      if (!existsSync(svg) || readFileSync(svg, 'utf8') !== text) writeFileSync(svg, text);
      written.push(svg);
    }
    return { files: written, warnings: [] };
  },
};
