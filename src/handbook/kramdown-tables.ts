// kramdown reads lines that all start with `|` as a table without header, where GFM sees a
// paragraph full of pipes: such a paragraph becomes a table here, each cell's Markdown parsed on
// its own, rows in a <tbody> only, as kramdown renders them.
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { kramdownTableRows } from '../parse/kramdown-table.ts';

/** An mdast node remark-rehype turns into the element `data.hName`, with its children converted. */
interface ElementNode {
  type: 'kramdownTable';
  data: { hName: string; hProperties?: Record<string, string> };
  children: (ElementNode | PhrasingContent)[];
}

const element = (hName: string, children: ElementNode['children']): ElementNode => ({ type: 'kramdownTable', data: { hName }, children });

/** Makes a cell's positions positions in the whole text (lines are what warnings report). */
function shift(tree: Root, offset: number, lines: number): void {
  visit(tree, (node) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  });
}

/** Replaces every headerless kramdown table of `tree` (parsed from `markdown`) by a table. */
export function kramdownTables(tree: Root, markdown: string, parse: (text: string) => Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!parent || index === undefined || start === undefined || end === undefined) return;
    const rows = kramdownTableRows(markdown, { start, end });
    if (!rows) return;
    const body = rows.map((row) =>
      element(
        'tr',
        row.cells.map((cell) => {
          // The neutral `.` keeps a cell that starts with `#` or `-` inline; it is cut off again.
          const cellTree = parse(`.${markdown.slice(cell.start, cell.end)}`);
          shift(cellTree, cell.start - 1, markdown.slice(0, cell.start).split('\n').length - 1);
          const paragraph = cellTree.children[0];
          const children = paragraph?.type === 'paragraph' ? paragraph.children : [];
          const first = children[0];
          if (first?.type === 'text') first.value = first.value.slice(1);
          return element('td', first?.type === 'text' && first.value === '' ? children.slice(1) : children);
        }),
      ),
    );
    (parent.children as unknown[])[index] = element('table', [element('tbody', body)]);
    return [SKIP, index + 1];
  });
}
