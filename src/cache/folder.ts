// Where cached work is kept, under the root: safe to delete at any time.
import { join } from 'node:path';
import { fingerprint } from './fingerprint.ts';

export const CACHE_FOLDER = '.handbook-cache';

/** The model cache file of an articles folder in `cacheDir` (see model-cache.ts). */
export function modelCacheFile(cacheDir: string, articlesDir: string): string {
  return join(cacheDir, `models-${fingerprint(articlesDir).slice(0, 16)}.v8`);
}
