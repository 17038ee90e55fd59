// Where cached work is kept, under the root: safe to delete at any time.
import { join } from 'node:path';
import { fingerprint } from './fingerprint.ts';

export const CACHE_FOLDER = '.handbook-cache';

const folderKey = (articlesDir: string) => fingerprint(articlesDir).slice(0, 16);

/** The folder of an articles folder's model cache in `cacheDir`, one file per article (see model-cache.ts). */
export function modelCacheFolder(cacheDir: string, articlesDir: string): string {
  return join(cacheDir, 'models', folderKey(articlesDir));
}

/** Where earlier versions kept the whole model cache of an articles folder in one file: removed when seen. */
export function legacyModelCacheFile(cacheDir: string, articlesDir: string): string {
  return join(cacheDir, `models-${folderKey(articlesDir)}.v8`);
}
