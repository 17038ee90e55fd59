// Looks up the current translation of a unit: stored, not outdated, and made for the same source.
import type { Code, Segment, Unit } from '../model/types.ts';
import { readStoreFile, storePath, type StoreFile, type StoredUnit } from './store.ts';
import { fromTagged, toTagged } from './tagged.ts';
import { settleStore } from './transaction.ts';

export class TranslationStore {
  private readonly files = new Map<string, StoreFile>();
  constructor(
    private readonly locales: string,
    readonly language: string,
  ) {
    // A store a killed command left half-committed is finished (or undone) before it is read.
    settleStore(locales);
  }

  /** The stored entries of one document (an article path or `category:<slug>`). */
  file(original: string): StoreFile {
    const path = storePath(this.locales, this.language, original);
    let file = this.files.get(path);
    if (!file) this.files.set(path, (file = readStoreFile(path)));
    return file;
  }

  /** The stored entry of a unit, whatever its state. */
  entry(unit: Unit): StoredUnit | undefined {
    return this.file(unit.context.file)[unit.id];
  }

  /** Forgets what was read: after the store files changed on disk, or once they are not needed again (memory). */
  reload(): void {
    this.files.clear();
  }

  /** The entry when it is a translation of the unit's current source. */
  current(unit: Unit): StoredUnit | undefined {
    const entry = this.entry(unit);
    return entry && entry.state !== 'outdated' && entry.source === toTagged(unit.segments) ? entry : undefined;
  }

  /** The current translation as segments, or undefined to fall back to the source. */
  translationOf(unit: Unit): readonly Segment[] | undefined {
    const entry = this.current(unit);
    return entry ? fromTagged(entry.target, unit.segments.filter((s): s is Code => s.type === 'code')) : undefined;
  }
}
