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
import { kramdownTables } from './kramdown-tables.ts';
import remarkNoAutolinkLiterals from './no-autolink-literals.ts';
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
  /**
   * Reports a problem near a line of the published text; `kind` groups it in the summary, `needle`
   * is the text that is wrong as the source article writes it (to report the source line).
   */
  readonly warn: (line: number, kind: string, message: string, needle?: string) => void;
  /** The source language, when the text may hold fallback markers (a localized handbook). */
  readonly fallbackLanguage?: string;
  /** Receives every image the article shows, as a path in the images folder; false when it is missing. */
  readonly useImage: (path: string, line: number) => boolean;
  /** The public address of an article outside this handbook. */
  readonly articleUrl: (slug: string) => string;
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkNoAutolinkLiterals).use(remarkFrontmatter, ['yaml']);

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

function setHeadingIds(tree: MdastRoot, slug: string, text: string): void {
  const anchors = new AnchorSet();
  visit(tree, 'heading', (node: Heading) => {
    const last = node.children[node.children.length - 1];
    let id: string | undefined;
    if (last?.type === 'text') {
      const pinned = /\s*\{:?\s*#([\w-]+)\s*\}\s*$/.exec(last.value);
      // `\{#x}` is text a translator typed (escaped when published), not an id kramdown reads.
      const written = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? text.length);
      if (pinned && !/\\\{:?\s*#[\w-]+\s*\}[\s#]*$/.test(written)) {
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
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      node.properties.href = linkTarget(node.properties.href, context, line);
      // An address shown as the link text reads left to right in every page.
      if (/^(?:https?:\/\/|www\.|mailto:)\S+$/.test(toString(node).trim())) node.properties.dir = 'ltr';
    }
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

/**
 * Text (in code, or where a code fence swallowed the Markdown) reads as the source wrote it:
 * `{{site.baseurl}}` as the site's address, as Jekyll prints it, and a kramdown attribute list that
 * asKramdownReads made a comment as its `{:…}` again.
 */
function sourceTextInText(tree: HastRoot, siteUrl: string): void {
  const base = siteUrl.replace(/\/+$/, '');
  visit(tree, 'text', (node) => {
    if (node.value.includes(SITE_LINK)) node.value = node.value.replaceAll(SITE_LINK, base);
    if (node.value.includes(IAL_COMMENT)) node.value = node.value.replace(/<!--ial ([^\n]*?)-->/g, '{:$1}');
  });
}

/** `%C3%A9` decoded; a malformed escape (`%E0%A4%A`) is kept as written, so the link is reported, not fatal. */
function decodeAnchor(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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
    const anchor = decodeAnchor(href.slice(1));
    if (anchor && !context.inHandbook.get(context.slug)?.anchors.has(anchor)) {
      // Reported, and pointed at the article itself so the link still lands.
      context.warn(line, 'missing-anchor', `link to #${anchor}: no such heading in this article`, `#${anchor}`);
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
      context.warn(line, 'missing-anchor', `link to ${path}: article "${slug}" has no heading #${hash}`, path);
      return `#${slug}`;
    }
    return `#${hash ? scopedId(slug, hash) : slug}`;
  }
  if (/^\/article\//.test(normalized) && !(slug && context.known.has(slug))) context.warn(line, 'missing-article', `link to ${path}: no such article in the help center`, path);
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

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'figcaption', 'dt', 'dd']);

/** Inline elements that hold no words of any language: code, keys, icons, pictures, line breaks. */
const WORDLESS = new Set(['code', 'kbd', 'br', 'img', 'i']);

const isFallbackSpan = (node: ElementContent, language: string): boolean =>
  node.type === 'element' && node.tagName === 'span' && node.properties.lang === language && Object.keys(node.properties).length === 2;

/** Nothing of a language: white space, punctuation, a code span, an icon, a web or mail address (a link showing it has `dir="ltr"`, no `lang`). */
const isWordless = (node: ElementContent): boolean => {
  if (node.type === 'text') return !/[\p{L}\p{N}]/u.test(node.value.replace(ADDRESS, ''));
  if (node.type !== 'element') return true;
  if (node.tagName === 'a' || node.tagName === 'span') return node.properties.dir === 'ltr' && node.properties.lang === undefined;
  return WORDLESS.has(node.tagName) && !(node.tagName === 'i' && node.children.length > 0);
};

/** A block already in the source language, a list of such items, or a code block (no language). */
const isFallbackBlock = (node: ElementContent, language: string): boolean =>
  node.type === 'element' &&
  !PHRASING.has(node.tagName) &&
  (node.properties.lang === language ||
    node.tagName === 'pre' ||
    ((node.tagName === 'ul' || node.tagName === 'ol') && node.children.every((item) => item.type !== 'element' || item.properties.lang === language)));

/**
 * A block whose whole text fell back (a paragraph, a heading, a cell, a list item and the list in
 * it) takes the language and direction itself, so it is also laid out left to right (aligned,
 * bulleted) in a right-to-left page. Code, icons, addresses and punctuation beside the fallback text
 * (a unit's own codes at its ends stand outside it: "Using the command `bw get fingerprint me`")
 * leave it a fallback block. Inner blocks first, so a list item sees whether its list fell back.
 */
function liftWholeBlocks(node: HastRoot | Element, language: string): void {
  for (const child of node.children) if (child.type === 'element') liftWholeBlocks(child, language);
  if (node.type === 'element' && node.tagName === 'table') return liftWholeTable(node, language);
  if (node.type !== 'element' || !BLOCKS.has(node.tagName)) return;
  const fallback = (c: ElementContent) => c.type === 'element' && (isFallbackSpan(c, language) || (!PHRASING.has(c.tagName) && c.properties.lang === language));
  const children = node.children as ElementContent[];
  if (!children.some(fallback) || !children.every((c) => isFallbackSpan(c, language) || isWordless(c) || isFallbackBlock(c, language))) return;
  node.properties = { ...node.properties, lang: language, dir: 'ltr' };
  node.children = children.flatMap((c) => (c.type === 'element' && isFallbackSpan(c, language) ? c.children : [c]));
}

/** A table whose every cell with words fell back is in the source language too: its columns run left to right. */
function liftWholeTable(table: Element, language: string): void {
  let fallback = 0;
  let other = 0;
  visit(table, 'element', (cell: Element) => {
    if (cell.tagName !== 'td' && cell.tagName !== 'th') return;
    if (cell.properties.lang === language) fallback++;
    else if (!(cell.children as ElementContent[]).every(isWordless)) other++;
    return SKIP;
  });
  if (fallback > 0 && other === 0) table.properties = { ...table.properties, lang: language, dir: 'ltr' };
}

/** Whether a subtree holds a fallback marker anywhere in its text. */
function hasMarker(node: ElementContent): boolean {
  if (node.type === 'text') return /[\u2E28\u2E29]/.test(node.value);
  return node.type === 'element' && node.children.some(hasMarker);
}

const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** The label the handbook adds to a callout, in its own language: never fallback text. */
const OWN_WORDS = new Set(['callout-label']);

/**
 * Wraps the text between fallback markers in `span lang dir`, in document order: a run of siblings
 * inside the markers becomes one span (so a sentence keeps its order and its punctuation), and a
 * fallback that crosses into another block (a list item's text and the callout inside it) is
 * wrapped level by level. Returns whether the fallback is still open after `parent`.
 */
function wrapFallbacks(parent: HastRoot | Element, language: string, open: boolean): boolean {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  let phrase: ElementContent[] = [];
  const wrap = () => {
    if (phrase.some((c) => c.type !== 'text' || c.value.trim() !== '')) out.push(h('span', { lang: language, dir: 'ltr' }, phrase));
    else out.push(...phrase);
    phrase = [];
  };
  // Text and inline elements go into one span; a block inside the run takes the language itself.
  const flush = () => {
    for (const node of run) {
      if (node.type === 'element' && !PHRASING.has(node.tagName)) {
        wrap();
        node.properties = { lang: language, dir: 'ltr', ...node.properties };
        out.push(node);
      } else phrase.push(node);
    }
    wrap();
    run = [];
  };
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'text') {
      const pieces = child.value.split(/([\u2E28\u2E29])/);
      for (const piece of pieces) {
        if (piece === FALLBACK_START || piece === FALLBACK_END) {
          if (open) flush();
          open = piece === FALLBACK_START;
        } else if (piece !== '') (open ? run : out).push({ type: 'text', value: piece });
      }
    } else if (child.type === 'element' && (classes(child).some((c) => OWN_WORDS.has(c)) || !hasMarker(child))) {
      // An element without markers belongs to the run it stands in; the handbook's own labels never do.
      if (open && !classes(child).some((c) => OWN_WORDS.has(c))) run.push(child);
      else {
        flush();
        out.push(child);
      }
    } else if (child.type === 'element') {
      flush();
      open = wrapFallbacks(child, language, open);
      out.push(child);
    } else (open ? run : out).push(child);
  }
  flush();
  parent.children = out as typeof parent.children;
  return open;
}

/** Text between fallback markers gets its own language and direction; every other marker goes. */
function isolateFallbacks(tree: HastRoot, language: string | undefined): void {
  if (language) {
    wrapFallbacks(tree, language, false);
    liftWholeBlocks(tree, language);
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
const IAL_COMMENT = '<!--ial ';
function asKramdownReads(text: string): string {
  return text.replace(/([\u2E28\u2E29]+)(\{:[^}\n]*\})/g, '$2$1').replace(/(?<=[)\]])\{:\s*([^}\n]*)\}/g, (_, body: string) => `${IAL_COMMENT}${body.replace(/--/g, '')}-->`).replace(/^([ \t]*<br\s*\/?>)[ \t]*\n(?=[ \t]*[^\s<])/gm, '$1');
}

/** The article's body as a sanitized HTML tree. */
export function articleHast(localized: string, bodyStart: number, context: ArticleHtmlContext): HastRoot {
  const liquid = publishLiquid(localized, bodyStart, context);
  for (const warning of liquid.warnings) context.warn(localized.slice(0, warning.offset).split('\n').length, warning.kind, warning.message, warning.needle);
  const text = asKramdownReads(liquid.markdown);
  const mdast = markdown.parse(text) as MdastRoot;
  kramdownTables(mdast, text, (cell) => markdown.parse(cell) as MdastRoot);
  mdast.children = mdast.children.filter((node) => node.type !== 'yaml');
  applyKramdownAttributes(mdast);
  setHeadingIds(mdast, context.slug, text);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).runSync(mdast) as HastRoot;
  tabsToSections(hast);
  closeHeadingGaps(hast);
  iframesToLinks(hast);
  rewriteLinks(hast, context);
  sourceTextInText(hast, context.siteUrl);
  dropEmptyFigures(hast);
  // Relative image paths are allowed by the sanitizer only as plain paths, not other protocols.
  const clean = unified().use(rehypeSanitize, schema).runSync(hast) as HastRoot;
  isolateFallbacks(clean, context.fallbackLanguage);
  isolateAddresses(clean);
  return clean;
}

/** A web or mail address written as text (kramdown makes no link of it). */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?)'"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Elements whose text is already laid out on its own: links, code, and anything with a direction. */
const LAID_OUT = new Set(['a', 'code', 'pre', 'kbd', 'script', 'style']);

/**
 * An address in running text reads left to right in every page: in a right-to-left handbook its
 * slashes and dots would otherwise be reordered, so it gets its own `span dir="ltr"`.
 */
function isolateAddresses(tree: HastRoot): void {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || parent.type !== 'element' || LAID_OUT.has(parent.tagName) || parent.properties.dir !== undefined) return;
    const pieces: ElementContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(ADDRESS)) {
      if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
      pieces.push(h('span', { dir: 'ltr' }, match[0]));
      last = match.index + match[0].length;
    }
    if (pieces.length === 0) return;
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
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
