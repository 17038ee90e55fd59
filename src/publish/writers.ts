// The handbook formats, as data: each writer is a function of the handbook document alone, as
// pandoc lists its writers. A new format is one more entry here.
import type { DocumentWarning, HandbookArticle, HandbookDocument } from '../handbook/document.ts';
import { htmlWriter } from './html.ts';
import { markdownWriter } from './markdown.ts';
import { pdfWriter } from './pdf/writer.ts';
import { HANDBOOK_FORMATS } from './formats.ts';

export interface WriterResult {
  /** Every file written, the handbook first, then what it needs beside it (pictures, icons). */
  readonly files: readonly string[];
  readonly warnings: readonly DocumentWarning[];
}

/** What a language's index shows of one handbook: kept by the output ledger, so an up-to-date handbook need not be assembled again. */
export interface HandbookSummary {
  readonly fileName: string;
  readonly title: string;
  readonly language: string;
  readonly direction: HandbookDocument['direction'];
  /** The handbook's words "Contents" and "12 articles". */
  readonly contents: string;
  readonly articleCount: string;
}

export function summaryOf(document: HandbookDocument): HandbookSummary {
  const { fileName, title, language, direction, words } = document;
  return { fileName, title, language, direction, contents: words.contents, articleCount: words.articleCount };
}

/** One handbook of a language, as the per-language step of a writer sees it. */
export interface WrittenHandbook {
  readonly summary: HandbookSummary;
  /** The handbook file this writer wrote for it. */
  readonly file: string;
}

/**
 * What a writer rendered of one article alone in an earlier build, kept when nothing the article
 * is made from changed (`src/publish/fragments.ts`); a writer keeps what it renders of an article
 * only when it is a function of that article and the document's language alone.
 */
export interface ArticleFragments {
  rendered(article: HandbookArticle, format: string): unknown;
  keepRendered(article: HandbookArticle, format: string, fragment: unknown): void;
  /** Whether an earlier build of this handbook was kept: it is being made again (after an edit). */
  readonly remade: boolean;
}

/** What a writer may reuse from the run it is part of. */
export interface WriterRun {
  /** The cache folder (`.handbook-cache/`) work may be kept in between runs; none with `--no-cache`. */
  readonly cache?: string;
  /** Articles rendered by an earlier build (main thread only: not passed to worker threads). */
  readonly fragments?: ArticleFragments;
}

export interface Writer {
  /** What `--format` names it and the handbook's file extension. */
  readonly format: string;
  readonly extension: string;
  readonly description: string;
  /** Writes the document's handbook into `outDir` (the language's output folder). */
  readonly write: (document: HandbookDocument, outDir: string, run?: WriterRun) => WriterResult | Promise<WriterResult>;
  /** After every handbook of a language: files for the whole language (an index page). */
  readonly finish?: (handbooks: readonly WrittenHandbook[], outDir: string) => WriterResult | Promise<WriterResult>;
}

export const WRITERS: ReadonlyMap<string, Writer> = new Map<string, Writer>([
  ['html', htmlWriter],
  ['md', markdownWriter],
  ['pdf', pdfWriter],
]);

for (const format of WRITERS.keys()) {
  if (!HANDBOOK_FORMATS.some((f) => f.format === format)) throw new Error(`writers.ts: format "${format}" is not named in formats.ts`);
}
