// The Markdown parser: remark's (micromark and mdast-util-from-markdown) with remark-gfm and YAML
// front matter, giving the tree `unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter,
// ['yaml']).parse(text)` gives, faster. Micromark tries every construct of an extension wherever it
// could start: the e-mail autolink at the start of every word, the table at the start of every line.
// A GFM construct that cannot start without certain characters is left out of the parse of a text
// that does not hold them (an article without `@` is parsed without the e-mail autolink), and the
// autolink-literal transform (a search over every text node) runs only when a text node holds what
// it looks for. Same tree, position for position (test/parse/markdown-parser.test.ts compares
// both parsers on the corpus and on generated texts).
import type { Root } from 'mdast';
import { fromMarkdown, remarkFrontmatter, remarkGfm, unified, type FromMarkdownOptions, type MdastExtension } from './libraries.ts';

type SyntaxExtension = NonNullable<FromMarkdownOptions['extensions']>[number];

/** What each autolink literal needs in its text; also what the autolink-literal transform's gate looks for. */
const AUTOLINK_NEEDS = [
  // `a@b.example`: an e-mail needs its `@`.
  { name: 'emailAutolink', pattern: /@/ },
  { name: 'wwwAutolink', pattern: /www\./i },
  { name: 'protocolAutolink', pattern: /https?:\/\//i },
] as const;

/**
 * The GFM constructs (by micromark construct name) that can only match in a text where `holds`
 * is true: without those characters each attempt fails and leaves the events as they were.
 * A construct not named here is always used.
 */
const CONSTRUCT_NEEDS: readonly { readonly names: readonly string[]; readonly holds: (text: string) => boolean }[] = [
  ...AUTOLINK_NEEDS.map(({ name, pattern }) => ({ names: [name], holds: (text: string) => pattern.test(text) })),
  // `[^1]` and `[^1]: note`.
  { names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'], holds: (text) => text.includes('[^') },
  { names: ['strikethrough'], holds: (text) => text.includes('~') },
  // A table needs a `|`, or a delimiter row with an alignment colon (`a` over `:-` is a table).
  { names: ['table'], holds: (text) => /\||:-|-:/.test(text) },
  // `[ ]`, `[x]` (a line ending may stand for the blank).
  { names: ['tasklistCheck'], holds: (text) => /\[[\t\n\r xX]/.test(text) },
];

/** What remark-gfm and remark-frontmatter add to remark-parse, taken from the plugins themselves. */
function remarkExtensions(): { syntax: SyntaxExtension[]; mdast: MdastExtension[] } {
  const processor = unified().use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
  return {
    syntax: [...(processor.data('micromarkExtensions') ?? [])],
    mdast: [...(processor.data('fromMarkdownExtensions') ?? [])].flat(Infinity) as MdastExtension[],
  };
}

const REMARK = remarkExtensions();

/** The autolink-literal extension's transforms (it alone has `literalAutolink` tokens), run only when needed. */
const AUTOLINK_TRANSFORMS = REMARK.mdast.filter((extension) => extension.enter && 'literalAutolink' in extension.enter).flatMap((extension) => extension.transforms ?? []);
const MDAST_EXTENSIONS: MdastExtension[] = REMARK.mdast.map((extension) =>
  extension.transforms?.some((transform) => AUTOLINK_TRANSFORMS.includes(transform))
    ? { ...extension, transforms: extension.transforms.filter((transform) => !AUTOLINK_TRANSFORMS.includes(transform)) }
    : extension,
);
/** Every match of the autolink-literal transform holds one of these (its URL, www and e-mail patterns): what the three autolinks need. */
const AUTOLINK_TEXT = new RegExp(AUTOLINK_NEEDS.map(({ pattern }) => pattern.source).join('|'), 'i');

/** A copy of a syntax extension without the constructs named in `left`, every list in its order. */
function without(extension: SyntaxExtension, left: ReadonlySet<string>): SyntaxExtension {
  const copy: Record<string, unknown> = {};
  for (const [hook, record] of Object.entries(extension)) {
    if (record === undefined || record === null || typeof record !== 'object') {
      copy[hook] = record;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [code, value] of Object.entries(record as Record<string, unknown>)) {
      const named = (item: unknown) => typeof item === 'object' && item !== null && left.has((item as { name?: string }).name ?? '');
      if (Array.isArray(value)) {
        const list = value.filter((item) => !named(item));
        if (list.length > 0) kept[code] = list;
      } else if (!named(value)) kept[code] = value;
    }
    copy[hook] = kept;
  }
  return copy as SyntaxExtension;
}

const syntaxFor = new Map<string, SyntaxExtension[]>();

/** The syntax extensions for a text: remark-gfm's without the constructs that cannot match in it. */
function syntaxExtensions(text: string): SyntaxExtension[] {
  const left = CONSTRUCT_NEEDS.filter((need) => !need.holds(text)).flatMap((need) => need.names);
  const key = left.join(' ');
  let extensions = syntaxFor.get(key);
  if (!extensions) {
    const names = new Set(left);
    extensions = names.size === 0 ? REMARK.syntax : REMARK.syntax.map((extension) => without(extension, names));
    syntaxFor.set(key, extensions);
  }
  return extensions;
}

/** True when a text node outside links (the transform leaves those alone) holds what the transform looks for. */
function hasAutolinkText(node: { type: string; value?: unknown; children?: unknown[] }): boolean {
  if (node.type === 'text') return typeof node.value === 'string' && AUTOLINK_TEXT.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference') return false;
  for (const child of node.children ?? []) if (hasAutolinkText(child as typeof node)) return true;
  return false;
}

interface Located {
  type: string;
  value?: string;
  children?: Located[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/** The length of the source a node made by the autolink transform stands for: its text (a link's children's). */
const sourceLength = (node: Located): number => (node.type === 'text' ? (node.value ?? '').length : (node.children ?? []).reduce((sum, child) => sum + sourceLength(child), 0));

/**
 * The autolink-literal transform splits a text node into text and links that carry no position
 * (`Aaa www.` becomes text, a link, text). Every node the units are read from needs one: a run of
 * such nodes covers the source between its positioned neighbours, and is placed in it piece by
 * piece when their texts are that long (literal text, as the transform only splits plain text);
 * otherwise (escapes or entities in the run) the run becomes one text node of its source.
 */
function placeTransformed(parent: Located, text: string): void {
  if (!parent.children || !parent.position) return;
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    if (children[i]!.position) {
      placeTransformed(children[i]!, text);
      continue;
    }
    let j = i;
    while (j < children.length && !children[j]!.position) j++;
    const start = i > 0 ? children[i - 1]!.position!.end.offset! : firstContentOffset(parent, children);
    const end = j < children.length ? children[j]!.position!.start.offset! : lastContentOffset(parent, children);
    const run = children.slice(i, j);
    if (run.reduce((sum, node) => sum + sourceLength(node), 0) === end - start) {
      let at = start;
      for (const node of run) at = place(node, at, text);
    } else {
      children.splice(i, j - i, { type: 'text', value: text.slice(start, end), position: span(text, start, end) });
      j = i + 1;
    }
    i = j - 1;
  }
}

/** Where a parent's content starts and ends when its first or last child has no position: its own bounds (a paragraph's). */
const firstContentOffset = (parent: Located, children: Located[]): number => children.find((c) => c.position)?.position!.start.offset ?? parent.position!.start.offset!;
const lastContentOffset = (parent: Located, children: Located[]): number => [...children].reverse().find((c) => c.position)?.position!.end.offset ?? parent.position!.end.offset!;

/** Gives `node` (and a link's children) the source from `at` on; returns where it ends. */
function place(node: Located, at: number, text: string): number {
  let end = at;
  if (node.type === 'text') end = at + (node.value ?? '').length;
  else for (const child of node.children ?? []) end = place(child, end, text);
  node.position = span(text, at, end);
  return end;
}

/** A position from offsets, with lines and columns counted in `text`. */
function span(text: string, start: number, end: number): NonNullable<Located['position']> {
  const point = (offset: number) => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let line = 1;
    for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
    return { line, column: offset - lineStart + 1, offset };
  };
  return { start: point(start), end: point(end) };
}

/** The tree, and whether the autolink-literal transform ran on it (only its nodes can lack a position). */
function parseWithTransforms(text: string): { tree: Root; transformed: boolean } {
  let tree = fromMarkdown(text, { extensions: syntaxExtensions(text), mdastExtensions: MDAST_EXTENSIONS });
  if (AUTOLINK_TRANSFORMS.length === 0 || !hasAutolinkText(tree)) return { tree, transformed: false };
  for (const transform of AUTOLINK_TRANSFORMS) tree = transform(tree) || tree;
  return { tree, transformed: true };
}

/** Parses Markdown (GFM, YAML front matter) into mdast with source positions, as remark does. */
export function parseMarkdown(text: string): Root {
  return parseWithTransforms(text).tree;
}

/** `parseMarkdown` with every node placed in the source, as the units are read from it (see `placeTransformed`). */
export function parseMarkdownPlaced(text: string): Root {
  const { tree, transformed } = parseWithTransforms(text);
  if (transformed) placeTransformed(tree as Located, text);
  return tree;
}
