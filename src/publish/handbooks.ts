// `build --format html,md,…`: one handbook document per language × category, assembled once, then
// handed to every writer asked for.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../cache/fingerprint.ts';
import type { OutputLedger, OutputRecord } from '../cache/outputs.ts';
import type { Config } from '../config/config.ts';
import { assembleHandbook, categoryTitle, directionOf, indexWords, shownArticles } from '../handbook/assemble.ts';
import type { DocumentWarning } from '../handbook/document.ts';
import type { Category, HelpCenter } from '../model/types.ts';
import { fileNameOf } from '../extract/extract.ts';
import { TranslationStore } from '../store/translations.ts';
import { createTranslator, type Translate } from '../words/words.ts';
import { assembledArticleInputs, buildDate, buildInputs, handbookArticlesInputs, handbookInputs, languageInputs } from './up-to-date.ts';
import { HandbookFragments } from './fragments.ts';
import { pdfWorkersFor, PdfThreads } from './workers.ts';
import { summaryOf, WRITERS, type HandbookSummary, type Writer, type WriterResult, type WrittenHandbook } from './writers.ts';

export interface HandbookBuildOptions {
  readonly languages: readonly string[];
  /** Writer formats (keys of `WRITERS`): `html`, `md`… */
  readonly formats: readonly string[];
  /** Output root: files go to `<outDir>/<lang>/`. */
  readonly outDir: string;
  readonly categories?: readonly string[];
  /** The date the handbooks print (default: `buildDate()`, today). */
  readonly date?: Date;
  /** Remembers what each handbook was made from; one whose inputs did not change is not made again. */
  readonly ledger?: OutputLedger;
  readonly onHandbook?: (done: number, total: number) => void;
  /** Threads for PDF handbooks (1: the main thread only); default `HANDBOOK_THREADS`, else the cores. */
  readonly threads?: number;
}

export interface HandbookBuild {
  readonly language: string;
  readonly format: string;
  /** The handbooks written, one per category with articles to show. */
  readonly handbooks: readonly string[];
  /** Every file written: handbooks, index, pictures, icons. */
  readonly files: readonly string[];
  readonly warnings: readonly DocumentWarning[];
  /** Handbooks found up to date through the ledger, not made again. */
  readonly upToDate: number;
}

/** What the ledger keeps of one handbook in one format, to report it again without making it. */
interface HandbookMeta {
  readonly files: readonly string[];
  readonly summary: HandbookSummary;
  readonly documentWarnings: readonly DocumentWarning[];
  readonly writerWarnings: readonly DocumentWarning[];
}

/** The ledger's record of a handbook when it and every file written with it are still there. */
function freshHandbook(ledger: OutputLedger | undefined, file: string, inputs: string): HandbookMeta | undefined {
  const record: OutputRecord | undefined = ledger?.fresh(file, inputs);
  const meta = record?.meta as HandbookMeta | undefined;
  return meta && meta.files.every((f) => existsSync(f)) ? meta : undefined;
}

/** The articles of a handbook as an earlier build assembled and rendered them, when there is a cache folder and a ledger. */
function fragmentsOf(config: Config, ledger: OutputLedger | undefined, language: string, category: Category, perLanguage: string, store: TranslationStore): HandbookFragments | undefined {
  if (!ledger || config.cache === undefined) return undefined;
  const handbook = handbookArticlesInputs(perLanguage, category);
  const source = language === config.sourceLanguage;
  return new HandbookFragments(config.cache, language, category.slug, (article) => assembledArticleInputs(handbook, article, source ? undefined : store));
}

/**
 * A build of some categories (`--category`) leaves the other handbooks in the folder as they were:
 * the language's index lists them too, in category order, so it never loses its links to them.
 */
function withHandbooksInFolder(built: readonly WrittenHandbook[], center: HelpCenter, writer: Writer, dir: string, language: string, store: TranslationStore, t: Translate): WrittenHandbook[] {
  const byFile = new Map(built.map((b) => [b.file, b]));
  return center.categories.flatMap((category) => {
    const articles = shownArticles(category).length;
    const file = join(dir, `${fileNameOf(category.slug)}.${writer.extension}`);
    const made = byFile.get(file);
    if (made) return [made];
    if (articles === 0 || !existsSync(file)) return [];
    const title = categoryTitle(category, store, t);
    return [{ file, summary: { fileName: fileNameOf(category.slug), title, language, direction: directionOf(language), ...indexWords(t, articles) } }];
  });
}

export function writerOf(format: string): Writer {
  const writer = WRITERS.get(format);
  if (!writer) throw new Error(`no handbook writer for "${format}" (known: ${[...WRITERS.keys()].join(', ')})`);
  return writer;
}

export async function publishHandbooks(config: Config, center: HelpCenter, options: HandbookBuildOptions): Promise<HandbookBuild[]> {
  const date = options.date ?? buildDate();
  const ledger = options.ledger?.enabled ? options.ledger : undefined;
  const writers = options.formats.map(writerOf);
  const categories = center.categories.filter((c) => (!options.categories || options.categories.includes(c.slug)) && c.articles.some((a) => !a.hidden));
  const total = categories.length * options.languages.length;
  let done = 0;
  const builds: HandbookBuild[] = [];
  const shared = ledger ? buildInputs(config, center) : '';
  const pdfWorkers = writers.some((w) => w.format === 'pdf') ? pdfWorkersFor(total, options.threads) : 0;
  const threads = pdfWorkers > 0 ? new PdfThreads(pdfWorkers) : undefined;
  const run = config.cache === undefined ? {} : { cache: config.cache };
  try {
    for (const language of options.languages) {
      const t = await createTranslator(config.locales, language, config.sourceLanguage);
      const store = new TranslationStore(config.locales, language);
      const dir = join(options.outDir, language);
      const words = { locales: config.locales, language, sourceLanguage: config.sourceLanguage };
      const perLanguage = ledger ? languageInputs(shared, config, language) : '';
      // Each writer's handbooks in category order; a PDF may still be being written on a worker thread.
      const written = new Map(writers.map((w) => [w, { metas: [] as Promise<HandbookMeta>[], upToDate: 0 }]));
      for (const category of categories) {
        const inputs = ledger ? handbookInputs(perLanguage, category, store, date) : '';
        const fileOf = (writer: Writer) => join(dir, `${fileNameOf(category.slug)}.${writer.extension}`);
        const known = writers.map((writer) => freshHandbook(ledger, fileOf(writer), fingerprint(inputs, writer.format)));
        // Assembled only when some format must be made again, reusing the articles that did not change.
        const fragments = known.every(Boolean) ? undefined : fragmentsOf(config, ledger, language, category, perLanguage, store);
        const document = known.every(Boolean) ? undefined : assembleHandbook({ config, center, category, language, store, t, date }, fragments);
        const local = fragments ? { ...run, fragments } : run;
        for (const [k, writer] of writers.entries()) {
          const into = written.get(writer)!;
          const meta = known[k];
          if (meta) {
            into.upToDate++;
            into.metas.push(Promise.resolve(meta));
            continue;
          }
          const writing: Promise<WriterResult> = threads && writer.format === 'pdf' ? (await threads.start(document!, dir, run, words)).done : Promise.resolve(await writer.write(document!, dir, local));
          into.metas.push(
            writing.then((result) => {
              const made = { files: result.files, summary: summaryOf(document!), documentWarnings: document!.warnings, writerWarnings: result.warnings };
              ledger?.recordFile(result.files[0]!, fingerprint(inputs, writer.format), made);
              return made;
            }),
          );
        }
        fragments?.save();
        // The next category reads other store files: its entries are not kept for the rest of the language.
        store.reload();
        options.onHandbook?.(++done, total);
      }
      await threads?.flush();
      for (const writer of writers) {
        const into = written.get(writer)!;
        const handbooks: WrittenHandbook[] = [];
        const files: string[] = [];
        const warnings: DocumentWarning[] = [];
        for (const meta of await Promise.all(into.metas)) {
          handbooks.push({ summary: meta.summary, file: meta.files[0]! });
          files.push(...meta.files);
          // The document's own warnings belong to the document: reported once, with the first writer.
          warnings.push(...(writer === writers[0] ? meta.documentWarnings : []), ...meta.writerWarnings);
        }
        const finished = writer.finish ? await writer.finish(options.categories ? withHandbooksInFolder(handbooks, center, writer, dir, language, store, t) : handbooks, dir) : { files: [], warnings: [] };
        builds.push({ language, format: writer.format, handbooks: handbooks.map((x) => x.file), files: [...files, ...finished.files], warnings: [...warnings, ...finished.warnings], upToDate: into.upToDate });
      }
    }
  } finally {
    await threads?.close();
  }
  return builds;
}
