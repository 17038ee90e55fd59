// The translation store: locales/<lang>/articles/<path>.json and locales/<lang>/categories/<slug>.json.
// Plain JSON, keys sorted, one entry per unit: its translation, the source it was made for, its state.
// Every entry is checked when read and again before it is written, so nothing a command computes
// from bad input can reach the store: forbidden characters, over-long text, a malformed entry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { forbiddenCharacter, LIMITS } from '../model/limits.ts';
import { isBookkeeping, pendingStoreText, settleStore, writeStoreText } from './transaction.ts';

/**
 * `needs-review`: filled from the translation memory (the same source translated elsewhere);
 * published, but a reviewer should confirm it. `outdated`: made for an earlier source.
 */
export type StoredState = 'needs-review' | 'translated' | 'reviewed' | 'final' | 'outdated';
export const STORED_STATES: readonly StoredState[] = ['needs-review', 'translated', 'reviewed', 'final', 'outdated'];

export interface StoredUnit {
  /** The source the translation was made for, as tagged text (`Use <1>Save</1>`). */
  readonly source: string;
  readonly target: string;
  readonly state: StoredState;
  /** Counts the changes of this entry; a file extracted at an older revision cannot overwrite it. */
  readonly revision: number;
  /**
   * The revision the delivered unit was extracted at, for an entry a delivery wrote (merge): a
   * corrected redelivery of that same extract may replace it. Absent for memory fills, pseudo and
   * entries written before the field existed.
   */
  readonly basedOn?: number;
}

export type StoreFile = Readonly<Record<string, StoredUnit>>;

export class StoreError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'StoreError';
  }
}

/** Where the translations of one article (or `category:<slug>`) are kept. */
export function storePath(locales: string, language: string, original: string): string {
  return original.startsWith('category:')
    ? join(locales, language, 'categories', `${original.slice('category:'.length)}.json`)
    : join(locales, language, 'articles', `${original.replace(/\.md$/, '')}.json`);
}

/** Unit ids as this project makes them (`p-3fa9c01b2e`, `fm-title`, `category_title.vault`). */
const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

function checkText(file: string, id: string, field: string, value: string): void {
  const forbidden = forbiddenCharacter(value);
  if (forbidden) throw new StoreError(file, `entry "${id}": its ${field} contains ${forbidden}, a control character or lone surrogate no handbook may show: fix or remove the entry`);
  if (value.length > LIMITS.textLength) throw new StoreError(file, `entry "${id}": its ${field} is ${value.length.toLocaleString('en')} characters, over the limit of ${LIMITS.textLength.toLocaleString('en')}: fix or remove the entry`);
}

function checkEntry(file: string, id: string, entry: unknown): StoredUnit {
  if (!UNIT_ID.test(id)) throw new StoreError(file, `"${id.slice(0, 60)}" is not a unit id (letters, digits, "_", ".", ":", "-"): fix or remove the entry`);
  const e = entry as Partial<StoredUnit> | null;
  if (!e || typeof e.source !== 'string' || typeof e.target !== 'string' || !STORED_STATES.includes(e.state as StoredState) || !Number.isSafeInteger(e.revision) || (e.revision as number) < 0) {
    throw new StoreError(file, `entry "${id}" must have source, target (strings), state (${STORED_STATES.join('|')}) and revision (a whole number): fix or remove it`);
  }
  if (e.basedOn !== undefined && (!Number.isSafeInteger(e.basedOn) || e.basedOn < 0)) {
    throw new StoreError(file, `entry "${id}": basedOn must be a whole number (the revision the delivered unit was extracted at): fix or remove the field`);
  }
  checkText(file, id, 'source', e.source);
  checkText(file, id, 'target', e.target);
  const checked: StoredUnit = { source: e.source, target: e.target, state: e.state as StoredState, revision: e.revision as number };
  return e.basedOn === undefined ? checked : { ...checked, basedOn: e.basedOn };
}

/** The languages the store holds: the folders of the locales folder, not its bookkeeping. */
export function storeLanguages(locales: string): string[] {
  if (!existsSync(locales)) return [];
  settleStore(locales);
  return readdirSync(locales, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !isBookkeeping(d.name))
    .map((d) => d.name)
    .sort();
}

/** The store files of one language and the document (`original`) each belongs to. */
export function listStoreFiles(locales: string, language: string): { original: string; path: string }[] {
  settleStore(locales);
  const found: { original: string; path: string }[] = [];
  const articles = join(locales, language, 'articles');
  if (existsSync(articles)) {
    for (const name of readdirSync(articles, { recursive: true }).map(String).sort()) {
      if (name.endsWith('.json')) found.push({ original: `${name.split(sep).join('/').slice(0, -5)}.md`, path: join(articles, name) });
    }
  }
  const categories = join(locales, language, 'categories');
  if (existsSync(categories)) {
    for (const name of readdirSync(categories).sort()) {
      if (name.endsWith('.json')) found.push({ original: `category:${name.slice(0, -5)}`, path: join(categories, name) });
    }
  }
  return found;
}

export function readStoreFile(path: string): StoreFile {
  const pending = pendingStoreText(path);
  if (pending === null || (pending === undefined && !existsSync(path))) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(pending ?? readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StoreError(path, `not valid JSON (${(error as Error).message}): restore it from git`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new StoreError(path, 'must hold one JSON object of units');
  const entries: Record<string, StoredUnit> = Object.create(null);
  for (const [id, entry] of Object.entries(parsed)) entries[id] = checkEntry(path, id, entry);
  return entries;
}

/**
 * Writes entries sorted by id, so the same store is always the same bytes. Every entry is checked
 * first: a bad one is refused (StoreError) and, inside a store command, nothing at all is written.
 */
export function writeStoreFile(path: string, entries: StoreFile): void {
  const sorted: Record<string, StoredUnit> = {};
  for (const id of Object.keys(entries).sort()) {
    const entry = checkEntry(path, id, entries[id]);
    Object.defineProperty(sorted, id, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  writeStoreText(path, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Writes any other JSON file of the store (a language's handbook words), every text checked first. */
export function writeStoreJson(path: string, value: Readonly<Record<string, string>>): void {
  for (const [key, text] of Object.entries(value)) checkText(path, key, 'text', text);
  writeStoreText(path, `${JSON.stringify(value, null, 2)}\n`);
}
