// Parses one article file into the model: front matter, masked Liquid, Markdown, units with ids.
import type { Root } from 'mdast';
import type { LiquidRules } from '../config/liquid-rules.ts';
import type { Article, Unit } from '../model/types.ts';
import { contentKey, countWords, shortHash } from '../model/unit.ts';
import type { UnitDraft } from './draft.ts';
import { decodeEntities, frontMatterDrafts, readFrontMatter } from './front-matter.ts';
import { maskLiquid } from './liquid.ts';
import { readMarkdownUnits } from './markdown.ts';
import { parseMarkdownPlaced } from './markdown-parser.ts';
import { checkArticleSize, checkArticleText } from './limits.ts';
import { ArticleError, LineIndex } from './problem.ts';
import { SegmentBuilder, type SourceView } from './segments.ts';
import { draftOf } from './draft.ts';

export interface ParseOptions {
  readonly liquid: LiquidRules;
  readonly translatableFrontMatter: readonly string[];
}

function shiftPositions(node: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }, by: number): void {
  if (node.position) {
    node.position.start.offset = (node.position.start.offset ?? 0) + by;
    node.position.end.offset = (node.position.end.offset ?? 0) + by;
  }
  for (const child of node.children ?? []) shiftPositions(child as typeof node, by);
}

function parseFragment(text: string, offset: number): Root {
  const tree = parseMarkdownPlaced(text);
  shiftPositions(tree, offset);
  return tree;
}

/** Decodes UTF-8 strictly; a bad byte is an error naming its line. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; hasBom: boolean } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const hasBom = text.charCodeAt(0) === 0xfeff;
    return { text: hasBom ? text.slice(1) : text, hasBom };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    throw new ArticleError(file, line, `byte ${bad} is not valid UTF-8: save the file as UTF-8`);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix ends at most 3 bytes before the first bad byte.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export const KIND_PREFIX: Record<Unit['kind'], string> = {
  paragraph: 'p',
  heading: 'h',
  'list-item': 'li',
  'table-cell': 'td',
  'image-caption': 'cap',
  'image-alt': 'alt',
  'html-text': 'html',
  'html-attribute': 'attr',
  'front-matter': 'fm',
  'category-title': 'cat',
};

/** Ids from kind and content, numbered in document order when the same content repeats. */
export function assignIds(drafts: readonly UnitDraft[], file: string, lines: LineIndex): Unit[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const base =
      draft.kind === 'front-matter' || draft.kind === 'category-title'
        ? `${KIND_PREFIX[draft.kind]}-${draft.element.split(' ').pop()}`
        : `${KIND_PREFIX[draft.kind]}-${shortHash(`${draft.kind}\u0000${contentKey(draft.segments)}`)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = count === 1 ? base : `${base}-${count}`;
    const unit: Unit = {
      id,
      kind: draft.kind,
      syntax: draft.syntax,
      segments: draft.segments,
      span: draft.span,
      context: { file, line: lines.lineOf(draft.span.start), element: draft.element },
      words: countWords(draft.segments),
      ...(draft.anchor ? { anchor: draft.anchor } : {}),
      ...(draft.yamlStyle ? { yamlStyle: draft.yamlStyle } : {}),
      ...(draft.htmlEntities ? { htmlEntities: true } : {}),
    };
    return unit;
  });
}

function captionDrafts(view: SourceView): UnitDraft[] {
  return view.liquid.argumentTexts.flatMap((argument) => {
    const builder = new SegmentBuilder(view);
    builder.text(argument.span.start, argument.span.end, 'plain');
    const path = argument.tag.args.trim().split(/\s+/)[0] ?? '';
    const draft = draftOf(builder, 'image-caption', 'liquid-argument', `${argument.tag.name} caption (${path})`, argument.span);
    return draft ? [draft] : [];
  });
}

export interface ArticleFacts {
  readonly title: string;
  readonly category: string;
  readonly order: number | undefined;
  readonly hidden: boolean;
}

/** Sort key of `order: 04`, `order: "01"`, `order: 3.5`; anything else sorts last. */
export function orderOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function factsOf(data: Record<string, unknown>, path: string): ArticleFacts {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')).split('/').pop()! : '';
  const categories = data.categories;
  const first = Array.isArray(categories) ? categories[0] : typeof categories === 'string' ? categories : undefined;
  const category = typeof first === 'string' && first.trim() !== '' ? first.trim() : folder || 'uncategorized';
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
  return {
    title: typeof data.title === 'string' ? decodeEntities(data.title) : name,
    category,
    order: orderOf(data.order),
    hidden: data.hidden === true,
  };
}

/** Parses one article: its model, or the ArticleError that says why it cannot be read (anything else is thrown). */
export function parseOutcome(job: { readonly path: string; readonly bytes: Uint8Array }, options: ParseOptions): Article | ArticleError {
  try {
    return parseArticle(job.path, job.bytes, options);
  } catch (error) {
    if (error instanceof ArticleError) return error;
    throw error;
  }
}

/** Parses an article's bytes. Throws ArticleError (file and line) when it cannot be read. */
export function parseArticle(path: string, bytes: Uint8Array, options: ParseOptions): Article {
  checkArticleSize(bytes.length, path);
  const { text: source, hasBom } = decodeUtf8(bytes, path);
  checkArticleText(source, path);
  const lines = new LineIndex(source);
  const { frontMatter, bodyStart, strings, warnings } = readFrontMatter(source, path);
  const liquid = maskLiquid(source, bodyStart, options.liquid, path, lines);
  const view: SourceView = { source, liquid };
  const tree = parseMarkdownPlaced(liquid.masked);
  const body = readMarkdownUnits(tree, view, parseFragment);
  const drafts = [
    ...(frontMatter && strings ? frontMatterDrafts(frontMatter, options.translatableFrontMatter, strings) : []),
    ...body.drafts,
    ...captionDrafts(view),
  ].sort((a, b) => a.span.start - b.span.start);
  const facts = factsOf((frontMatter?.data ?? {}) as Record<string, unknown>, path);
  const units = assignIds(drafts, path, lines);
  const headings = body.headings.map(({ text, anchor, draft }) => {
    const unit = draft ? units[drafts.indexOf(draft)] : undefined;
    return unit ? { text, anchor, unitId: unit.id } : { text, anchor };
  });
  return { path, source, hasBom, frontMatter, ...facts, units, headings, ...(warnings ? { warnings } : {}) };
}
