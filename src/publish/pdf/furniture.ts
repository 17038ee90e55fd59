// Page furniture: the cover, the contents (page numbers filled in once the articles are laid out),
// the running header and footer.
import type { HandbookDocument, TocEntry } from '../../handbook/document.ts';
import { isolate } from './inline.ts';
import type { Frame, Layout } from './layout.ts';
import { drawLine, layoutText, type Line, type TextStyle } from './text.ts';

export function cover(ctx: Layout, document: HandbookDocument): void {
  const { theme } = ctx;
  const frame = ctx.page;
  ctx.y = ctx.top + (ctx.bottom - ctx.top) * 0.28;
  const put = (text: string, style: TextStyle, type: string, gap: number): void => {
    ctx.within(type, () => {
      for (const l of layoutText(ctx, [{ text, style }], frame.width, ctx.direction)) {
        ctx.mark();
        drawLine(ctx, l, frame.left, ctx.y, frame.width, ctx.direction);
        ctx.y += l.height;
      }
    });
    ctx.y += gap;
  };
  put(document.title, { ...theme.headings[1]!, size: 30 }, 'H1', 10);
  ctx.artifact(() => ctx.doc.save().rect(frame.left, ctx.y, frame.width, 3).fill(theme.headings[1]!.color).restore());
  ctx.y += 18;
  put(document.words.handbookTitle, { ...theme.body, size: 14 }, 'P', 24);
  put(document.words.languageLine, theme.body, 'P', 4);
  put(document.words.generatedOn, theme.body, 'P', 4);
  put(document.words.articleCount, theme.body, 'P', 4);
}

interface TocLine {
  readonly entry: TocEntry;
  readonly lines: Line[];
  /** Index of the contents page (0-based) and the top of the entry on it. */
  readonly page: number;
  readonly y: number;
}

const NUMBER_WIDTH = 36;

function flatten(toc: readonly TocEntry[]): TocEntry[] {
  return toc.flatMap((e) => [e, ...(e.level < 2 ? flatten(e.children) : e.children.filter(() => false))]);
}

/** Lays the contents out (titles only: page numbers have a fixed column) and says how many pages it takes. */
export function planContents(ctx: Layout, document: HandbookDocument): { lines: TocLine[]; pages: number; headingHeight: number } {
  const frame = ctx.page;
  const heading = layoutText(ctx, [{ text: document.words.contents, style: ctx.theme.headings[1]! }], frame.width, ctx.direction);
  const headingHeight = heading.reduce((a, l) => a + l.height, 0) + 12;
  let page = 0;
  let y = ctx.top + headingHeight;
  const out: TocLine[] = [];
  for (const entry of flatten(document.toc)) {
    const indent = (entry.level - 1) * 16;
    const style: TextStyle = entry.level === 1 ? { ...ctx.theme.body, font: 'bold' } : ctx.theme.body;
    const lines = layoutText(ctx, [{ text: isolate(entry.title, entry.language, document.language), style }], frame.width - indent - NUMBER_WIDTH, ctx.direction);
    const h = lines.reduce((a, l) => a + l.height, 0) + (entry.level === 1 ? 5 : 1);
    if (entry.level === 1 && out.length) y += 4;
    if (y + h > ctx.bottom) {
      page++;
      y = ctx.top;
    }
    out.push({ entry, lines, page, y });
    y += h;
  }
  return { lines: out, pages: page + 1, headingHeight };
}

/** Draws the contents on its pages, each entry linking to where its article or heading starts. */
export function drawContents(ctx: Layout, document: HandbookDocument, plan: ReturnType<typeof planContents>, firstPage: number): void {
  const frame: Frame = ctx.page;
  const rtl = ctx.direction === 'rtl';
  const { doc } = ctx;
  doc.switchToPage(firstPage - 1);
  const heading = layoutText(ctx, [{ text: document.words.contents, style: ctx.theme.headings[1]! }], frame.width, ctx.direction);
  ctx.within('H1', () => {
    let y = ctx.top;
    for (const l of heading) {
      ctx.mark();
      drawLine(ctx, l, frame.left, y, frame.width, ctx.direction);
      y += l.height;
    }
  });
  let current = 0;
  for (const t of plan.lines) {
    if (t.page !== current) {
      current = t.page;
      ctx.closeMarking();
      doc.switchToPage(firstPage - 1 + current);
    }
    const indent = (t.entry.level - 1) * 16;
    const page = ctx.pages.get(t.entry.id);
    const number = page === undefined ? '' : String(page);
    const textFrame: Frame = { left: rtl ? frame.left + NUMBER_WIDTH : frame.left + indent, width: frame.width - indent - NUMBER_WIDTH };
    const numberFrame: Frame = { left: rtl ? frame.left : frame.left + frame.width - NUMBER_WIDTH, width: NUMBER_WIDTH };
    ctx.within('TOCI', () => {
      let y = t.y;
      for (const l of t.lines) {
        ctx.mark();
        drawLine(ctx, l, textFrame.left, y, textFrame.width, ctx.direction);
        y += l.height;
      }
      if (number) {
        const n = layoutText(ctx, [{ text: number, style: t.lines[0]!.pieces[0]?.style ?? ctx.theme.body }], NUMBER_WIDTH, 'ltr')[0]!;
        ctx.mark();
        drawLine(ctx, n, numberFrame.left, y - t.lines[t.lines.length - 1]!.height, numberFrame.width, 'ltr', rtl ? 'start' : 'end');
      }
      // The whole entry is the link: its annotation under a Link element of the entry (OBJR).
      const link = ctx.open('Link');
      doc.goTo(frame.left, t.y, frame.width, y - t.y, t.entry.id, { structParent: link } as PDFKit.Mixins.AnnotationOption);
      ctx.close(link);
    });
  }
  ctx.closeMarking();
}

/** The running header (the handbook's title) and footer ("Page 3 of 41") on every page but the cover. */
export function pageFurniture(ctx: Layout, document: HandbookDocument): void {
  const { doc, theme } = ctx;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const frame = ctx.page;
  // The same header on every page: laid out once.
  const head = total > 1 ? layoutText(ctx, [{ text: document.words.handbookTitle, style: theme.small }], frame.width, ctx.direction)[0] : undefined;
  for (let i = 1; i < total; i++) {
    doc.switchToPage(range.start + i);
    ctx.artifact(() => {
      if (head) drawLine(ctx, head, frame.left, theme.margin.top - 34, frame.width, ctx.direction);
      doc.save().moveTo(frame.left, theme.margin.top - 18).lineTo(frame.left + frame.width, theme.margin.top - 18).lineWidth(0.5).strokeColor(theme.rule).stroke().restore();
      const foot = layoutText(ctx, [{ text: document.words.page(i + 1, total), style: theme.small }], frame.width, ctx.direction)[0];
      if (foot) drawLine(ctx, foot, frame.left, doc.page.height - theme.margin.bottom + 22, frame.width, ctx.direction, 'center');
    }, 'Pagination');
  }
}
