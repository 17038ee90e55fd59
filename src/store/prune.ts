// `prune`: forget translations of articles that were deleted and of text that no longer exists.
// Nothing else ever deletes a translation: until pruned, they stay as references.
import type { HelpCenter } from '../model/types.ts';
import { listStoreFiles, readStoreFile, writeStoreFile } from './store.ts';
import { removeStoreFile } from './transaction.ts';

export interface PruneResult {
  readonly language: string;
  /** Store files of deleted articles or categories. */
  readonly files: readonly string[];
  /** Entries of units that no longer exist in articles that do. */
  readonly entries: number;
}

export function prune(locales: string, center: HelpCenter, language: string, dryRun: boolean): PruneResult {
  const current = new Map<string, Set<string>>();
  for (const category of center.categories) {
    current.set(`category:${category.slug}`, new Set(category.units.map((u) => u.id)));
    for (const article of category.articles) current.set(article.path, new Set(article.units.map((u) => u.id)));
  }
  const files: string[] = [];
  let entries = 0;
  for (const { original, path } of listStoreFiles(locales, language)) {
    const ids = current.get(original);
    if (!ids) {
      files.push(path);
      if (!dryRun) removeStoreFile(path);
      continue;
    }
    const stored = readStoreFile(path);
    const kept = Object.fromEntries(Object.entries(stored).filter(([id]) => ids.has(id)));
    const dropped = Object.keys(stored).length - Object.keys(kept).length;
    entries += dropped;
    if (dropped > 0 && !dryRun) writeStoreFile(path, kept);
  }
  return { language, files, entries };
}
