// Tables: column widths from each column's narrowest and widest content, cells that wrap, rows that
// move to the next page whole (or split by lines when taller than a page), the header row repeated on
// every page the table continues on, columns laid out right to left in a right-to-left handbook.
import type { Element, ElementContent } from 'hast';
import { spansOf, statedDirection } from './inline.ts';
import type { Frame, Layout } from './layout.ts';
import { breakLines, collapseSpaces, drawLine, piecesOf, type Align, type Direction, type Line, type Piece } from './text.ts';

interface Cell {
  readonly header: boolean;
  readonly align: Align;
  /** The cell's own base direction (the one it states, else the table's, else the handbook's). */
  readonly direction: Direction;
  readonly pieces: Piece[];
}

interface Row {
  readonly cells: Cell[];
  readonly head: boolean;
}

const PAD = 4;

function rowsOf(el: Element, head = false): Row[] {
  const rows: Row[] = [];
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'thead') rows.push(...rowsOf(c, true));
    else if (c.tagName === 'tbody' || c.tagName === 'tfoot') rows.push(...rowsOf(c, false));
    else if (c.tagName === 'tr') rows.push({ head: head || c.children.every((x) => x.type !== 'element' || x.tagName === 'th'), cells: [] as Cell[], ...{ el: c } });
  }
  return rows;
}

function alignOf(el: Element): Align {
  const a = el.properties?.['align'];
  return a === 'center' ? 'center' : a === 'right' ? 'end' : 'start';
}

function widths(cells: Piece[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let word = 0;
  let line = 0;
  for (const p of cells) {
    if (p.hardBreak) {
      max = Math.max(max, line);
      line = 0;
      min = Math.max(min, word);
      word = 0;
      continue;
    }
    line += p.width;
    if (!p.space) word += p.width;
    if (p.breakAfter) {
      min = Math.max(min, word);
      word = 0;
    }
  }
  return { min: Math.max(min, word), max: Math.max(max, line) };
}

export function table(el: Element, ctx: Layout, frame: Frame): void {
  const raw = rowsOf(el) as (Row & { el: Element })[];
  const rows: Row[] = raw.map((r) => ({
    head: r.head,
    cells: r.el.children
      .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
      .map((c) => {
        const header = c.tagName === 'th';
        const style = header ? { ...ctx.theme.body, font: 'bold' as const, size: 9 } : { ...ctx.theme.body, size: 9 };
        const spans = collapseSpaces(spansOf(c.children as ElementContent[], style, ctx));
        const direction = statedDirection(c) ?? ctx.inherited;
        return { header, align: alignOf(c), direction, pieces: piecesOf(ctx, spans, direction) };
      }),
  }));
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  if (!columns) return;
  // Column widths (automatic table layout).
  const min = new Array<number>(columns).fill(8);
  const max = new Array<number>(columns).fill(8);
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      const w = widths(c.pieces);
      min[i] = Math.max(min[i]!, w.min + 2 * PAD);
      max[i] = Math.max(max[i]!, w.max + 2 * PAD);
    });
  }
  const total = frame.width;
  const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
  let cols: number[];
  if (sum(max) <= total) cols = max.map((m) => (m * total) / sum(max));
  else if (sum(min) >= total) cols = min.map((m) => (m * total) / sum(min));
  else {
    const extra = total - sum(min);
    const spread = sum(max) - sum(min);
    cols = min.map((m, i) => m + (extra * (max[i]! - m)) / spread);
  }
  // Columns run in the table's own direction (a table of fallback text: left to right).
  const rtl = (statedDirection(el) ?? ctx.inherited) === 'rtl';
  const xs: number[] = [];
  let acc = 0;
  for (const w of cols) {
    xs.push(rtl ? frame.left + total - acc - w : frame.left + acc);
    acc += w;
  }
  const laid = rows.map((r) => ({
    row: r,
    lines: r.cells.map((c, i) => breakLines(ctx, c.pieces, cols[i]! - 2 * PAD)),
  }));
  const heightOf = (lines: Line[][]): number => Math.max(...lines.map((ls) => ls.reduce((a, l) => a + l.height, 0))) + 2 * PAD;
  const header = laid.filter((r) => r.row.head);
  const headerHeight = header.reduce((a, r) => a + heightOf(r.lines), 0);

  const drawRow = (row: Row, lines: Line[][], repeated: boolean): void => {
    // Rows taller than what is left of a page continue on the next one, line by line.
    let rest = lines.map((ls) => [...ls]);
    const tr = (): void => {
      while (rest.some((ls) => ls.length)) {
        const room = ctx.bottom - ctx.y - 2 * PAD;
        const now = rest.map((ls) => {
          const take: Line[] = [];
          let h = 0;
          while (ls.length && h + ls[0]!.height <= room) {
            h += ls[0]!.height;
            take.push(ls.shift()!);
          }
          return take;
        });
        if (now.every((t) => !t.length) && ctx.y > ctx.top) {
          ctx.newPage();
          drawHeader();
          continue;
        }
        if (now.every((t) => !t.length)) now.forEach((t, i) => t.push(rest[i]!.shift()!));
        const h = heightOf(now);
        const top = ctx.y;
        ctx.artifact(() => {
          const d = ctx.doc.save();
          if (row.head) d.rect(frame.left, top, total, h).fill('#eef1f4');
          d.rect(frame.left, top, total, h).lineWidth(0.5).strokeColor(ctx.theme.rule).stroke();
          for (let i = 1; i < columns; i++) {
            const x = rtl ? xs[i - 1]! : xs[i]!;
            d.moveTo(x, top).lineTo(x, top + h).stroke();
          }
          d.restore();
        }, repeated ? 'Pagination' : 'Layout');
        now.forEach((cellLines, i) => {
          const cell = row.cells[i]!;
          const draw = (): void => {
            let y = top + PAD;
            for (const l of cellLines) {
              if (!repeated) ctx.mark();
              drawLine(ctx, l, xs[i]! + PAD, y, cols[i]! - 2 * PAD, cell.direction, cell.align);
              y += l.height;
            }
          };
          if (repeated) ctx.artifact(draw, 'Pagination');
          else ctx.within(cell.header ? 'TH' : 'TD', draw, cell.header ? ({ scope: 'Column' } as object) : {});
        });
        ctx.y = top + h;
        rest = rest.map((ls) => ls);
        if (rest.some((ls) => ls.length)) {
          ctx.newPage();
          drawHeader();
        }
      }
    };
    if (repeated) tr();
    else ctx.within('TR', tr);
  };
  const drawHeader = (): void => {
    for (const r of header) drawRow(r.row, r.lines, true);
  };

  ctx.y += 2;
  // Start on a new page unless the header and the first row fit.
  const firstBody = laid.find((r) => !r.row.head);
  ctx.ensure(headerHeight + (firstBody ? Math.min(heightOf(firstBody.lines), 80) : 0));
  ctx.within('Table', () => {
    const body = laid.filter((r) => !r.row.head);
    if (header.length) ctx.within('THead', () => header.forEach((r) => drawRow(r.row, r.lines, false)));
    ctx.within('TBody', () => {
      for (const r of body) {
        const h = heightOf(r.lines);
        if (ctx.y + h > ctx.bottom && h <= ctx.bottom - ctx.top - headerHeight) {
          ctx.newPage();
          drawHeader();
        }
        drawRow(r.row, r.lines, false);
      }
    });
  });
  ctx.y += ctx.theme.paragraphGap + 2;
}
