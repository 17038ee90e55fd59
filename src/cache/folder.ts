// Where cached work is kept, under the root: safe to delete at any time.
import { dirname, join, relative, sep } from 'node:path';
import { fingerprint } from './fingerprint.ts';

export const CACHE_FOLDER = '.handbook-cache';

const folderKey = (articlesDir: string) => fingerprint(articlesDir).slice(0, 16);

/** The name of a model cache folder (`models/<name>`): what folderKey makes. */
export const MODEL_FOLDER_NAME = /^[0-9a-f]{16}$/;

/**
 * The folder of an articles folder's model cache in `cacheDir`, one file per article (see
 * model-cache.ts). Keyed by the articles folder's path relative to the root the cache lives in
 * (`<root>/.handbook-cache`), so a moved or renamed project, or a CI workspace restoring the cache
 * at another path, still finds its entries.
 */
export function modelCacheFolder(cacheDir: string, articlesDir: string): string {
  return join(cacheDir, 'models', folderKey(relative(dirname(cacheDir), articlesDir).split(sep).join('/')));
}

/** Where earlier versions kept the whole model cache of an articles folder in one file (keyed by its absolute path): removed when seen. */
export function legacyModelCacheFile(cacheDir: string, articlesDir: string): string {
  return join(cacheDir, `models-${folderKey(articlesDir)}.v8`);
}
