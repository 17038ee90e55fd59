// Parse once, keep it: the parsed model of every article, keyed by what the parse depends on, so a
// command reads the model of an unchanged article instead of parsing it again.
//
// Key of an article = SHA-256 of (parser version, parse options, path, file bytes). The parser
// version is computed, not bumped by hand: a hash of the package.json and package-lock.json of the
// installed handbook, of the code that parses (src/parse, src/model and src/config/liquid-rules.ts,
// or their compiled dist/ twins) and of the runtime's V8, ICU and Unicode versions (word counts use
// Intl.Segmenter), so any change of the parser, of its dependencies or of Node's word breaking
// invalidates every entry.
//
// Storage: one file per article, `<root>/.handbook-cache/models/<folder hash>/<key>.v8`, found by
// its key alone, so a run reads only the entries of the articles it reads, and writes only the
// entries of the articles it parsed (temporary file, then rename). An entry holds the article's
// model with its units serialized apart: they are deserialized the first time they are asked for,
// so a command that needs only an unchanged category's names, headings and bytes (a build or an
// extract whose outputs are up to date) never reads them. After a run, the entries of the folder that
// this run did not use (an edited article's earlier version, a deleted article) are removed, so the
// folder holds exactly the articles of the last run and never grows with edits. A missing,
// unreadable, damaged or foreign entry is a cache miss, never an error; the folder can be deleted at
// any time.
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Article, Unit } from '../model/types.ts';
import { parseArticle, type ParseOptions } from '../parse/article.ts';
import { temporaryNamesOf, writeFileAtomic } from '../util/atomic-write.ts';
import { codeVersion, fingerprint } from './fingerprint.ts';
import { legacyModelCacheFile, MODEL_FOLDER_NAME, modelCacheFolder } from './folder.ts';
import { warn } from '../util/warn.ts';

const FORMAT = 'handbook-model-cache/3';

/** A temporary file older than this was left by a write that did not finish. */
const STALE_TEMPORARY_MS = 10 * 60_000;

/** Another articles folder's model cache not used for this long (an old path of the project…) is removed. */
const UNUSED_FOLDER_MS = 30 * 24 * 3_600_000;

/** The modules the parser runs besides src/parse and src/model. */
export const PARSER_CODE = ['parse', 'model', 'config/liquid-rules'] as const;

/**
 * A hash of the parser: the package's manifest and lock file, every file of src/parse and
 * src/model and config/liquid-rules.ts, and the runtime's V8, ICU and Unicode versions (word counts
 * use Intl.Segmenter, whose word breaks follow them).
 */
export const parserVersion = (): string => fingerprint(codeVersion(PARSER_CODE), process.versions.v8, process.versions.icu ?? '', process.versions.unicode ?? '');

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
  /** Removes the entries this run did not use (when it could list the folder). */
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

/** One entry as stored: the model without its units, and the units serialized apart. */
interface Entry {
  readonly format: string;
  readonly key: string;
  readonly article: Omit<Article, 'units'> & { units: null };
  readonly units: Uint8Array;
}

const entryName = (key: string) => `${key}.v8`;
/** The names the cache writes in its folder: entries, and the temporary files of writeFileAtomic. */
const ENTRY = '[0-9a-f]{64}\\.v8';
const ENTRY_NAME = new RegExp(`^${ENTRY}$`);
const TEMPORARY_NAME = temporaryNamesOf(ENTRY);

function entryOf(key: string, article: Article): Uint8Array {
  const entry: Entry = { format: FORMAT, key, article: { ...article, units: null }, units: serialize(article.units) };
  return serialize(entry);
}

/** An article's file bytes again (its text is the fatal UTF-8 decoding of them, without the byte order mark). */
const bytesOf = (article: Pick<Article, 'source' | 'hasBom'>) => Buffer.from(article.hasBom ? `\ufeff${article.source}` : article.source, 'utf8');

/**
 * The article kept in an entry, its units deserialized when first asked for (then kept as a plain
 * property), or undefined when the entry is damaged or foreign. Units that do not deserialize then
 * (an entry damaged inside them) are parsed again from the article's bytes: never an error.
 */
function articleOf(stored: Uint8Array, key: string, options: ParseOptions): Article | undefined {
  let entry: Entry;
  try {
    entry = deserialize(stored) as Entry;
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || entry.format !== FORMAT || entry.key !== key) return undefined;
  const { article, units } = entry;
  // A v8-serialized value starts with the version tag 0xFF; the rest is read when the units are.
  if (typeof article !== 'object' || article === null || !(units instanceof Uint8Array) || units[0] !== 0xff) return undefined;
  Object.defineProperty(article, 'units', {
    configurable: true,
    enumerable: true,
    get(): readonly Unit[] {
      let value: unknown;
      try {
        value = deserialize(units);
      } catch {
        // damaged: parse again below
      }
      if (!Array.isArray(value)) value = parseArticle(article.path, bytesOf(article), options).units;
      Object.defineProperty(article, 'units', { value, writable: false, enumerable: true, configurable: true });
      return value as readonly Unit[];
    },
  });
  return article as unknown as Article;
}

/**
 * Opens the model cache of an articles folder in `cacheDir` (`<root>/.handbook-cache`).
 * `parser` overrides the parser version (tests).
 */
export function openModelCache(cacheDir: string, articlesDir: string, parser = parserVersion()): ModelCache {
  const folder = modelCacheFolder(cacheDir, articlesDir);
  const used = new Set<string>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const optionsHash = new Map<ParseOptions, string>();
  let unsaved = false;
  const cache: Omit<ModelCache, 'save' | 'parse'> = {
    stats,
    lookup(path, bytes, options) {
      let configKey = optionsHash.get(options);
      if (configKey === undefined) {
        configKey = JSON.stringify([options.liquid, options.translatableFrontMatter]);
        optionsHash.set(options, configKey);
      }
      const key = fingerprint(parser, configKey, path, bytes);
      used.add(entryName(key));
      let stored: Uint8Array | undefined;
      try {
        stored = readFileSync(join(folder, entryName(key)));
      } catch {
        // missing or unreadable: parse again
      }
      const article = stored && articleOf(stored, key, options);
      if (article) stats.hits++;
      return { key, article };
    },
    add(key, article) {
      stats.misses++;
      try {
        writeFileAtomic(join(folder, entryName(key)), entryOf(key, article));
      } catch (error) {
        // A cache that cannot be written (read-only folder, full disk) only costs time next run.
        if (!unsaved) warn(cacheDir, `model cache not saved: ${(error as Error).message}`);
        unsaved = true;
      }
    },
  };
  return {
    ...cache,
    parse: (path, bytes, options) => parseThrough(cache, path, bytes, options),
    save() {
      // A run that looked up no article (none listed, or none read) knows nothing of what is in use.
      if (used.size === 0) return;
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return; // nothing cached yet, or not readable: nothing to remove
      }
      // Whatever this run did not use: older versions of edited articles, deleted articles,
      // another parser's or options' entries, and temporary files an interrupted write left (not a
      // recent one: another command may be writing it now).
      const now = Date.now();
      try {
        removeCacheFiles(folder, names, used, now);
        rmSync(legacyModelCacheFile(cacheDir, articlesDir), { force: true });
        // Used now (its time tells the other folders' clean-up so), and the folders of other
        // articles folders not used for a month removed (a project moved or renamed, a CI workspace).
        utimesSync(folder, new Date(now), new Date(now));
        removeUnusedFolders(dirname(folder), basename(folder), now);
      } catch {
        // A folder the user may not change only keeps entries no run reads: it costs disk, not results.
      }
    },
  };
}

/**
 * Removes the files of `names` in `folder` that the cache writes and `used` does not hold (a
 * temporary file only once it is stale). Only names the cache writes, one file at a time: anything
 * else someone put in the folder stays.
 */
function removeCacheFiles(folder: string, names: readonly string[], used: ReadonlySet<string>, now: number): void {
  for (const name of names) {
    if (used.has(name)) continue;
    const path = join(folder, name);
    if (TEMPORARY_NAME.test(name)) {
      if (now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now) < STALE_TEMPORARY_MS) continue;
    } else if (!ENTRY_NAME.test(name)) continue;
    rmSync(path, { force: true });
  }
}

/** Removes the model cache folders beside `current` (named as the cache names them) not used for UNUSED_FOLDER_MS; a folder holding anything else stays. */
function removeUnusedFolders(models: string, current: string, now: number): void {
  for (const name of readdirSync(models)) {
    if (name === current || !MODEL_FOLDER_NAME.test(name)) continue;
    const folder = join(models, name);
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (!stat?.isDirectory() || now - stat.mtimeMs < UNUSED_FOLDER_MS) continue;
    removeCacheFiles(folder, readdirSync(folder), new Set(), now);
    try {
      rmdirSync(folder);
    } catch {
      // something else in it: kept
    }
  }
}
