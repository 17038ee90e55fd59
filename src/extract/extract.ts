// The extract stage: from the model, one XLIFF document per target language and category, holding
// what needs translating: new units, units changed since their translation (with the earlier
// translation as a reference) and untranslated ones. Exact repeats are filled from the memory.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Category, Code, FileProblem, HelpCenter, Unit } from '../model/types.ts';
import { TranslationMemory, type MemoryEntry } from '../store/memory.ts';
import { documentsOf, progressOf, type UnitProgress } from '../store/progress.ts';
import { NearIndex } from '../store/near-index.ts';
import { storePath, writeStoreFile, type StoredUnit } from '../store/store.ts';
import { fromTagged, segmentsOfTagged, toTagged } from '../store/tagged.ts';
import { TranslationStore } from '../store/translations.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { merge } from '../merge/merge.ts';
import type { OutputLedger } from '../cache/outputs.ts';
import { MemoryChanges, memoryQueries, packageInputs } from './up-to-date.ts';
import { resolve } from 'node:path';
import type { PackageFile, PackageUnit, Reference, XliffPackage, XliffVersion } from '../xliff/package.ts';
import { writeXliff, type WriteOptions } from '../xliff/write.ts';
import { categoryTitleUnits, readWords, segmentsOf, WORDS_ORIGINAL, wordsToTranslate } from '../words/words.ts';

/** The file name of the handbook's words package in each language's folder. */
export const WORDS_FILE = 'handbook-words';

export interface ExtractOptions {
  readonly languages: readonly string[];
  readonly version: XliffVersion;
  /** Folder that receives `<lang>/<category>.xlf`. */
  readonly outDir: string;
  /** Write every unit (with its current translation as target), not only those that need translating. */
  readonly all: boolean;
  /** How untranslated targets and codes are written, for the translators' tools (see `PROFILES`). */
  readonly write?: WriteOptions;
  readonly onFile?: (done: number, total: number) => void;
  /** Remembers what each file was made from; a file whose inputs did not change is not made again. */
  readonly ledger?: OutputLedger;
}

export interface ExtractedFile {
  readonly path: string;
  readonly language: string;
  readonly category: string;
  readonly units: number;
  readonly words: number;
  /** False when the file already held exactly this (it was not written again). */
  readonly changed: boolean;
}

export interface ExtractResult {
  readonly files: readonly ExtractedFile[];
  readonly units: number;
  readonly words: number;
  /** Units filled from the translation memory instead of being sent, per language. */
  readonly memoryFilled: Readonly<Record<string, number>>;
  /** Files of an earlier extract that now hold nothing to translate, removed. */
  readonly removed: readonly string[];
  readonly problems: readonly FileProblem[];
  /** Files (or absent files) found up to date through the ledger, not made again. */
  readonly upToDate: number;
  /**
   * Files in the output folder holding translations the store does not (a translator's returned
   * file put where it was sent from), left as they were instead of being replaced or removed.
   */
  readonly unmerged: readonly UnmergedFile[];
}

export interface UnmergedFile {
  readonly path: string;
  /** Translations a merge of the file would store. */
  readonly translations: number;
}

/** A category slug as a file name: nothing that could leave the output folder. */
export function fileNameOf(slug: string): string {
  return slug.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^\.+/, '_') || '_';
}

const SUGGESTIONS = 3;

/** Everything one language needs while its packages are made. */
class LanguageRun {
  readonly store: TranslationStore;
  readonly memory: TranslationMemory;
  /** Near matches among the memory's current entries, indexed once per run. */
  private memoryIndex: NearIndex<MemoryEntry> | undefined;
  /** Entries filled from the memory, by document, written at the end. */
  readonly fills = new Map<string, Record<string, StoredUnit>>();
  filled = 0;

  constructor(
    readonly config: Config,
    readonly language: string,
  ) {
    this.store = new TranslationStore(config.locales, language);
    this.memory = new TranslationMemory(config.locales, language, ({ original }) => this.store.file(original));
  }

  get threshold(): number {
    return this.config.fuzzyMatch / 100;
  }

  fill(original: string, unit: Unit, target: string, previous: StoredUnit | undefined): StoredUnit {
    const entry: StoredUnit = { source: toTagged(unit.segments), target, state: 'needs-review', revision: (previous?.revision ?? 0) + 1 };
    const entries = this.fills.get(original) ?? { ...this.store.file(original) };
    entries[unit.id] = entry;
    this.fills.set(original, entries);
    this.filled++;
    return entry;
  }

  /** Suggestions already found in this run, by source text: a fifth of the corpus's units repeat another's. */
  private readonly suggested = new Map<string, readonly Reference[]>();

  suggestions(source: string): readonly Reference[] {
    let found = this.suggested.get(source);
    if (!found) this.suggested.set(source, (found = this.nearMatches(source)));
    return found;
  }

  private nearMatches(source: string): Reference[] {
    this.memoryIndex ??= new NearIndex(this.memory.entries().filter((e) => e.state !== 'outdated'), (e) => e.source, this.threshold);
    return this.memoryIndex.nearest(source, SUGGESTIONS).map(({ candidate, score }) => ({
      source: segmentsOfTagged(candidate.source),
      target: segmentsOfTagged(candidate.target),
      score: score * 100,
      origin: 'translation-memory' as const,
    }));
  }

  /** A document's store entries as this run leaves them (its memory fills included). */
  entriesOf(original: string): Readonly<Record<string, StoredUnit>> {
    return this.fills.get(original) ?? this.store.file(original);
  }

  writeFills(): void {
    for (const [original, entries] of this.fills) writeStoreFile(storePath(this.config.locales, this.language, original), entries);
  }
}

function translationAsTarget(unit: Unit, entry: StoredUnit): Pick<PackageUnit, 'target' | 'state'> {
  const target = fromTagged(entry.target, unit.segments.filter((s): s is Code => s.type === 'code'));
  return target ? { target, state: entry.state } : {};
}

/** What the memory gives a unit without a current translation: an exact match, or else the source to find near matches of. */
function memoryLookup(run: LanguageRun, unit: Unit, state: UnitProgress): { exact: MemoryEntry } | { source: string } | undefined {
  if (state.status === 'translated') return undefined;
  const source = toTagged(unit.segments);
  const exact = run.memory.exact(source);
  return exact && exact.state !== 'outdated' ? { exact } : { source };
}

/** The package unit of one unit, or nothing when it needs no translation. */
function packageUnitOf(run: LanguageRun, original: string, unit: Unit, state: UnitProgress, all: boolean): PackageUnit | undefined {
  const entry = run.store.entry(unit);
  const revision = entry?.revision ?? 0;
  if (state.status === 'translated') return all ? { unit, revision, ...translationAsTarget(unit, state.entry) } : undefined;
  const lookup = memoryLookup(run, unit, state)!;
  if ('exact' in lookup) {
    const filled = run.fill(original, unit, lookup.exact.target, entry);
    return all ? { unit, revision: filled.revision, ...translationAsTarget(unit, filled) } : undefined;
  }
  const references: Reference[] = [];
  if (state.status === 'outdated') {
    references.push({ source: segmentsOfTagged(state.previous.source), target: segmentsOfTagged(state.previous.target), score: state.score * 100, origin: 'previous-version' });
  }
  references.push(...run.suggestions(lookup.source).filter((s) => state.status !== 'outdated' || toTagged(s.source) !== state.previous.source));
  return { unit, revision, ...(references.length ? { references } : {}) };
}

/** The XLIFF package of one category in one language: its title file, then its articles in order. */
function packageOf(run: LanguageRun, category: Category, all: boolean): XliffPackage {
  const documents = documentsOf(category.units, category.slug, category.articles).map(({ original, units }) => ({ original, units, progress: progressOf(run.store, original, units, run.threshold) }));
  // The category's near-match queries first, one after the other: the index stays in the CPU's
  // cache, where asked between the other work of each unit it had to be read from memory again.
  for (const { units, progress } of documents) {
    for (const unit of units) {
      const lookup = memoryLookup(run, unit, progress.get(unit)!);
      if (lookup && 'source' in lookup) run.suggestions(lookup.source);
    }
  }
  const files: PackageFile[] = [];
  for (const { original, units, progress } of documents) {
    const kept = units.map((unit) => packageUnitOf(run, original, unit, progress.get(unit)!, all)).filter((u): u is PackageUnit => u !== undefined);
    if (kept.length > 0) files.push({ original, units: kept });
  }
  return { sourceLanguage: run.config.sourceLanguage, targetLanguage: run.language, files };
}

/** The handbook's own words ("Contents", "Page 3 of 41") that the language still needs. */
function wordsPackage(config: Config, center: HelpCenter, language: string, all: boolean): XliffPackage {
  // With --all, translated words go out with their translation as target, like article units.
  const translated = all ? readWords(config.locales, language, config.sourceLanguage) : {};
  const units = wordsToTranslate(config.locales, config.sourceLanguage, language, all, categoryTitleUnits(center.categories)).map((unit) => {
    const text = language === config.sourceLanguage ? undefined : translated[unit.id];
    return text === undefined ? { unit } : { unit, target: segmentsOf(text), state: 'translated' as const };
  });
  return { sourceLanguage: config.sourceLanguage, targetLanguage: language, files: units.length ? [{ original: WORDS_ORIGINAL, units }] : [] };
}

/**
 * Writes a package unless the file already holds exactly it; an empty package removes the file
 * an earlier extract left, so no stale work is sent again.
 */
type WrittenPackage = Omit<ExtractedFile, 'language' | 'category'> & { xml: string };

/**
 * Writes a package to `path` (or removes the file when the package is empty), unless the file there
 * must be kept: `keep` is asked about the file's current text before it is replaced or removed.
 */
function writePackage(path: string, pkg: XliffPackage, version: XliffVersion, removed: string[], write: WriteOptions = {}, keep: (path: string, existing: string) => boolean = () => false): WrittenPackage | 'kept' | undefined {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (pkg.files.length === 0) {
    if (existing === undefined) return undefined;
    if (keep(path, existing)) return 'kept';
    rmSync(path), removed.push(path);
    return undefined;
  }
  const xml = writeXliff(pkg, version, write);
  const changed = existing !== xml;
  if (changed && existing !== undefined && keep(path, existing)) return 'kept';
  if (changed) writeFileAtomic(path, xml);
  const units = pkg.files.flatMap((f) => f.units);
  return { path, units: units.length, words: units.reduce((n, u) => n + u.unit.words, 0), changed, xml };
}

/** The package one category would be extracted as (the store is not changed). */
export function categoryPackage(config: Config, category: Category, language: string, all: boolean): XliffPackage {
  return packageOf(new LanguageRun(config, language), category, all);
}

export function extract(config: Config, center: HelpCenter, options: ExtractOptions): ExtractResult {
  const files: ExtractedFile[] = [];
  const removed: string[] = [];
  const memoryFilled: Record<string, number> = {};
  const total = options.languages.length * center.categories.length;
  const ledger = options.ledger;
  const settings = { version: options.version, all: options.all, write: options.write ?? {} };
  let done = 0;
  let upToDate = 0;
  const unmerged: UnmergedFile[] = [];
  for (const language of options.languages) {
    // A file this command did not write as it is now may be a translator's delivery: what a merge
    // of it would store is not in the store yet, so the file is kept for that merge. (A text the
    // store holds is no loss, whatever state the file gives it: extract --all writes memory fills.)
    const keepUnmerged = (path: string, existing: string): boolean => {
      if (ledger?.wrote(path, existing)) return false;
      const report = merge(config, center, { files: [path], language, dryRun: true, sameTextUnchanged: true });
      const translations = report.stored + report.replaced + report.outdated;
      if (translations > 0) unmerged.push({ path, translations });
      return translations > 0;
    };
    const run = new LanguageRun(config, language);
    const changes = ledger?.enabled ? new MemoryChanges(ledger, `memory\u0000${language}\u0000${resolve(options.outDir)}`, run.memory, run.threshold) : undefined;
    for (const category of center.categories) {
      const path = join(options.outDir, language, `${fileNameOf(category.slug)}.xlf`);
      const entriesOf = (original: string) => run.entriesOf(original);
      const known = changes && ledger!.fresh(path, packageInputs(config, category, language, settings, entriesOf));
      options.onFile?.(++done, total);
      if (known && !changes.touches(() => memoryQueries(category, entriesOf))) {
        upToDate++;
        const meta = known.meta as Omit<ExtractedFile, 'changed'> | undefined;
        if (meta) files.push({ path: meta.path, units: meta.units, words: meta.words, changed: false, language: meta.language, category: meta.category });
        continue;
      }
      const pkg = packageOf(run, category, options.all);
      const written = writePackage(path, pkg, options.version, removed, options.write, keepUnmerged);
      if (written === 'kept') continue;
      if (written) files.push({ path, units: written.units, words: written.words, changed: written.changed, language, category: category.slug });
      if (changes) {
        const meta = written ? { path, units: written.units, words: written.words, language, category: category.slug } : undefined;
        ledger!.record(path, packageInputs(config, category, language, settings, entriesOf), written ? written.xml : null, meta);
      }
    }
    run.writeFills();
    changes?.remember();
    memoryFilled[language] = run.filled;
    const words = wordsPackage(config, center, language, options.all);
    options.onFile?.(done, total);
    const wordsFile = writePackage(join(options.outDir, language, `${WORDS_FILE}.xlf`), words, options.version, removed, options.write, keepUnmerged);
    if (wordsFile && wordsFile !== 'kept') {
      const { xml: _xml, ...file } = wordsFile;
      files.push({ ...file, language, category: WORDS_FILE });
    }
  }
  return {
    files,
    units: files.reduce((n, f) => n + f.units, 0),
    words: files.reduce((n, f) => n + f.words, 0),
    memoryFilled,
    removed,
    problems: center.problems,
    upToDate,
    unmerged,
  };
}
