// The printable handbook: `writePdf(document)` lays one category's handbook out with pdfkit — cover,
// contents with right page numbers, each article on a new page, running header and footer, outline,
// tagged structure — and returns the PDF's bytes with the warnings met on the way.
import PDFDocument from 'pdfkit';
import type { DocumentWarning, HandbookDocument } from '../../handbook/document.ts';
import { flow } from './blocks.ts';
import { FontBook } from './fonts.ts';
import { isolate } from './inline.ts';
import { cover, drawContents, pageFurniture, planContents } from './furniture.ts';
import { Images, prepareImages } from './images.ts';
import { Layout } from './layout.ts';
import { drawLine, layoutText } from './text.ts';
import { THEME, type PageSize, type Theme } from './theme.ts';

export interface PdfOptions {
  /** Paper size; A4 unless given. */
  readonly pageSize?: PageSize;
  readonly theme?: Theme;
}

export interface PdfResult {
  readonly bytes: Buffer;
  readonly pages: number;
  /** The writer's own warnings (pictures it could not show, unknown icons); the document's are not repeated. */
  readonly warnings: readonly DocumentWarning[];
}

function articleStart(ctx: Layout, document: HandbookDocument, index: number): void {
  const article = document.articles[index]!;
  ctx.article = article.path;
  ctx.articleLine = 1;
  ctx.newPage();
  ctx.doc.addNamedDestination(article.id, 'XYZ', 0, ctx.y, null as unknown as number);
  ctx.pages.set(article.id, ctx.pageNumber);
  ctx.outline = [ctx.doc.outline.addItem(article.title)];
  const frame = ctx.page;
  ctx.within(
    'Art',
    () => {
      const style = ctx.theme.headings[1]!;
      ctx.within(
        'H1',
        () => {
          for (const l of layoutText(ctx, [{ text: isolate(article.title, article.titleLanguage, document.language), style }], frame.width, ctx.direction)) {
            ctx.mark();
            drawLine(ctx, l, frame.left, ctx.y, frame.width, ctx.direction);
            ctx.y += l.height;
          }
        },
        article.titleLanguage !== document.language ? { lang: article.titleLanguage } : {},
      );
      ctx.y += 10;
      if (article.notice) {
        flow([{ type: 'element', tagName: 'p', properties: { className: ['notice'] }, children: [{ type: 'text', value: article.notice }] }], ctx, frame);
      }
      flow(article.body.children.filter((c) => c.type === 'element' || c.type === 'text') as never, ctx, frame);
    },
    { title: article.title },
  );
}

export async function writePdf(document: HandbookDocument, options: PdfOptions = {}): Promise<PdfResult> {
  const theme = options.theme ?? THEME;
  const files = await prepareImages(document);
  const doc = new PDFDocument({
    tagged: true,
    lang: document.language,
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    autoFirstPage: false,
    size: options.pageSize ?? 'A4',
    margin: 0,
    info: { Title: document.words.handbookTitle, Subject: document.title, Creator: 'handbook', CreationDate: document.date },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const warnings: DocumentWarning[] = [];
  const ctx = new Layout(doc, new FontBook(doc, document.language), new Images(doc, files), theme, document.direction, document.language, warnings);

  doc.addPage();
  ctx.within('Sect', () => cover(ctx, document));
  const plan = planContents(ctx, document);
  for (let i = 0; i < plan.pages; i++) doc.addPage();
  const toc = doc.struct('TOC');
  doc.addStructure(toc);
  const firstContentsPage = 2;
  for (let i = 0; i < document.articles.length; i++) articleStart(ctx, document, i);
  ctx.article = '';
  ctx.reenter(toc, () => drawContents(ctx, document, plan, firstContentsPage));
  toc.end();
  pageFurniture(ctx, document);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages, warnings };
}
