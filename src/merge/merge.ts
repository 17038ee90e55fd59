// The merge stage: reads returned XLIFF, checks every unit against the current articles, and keeps
// the valid translations in the store. A refused unit, an older file or a crash never loses one.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { checkLanguage, type Config } from '../config/config.ts';
import type { Article, Code, HelpCenter, Segment, Unit, UnitKind } from '../model/types.ts';
import { contentKey, shortHash } from '../model/unit.ts';
import { KIND_PREFIX } from '../parse/article.ts';
import { ArticleError } from '../parse/problem.ts';
import { inTransaction, withStore } from '../store/transaction.ts';
import { canonicalJson } from '../cache/outputs.ts';
import { readStoreFile, storePath, writeStoreFile, type StoreFile, type StoredUnit } from '../store/store.ts';
import { fromTagged, toTagged } from '../store/tagged.ts';
import { categoryTitleUnits, readWords, segmentsOf, textOfUnit, wordUnits, WORDS_ORIGINAL, writeWords } from '../words/words.ts';
import { XmlError, type InlineToken, type ReadFile, type ReadUnit } from '../xliff/read.ts';
import { checkCodes, checkText, codesFromText, isEmptyTarget, normalizeTarget } from './check.ts';
import { readXliffFileCached } from './read-cache.ts';

export interface MergeProblem {
  readonly file: string;
  readonly line: number;
  readonly unit?: string;
  readonly message: string;
  /** Warnings are kept (an outdated translation); errors were refused. */
  readonly severity: 'error' | 'warning';
}

export interface MergeCounts {
  /** Translations written to the store (current sources). */
  stored: number;
  /**
   * Stored translations replaced by a different one from a redelivery of the same extract (the
   * translator corrected the file the stored translation came from); not counted in `stored`.
   */
  replaced: number;
  /** Translations the store already holds (a merge run again, an older delivery with the same text). */
  unchanged: number;
  /** Translations of an earlier source, kept as outdated. */
  outdated: number;
  /** Units without a target, or with an empty one: not translated, skipped. */
  empty: number;
  /** Targets that are an untouched copy of the source (equal to it, marked new / needs-translation, or fuzzy in PO): skipped. */
  copies: number;
  /** Units carrying a translation that was not stored: see `refusedBy` and `problems`. */
  refused: number;
}

/** Why translations were not stored. */
export type RefusalReason = 'file' | 'language' | 'document' | 'foreign' | 'duplicate' | 'unit' | 'codes' | 'emptied' | 'older' | 'clash' | 'conflict' | 'segments';

export const REFUSAL_LABELS: Readonly<Record<RefusalReason, string>> = {
  file: 'file not readable as XLIFF',
  language: 'wrong language',
  document: 'unknown article or category',
  foreign: 'in a <file> this project did not write',
  duplicate: 'unit id twice',
  unit: 'unknown unit id',
  codes: 'inline codes changed',
  emptied: 'text left out (only codes, or an empty link or emphasis)',
  older: 'older than the stored translation',
  clash: 'translated differently by a file of the same extract merged before it',
  conflict: 'for an older source, a current translation is stored',
  segments: 'partly translated unit',
};

export interface MergeReport extends MergeCounts {
  readonly files: number;
  readonly languages: readonly string[];
  /** Refused units by reason (only reasons that occurred). */
  readonly refusedBy: Readonly<Partial<Record<RefusalReason, number>>>;
  /** `<file>` elements refused as a whole (foreign, wrong language, unknown article), and files not read. */
  readonly filesRefused: number;
  readonly problems: readonly MergeProblem[];
}

export interface MergeOptions {
  readonly files: readonly string[];
  /** Expected target language; by default any configured target language. */
  readonly language?: string;
  readonly dryRun?: boolean;
  /**
   * A translation whose source and text the store holds is `unchanged` whatever state the file
   * gives it (a memory fill written by `extract --all` and read back as translated): for a check
   * of which texts a file would add, as extract makes before it replaces a file.
   */
  readonly sameTextUnchanged?: boolean;
  /** Called after each file, for a progress bar. */
  readonly onFile?: (done: number, total: number) => void;
}

/** Ids this project gives units of article bodies: kind prefix, hash of kind and content, repeat number. */
const BODY_UNIT_ID = /^([a-z]+)-([0-9a-f]{10})(?:-\d+)?$/;
const KIND_OF_PREFIX = new Map(Object.entries(KIND_PREFIX).map(([kind, prefix]) => [prefix, kind as UnitKind]));

/**
 * True when `read` is a body unit this project extracted from an earlier version of the article:
 * its id is the hash of its kind and the source the file carries. Made-up ids are not.
 */
function extractedEarlier(read: ReadUnit): boolean {
  const match = BODY_UNIT_ID.exec(read.id);
  const kind = match ? KIND_OF_PREFIX.get(match[1]!) : undefined;
  if (!match || !kind || kind === 'front-matter' || kind === 'category-title') return false;
  const segments = read.source.map((t) => (t.type === 'text' ? t : { ...t, role: t.role ?? 'unknown' })) as unknown as Segment[];
  return shortHash(`${kind}\u0000${contentKey(segments)}`) === match[2];
}

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

function isOutside(original: string): boolean {
  const normal = posix.normalize(original);
  return original === '' || posix.isAbsolute(original) || original.includes('\\') || normal.startsWith('..') || normal !== original;
}

/** Units of the document an XLIFF <file> names, or why it names none. */
function unitsOf(original: string, docs: Documents, config: Config, language: string): readonly Unit[] | string {
  if (original === WORDS_ORIGINAL) return [...wordUnits(config.locales, config.sourceLanguage, language), ...docs.categoryTitles];
  if (original.startsWith('category:')) return docs.categories.get(original) ?? `category "${original.slice(9)}" does not exist in this help center`;
  if (isOutside(original)) {
    return `"${original}" is outside the articles folder: this file was not written for this help center`;
  }
  return docs.articles.get(original)?.units ?? `no article "${original}" in the articles folder (renamed or deleted?): re-extract`;
}

class Ledger {
  readonly problems: MergeProblem[] = [];
  readonly counts: MergeCounts = { stored: 0, replaced: 0, unchanged: 0, outdated: 0, empty: 0, copies: 0, refused: 0 };
  readonly reasons = new Map<RefusalReason, number>();
  filesRefused = 0;
  private readonly deliveries = new Map<number | undefined, Delivery>();
  constructor(readonly xliffFile: string) {}
  /** This file's delivery of a unit extracted at `revision` (one object per revision, as a merge remembers every unit delivered). */
  delivery(revision: number | undefined): Delivery {
    let delivery = this.deliveries.get(revision);
    if (!delivery) this.deliveries.set(revision, (delivery = { file: this.xliffFile, revision }));
    return delivery;
  }
  refuse(reason: RefusalReason, line: number, message: string, unit?: string, units = 1): void {
    this.problems.push({ file: this.xliffFile, line, message, severity: 'error', ...(unit ? { unit } : {}) });
    this.countRefused(reason, units);
  }
  /** Like refuse, but a message this file already gave is not repeated: its units are counted with it. */
  refuseOnce(reason: RefusalReason, line: number, message: string, units: number): void {
    if (this.problems.some((p) => p.severity === 'error' && p.message === message)) this.countRefused(reason, units);
    else this.refuse(reason, line, message, undefined, units);
  }
  private countRefused(reason: RefusalReason, units: number): void {
    this.counts.refused += units;
    if (units > 0) this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + units);
  }
  warn(line: number, message: string, unit?: string): void {
    this.problems.push({ file: this.xliffFile, line, message, severity: 'warning', ...(unit ? { unit } : {}) });
  }
}

/** A copy of `text` that shares no memory with the string it came from. */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** A unit as a file of this merge delivered it: the file, and the revision the unit was extracted at. */
interface Delivery {
  readonly file: string;
  readonly revision: number | undefined;
}

/**
 * Pending store files, read once and written once. The handbook's words are kept apart, as the
 * i18next resources the handbooks read (`locales/<lang>/handbook.json`).
 */
class PendingStore {
  private readonly files = new Map<string, Record<string, StoredUnit>>();
  /** Each store file as read, to leave a file no entry of which changed as it is (its time too). */
  private readonly read = new Map<string, string>();
  private readonly words = new Map<string, { units: Map<string, Unit>; entries: Record<string, StoredUnit>; before: Record<string, StoredUnit> }>();
  /**
   * Per document (language and original), the units a file of this merge delivered (stored, or
   * found unchanged): which file, and the revision the unit was extracted at.
   */
  private readonly deliveries = new Map<string, Map<string, Delivery>>();
  constructor(
    private readonly config: Config,
    private readonly categoryTitles: readonly Unit[],
  ) {}
  entries(language: string, original: string): Record<string, StoredUnit> {
    if (original === WORDS_ORIGINAL) {
      let words = this.words.get(language);
      if (!words) {
        const units = [...wordUnits(this.config.locales, this.config.sourceLanguage, language), ...this.categoryTitles];
        const byId = new Map(units.map((u) => [u.id, u]));
        // What handbook.json already holds, as entries: the same words merged again are unchanged.
        const entries: Record<string, StoredUnit> = Object.create(null);
        if (language !== this.config.sourceLanguage) {
          for (const [id, text] of Object.entries(readWords(this.config.locales, language, this.config.sourceLanguage))) {
            const unit = byId.get(id);
            const target = unit && typeof text === 'string' ? taggedWords(text, unit) : undefined;
            if (unit && target !== undefined) entries[id] = { source: toTagged(unit.segments), target, state: 'final', revision: 0 };
          }
        }
        this.words.set(language, (words = { units: byId, entries, before: { ...entries } }));
      }
      return words.entries;
    }
    const path = storePath(this.config.locales, language, original);
    let entries = this.files.get(path);
    if (!entries) {
      this.files.set(path, (entries = { ...readStoreFile(path) }));
      this.read.set(path, canonicalJson(entries));
    }
    return entries;
  }
  /**
   * Notes that `delivery.file` delivered the unit in this merge. The names kept are copies: a string
   * read from a file may be a slice of the whole file, which it would keep in memory (+180 MiB for
   * a merge of 160 files).
   */
  delivered(language: string, original: string, id: string, delivery: Delivery): void {
    const key = `${language}\u0000${original}`;
    let units = this.deliveries.get(key);
    if (!units) this.deliveries.set(detached(key), (units = new Map()));
    units.set(units.has(id) ? id : detached(id), delivery);
  }
  /** The file of this merge that last delivered the unit, if one did. */
  deliveryOf(language: string, original: string, id: string): Delivery | undefined {
    return this.deliveries.get(`${language}\u0000${original}`)?.get(id);
  }
  /**
   * Inside a store transaction, hands the store files changed so far to it (written aside on disk)
   * and forgets them: a merge of many deliveries holds one file's entries at a time, not every
   * language's store. A file changed again later is read back from the transaction.
   */
  release(): void {
    if (!inTransaction(this.config.locales)) return;
    this.writeFiles();
    this.files.clear();
    this.read.clear();
  }
  private writeFiles(): void {
    for (const [path, entries] of this.files) if (canonicalJson(entries) !== this.read.get(path) || !existsSync(path)) writeStoreFile(path, entries as StoreFile);
  }
  write(): void {
    this.writeFiles();
    for (const [language, { units, entries, before }] of this.words) {
      const texts: Record<string, string> = {};
      for (const [id, entry] of Object.entries(entries)) {
        if (before[id] === entry) continue;
        const unit = units.get(id);
        const target = unit && entry.state !== 'outdated' ? fromTagged(entry.target, unit.segments.filter((s): s is Code => s.type === 'code')) : undefined;
        if (target) texts[id] = textOfUnit(target);
      }
      if (Object.keys(texts).length) writeWords(this.config.locales, language, texts);
    }
  }
}

/** A translation of the handbook's words as tagged text, its `{{placeholders}}` taken as the unit's codes. */
function taggedWords(text: string, unit: Unit): string | undefined {
  const codes = unit.segments.filter((s): s is Code => s.type === 'code');
  const used = new Set<Code>();
  const segments: Segment[] = [];
  for (const segment of segmentsOf(text)) {
    if (segment.type === 'text') {
      segments.push(segment);
      continue;
    }
    const code = codes.find((c) => !used.has(c) && c.data === segment.data);
    if (!code) return undefined;
    used.add(code);
    segments.push(code);
  }
  return toTagged(segments);
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

/** Store states in order of progress: a merge never takes an entry back (a reviewed one stays reviewed). */
const STATE_RANK = new Map<string, number>([['outdated', 0], ['needs-review', 1], ['translated', 2], ['reviewed', 3], ['final', 4]]);

/**
 * The merge policy, unit by unit:
 * - no target, or an empty one: not translated, skipped (`empty`);
 * - a target equal to its source that the file marks as not translated (1.2 `new` or
 *   `needs-translation`, 2.0 `initial`, a fuzzy PO entry): an untouched copy, skipped (`copies`);
 * - any other target is a translation, whatever state a tool left on it (OmegaT keeps
 *   `needs-translation`), and is stored when its codes match the source, as outdated when the
 *   article changed since, and refused otherwise (`refused`, with the reason);
 * - a translation the store already holds for the same source is `unchanged`, whatever revision
 *   the file was extracted at; a different one from a file older than the store is refused, unless
 *   the file is a redelivery of the extract the stored translation came from (its `basedOn`): then
 *   it replaces it (`replaced`), except when a file before it in this same merge wrote it (`clash`).
 */
function mergeUnit(read: ReadUnit, current: Unit | undefined, language: string, original: string, store: PendingStore, ledger: Ledger, sameTextUnchanged = false): void {
  if (isEmptyTarget(read.target)) {
    ledger.counts.empty++;
    return;
  }
  if (read.problem) return ledger.refuse('segments', read.line, read.problem, read.id);
  const readSource = toTagged(normalizeTarget(read.source, read.source));
  const written = normalizeTarget(read.target!, read.source);
  if (read.fresh && toTagged(written) === readSource) {
    ledger.counts.copies++;
    return;
  }
  if (!current && !extractedEarlier(read)) {
    return ledger.refuse('unit', read.line, `unit "${read.id}" does not exist in ${original} and was never extracted from it: was the id edited? re-extract and translate the new file`, read.id);
  }
  const currentSource = current ? toTagged(current.segments) : undefined;
  const isCurrent = currentSource !== undefined && readSource === currentSource;
  // A target without any code, from a tool that turned the unit into plain text: its codes by their stand-ins.
  const target = (isCurrent && codesFromText(written, current!.segments.filter((s): s is Code => s.type === 'code'))) || written;
  const reference: readonly { id: string | number; kind: string }[] = isCurrent
    ? current!.segments.filter((s): s is Code => s.type === 'code')
    : read.source.filter((t): t is Extract<InlineToken, { type: 'code' }> => t.type === 'code');
  const wrong = checkCodes(reference, target, displaysOf(isCurrent ? current : undefined), optionalCodes(original, current));
  if (wrong) return ledger.refuse('codes', read.line, `${wrong}; the unit was not stored`, read.id);
  const emptied = checkText(isCurrent ? current!.segments : read.source, target, displaysOf(isCurrent ? current : undefined));
  if (emptied) return ledger.refuse('emptied', read.line, `${emptied}; the unit was not stored`, read.id);

  const entries = store.entries(language, original);
  const stored = Object.hasOwn(entries, read.id) ? entries[read.id] : undefined;
  const source = isCurrent ? currentSource! : readSource;
  const taggedTarget = toTagged(target);
  const sameText = stored !== undefined && stored.source === source && stored.target === taggedTarget;
  // The newest extract the entry's text or state came from: a reviewer's sign-off of the same text
  // in a later extract moves it on (a correction of the first delivery may no longer replace it).
  const basedOn = sameText && (read.revision === undefined || (stored.basedOn ?? -1) > read.revision) ? stored.basedOn : read.revision;
  const entry: StoredUnit = {
    source,
    target: taggedTarget,
    state: isCurrent ? read.state : 'outdated',
    revision: (stored?.revision ?? 0) + 1,
    ...(basedOn !== undefined ? { basedOn } : {}),
  };
  const delivery = ledger.delivery(read.revision);
  if (sameText && (sameTextUnchanged || (STATE_RANK.get(entry.state) ?? 0) <= (STATE_RANK.get(stored.state) ?? 0))) {
    store.delivered(language, original, read.id, delivery);
    ledger.counts.unchanged++;
    return;
  }
  const olderFile = stored !== undefined && read.revision !== undefined && read.revision < stored.revision && stored.target !== entry.target;
  // A corrected redelivery of the extract the stored translation came from replaces it.
  const redelivery = olderFile && read.revision === stored.basedOn;
  const before = redelivery ? store.deliveryOf(language, original, read.id) : undefined;
  if (before && before.file !== ledger.xliffFile && before.revision === read.revision) {
    return ledger.refuse('clash', read.line, `${before.file}, a file merged before this one in the same merge, is of the same extract (revision ${read.revision}) and translates this unit differently: its translation is kept; if this file is the corrected delivery, merge it on its own`, read.id);
  }
  if (olderFile && !redelivery) {
    return ledger.refuse('older', read.line, `this file is older than the stored translation (extracted at revision ${read.revision}, store has ${stored.revision}: translated since by a later delivery or by a file merged before this one in the same merge) and its translation differs: the stored one is kept; re-extract to change it`, read.id);
  }
  if (!isCurrent) {
    if (stored && stored.state !== 'outdated' && stored.source === currentSource) {
      return ledger.refuse('conflict', read.line, 'the article changed after this file was extracted and a current translation is stored: the stored one is kept', read.id);
    }
    ledger.warn(read.line, 'the source changed after this file was extracted: kept as outdated, not published; re-extract to translate the new text', read.id);
    ledger.counts.outdated++;
  }
  entries[read.id] = entry;
  store.delivered(language, original, read.id, delivery);
  if (isCurrent) ledger.counts[redelivery ? 'replaced' : 'stored']++;
}

/**
 * translate-toolkit's `po2xliff -t original.xlf` returns the original document untouched plus a
 * `<file original="….po">` holding the PO entries, each pointing at its original unit with a
 * `po-reference` location (the unit's 1.2 id). Such entries stand in for the target of that unit;
 * a fuzzy one (`approved="no"`) is not a translation. Returns the stand-ins and the files they fill.
 */
function poEntries(files: readonly ReadFile[]): { byId: Map<string, ReadUnit>; poFiles: Set<ReadFile> } {
  const ids = new Set(files.flatMap((f) => f.units.map((u) => u.xliffId)));
  const byId = new Map<string, ReadUnit>();
  const poFiles = new Set<ReadFile>();
  for (const file of files) {
    const entries = file.units.filter((u) => u.locations.some((l) => ids.has(l) && l !== u.xliffId));
    if (entries.length === 0 || entries.length < file.units.filter((u) => u.restype !== 'x-gettext-domain-header').length) continue;
    poFiles.add(file);
    // One PO entry may stand for several units with the same text (xliff2po joins their locations).
    for (const entry of entries) for (const location of entry.locations) if (ids.has(location)) byId.set(location, { ...entry, fresh: entry.fresh || entry.approved === 'no' });
  }
  return { byId, poFiles };
}

/** The unit as the returned document translates it: with the target of its PO entry, if it has one. */
function withPoEntry(unit: ReadUnit, entry: ReadUnit | undefined): ReadUnit {
  if (!entry) return unit;
  const fuzzy = entry.fresh;
  return { ...unit, target: fuzzy ? [] : entry.target, state: entry.state === 'reviewed' ? 'translated' : entry.state, fresh: false, line: entry.line };
}

/** Why a <file> in `language` is refused, and what to do. */
function wrongLanguage(language: string, expected: string | undefined, configured: readonly string[]): string {
  const what = expected ? `the target language is "${language}", not "${expected}" (--lang)` : `the target language is "${language}", not one of handbook.config.json's targetLanguages (${configured.join(', ') || 'none'})`;
  // A tool set to a regional variant (de-DE) of the configured language (de) is the usual case.
  const base = language.split('-')[0]!;
  const variantOf = base !== language && (expected ? expected === base : configured.includes(base)) ? base : undefined;
  const todo = configured.includes(language)
    ? `merge this file with --lang ${language}`
    : variantOf
      ? `the translation tool wrote the regional variant of "${variantOf}": set target-language="${variantOf}" in the file's <file> elements (or add "${language}" to targetLanguages to keep it as a language of its own)`
      : `add "${language}" to targetLanguages in handbook.config.json, or ask for a file in ${expected ? `"${expected}"` : 'a configured language'}`;
  return `${what}: ${todo}; no unit in "${language}" was stored`;
}

function mergeFile(file: ReadFile, docs: Documents, config: Config, options: MergeOptions, store: PendingStore, ledger: Ledger, languages: Set<string>, po: Map<string, ReadUnit>): void {
  const refuseAll = (reason: RefusalReason, message: string) => {
    ledger.filesRefused++;
    ledger.refuse(reason, file.line, `${message}; none of its ${file.units.length} units were stored`, undefined, file.units.length);
  };
  const refuseOnce = (reason: RefusalReason, message: string) => {
    ledger.filesRefused++;
    ledger.refuseOnce(reason, file.line, message, file.units.length);
  };
  let language: string;
  try {
    language = checkLanguage(file.targetLanguage ?? '', 'target language');
  } catch {
    return refuseAll('language', `<file original="${file.original}"> names no valid target language ("${file.targetLanguage ?? ''}")`);
  }
  const expected = options.language ?? undefined;
  if (expected ? language !== expected : !config.targetLanguages.includes(language)) {
    // One line for a document whose every <file> is in that language (a delivery for another language).
    return refuseOnce('language', wrongLanguage(language, expected, config.targetLanguages));
  }
  // A tool may name the source by a regional variant (en-US for en): every unit's source is compared anyway.
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  if (file.sourceLanguage && primary(file.sourceLanguage) !== primary(config.sourceLanguage)) {
    return refuseAll('language', `the source language is "${file.sourceLanguage}", but the articles are in "${config.sourceLanguage}"`);
  }
  const units = unitsOf(file.original, docs, config, language);
  if (typeof units === 'string') {
    const ours = file.original.startsWith('category:') || file.original.endsWith('.md') || isOutside(file.original);
    return ours
      ? refuseAll('document', units)
      : refuseAll('foreign', `<file original="${file.original}"> was not written by handbook (a tool added it?): its units name no article; the rest of the document was merged`);
  }
  const seen = new Set<string>();
  for (const unit of file.units) {
    if (seen.has(unit.id)) return refuseAll('duplicate', `unit id "${unit.id}" appears twice (line ${unit.line})`);
    seen.add(unit.id);
  }
  languages.add(language);
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const unit of file.units) mergeUnit(withPoEntry(unit, po.get(unit.xliffId)), byId.get(unit.id), language, file.original, store, ledger, options.sameTextUnchanged);
}

function readXliffFile(path: string, ledger: Ledger, cache: string | undefined) {
  const refuse = (line: number, message: string) => {
    ledger.filesRefused++;
    ledger.refuse('file', line, message);
  };
  try {
    return readXliffFileCached(path, cache);
  } catch (error) {
    if (error instanceof XmlError) refuse(error.line, `${error.reason}: the file was not merged`);
    else if (error instanceof ArticleError) refuse(error.line, `${error.reason}: the file was not merged`);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT') refuse(0, 'no such file: check the path and name the returned XLIFF files (returned/de/*.xlf)');
    else if ((error as NodeJS.ErrnoException).code === 'EISDIR') refuse(0, `a folder, not a file: name the XLIFF files in it (${posix.join(path, '*.xlf')})`);
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
    const xliff = readXliffFile(path, ledger, config.cache);
    const { byId, poFiles } = poEntries(xliff?.files ?? []);
    for (const file of xliff?.files ?? []) if (!poFiles.has(file)) mergeFile(file, docs, config, options, store, ledger, languages, byId);
    if (!options.dryRun) store.release();
    options.onFile?.(index + 1, options.files.length);
    return ledger;
  });
  if (!options.dryRun) store.write();
  const total: MergeCounts = { stored: 0, replaced: 0, unchanged: 0, outdated: 0, empty: 0, copies: 0, refused: 0 };
  for (const ledger of ledgers) for (const key of Object.keys(total) as (keyof MergeCounts)[]) total[key] += ledger.counts[key];
  const reasons = new Map<RefusalReason, number>();
  for (const ledger of ledgers) for (const [reason, n] of ledger.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  return {
    files: options.files.length,
    languages: [...languages].sort(),
    ...total,
    refusedBy: Object.fromEntries(reasons),
    filesRefused: ledgers.reduce((n, l) => n + l.filesRefused, 0),
    problems: ledgers.flatMap((l) => l.problems),
  };
}

/** Merge holding the store lock, so two merges at once cannot lose each other's work. */
export function mergeLocked(config: Config, center: HelpCenter, options: MergeOptions): MergeReport {
  return withStore(config.locales, () => merge(config, center, options));
}
