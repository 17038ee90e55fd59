// What must not change when only text is translated: node types and nesting, URLs, code, HTML tags, Liquid.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes } from 'mdast';
import remarkNoAutolinkLiterals from '../../src/handbook/no-autolink-literals.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkNoAutolinkLiterals).use(remarkFrontmatter, ['yaml']);
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Liquid with translatable arguments (image captions) reduced to its tag and first argument. */
function liquidOf(text: string): string[] {
  return (text.match(LIQUID) ?? []).map((tag) => tag.replace(/^\{%\s*image\s+(\S+)[\s\S]*%\}$/, '{% image $1 %}'));
}

function tagsOf(html: string): string[] {
  return (html.match(/<[^>]+>/g) ?? []).map((tag) => tag.replace(/\s(alt|title)\s*=\s*("[^"]*"|'[^']*')/g, ''));
}

/** Liquid is run on the raw text before Markdown, so it is looked for in the raw bytes of text nodes. */
function rawOf(node: Nodes, markdown: string): string {
  return markdown.slice(node.position!.start.offset, node.position!.end.offset);
}

/** The tree as kramdown reads it: bare addresses are text, not links (no GFM autolink literals). */
const treeOf = (markdown: string) => parser.parse(markdown) as Nodes;

function signature(node: Nodes, markdown: string): unknown {
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  const merged: unknown[] = [];
  let liquid: string[] = [];
  for (const child of children) {
    if (child.type === 'text') {
      liquid.push(...liquidOf(rawOf(child, markdown)));
      continue;
    }
    if (liquid.length) merged.push({ liquid }), (liquid = []);
    merged.push(signature(child, markdown));
  }
  if (liquid.length) merged.push({ liquid });
  switch (node.type) {
    case 'link':
      return { type: 'link', url: node.url, children: merged };
    case 'image':
      return { type: 'image', url: node.url };
    case 'code':
    case 'inlineCode':
      return { type: node.type, value: node.value };
    case 'html':
      return { type: 'html', tags: tagsOf(node.value), liquid: liquidOf(node.value) };
    case 'yaml':
      return { type: 'yaml' };
    case 'text':
      return { type: 'text' };
    default:
      return { type: node.type, children: merged };
  }
}

export function structureOf(markdown: string): unknown {
  return signature(treeOf(markdown), markdown);
}

/** Text a reader sees, node by node (for checking that every one was translated). */
export function visibleTexts(markdown: string): string[] {
  const out: string[] = [];
  const comments = [...markdown.matchAll(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g)].map((m) => [m.index!, m.index! + m[0].length]);
  const inComment = (node: Nodes) => comments.some(([a, b]) => a! <= node.position!.start.offset! && node.position!.start.offset! < b!);
  const walk = (node: Nodes) => {
    if (inComment(node)) return;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || node.type === 'html') return;
    if (node.type === 'text') {
      const text = rawOf(node, markdown).replace(LIQUID, ' ').replace(/\{:[^}]*\}|\{#[^}]*\}/g, ' ').trim();
      if (/\p{L}{2,}/u.test(text) && !/^(?:https?:\/\/|www\.)\S*$/.test(text)) out.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(treeOf(markdown));
  return out;
}
