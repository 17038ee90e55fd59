// The translation store: locales/<lang>/articles/<path>.json and locales/<lang>/categories/<slug>.json.
// Plain JSON, keys sorted, one entry per unit: its translation, the source it was made for, its state.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';

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

function checkEntry(file: string, id: string, entry: unknown): StoredUnit {
  const e = entry as Partial<StoredUnit> | null;
  if (!e || typeof e.source !== 'string' || typeof e.target !== 'string' || !STORED_STATES.includes(e.state as StoredState) || !Number.isInteger(e.revision)) {
    throw new StoreError(file, `entry "${id}" must have source, target (strings), state (${STORED_STATES.join('|')}) and revision (a whole number): fix or remove it`);
  }
  return { source: e.source, target: e.target, state: e.state as StoredState, revision: e.revision as number };
}

/** The store files of one language and the document (`original`) each belongs to. */
export function listStoreFiles(locales: string, language: string): { original: string; path: string }[] {
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
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StoreError(path, `not valid JSON (${(error as Error).message}): restore it from git`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new StoreError(path, 'must hold one JSON object of units');
  return Object.fromEntries(Object.entries(parsed).map(([id, entry]) => [id, checkEntry(path, id, entry)]));
}

/** Writes entries sorted by id, so the same store is always the same bytes. */
export function writeStoreFile(path: string, entries: StoreFile): void {
  const sorted = Object.fromEntries(Object.keys(entries).sort().map((id) => [id, entries[id]]));
  writeFileAtomic(path, `${JSON.stringify(sorted, null, 2)}\n`);
}
