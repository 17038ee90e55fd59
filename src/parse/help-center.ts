// Reads a whole help center: every article, the category files, grouped and sorted for reading.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Article, Category, FileProblem, HelpCenter, Unit } from '../model/types.ts';
import { assignIds, orderOf, parseOutcome, type ParseOptions } from './article.ts';
import { checkArticleSize } from './limits.ts';
import { NO_CACHE, openModelCache, type ModelCache } from '../cache/model-cache.ts';
import { ArticleError, LineIndex } from './problem.ts';
import { ParsePool, PARSE_THREADS_FROM, parseWorkersFor, type ParseJob, type ParseOutcome } from './parse-threads.ts';
import { decodeEntities } from './front-matter.ts';
import { articlePaths, listMarkdown, unreadable } from './list.ts';

export { articlePaths, listMarkdown };

/** An article's bytes, its size checked before it is read whole; a file that cannot be read is an ArticleError. */
function readArticle(path: string, name: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    checkArticleSize(fstatSync(fd).size, name);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    throw new ArticleError(name, 1, unreadable(error, 'file'));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Jekyll publishes an article at its file name, and handbooks link and anchor articles by it: a
 * second article with the same name is refused (the first in path order is kept).
 */
function refuseSameNames(articles: Article[], problems: FileProblem[]): Article[] {
  const first = new Map<string, string>();
  return articles.filter((article) => {
    const name = article.path.slice(article.path.lastIndexOf('/') + 1);
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, article.path);
      return true;
    }
    problems.push({ file: article.path, line: 1, message: `another article has the same name, ${earlier}: both would be published at the same address and anchor; rename one of them` });
    return false;
  });
}

interface CategoryFile {
  readonly slug: string;
  readonly title: string | undefined;
  readonly order: number | undefined;
  readonly file: string;
  readonly units: readonly Unit[];
}

/** `_categories/<slug>.md`: title and order, and the title as a unit to translate. */
function readCategoryFile(config: Config, name: string, cache: ModelCache, options: ParseOptions, warnings: FileProblem[]): CategoryFile {
  const path = join(config.categories!, name);
  const slug = name.replace(/\.md$/, '');
  const id = `category:${slug}`;
  // Problems name files relative to the articles folder: the category file's own path from there.
  const shown = relative(config.articles, path).split(sep).join('/');
  let parsed: Article;
  try {
    parsed = cache.parse(id, readArticle(path, id), options);
  } catch (error) {
    throw error instanceof ArticleError ? new ArticleError(shown, error.line, error.reason) : error;
  }
  warnings.push(...(parsed.warnings ?? []).map((warning) => ({ ...warning, file: shown })));
  const data = (parsed.frontMatter?.data ?? {}) as Record<string, unknown>;
  const titleUnit = parsed.units.find((unit) => unit.kind === 'front-matter');
  const units = titleUnit
    ? assignIds([{ ...titleUnit, kind: 'category-title', element: 'category title' }], id, new LineIndex(parsed.source))
    : [];
  return {
    slug,
    title: typeof data.title === 'string' ? decodeEntities(data.title) : undefined,
    order: orderOf(data.order),
    file: relative(config.root, path).split(sep).join('/'),
    units,
  };
}

function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function byOrder<T extends { order: number | undefined }>(key: (item: T) => string) {
  return (a: T, b: T) => (a.order ?? Infinity) - (b.order ?? Infinity) || key(a).localeCompare(key(b), 'en') || 0;
}

export interface ReadProgress {
  (done: number, total: number): void;
}

export interface ReadOptions {
  readonly progress?: ReadProgress;
  /** Threads to parse on (1: the main thread only); default `HANDBOOK_THREADS`, else every core. */
  readonly threads?: number;
}

/** The articles of a help center read from disk and looked up in the model cache, before any parsing. */
interface Reading {
  readonly config: Config;
  readonly problems: FileProblem[];
  readonly cache: ModelCache;
  /** Every article in path order: its model from the cache, an article to parse, or why it cannot be read. */
  readonly entries: readonly (Article | ArticleError | { readonly job: ParseJob; readonly key: string })[];
  /** The articles to parse (cache misses), in path order. */
  readonly jobs: readonly ParseJob[];
}

function startReading(config: Config): Reading {
  const problems: FileProblem[] = [];
  const paths = articlePaths(config, problems);
  const cache = config.cache ? openModelCache(config.cache, config.articles) : NO_CACHE;
  const jobs: ParseJob[] = [];
  const entries = paths.map((path) => {
    let bytes: Buffer;
    try {
      bytes = readArticle(join(config.articles, path), path);
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      return error;
    }
    const { key, article } = cache.lookup(path, bytes, config);
    if (article) return article;
    const job = { path, bytes };
    jobs.push(job);
    return { job, key };
  });
  return { config, problems, cache, entries, jobs };
}

/**
 * Reads every article on the main thread; a file that cannot be read becomes a problem, and the
 * rest go on. `readHelpCenterOnThreads` (read-on-threads.ts) gives the same help center, parsing on idle cores too.
 */
export function readHelpCenter(config: Config, progress?: ReadProgress): HelpCenter {
  const reading = startReading(config);
  const total = reading.entries.length;
  const hits = total - reading.jobs.length;
  progress?.(hits, total);
  return finishReading(reading, parseInOrder(reading.jobs, config, progress && ((done) => progress(hits + done, total))));
}

/**
 * Reads every article as readHelpCenter does, the same help center, but parses on worker threads
 * too when many articles are not in the model cache (see parse-threads.ts): on `pool` when one was
 * started before the parser was loaded (see read-on-threads.ts), else on a pool started here.
 */
export async function readHelpCenterWithPool(config: Config, options: ReadOptions, pool?: ParsePool): Promise<HelpCenter> {
  let reading: Reading;
  try {
    reading = startReading(config);
  } catch (error) {
    pool?.close();
    throw error;
  }
  const { jobs } = reading;
  const total = reading.entries.length;
  const hits = total - jobs.length;
  const progress = options.progress && ((done: number) => options.progress!(hits + done, total));
  progress?.(0);
  if (jobs.length < PARSE_THREADS_FROM) {
    pool?.close();
    pool = undefined;
  } else if (!pool) {
    const workers = parseWorkersFor(jobs.length, options.threads);
    if (workers > 0) pool = new ParsePool(workers);
  }
  const outcomes = pool
    ? (await pool.parse(jobs, config, (job) => parseOutcome(job, config), progress ? { progress } : {})).outcomes
    : parseInOrder(jobs, config, progress);
  return finishReading(reading, outcomes);
}

/** Parses the jobs one after the other on this thread, telling `progress` how many are done. */
function parseInOrder(jobs: readonly ParseJob[], options: ParseOptions, progress?: (done: number) => void): ParseOutcome[] {
  return jobs.map((job, k) => {
    const outcome = parseOutcome(job, options);
    progress?.(k + 1);
    return outcome;
  });
}

/** The help center from what was read, `outcomes` being those of `reading.jobs` in order. */
function finishReading({ config, problems, cache, entries }: Reading, outcomes: readonly ParseOutcome[]): HelpCenter {
  const parsed: Article[] = [];
  let next = 0;
  for (const entry of entries) {
    let outcome: ParseOutcome;
    if ('job' in entry) {
      outcome = outcomes[next++]!;
      if (!(outcome instanceof ArticleError)) cache.add(entry.key, outcome);
    } else outcome = entry;
    if (outcome instanceof ArticleError) problems.push({ file: outcome.file, line: outcome.line, message: outcome.reason });
    else parsed.push(outcome);
  }
  const articles = refuseSameNames(parsed, problems);

  const warnings = articles.flatMap((article) => article.warnings ?? []);
  const files = new Map<string, CategoryFile>();
  if (config.categories) {
    // Category files are parsed once and kept in the model cache too.
    const options: ParseOptions = { liquid: config.liquid, translatableFrontMatter: ['title'] };
    for (const name of listMarkdown(config.categories, new Set(), problems).filter((n) => !n.includes('/'))) {
      try {
        const category = readCategoryFile(config, name, cache, options, warnings);
        files.set(category.slug, category);
      } catch (error) {
        if (!(error instanceof ArticleError)) throw error;
        problems.push({ file: error.file, line: error.line, message: error.reason });
      }
    }
  }
  cache.save();
  const slugs = new Set([...files.keys(), ...articles.map((a) => a.category)]);
  const categories: Category[] = [...slugs].map((slug) => {
    const file = files.get(slug);
    return {
      slug,
      title: file?.title ?? humanize(slug),
      order: file?.order,
      file: file?.file,
      units: file?.units ?? [],
      articles: articles.filter((a) => a.category === slug).sort(byOrder<Article>((a) => `${a.title}\u0000${a.path}`)),
    };
  });
  categories.sort(byOrder<Category>((c) => c.slug));
  return { categories, problems, ...(warnings.length ? { warnings } : {}) };
}
