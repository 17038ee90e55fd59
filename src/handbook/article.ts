// One localized article as a clean, sanitized HTML tree (hast): Liquid resolved, Markdown and the
// article's raw HTML read by unified, tabs made into titled sections, ids made unique across the
// handbook, site links pointed into the document and text that fell back to the source language
// isolated with its own `lang` and direction. Every writer (html, md, pdf) reads this tree.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Heading, Text } from 'mdast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { AnchorSet, kramdownId } from '../model/anchor.ts';
import { IMAGE_LINK, publishLiquid, SITE_LINK, type PublishOptions } from './publish-liquid.ts';

/**
 * Put around the source text of a unit that has no translation, so the tree can give that text its
 * own language and direction. Punctuation (Unicode Ps/Pe), so Markdown's emphasis rules read the
 * text next to them as they would read it at the start or end of a block.
 */
export const FALLBACK_START = '\u2E28';
export const FALLBACK_END = '\u2E29';
const MARKERS = /[\u2E28\u2E29]/g;

export interface LinkTarget {
  /** Heading ids (kramdown's) of the article. */
  readonly anchors: ReadonlySet<string>;
}

export interface ArticleHtmlContext extends PublishOptions {
  /** The article's id in the handbook (its file name without `.md`). */
  readonly slug: string;
  /** Articles in this handbook, by slug: links to them stay in the document. */
  readonly inHandbook: ReadonlyMap<string, LinkTarget>;
  /** Every article of the help center by slug, and `redirect_from` aliases by path. */
  readonly known: ReadonlySet<string>;
  readonly redirects: ReadonlyMap<string, string>;
  /** The public site, for links to articles outside this handbook. */
  readonly siteUrl: string;
  /** Reports a problem at a line of the article; `kind` groups it in the summary. */
  readonly warn: (line: number, kind: string, message: string) => void;
  /** The source language, when the text may hold fallback markers (a localized handbook). */
  readonly fallbackLanguage?: string;
  /** Receives every image the article shows, as a path in the images folder; false when it is missing. */
  readonly useImage: (path: string, line: number) => boolean;
  /** The public address of an article outside this handbook. */
  readonly articleUrl: (slug: string) => string;
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The id of a heading or element inside the handbook: unique across articles. */
export const scopedId = (slug: string, id: string) => `${slug}--${id}`;

const IAL = /^\{:\s*([^}]*)\}/;
const ATTRIBUTE = /([\w-]+)="([^"]*)"?/g;

/** kramdown attribute lists after links (`{:target="_blank"}`) and `{#id}` after headings. */
function applyKramdownAttributes(tree: MdastRoot): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined || (node.type !== 'text' && node.type !== 'html')) return;
    const previous = parent.children[index - 1];
    const value = (node as Text).value;
    const match = node.type === 'html' ? /^<!--ial ([^>]*)-->$/.exec(value) : IAL.exec(value);
    if (!match || (previous?.type !== 'link' && previous?.type !== 'linkReference')) return;
    const properties: Record<string, string> = {};
    for (const [, name, value] of match[1]!.replace(/\\_/g, '_').matchAll(ATTRIBUTE)) if (name === 'target' || name === 'rel') properties[name] = value!;
    // `target="blank"` is a common slip for `_blank`: both open a new window.
    if (properties.target === 'blank') properties.target = '_blank';
    if (properties.target === '_blank') properties.rel = 'noopener';
    previous.data = { ...previous.data, hProperties: properties };
    (node as Text).value = value.slice(match[0].length);
  });
}

function setHeadingIds(tree: MdastRoot, slug: string): void {
  const anchors = new AnchorSet();
  visit(tree, 'heading', (node: Heading) => {
    const last = node.children[node.children.length - 1];
    let id: string | undefined;
    if (last?.type === 'text') {
      const pinned = /\s*\{:?\s*#([\w-]+)\s*\}\s*$/.exec(last.value);
      if (pinned) {
        id = pinned[1]!;
        last.value = last.value.slice(0, pinned.index);
      }
    }
    id ??= anchors.take(kramdownId(textOf(node)));
    node.data = { ...node.data, hProperties: { id: scopedId(slug, id) } };
  });
}

function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return (node.value ?? '').replace(MARKERS, '');
  return (node.children ?? []).map((c) => textOf(c as typeof node)).join('');
}

const classes = (node: Element): string[] => {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

/** Print has no tabs: the tab panes become one `section.tabs` of `section.tab`s, each titled with its tab's label. */
function tabsToSections(tree: HastRoot): void {
  const labels = new Map<string, string>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!classes(node).includes('nav-tabs') || !parent || index === undefined) return;
    visit(node, 'element', (link: Element) => {
      const target = String(link.properties.dataTarget ?? link.properties.href ?? '').replace(/^#/, '');
      if (link.tagName === 'a' && target) labels.set(target, toString(link).trim());
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  visit(tree, 'element', (node: Element) => {
    if (classes(node).includes('tab-content')) {
      node.tagName = 'section';
      node.properties = { className: ['tabs'] };
      return;
    }
    if (!classes(node).includes('tab-pane')) return;
    const label = labels.get(String(node.properties.id ?? ''));
    node.tagName = 'section';
    node.properties = { className: ['tab'] };
    if (label) node.children.unshift(h('p', { className: ['tab-title'] }, label));
  });
}

/**
 * Headings never skip a level under the article's title (h1): a `####` right after a `##` becomes
 * an h3, as outline tools and validators expect. Ids stay as they were.
 */
function closeHeadingGaps(tree: HastRoot): void {
  let previous = 1;
  visit(tree, 'element', (node: Element) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!level) return;
    const fixed = Math.min(Number(level), previous + 1);
    node.tagName = `h${fixed}`;
    previous = fixed;
  });
}

/** Embedded players cannot print: an iframe becomes a link to what it shows. */
function iframesToLinks(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'iframe' || !parent || index === undefined) return;
    const src = String(node.properties.src ?? '');
    parent.children[index] = h('p', { className: ['embed'] }, [h('a', { href: src }, src)]);
  });
}

function rewriteLinks(tree: HastRoot, context: ArticleHtmlContext): void {
  const ids = new AnchorSet();
  visit(tree, 'element', (node: Element, index, parent) => {
    const line = node.position?.start.line ?? 1;
    if (node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = linkTarget(node.properties.href, context, line);
    if (node.tagName === 'img' && typeof node.properties.src === 'string') {
      const src = node.properties.src;
      const path = src.startsWith(IMAGE_LINK) ? src.slice(IMAGE_LINK.length) : /^(?:\.\.\/)*images\/(.+)$/.exec(src)?.[1];
      if (path && !context.useImage(path, line) && parent && index !== undefined) {
        // A missing picture is reported and leaves no broken image; a figure keeps its caption
        // in a placeholder (figure.missing) so the reader sees what the picture showed.
        parent.children.splice(index, 1);
        if (parent.type === 'element' && parent.tagName === 'figure') parent.properties = { className: ['missing'] };
        return [SKIP, index];
      }
      if (path) node.properties.src = path;
      // An image without a text alternative is decorative.
      node.properties.alt ??= '';
    }
    if (node.properties.id !== undefined) {
      // Unique across the handbook: scoped by article, numbered when an article repeats an id.
      const id = String(node.properties.id);
      node.properties.id = ids.take(id.startsWith(`${context.slug}--`) ? id : scopedId(context.slug, id));
    }
  });
}

/** A missing picture without a caption leaves nothing to show. */
function dropEmptyFigures(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'figure' || !parent || index === undefined || node.children.some((c) => c.type === 'element')) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

function linkTarget(href: string, context: ArticleHtmlContext, line: number): string {
  if (href.startsWith('#')) {
    const anchor = decodeURIComponent(href.slice(1));
    if (anchor && !context.inHandbook.get(context.slug)?.anchors.has(anchor)) {
      // Reported, and pointed at the article itself so the link still lands.
      context.warn(line, 'missing-anchor', `link to #${anchor}: no such heading in this article`);
      return `#${context.slug}`;
    }
    return anchor ? `#${scopedId(context.slug, anchor)}` : `#${context.slug}`;
  }
  if (!href.startsWith(SITE_LINK)) return href;
  const path = href.slice(SITE_LINK.length);
  const [pathname = '', hash = ''] = path.split('#');
  const normalized = `/${pathname.replace(/^\/+|\/+$/g, '')}/`;
  const slug = /^\/article\/([^/]+)\/$/.exec(normalized)?.[1] ?? context.redirects.get(normalized);
  if (slug && context.inHandbook.has(slug)) {
    if (hash && !context.inHandbook.get(slug)!.anchors.has(hash)) {
      context.warn(line, 'missing-anchor', `link to ${path}: article "${slug}" has no heading #${hash}`);
      return `#${slug}`;
    }
    return `#${hash ? scopedId(slug, hash) : slug}`;
  }
  if (/^\/article\//.test(normalized) && !(slug && context.known.has(slug))) context.warn(line, 'missing-article', `link to ${path}: no such article in the help center`);
  const base = context.siteUrl.replace(/\/+$/, '');
  return `${slug ? context.articleUrl(slug) : `${base}${normalized}`}${hash ? `#${hash}` : ''}`;
}

/** The default allow-list's attributes without its class restrictions (they would empty `section.tab`'s class). */
const defaultAttributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'))]),
);

/** What a handbook may hold: the default allow-list, plus classes, ids and the few attributes articles need. */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'section', 'aside', 'bdi', 'kbd', 'span', 'div', 'mark'],
  attributes: {
    ...defaultAttributes,
    '*': [...(defaultAttributes['*'] ?? []), 'className', 'id', 'title', 'ariaHidden', 'lang', 'dir'],
    a: [...(defaultAttributes.a ?? []), 'target', 'rel'],
    img: [...(defaultAttributes.img ?? []), 'alt', 'width', 'height'],
    aside: ['dataCallout'],
    i: ['dataIcon'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/** Text between fallback markers gets its own language and direction; every other marker goes. */
function isolateFallbacks(tree: HastRoot, language: string | undefined): void {
  if (language) {
    visit(tree, (node) => {
      if (node.type !== 'element' && node.type !== 'root') return;
      const children = (node as Element).children;
      for (let i = 0; i < children.length; i++) {
        const start = children[i]!;
        const at = start.type === 'text' ? start.value.indexOf(FALLBACK_START) : -1;
        if (at < 0 || start.type !== 'text') continue;
        // The end marker among the following text at this level (or in the same text node).
        let j = i;
        let end = -1;
        for (; j < children.length; j++) {
          const child = children[j]!;
          if (child.type !== 'text') continue;
          end = child.value.indexOf(FALLBACK_END, j === i ? at : 0);
          if (end >= 0) break;
        }
        if (end < 0) {
          start.value = start.value.slice(0, at) + start.value.slice(at + 1);
          i--;
          continue;
        }
        const last = children[j] as typeof start;
        const before = start.value.slice(0, at);
        const after = last.value.slice(end + 1);
        const inner: ElementContent[] =
          i === j
            ? [{ type: 'text', value: start.value.slice(at + 1, end) }]
            : [{ type: 'text', value: start.value.slice(at + 1) }, ...(children.slice(i + 1, j) as ElementContent[]), { type: 'text', value: last.value.slice(0, end) }];
        const span = h('span', { lang: language, dir: 'ltr' }, inner.filter((c) => c.type !== 'text' || c.value !== ''));
        const replacement: ElementContent[] = [...(before ? [{ type: 'text' as const, value: before }] : []), span, ...(after ? [{ type: 'text' as const, value: after }] : [])];
        children.splice(i, j - i + 1, ...(replacement as typeof children));
        i += before ? 1 : 0;
      }
    });
  }
  visit(tree, (node) => {
    if (node.type === 'text') node.value = node.value.replace(MARKERS, '');
    if (node.type === 'element') {
      for (const [key, value] of Object.entries(node.properties)) if (typeof value === 'string') node.properties[key] = value.replace(MARKERS, '');
    }
  });
}

/**
 * Where kramdown and CommonMark read the same text differently, say it kramdown's way first:
 * an attribute list after a link becomes an HTML comment that cannot pair with emphasis
 * (`{:target="_blank"}` has underscores), and a `<br>` alone on a line joins the next line, which
 * kramdown reads as one paragraph (CommonMark would make the text raw HTML).
 */
function asKramdownReads(text: string): string {
  return text.replace(/(?<=[)\]])\{:\s*([^}\n]*)\}/g, (_, body: string) => `<!--ial ${body.replace(/--/g, '')}-->`).replace(/^([ \t]*<br\s*\/?>)[ \t]*\n(?=[ \t]*[^\s<])/gm, '$1');
}

/** The article's body as a sanitized HTML tree. */
export function articleHast(localized: string, bodyStart: number, context: ArticleHtmlContext): HastRoot {
  const liquid = publishLiquid(localized, bodyStart, context);
  for (const warning of liquid.warnings) context.warn(localized.slice(0, warning.offset).split('\n').length, warning.kind, warning.message);
  const mdast = markdown.parse(asKramdownReads(liquid.markdown)) as MdastRoot;
  mdast.children = mdast.children.filter((node) => node.type !== 'yaml');
  applyKramdownAttributes(mdast);
  setHeadingIds(mdast, context.slug);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).runSync(mdast) as HastRoot;
  tabsToSections(hast);
  closeHeadingGaps(hast);
  iframesToLinks(hast);
  rewriteLinks(hast, context);
  dropEmptyFigures(hast);
  // Relative image paths are allowed by the sanitizer only as plain paths, not other protocols.
  const clean = unified().use(rehypeSanitize, schema).runSync(hast) as HastRoot;
  isolateFallbacks(clean, context.fallbackLanguage);
  return clean;
}

export function headingsOf(tree: HastRoot): { level: number; id: string; text: string }[] {
  const found: { level: number; id: string; text: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    const level = /^h([2-3])$/.exec(node.tagName)?.[1];
    if (level && node.properties.id) found.push({ level: Number(level), id: String(node.properties.id), text: toString(node).trim() });
  });
  return found;
}

export type { ElementContent };
