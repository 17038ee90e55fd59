// The printable handbook: `writePdf(document)` lays one category's handbook out with pdfkit — cover,
// contents with right page numbers, each article on a new page, running header and footer, outline,
// tagged structure — and returns the PDF's bytes with the warnings met on the way; `writePdfFile`
// streams them into a file instead.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import PDFDocument from 'pdfkit';
import type { DocumentWarning, HandbookDocument } from '../../handbook/document.ts';
import type { ArticleFragments } from '../writers.ts';
import { isDisplayList } from './display-list.ts';
import { directionOf } from '../../handbook/assemble.ts';
import { flow } from './blocks.ts';
import { FontBook } from './fonts.ts';
import { isolate } from './inline.ts';
import { cover, drawContents, pageFurniture, planContents } from './furniture.ts';
import { Images, prepareImages } from './images.ts';
import { Layout } from './layout.ts';
import { layoutStamp } from './layout-stamp.ts';
import { temporaryPathFor } from '../../util/atomic-write.ts';
import { drawLine, layoutText } from './text.ts';
import { THEME, type PageSize, type Theme } from './theme.ts';

export interface PdfOptions {
  /** Paper size; A4 unless given. */
  readonly pageSize?: PageSize;
  readonly theme?: Theme;
  /** The folder converted pictures are kept in between runs (`<cache>/pictures`); none: converted every run. */
  readonly pictureCache?: string;
  /** The folder shaped words are kept in between runs (`<cache>/shaping`); none: shaped again every run. */
  readonly shapingCache?: string;
  /**
   * Each article's display list kept by an earlier build (the article's fragments, format `pdf`):
   * an article that did not change is replayed instead of laid out, one laid out is recorded.
   */
  readonly fragments?: ArticleFragments;
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
  ctx.place(article.id);
  ctx.outline = [ctx.doc.outline.addItem(article.title)];
  const frame = ctx.page;
  ctx.within(
    'Art',
    () => {
      const style = ctx.theme.headings[1]!;
      ctx.within(
        'H1',
        () => {
          // A title that fell back to the source language stands in that language's direction, as its body does.
          const direction = directionOf(article.titleLanguage);
          for (const l of layoutText(ctx, [{ text: isolate(article.title, article.titleLanguage, document.language), style }], frame.width, direction)) {
            ctx.mark();
            drawLine(ctx, l, frame.left, ctx.y, frame.width, direction);
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

/** What an earlier build kept of the articles, and the stamp of this document's layout. */
interface Reuse {
  readonly fragments: ArticleFragments;
  readonly stamp: string;
}

/**
 * Lays an article out from a new page, or replays the display list an earlier build recorded of it
 * in a layout of the same stamp (theme, page size, font packages).
 */
function article(ctx: Layout, document: HandbookDocument, index: number, reuse: Reuse | undefined): void {
  if (!reuse) return articleStart(ctx, document, index);
  const { fragments, stamp } = reuse;
  const article = document.articles[index]!;
  const known = fragments.rendered(article, FORMAT);
  if (isDisplayList(known) && known.stamp === stamp) {
    ctx.article = article.path;
    ctx.articleLine = 1;
    // A damaged list draws nothing: the article is laid out (and recorded) as if there were none.
    if (ctx.replay(known)) return;
  }
  // Writing a PDF while recording takes about a fifth to a quarter more CPU time than writing it laid
  // out without recording (README, Only redo what changed), and a list is as large as the article's
  // other fragments: only a handbook made again (after an edit) is recorded, so the first build of
  // a project, and handbooks never edited, pay nothing for it.
  if (!fragments.remade) return articleStart(ctx, document, index);
  const list = ctx.record(() => articleStart(ctx, document, index), stamp);
  if (list) fragments.keepRendered(article, FORMAT, list);
}

const FORMAT = 'pdf';

/** Lays the document out on a pdfkit document whose bytes go to `sink`; resolves when the last byte is given. */
async function render(document: HandbookDocument, options: PdfOptions, sink: (chunk: Buffer) => void): Promise<{ pages: number; warnings: DocumentWarning[] }> {
  const theme = options.theme ?? THEME;
  const pageSize = options.pageSize ?? 'A4';
  const files = await prepareImages(document, options.pictureCache);
  const doc = new PDFDocument({
    tagged: true,
    lang: document.language,
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    autoFirstPage: false,
    size: pageSize,
    margin: 0,
    info: { Title: document.words.handbookTitle, Subject: document.title, Creator: 'handbook', CreationDate: document.date },
  } as PDFKit.PDFDocumentOptions);
  doc.on('data', sink);
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const warnings: DocumentWarning[] = [];
  const ctx = new Layout(doc, new FontBook(doc, document.language, options.shapingCache), new Images(doc, files), theme, document.direction, document.language, warnings);

  doc.addPage();
  ctx.within('Sect', () => cover(ctx, document));
  const plan = planContents(ctx, document);
  for (let i = 0; i < plan.pages; i++) doc.addPage();
  const toc = doc.struct('TOC');
  doc.addStructure(toc);
  const firstContentsPage = 2;
  const reuse = options.fragments && { fragments: options.fragments, stamp: layoutStamp(theme, pageSize) };
  for (let i = 0; i < document.articles.length; i++) article(ctx, document, i, reuse);
  ctx.article = '';
  ctx.reenter(toc, () => drawContents(ctx, document, plan, firstContentsPage));
  toc.end();
  pageFurniture(ctx, document);
  const pages = doc.bufferedPageRange().count;
  ctx.fonts.ligaturesInReadingOrder();
  doc.end();
  await done;
  ctx.fonts.saveShaping();
  return { pages, warnings };
}

export async function writePdf(document: HandbookDocument, options: PdfOptions = {}): Promise<PdfResult> {
  const chunks: Buffer[] = [];
  const { pages, warnings } = await render(document, options, (c) => chunks.push(c));
  return { bytes: Buffer.concat(chunks), pages, warnings };
}

/** Bytes gathered before each write to the file: the PDF is never held whole in memory. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes the document's PDF to `file`: written into a temporary file beside it as pdfkit makes it,
 * a mebibyte at a time, then renamed over `file`, so a reader sees the old file or the new one.
 */
export async function writePdfFile(document: HandbookDocument, file: string, options: PdfOptions = {}): Promise<Omit<PdfResult, 'bytes'>> {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = temporaryPathFor(file);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
    const out = fd;
    let batch: Buffer[] = [];
    let size = 0;
    const flush = (): void => {
      if (size > 0) writeSync(out, batch.length === 1 ? batch[0]! : Buffer.concat(batch, size));
      batch = [];
      size = 0;
    };
    const result = await render(document, options, (c) => {
      batch.push(c);
      size += c.length;
      if (size >= WRITE_BATCH) flush();
    });
    flush();
    closeSync(out);
    fd = undefined;
    renameSync(temporary, file);
    return result;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    // A failed write (ENOSPC) names no file: name the one being written, for the message.
    const system = error as NodeJS.ErrnoException;
    if (typeof system.code === 'string' && system.path === undefined) system.path = file;
    throw error;
  }
}
