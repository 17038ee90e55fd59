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
import type { HandbookArticle, HandbookDocument, TocEntry } from '../handbook/document.ts';
import { iconGlyph, iconMeaning, iconSvg } from '../handbook/icons.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { copyImages, IMAGES_DIR } from './images.ts';
import type { ArticleFragments, Writer } from './writers.ts';

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

/**
 * One part of the handbook read alone: the title block, or one article. Parts are joined by a
 * blank line, as remark-stringify joins the blocks of one tree (each article opens with its
 * heading, so no join rule looks across two parts). What depends on the other parts is known only
 * once all are read: GitHub numbers repeated heading anchors across the whole file, and links
 * inside the handbook point at those anchors (a table pads its columns to its links' length).
 */
interface PartShape {
  /** Headings in order: the text GitHub makes the anchor from, and the heading's id ('' for none). */
  readonly headings: readonly (readonly [text: string, id: string])[];
  /** Every element with an id, in order, and whether it is a heading (the id other ids point at). */
  readonly ids: readonly (readonly [id: string, heading: boolean])[];
  /** The id each link inside the handbook points at, in order. */
  readonly links: readonly string[];
  readonly icons: readonly string[];
}

/** A part read, not yet written. */
interface ReadPart extends PartShape {
  readonly mdast: MdastRoot;
}

/** A part as written by an earlier build, with the addresses its links had then. */
export interface WrittenPart extends PartShape {
  readonly text: string;
  readonly urls: readonly string[];
}

/** A paragraph after a part's last block, so the part's text ends where the next block's join starts. */
const END = '\uE002';
const END_TEXT = `\n\n${END}\n`;

function readPart(children: ElementContent[], icons: ReadonlySet<string>): ReadPart {
  const tree: Root = { type: 'root', children };
  const mdast = toMdast(tree, { handlers: headingHandlers }) as MdastRoot;
  const headings: [string, string][] = [];
  visit(mdast, 'heading', (node: Heading) => {
    headings.push([toString(node, { includeImageAlt: false }), (node.data as { id?: string } | undefined)?.id ?? '']);
  });
  const ids: [string, boolean][] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id !== '') ids.push([id, /^h[1-6]$/.test(node.tagName)]);
  });
  const links: string[] = [];
  visit(mdast, 'link', (node: Link) => {
    if (node.url.startsWith('#')) links.push(node.url.slice(1));
  });
  return { mdast, headings, ids, links, icons: [...icons].sort() };
}

/** Writes a part read, its links inside the handbook pointing at `urls` (in order). */
function writePart(part: ReadPart, urls: readonly string[]): WrittenPart {
  let k = 0;
  visit(part.mdast, 'link', (node: Link) => {
    if (node.url.startsWith('#')) node.url = urls[k++]!;
  });
  part.mdast.children.push({ type: 'paragraph', children: [{ type: 'text', value: END }] });
  const written = stringifier.stringify(part.mdast);
  if (!written.endsWith(END_TEXT)) throw new Error('markdown writer: a handbook part did not end as a paragraph of its own');
  const { headings, ids, links, icons } = part;
  return { headings, ids, links, icons, text: written.slice(0, -END_TEXT.length), urls };
}

/** The title block and contents: the same text as the HTML handbook shows. */
function titlePart(document: HandbookDocument): ReadPart {
  const { words } = document;
  return readPart(
    [h('p', words.handbookTitle), h('h1', { id: '' }, document.title), h('p', `${words.languageLine} · ${words.generatedOn}`), h('p', words.articleCount), h('h2', { id: '' }, words.contents), tocList(document.toc)],
    new Set(),
  );
}

/** An article: its title, notice and body reshaped into plain elements Markdown has. */
function articlePart(article: HandbookArticle): ReadPart {
  const icons = new Set<string>();
  const body = structuredClone(article.body);
  reshape(body, icons);
  return readPart([h('h1', { id: article.id }, article.title), ...(article.notice ? [quote([h('p', [h('em', article.notice)])])] : []), ...(body.children as ElementContent[])], icons);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Every id of the handbook → the id it has where GitHub shows the file: headings get GitHub's
 * anchors (from their text, numbered on repeats); any other id points at the heading before it.
 */
function githubAnchors(parts: readonly PartShape[]): Map<string, string> {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  for (const part of parts) {
    for (const [text, id] of part.headings) {
      const slug = slugger.slug(text);
      if (id) anchors.set(id, slug);
    }
  }
  let heading: string | undefined;
  for (const part of parts) {
    for (const [id, isHeading] of part.ids) {
      if (isHeading) heading = id;
      else if (!anchors.has(id) && heading && anchors.has(heading)) anchors.set(id, anchors.get(heading)!);
    }
  }
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

/**
 * The handbook as one Markdown file. With `fragments`, an article written by an earlier build is
 * not read or written again unless its links now point at other anchors.
 */
export function renderMarkdownHandbook(document: HandbookDocument, fragments?: ArticleFragments): { markdown: string; icons: string[] } {
  const earlier = document.articles.map((article) => fragments?.rendered(article, 'md') as WrittenPart | undefined);
  const read = document.articles.map((article, k) => (earlier[k] ? undefined : articlePart(article)));
  const title = titlePart(document);
  const anchors = githubAnchors([title, ...document.articles.map((_, k) => (earlier[k] ?? read[k])!)]);
  const urlsOf = (part: PartShape) => part.links.map((id) => `#${anchors.get(id) ?? ''}`);
  const texts = [writePart(title, urlsOf(title)).text];
  for (const [k, article] of document.articles.entries()) {
    const known = earlier[k];
    const urls = urlsOf((known ?? read[k])!);
    if (known && sameList(known.urls, urls)) {
      texts.push(known.text);
      continue;
    }
    const part = writePart(read[k] ?? articlePart(article), urls);
    fragments?.keepRendered(article, 'md', part);
    texts.push(part.text);
  }
  let markdown = texts.join('\n\n');
  // As remark-stringify ends a file: with one line break, unless it already ends with one.
  if (!/[\n\r]$/.test(markdown)) markdown += '\n';
  return { markdown, icons: [...new Set([...earlier, ...read].flatMap((part) => part?.icons ?? []))].sort() };
}

export const markdownWriter: Writer = {
  format: 'md',
  extension: 'md',
  description: 'one GitHub-flavoured Markdown file per category (output/<lang>/<category>.md), pictures and icons beside it',
  write(document, outDir, run) {
    const file = join(outDir, `${document.fileName}.md`);
    const { markdown, icons } = renderMarkdownHandbook(document, run?.fragments);
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
