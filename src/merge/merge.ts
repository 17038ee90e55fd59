// The merge stage: reads returned XLIFF, checks every unit against the current articles, and keeps
// the valid translations in the store. A refused unit, an older file or a crash never loses one.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { checkLanguage, type Config } from '../config/config.ts';
import type { Article, Code, HelpCenter, Unit } from '../model/types.ts';
import { decodeUtf8 } from '../parse/article.ts';
import { ArticleError } from '../parse/problem.ts';
import { withLock } from '../store/lock.ts';
import { readStoreFile, storePath, writeStoreFile, type StoreFile, type StoredUnit } from '../store/store.ts';
import { fromTagged, toTagged } from '../store/tagged.ts';
import { categoryTitleUnits, textOfUnit, wordUnits, WORDS_ORIGINAL, writeWords } from '../words/words.ts';
import { readXliff, XmlError, type InlineToken, type ReadFile, type ReadUnit } from '../xliff/read.ts';
import { checkCodes, isEmptyTarget, normalizeTarget } from './check.ts';

export interface MergeProblem {
  readonly file: string;
  readonly line: number;
  readonly unit?: string;
  readonly message: string;
  /** Warnings are kept (an outdated translation); errors were refused. */
  readonly severity: 'error' | 'warning';
}

export interface MergeCounts {
  stored: number;
  unchanged: number;
  outdated: number;
  empty: number;
  refused: number;
}

export interface MergeReport extends MergeCounts {
  readonly files: number;
  readonly languages: readonly string[];
  readonly problems: readonly MergeProblem[];
}

export interface MergeOptions {
  readonly files: readonly string[];
  /** Expected target language; by default any configured target language. */
  readonly language?: string;
  readonly dryRun?: boolean;
  /** Called after each file, for a progress bar. */
  readonly onFile?: (done: number, total: number) => void;
}

/** Ids this project gives units of article bodies: a unit of an older version of an article. */
const BODY_UNIT_ID = /^(?:p|h|li|td|cap|alt|html|attr)-[0-9a-f]{10}(?:-\d+)?$/;

interface Documents {
  readonly articles: ReadonlyMap<string, Article>;
  readonly categories: ReadonlyMap<string, readonly Unit[]>;
  /** Words naming the categories no category file names. */
  readonly categoryTitles: readonly Unit[];
}

function documentsOf(center: HelpCenter): Documents {
  return {
    articles: new Map(center.categories.flatMap((c) => c.articles.map((a) => [a.path, a] as const))),
    categories: new Map(center.categories.map((c) => [`category:${c.slug}`, c.units] as const)),
    categoryTitles: categoryTitleUnits(center.categories),
  };
}

/** Units of the document an XLIFF <file> names, or why it names none. */
function unitsOf(original: string, docs: Documents, config: Config, language: string): readonly Unit[] | string {
  if (original === WORDS_ORIGINAL) return [...wordUnits(config.locales, config.sourceLanguage, language), ...docs.categoryTitles];
  if (original.startsWith('category:')) return docs.categories.get(original) ?? `category "${original.slice(9)}" does not exist in this help center`;
  const normal = posix.normalize(original);
  if (original === '' || posix.isAbsolute(original) || original.includes('\\') || normal.startsWith('..') || normal !== original) {
    return `"${original}" is outside the articles folder: this file was not written for this help center`;
  }
  return docs.articles.get(original)?.units ?? `no article "${original}" in the articles folder (renamed or deleted?): re-extract`;
}

class Ledger {
  readonly problems: MergeProblem[] = [];
  readonly counts: MergeCounts = { stored: 0, unchanged: 0, outdated: 0, empty: 0, refused: 0 };
  constructor(private readonly xliffFile: string) {}
  refuse(line: number, message: string, unit?: string, units = 1): void {
    this.problems.push({ file: this.xliffFile, line, message, severity: 'error', ...(unit ? { unit } : {}) });
    this.counts.refused += units;
  }
  warn(line: number, message: string, unit?: string): void {
    this.problems.push({ file: this.xliffFile, line, message, severity: 'warning', ...(unit ? { unit } : {}) });
  }
}

/**
 * Pending store files, read once and written once. The handbook's words are kept apart, as the
 * i18next resources the handbooks read (`locales/<lang>/handbook.json`).
 */
class PendingStore {
  private readonly files = new Map<string, Record<string, StoredUnit>>();
  private readonly words = new Map<string, { units: Map<string, Unit>; entries: Record<string, StoredUnit> }>();
  constructor(
    private readonly config: Config,
    private readonly categoryTitles: readonly Unit[],
  ) {}
  entries(language: string, original: string): Record<string, StoredUnit> {
    if (original === WORDS_ORIGINAL) {
      let words = this.words.get(language);
      if (!words) {
        const units = [...wordUnits(this.config.locales, this.config.sourceLanguage, language), ...this.categoryTitles];
        this.words.set(language, (words = { units: new Map(units.map((u) => [u.id, u])), entries: {} }));
      }
      return words.entries;
    }
    const path = storePath(this.config.locales, language, original);
    let entries = this.files.get(path);
    if (!entries) this.files.set(path, (entries = { ...readStoreFile(path) }));
    return entries;
  }
  write(): void {
    for (const [path, entries] of this.files) writeStoreFile(path, entries as StoreFile);
    for (const [language, { units, entries }] of this.words) {
      const texts: Record<string, string> = {};
      for (const [id, entry] of Object.entries(entries)) {
        const unit = units.get(id);
        const target = unit && entry.state !== 'outdated' ? fromTagged(entry.target, unit.segments.filter((s): s is Code => s.type === 'code')) : undefined;
        if (target) texts[id] = textOfUnit(target);
      }
      if (Object.keys(texts).length) writeWords(this.config.locales, language, texts);
    }
  }
}

function displaysOf(unit: Unit | undefined): Map<string, string> {
  const codes = (unit?.segments ?? []).filter((s): s is Code => s.type === 'code');
  return new Map(codes.map((c) => [`${c.kind}:${c.id}`, c.display]));
}

/** A plural form of the handbook's words may spell its number out ("مقالتان") and leave `{{count}}` out. */
function optionalCodes(original: string, unit: Unit | undefined): Set<string> {
  if (original !== WORDS_ORIGINAL || !unit || !/_(zero|one|two|few|many|other)$/.test(unit.id)) return new Set();
  return new Set(unit.segments.filter((s): s is Code => s.type === 'code' && s.data.replace(/\s/g, '') === '{{count}}').map((c) => `${c.kind}:${c.id}`));
}

function mergeUnit(read: ReadUnit, current: Unit | undefined, language: string, original: string, store: PendingStore, ledger: Ledger): void {
  if (isEmptyTarget(read.target)) {
    ledger.counts.empty++;
    return;
  }
  if (read.problem) return ledger.refuse(read.line, read.problem, read.id);
  if (!current && !BODY_UNIT_ID.test(read.id)) {
    return ledger.refuse(read.line, `unit "${read.id}" does not exist in ${original}: was the id edited? re-extract and translate the new file`, read.id);
  }
  const currentSource = current ? toTagged(current.segments) : undefined;
  const readSource = toTagged(normalizeTarget(read.source, read.source));
  const isCurrent = currentSource !== undefined && readSource === currentSource;
  const reference: readonly { id: string | number; kind: string }[] = isCurrent
    ? current!.segments.filter((s): s is Code => s.type === 'code')
    : read.source.filter((t): t is Extract<InlineToken, { type: 'code' }> => t.type === 'code');
  const target = normalizeTarget(read.target!, read.source);
  const wrong = checkCodes(reference, target, displaysOf(isCurrent ? current : undefined), optionalCodes(original, current));
  if (wrong) return ledger.refuse(read.line, `${wrong}; the unit was not stored`, read.id);

  const entries = store.entries(language, original);
  const stored = entries[read.id];
  if (stored && read.revision !== undefined && read.revision < stored.revision) {
    return ledger.refuse(read.line, `this file is older than the stored translation (extracted at revision ${read.revision}, store has ${stored.revision}): the stored one is kept; re-extract to change it`, read.id);
  }
  const entry: StoredUnit = {
    source: isCurrent ? currentSource! : readSource,
    target: toTagged(target),
    state: isCurrent ? read.state : 'outdated',
    revision: (stored?.revision ?? 0) + 1,
  };
  if (!isCurrent) {
    if (stored && stored.state !== 'outdated' && stored.source === currentSource) {
      return ledger.refuse(read.line, 'the article changed after this file was extracted and a current translation is stored: the stored one is kept', read.id);
    }
    ledger.warn(read.line, 'the source changed after this file was extracted: kept as outdated, not published; re-extract to translate the new text', read.id);
    ledger.counts.outdated++;
  }
  if (stored && stored.source === entry.source && stored.target === entry.target && stored.state === entry.state) {
    ledger.counts.unchanged++;
    return;
  }
  entries[read.id] = entry;
  if (isCurrent) ledger.counts.stored++;
}

function mergeFile(file: ReadFile, docs: Documents, config: Config, options: MergeOptions, store: PendingStore, ledger: Ledger, languages: Set<string>): void {
  const refuseAll = (message: string) => ledger.refuse(file.line, `${message}; none of its ${file.units.length} units were stored`, undefined, file.units.length);
  let language: string;
  try {
    language = checkLanguage(file.targetLanguage ?? '', 'target language');
  } catch {
    return refuseAll(`<file original="${file.original}"> names no valid target language ("${file.targetLanguage ?? ''}")`);
  }
  const expected = options.language ?? undefined;
  if (expected ? language !== expected : !config.targetLanguages.includes(language)) {
    return refuseAll(`the target language is "${language}", expected ${expected ? `"${expected}"` : `one of ${config.targetLanguages.join(', ') || '(none configured)'}`}`);
  }
  if (file.sourceLanguage && file.sourceLanguage.toLowerCase() !== config.sourceLanguage.toLowerCase()) {
    return refuseAll(`the source language is "${file.sourceLanguage}", but the articles are in "${config.sourceLanguage}"`);
  }
  const units = unitsOf(file.original, docs, config, language);
  if (typeof units === 'string') return refuseAll(units);
  const seen = new Set<string>();
  for (const unit of file.units) {
    if (seen.has(unit.id)) return refuseAll(`unit id "${unit.id}" appears twice (line ${unit.line})`);
    seen.add(unit.id);
  }
  languages.add(language);
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const unit of file.units) mergeUnit(unit, byId.get(unit.id), language, file.original, store, ledger);
}

function readXliffFile(path: string, ledger: Ledger) {
  try {
    const { text } = decodeUtf8(readFileSync(path), path);
    return readXliff(text);
  } catch (error) {
    if (error instanceof XmlError) ledger.refuse(error.line, `${error.reason}: the file was not merged`);
    else if (error instanceof ArticleError) ledger.refuse(error.line, `${error.reason}: the file was not merged`);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT') ledger.refuse(0, 'no such file');
    else throw error;
    return undefined;
  }
}

export function merge(config: Config, center: HelpCenter, options: MergeOptions): MergeReport {
  const docs = documentsOf(center);
  const store = new PendingStore(config, docs.categoryTitles);
  const languages = new Set<string>();
  const ledgers = options.files.map((path, index) => {
    const ledger = new Ledger(path);
    const xliff = readXliffFile(path, ledger);
    for (const file of xliff?.files ?? []) mergeFile(file, docs, config, options, store, ledger, languages);
    options.onFile?.(index + 1, options.files.length);
    return ledger;
  });
  if (!options.dryRun) store.write();
  const total: MergeCounts = { stored: 0, unchanged: 0, outdated: 0, empty: 0, refused: 0 };
  for (const ledger of ledgers) for (const key of Object.keys(total) as (keyof MergeCounts)[]) total[key] += ledger.counts[key];
  return { files: options.files.length, languages: [...languages].sort(), ...total, problems: ledgers.flatMap((l) => l.problems) };
}

/** Merge holding the store lock, so two merges at once cannot lose each other's work. */
export function mergeLocked(config: Config, center: HelpCenter, options: MergeOptions): MergeReport {
  return withLock(join(config.locales, '.merge.lock'), () => merge(config, center, options));
}
