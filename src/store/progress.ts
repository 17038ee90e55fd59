// Where each unit stands in one language: translated, outdated (translated for an earlier source), or untranslated.
import type { Article, Unit } from '../model/types.ts';
import { nearest } from './similarity.ts';
import type { StoredUnit } from './store.ts';
import { toTagged } from './tagged.ts';
import type { TranslationStore } from './translations.ts';

export type UnitProgress =
  | { readonly status: 'translated'; readonly entry: StoredUnit }
  | { readonly status: 'outdated'; readonly previous: StoredUnit; readonly score: number }
  | { readonly status: 'untranslated' };

/**
 * Ids hash the content, so a changed paragraph has a new id: its earlier translation is the stored
 * entry of the same document, no longer used by any unit, whose source is the most alike (at least
 * `threshold`). Fixed ids (front matter) find it under the same id.
 */
export function progressOf(store: TranslationStore, original: string, units: readonly Unit[], threshold: number): Map<Unit, UnitProgress> {
  const entries = store.file(original);
  const ids = new Set(units.map((u) => u.id));
  const orphans = Object.entries(entries).filter(([id]) => !ids.has(id)).map(([, entry]) => entry);
  const progress = new Map<Unit, UnitProgress>();
  for (const unit of units) {
    const source = toTagged(unit.segments);
    const entry = entries[unit.id];
    if (entry && entry.state !== 'outdated' && entry.source === source) progress.set(unit, { status: 'translated', entry });
    else if (entry) progress.set(unit, { status: 'outdated', previous: entry, score: 0 });
    else {
      const [best] = nearest(source, orphans, (o) => o.source, threshold, 1);
      progress.set(unit, best ? { status: 'outdated', previous: best.candidate, score: best.score } : { status: 'untranslated' });
    }
  }
  return progress;
}

/** Every document of an article list and its units, categories first, as extract and status walk them. */
export function documentsOf(categoryUnits: readonly Unit[], slug: string, articles: readonly Article[]): { original: string; units: readonly Unit[] }[] {
  return [{ original: `category:${slug}`, units: categoryUnits }, ...articles.map((a) => ({ original: a.path, units: a.units }))];
}

/** The documents of `documentsOf` by name only, without reading the articles' units (cached models read them on demand). */
export function originalsOf(slug: string, articles: readonly Pick<Article, 'path'>[]): string[] {
  return [`category:${slug}`, ...articles.map((a) => a.path)];
}
