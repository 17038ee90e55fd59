// The translation memory of one language: every stored translation, keyed by the source it was made for.
import { listStoreFiles, readStoreFile, type StoreFile, type StoredState, type StoredUnit } from './store.ts';

const RANK: Record<StoredState, number> = { final: 4, reviewed: 3, translated: 2, 'needs-review': 1, outdated: 0 };

export interface MemoryEntry {
  readonly source: string;
  readonly target: string;
  readonly state: StoredState;
}

export class TranslationMemory {
  private readonly bySource = new Map<string, MemoryEntry>();

  /** `read` reads one store file (a caller that reads them anyway passes its own, so each is read once). */
  constructor(locales: string, language: string, read: (file: { original: string; path: string }) => StoreFile = ({ path }) => readStoreFile(path)) {
    for (const file of listStoreFiles(locales, language)) {
      for (const entry of Object.values(read(file))) this.add(entry);
    }
  }

  /** Keeps the best translation of each source: final over reviewed over translated. */
  add(entry: StoredUnit | MemoryEntry): void {
    const known = this.bySource.get(entry.source);
    if (!known || RANK[entry.state] > RANK[known.state]) this.bySource.set(entry.source, { source: entry.source, target: entry.target, state: entry.state });
  }

  exact(source: string): MemoryEntry | undefined {
    return this.bySource.get(source);
  }

  entries(): MemoryEntry[] {
    return [...this.bySource.values()];
  }
}
