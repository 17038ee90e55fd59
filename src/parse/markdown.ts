// Reads the Markdown body of an article (mdast from remark) into unit drafts: one per block of text,
// with every piece of inline markup as a code. One handler per node type.
import type { Nodes, Parent, PhrasingContent, RootContent, Root, TableRow } from 'mdast';
import { AnchorSet, kramdownId } from '../model/anchor.ts';
import type { Span, UnitKind } from '../model/types.ts';
import { draftOf, type UnitDraft } from './draft.ts';
import { attributeDrafts, htmlBlockDrafts } from './html.ts';
import { kramdownTableRows } from './kramdown-table.ts';
import type { LiquidBlock } from './liquid.ts';
import { SegmentBuilder, type SourceView } from './segments.ts';

/** Parses Markdown text into a tree whose offsets start at `offset`. */
export type FragmentParser = (text: string, offset: number) => Root;

interface WalkState {
  readonly view: SourceView;
  readonly parseFragment: FragmentParser;
  readonly drafts: UnitDraft[];
  readonly anchors: AnchorSet;
  readonly headings: { text: string; anchor: string; draft: UnitDraft | undefined }[];
}

function spanOf(node: Nodes): Span {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/** Where a block stands, for the translator: inside which callout or tab. */
function whereIs(view: SourceView, offset: number): string {
  let inner: LiquidBlock | undefined;
  for (const block of view.liquid.blocks) {
    if (block.body === 'markdown' && block.open.start <= offset && offset < block.close.start) {
      if (!inner || block.open.start >= inner.open.start) inner = block;
    }
  }
  if (!inner) return '';
  return inner.name === 'capture' ? ` in tab "${inner.args.trim()}"` : ` in ${inner.name}${inner.args.trim() ? ` (${inner.args.trim()})` : ''}`;
}

/** Writes a run of inline nodes into the builder; nested units (alt text) go to `nested`. */
function readInline(nodes: readonly PhrasingContent[], builder: SegmentBuilder, state: WalkState, nested: UnitDraft[]): void {
  for (const node of nodes) readInlineNode(node, builder, state, nested);
}

function readPair(node: Parent & Nodes, builder: SegmentBuilder, state: WalkState, nested: UnitDraft[], display?: [string, string]): void {
  const span = spanOf(node);
  const children = node.children as PhrasingContent[];
  if (children.length === 0) {
    builder.code(node.type === 'link' || node.type === 'linkReference' ? 'link' : roleOf(node.type), 'standalone', span, display?.[0]);
    return;
  }
  const first = spanOf(children[0]!);
  const last = spanOf(children[children.length - 1]!);
  const opening = builder.open(roleOf(node.type), { start: span.start, end: first.start }, display?.[0]);
  readInline(children, builder, state, nested);
  builder.close(opening, { start: last.end, end: span.end }, display?.[1]);
}

/** Link text that is itself an address is never translated. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

function roleOf(type: string) {
  switch (type) {
    case 'strong':
      return 'strong' as const;
    case 'emphasis':
      return 'emphasis' as const;
    case 'delete':
      return 'delete' as const;
    default:
      return 'link' as const;
  }
}

function readInlineNode(node: PhrasingContent, builder: SegmentBuilder, state: WalkState, nested: UnitDraft[]): void {
  const span = spanOf(node);
  switch (node.type) {
    case 'text':
      builder.text(span.start, span.end, 'markdown');
      return;
    case 'strong':
    case 'emphasis':
    case 'delete':
      readPair(node, builder, state, nested);
      return;
    case 'link':
    case 'linkReference':
      if (state.view.source[span.start] !== '[' || URL_LIKE.test(headingText(node.children).trim())) {
        // An autolink: the URL is its own text, and URLs are never translated.
        builder.code('link', 'standalone', span);
        return;
      }
      readPair(node, builder, state, nested, ['[link]', '[/link]']);
      return;
    case 'inlineCode':
      builder.code('code', 'standalone', span);
      return;
    case 'break':
      builder.code('break', 'standalone', span, '↵');
      return;
    case 'html':
      builder.html(span);
      nested.push(...attributeDrafts(state.view, span));
      return;
    case 'image':
    case 'imageReference':
      builder.code('image', 'standalone', span, '[image]');
      return;
    case 'footnoteReference':
      builder.code('link', 'standalone', span);
      return;
  }
}

/** A unit made of inline content: a paragraph, a heading or a table cell. */
function inlineDraft(node: Parent & Nodes, kind: UnitKind, element: string, state: WalkState, syntax: 'markdown' | 'table-cell' = 'markdown') {
  const builder = new SegmentBuilder(state.view);
  const nested: UnitDraft[] = [];
  readInline(node.children as PhrasingContent[], builder, state, nested);
  const draft = draftOf(builder, kind, syntax, element, spanOf(node));
  if (draft) state.drafts.push(draft);
  state.drafts.push(...nested);
  return draft;
}

function headingText(nodes: readonly Nodes[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if ('children' in node) return headingText(node.children as Nodes[]);
      return '';
    })
    .join('');
}

function readTableRow(row: TableRow, rowIndex: number, header: string[], state: WalkState): void {
  row.children.forEach((cell, column) => {
    const name = header[column] ? `column ${header[column]}` : `column ${column + 1}`;
    const element = rowIndex === 0 ? `table header, column ${column + 1}` : `table cell, row ${rowIndex}, ${name}`;
    inlineDraft(cell, 'table-cell', element + whereIs(state.view, spanOf(cell).start), state, 'table-cell');
  });
}

function readBlocks(nodes: readonly RootContent[], state: WalkState, listItem?: string): void {
  for (const node of nodes) {
    const where = whereIs(state.view, spanOf(node).start);
    switch (node.type) {
      case 'paragraph':
        if (!readKramdownTable(node, state, where)) inlineDraft(node, listItem ? 'list-item' : 'paragraph', (listItem ?? 'paragraph') + where, state);
        break;
      case 'heading': {
        const text = headingText(node.children);
        const anchor = state.anchors.take(kramdownId(text));
        let draft = inlineDraft(node, 'heading', `heading ${node.depth} (#${anchor})${where}`, state);
        if (draft) state.drafts[state.drafts.indexOf(draft)] = draft = { ...draft, anchor };
        state.headings.push({ text, anchor, draft });
        break;
      }
      case 'list':
        node.children.forEach((item, k) => {
          const label = node.ordered ? `numbered list item ${(node.start ?? 1) + k}` : 'list item';
          readBlocks(item.children, state, label);
        });
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        readBlocks(node.children, state, listItem);
        break;
      case 'table': {
        const header = node.children[0]?.children.map((cell) => headingText(cell.children).trim()) ?? [];
        node.children.forEach((row, k) => readTableRow(row, k, header, state));
        break;
      }
      case 'html':
        if (isInlineHtmlLine(node.value)) readHtmlLineAsParagraph(node, state, listItem, where);
        else state.drafts.push(...htmlBlockDrafts(state.view, spanOf(node), where));
        break;
      default:
        // code, thematic breaks, definitions and front matter hold nothing to translate here.
        break;
    }
  }
}

/** Moves the start of a node and its first descendants to `at` when they start before it. */
function clampStart(node: Nodes, at: number): void {
  const start = node.position?.start;
  if (start?.offset !== undefined && start.offset < at) start.offset = at;
  if ('children' in node && node.children[0]) clampStart(node.children[0] as Nodes, at);
}

/**
 * A paragraph of lines that all start with `|` is a table to kramdown, which the site publishes
 * with (GFM wants a `|---|` row): one unit per cell. Each cell is parsed on its own, behind a
 * neutral `.` that maps onto its `|` and is cut off again, so a cell starting with `#` or `-`
 * stays text and every position is a source position.
 */
function readKramdownTable(node: Nodes, state: WalkState, where: string): boolean {
  const masked = state.view.liquid.masked;
  const rows = kramdownTableRows(masked, spanOf(node));
  if (!rows) return false;
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.start === cell.end) return;
      const paragraph = state.parseFragment(`.${masked.slice(cell.start, cell.end)}`, cell.start - 1).children[0];
      if (paragraph?.type !== 'paragraph') return;
      clampStart(paragraph, cell.start);
      inlineDraft(paragraph, 'table-cell', `table cell, row ${r + 1}, column ${c + 1}${where}`, state, 'table-cell');
    });
  });
  return true;
}

const INLINE_START = /^\s*<(?:a|abbr|b|br|code|em|i|img|kbd|mark|s|small|span|strong|sub|sup|u)[\s/>]/i;
const BLOCK_TAG = /<\/?(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|iframe|li|nav|ol|p|pre|script|section|style|table|tbody|td|th|thead|tr|ul)[\s/>]/i;

/**
 * CommonMark reads a line that starts with `<br>` or `<i …>` as an HTML block, but kramdown (what
 * Jekyll publishes with) reads it as a paragraph with inline HTML: so do we.
 */
function isInlineHtmlLine(html: string): boolean {
  return INLINE_START.test(html) && !BLOCK_TAG.test(html);
}

function readHtmlLineAsParagraph(node: Nodes, state: WalkState, listItem: string | undefined, where: string): void {
  const span = spanOf(node);
  // A neutral first character keeps the line from opening an HTML block; it maps onto the
  // character before the block, which is blank and trimmed away.
  const tree = state.parseFragment(`\uE002${state.view.liquid.masked.slice(span.start, span.end)}`, span.start - 1);
  const paragraph = tree.children[0];
  if (paragraph?.type !== 'paragraph') return;
  inlineDraft(paragraph, listItem ? 'list-item' : 'paragraph', (listItem ?? 'paragraph') + where, state);
}

export interface MarkdownRead {
  readonly drafts: UnitDraft[];
  readonly headings: WalkState['headings'];
}

/** Unit drafts of a parsed body, and its headings, in document order. */
export function readMarkdownUnits(tree: Root, view: SourceView, parseFragment: FragmentParser): MarkdownRead {
  const state: WalkState = { view, parseFragment, drafts: [], anchors: new AnchorSet(), headings: [] };
  readBlocks(tree.children, state);
  return { drafts: state.drafts, headings: state.headings };
}
