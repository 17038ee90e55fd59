// Parse once, keep it: the parsed model of every article, keyed by what the parse depends on, so a
// command reads the model of an unchanged article instead of parsing it again.
//
// Key of an article = SHA-256 of (parser version, parse options, path, file bytes). The parser
// version is computed, not bumped by hand: a hash of the package.json and package-lock.json of the
// installed handbook and of the code that parses (src/parse and src/model, or their compiled dist/
// twins), so any change of the parser or of its dependencies invalidates every entry.
//
// Storage: one file per articles folder, `<root>/.handbook-cache/models-<folder hash>.v8`, a
// v8-serialized Map of key → Article (each one serialized on its own, so a run that parsed one
// article writes the others' bytes as they were read, and reads an article only when asked for it)
// holding exactly the articles of the last run (so it never grows with deleted or edited
// articles), replaced atomically. A missing, unreadable or foreign
// file is a cache miss, never an error; the folder can be deleted at any time.
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Article } from '../model/types.ts';
import { parseArticle, type ParseOptions } from '../parse/article.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { codeVersion, fingerprint } from './fingerprint.ts';
import { modelCacheFile } from './folder.ts';

const FORMAT = 'handbook-model-cache/2';

/** A hash of the parser: the package's manifest and lock file and every file of src/parse and src/model. */
export const parserVersion = (): string => codeVersion(['parse', 'model']);

export interface CacheStats {
  /** Articles whose model was read from the cache. */
  hits: number;
  /** Articles parsed (not in the cache, or changed). */
  misses: number;
}

/** What the cache holds for an article: its model (a hit) or only the key to keep a parsed one under. */
export interface Lookup {
  readonly key: string;
  readonly article: Article | undefined;
}

export interface ModelCache {
  /** The article's cached model when path, bytes, options and parser are the same (a hit), else its key (a miss). */
  lookup(path: string, bytes: Uint8Array, options: ParseOptions): Lookup;
  /** Keeps the model of an article parsed after a miss, under the key its lookup gave. */
  add(key: string, article: Article): void;
  /** The article's model: from the cache when path, bytes, options and parser are the same, else parsed. */
  parse(path: string, bytes: Uint8Array, options: ParseOptions): Article;
  /** Writes what this run used, when it differs from what was read. */
  save(): void;
  readonly stats: CacheStats;
}

/** lookup, then parse on a miss: the one way a cache parses on this thread. */
function parseThrough(cache: Pick<ModelCache, 'lookup' | 'add'>, path: string, bytes: Uint8Array, options: ParseOptions): Article {
  const { key, article } = cache.lookup(path, bytes, options);
  if (article) return article;
  const parsed = parseArticle(path, bytes, options);
  cache.add(key, parsed);
  return parsed;
}

/** A cache that parses every time (`--no-cache`). */
export const NO_CACHE: ModelCache = {
  lookup: () => ({ key: '', article: undefined }),
  add() {},
  parse: (path, bytes, options) => parseArticle(path, bytes, options),
  save() {},
  stats: { hits: 0, misses: 0 },
};

/** Each article's model, serialized on its own. */
function readEntries(file: string): Map<string, Uint8Array> {
  try {
    const stored = deserialize(readFileSync(file)) as unknown;
    if (typeof stored === 'object' && stored !== null && (stored as { format?: unknown }).format === FORMAT) {
      const entries = (stored as { entries?: unknown }).entries;
      if (entries instanceof Map) return entries as Map<string, Uint8Array>;
    }
  } catch {
    // missing or damaged: parse again
  }
  return new Map();
}

/**
 * Opens the model cache of an articles folder in `cacheDir` (`<root>/.handbook-cache`).
 * `parser` overrides the parser version (tests).
 */
export function openModelCache(cacheDir: string, articlesDir: string, parser = parserVersion()): ModelCache {
  const file = modelCacheFile(cacheDir, articlesDir);
  const stored = readEntries(file);
  const used = new Map<string, Uint8Array>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const optionsHash = new Map<ParseOptions, string>();
  const cache: Omit<ModelCache, 'save' | 'parse'> = {
    stats,
    lookup(path, bytes, options) {
      let configKey = optionsHash.get(options);
      if (configKey === undefined) {
        configKey = JSON.stringify([options.liquid, options.translatableFrontMatter]);
        optionsHash.set(options, configKey);
      }
      const key = fingerprint(parser, configKey, path, bytes);
      const cached = stored.get(key);
      if (cached) {
        try {
          const article = deserialize(cached) as Article;
          stats.hits++;
          used.set(key, cached);
          return { key, article };
        } catch {
          // damaged: parse again
        }
      }
      return { key, article: undefined };
    },
    add(key, article) {
      stats.misses++;
      used.set(key, serialize(article));
    },
  };
  return {
    ...cache,
    parse: (path, bytes, options) => parseThrough(cache, path, bytes, options),
    save() {
      if (stats.misses === 0 && used.size === stored.size) return;
      try {
        writeFileAtomic(file, serialize({ format: FORMAT, entries: used }));
      } catch (error) {
        // A cache that cannot be written (read-only folder, full disk) only costs time next run.
        process.emitWarning(`handbook: model cache not saved in ${cacheDir}: ${(error as Error).message}`);
      }
    },
  };
}
