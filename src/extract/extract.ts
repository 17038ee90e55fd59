// The extract stage: from the model, one XLIFF document per target language and category.
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Category, FileProblem, HelpCenter, Unit } from '../model/types.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { PackageFile, PackageUnit, XliffPackage, XliffVersion } from '../xliff/package.ts';
import { TranslationStore } from '../store/translations.ts';
import { writeXliff } from '../xliff/write.ts';

export interface ExtractOptions {
  readonly languages: readonly string[];
  readonly version: XliffVersion;
  /** Folder that receives `<lang>/<category>.xlf`. */
  readonly outDir: string;
  /** Write every unit (with its current translation as target), not only those that need translating. */
  readonly all: boolean;
  readonly onFile?: (done: number, total: number) => void;
}

export interface ExtractedFile {
  readonly path: string;
  readonly language: string;
  readonly category: string;
  readonly units: number;
  readonly words: number;
}

export interface ExtractResult {
  readonly files: readonly ExtractedFile[];
  readonly units: number;
  readonly words: number;
  readonly problems: readonly FileProblem[];
}

/** A category slug as a file name: nothing that could leave the output folder. */
export function fileNameOf(slug: string): string {
  return slug.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '_') || '_';
}

/**
 * The XLIFF package of one category in one language: its title file, then its articles in order.
 * A unit with a current translation is left out, or (with `all`) carries it as its target.
 */
export function packageOf(config: Config, category: Category, store: TranslationStore, all: boolean): XliffPackage {
  const files: PackageFile[] = [];
  const add = (original: string, units: readonly Unit[]) => {
    const kept: PackageUnit[] = [];
    for (const unit of units) {
      const entry = store.entry(unit);
      const current = store.current(unit);
      if (current && !all) continue;
      const target = current ? store.translationOf(unit) : undefined;
      kept.push({ unit, revision: entry?.revision ?? 0, ...(target ? { target, state: current!.state } : {}) });
    }
    if (kept.length > 0) files.push({ original, units: kept });
  };
  add(`category:${category.slug}`, category.units);
  for (const article of category.articles) add(article.path, article.units);
  return { sourceLanguage: config.sourceLanguage, targetLanguage: store.language, files };
}

export function extract(config: Config, center: HelpCenter, options: ExtractOptions): ExtractResult {
  const files: ExtractedFile[] = [];
  const total = options.languages.length * center.categories.length;
  let done = 0;
  for (const language of options.languages) {
    const store = new TranslationStore(config.locales, language);
    for (const category of center.categories) {
      const pkg = packageOf(config, category, store, options.all);
      options.onFile?.(++done, total);
      if (pkg.files.length === 0) continue;
      const path = join(options.outDir, language, `${fileNameOf(category.slug)}.xlf`);
      writeFileAtomic(path, writeXliff(pkg, options.version));
      const units = pkg.files.flatMap((f) => f.units);
      files.push({ path, language, category: category.slug, units: units.length, words: units.reduce((n, u) => n + u.unit.words, 0) });
    }
  }
  return {
    files,
    units: files.reduce((n, f) => n + f.units, 0),
    words: files.reduce((n, f) => n + f.words, 0),
    problems: center.problems,
  };
}
