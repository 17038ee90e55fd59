// `build --format html,md,…`: one handbook document per language × category, assembled once, then
// handed to every writer asked for.
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { assembleHandbook } from '../handbook/assemble.ts';
import type { DocumentWarning } from '../handbook/document.ts';
import type { HelpCenter } from '../model/types.ts';
import { TranslationStore } from '../store/translations.ts';
import { createTranslator } from '../words/words.ts';
import { WRITERS, type Writer, type WrittenHandbook } from './writers.ts';

export interface HandbookBuildOptions {
  readonly languages: readonly string[];
  /** Writer formats (keys of `WRITERS`): `html`, `md`… */
  readonly formats: readonly string[];
  /** Output root: files go to `<outDir>/<lang>/`. */
  readonly outDir: string;
  readonly categories?: readonly string[];
  readonly date?: Date;
  readonly onHandbook?: (done: number, total: number) => void;
}

export interface HandbookBuild {
  readonly language: string;
  readonly format: string;
  /** The handbooks written, one per category with articles to show. */
  readonly handbooks: readonly string[];
  /** Every file written: handbooks, index, pictures, icons. */
  readonly files: readonly string[];
  readonly warnings: readonly DocumentWarning[];
}

export function writerOf(format: string): Writer {
  const writer = WRITERS.get(format);
  if (!writer) throw new Error(`no handbook writer for "${format}" (known: ${[...WRITERS.keys()].join(', ')})`);
  return writer;
}

export async function publishHandbooks(config: Config, center: HelpCenter, options: HandbookBuildOptions): Promise<HandbookBuild[]> {
  const date = options.date ?? new Date();
  const writers = options.formats.map(writerOf);
  const categories = center.categories.filter((c) => (!options.categories || options.categories.includes(c.slug)) && c.articles.some((a) => !a.hidden));
  const total = categories.length * options.languages.length;
  let done = 0;
  const builds: HandbookBuild[] = [];
  for (const language of options.languages) {
    const t = await createTranslator(config.locales, language, config.sourceLanguage);
    const store = new TranslationStore(config.locales, language);
    const dir = join(options.outDir, language);
    const written = new Map(writers.map((w) => [w, { handbooks: [] as WrittenHandbook[], files: [] as string[], warnings: [] as DocumentWarning[] }]));
    for (const category of categories) {
      const document = assembleHandbook({ config, center, category, language, store, t, date });
      for (const writer of writers) {
        const result = await writer.write(document, dir, config.cache === undefined ? {} : { cache: config.cache });
        const into = written.get(writer)!;
        into.handbooks.push({ document, file: result.files[0]! });
        into.files.push(...result.files);
        // The document's own warnings belong to the document: reported once, with the first writer.
        into.warnings.push(...(writer === writers[0] ? document.warnings : []), ...result.warnings);
      }
      options.onHandbook?.(++done, total);
    }
    for (const writer of writers) {
      const into = written.get(writer)!;
      const finished = writer.finish ? await writer.finish(into.handbooks, dir) : { files: [], warnings: [] };
      builds.push({ language, format: writer.format, handbooks: into.handbooks.map((x) => x.file), files: [...into.files, ...finished.files], warnings: [...into.warnings, ...finished.warnings] });
    }
  }
  return builds;
}
