// The help center as the commands read it: on every core when many articles must be parsed. A
// light module: when the run starts cold (no model cache for the articles folder, or --no-cache)
// with enough articles, the parse workers are started before the parser is loaded, so they load it
// while the main thread does.
import { existsSync } from 'node:fs';
import { modelCacheFolder } from '../cache/folder.ts';
import type { Config } from '../config/config.ts';
import type { HelpCenter } from '../model/types.ts';
import type { ReadOptions } from './help-center.ts';
import { articlePaths } from './list.ts';
import { ParsePool, parseWorkersFor } from './parse-threads.ts';

/** A pool started now when every article will be parsed (no model cache), else none (decided once the misses are known). */
function coldPool(config: Config, threads: number | undefined): ParsePool | undefined {
  if (config.cache && existsSync(modelCacheFolder(config.cache, config.articles))) return undefined;
  let articles: number;
  try {
    articles = articlePaths(config).length;
  } catch {
    return undefined; // reading the help center reports it
  }
  const workers = parseWorkersFor(articles, threads);
  return workers > 0 ? new ParsePool(workers) : undefined;
}

/**
 * Reads every article as readHelpCenter does, the same help center, parsing on worker threads too
 * when many articles are not in the model cache (`threads`: the option, else HANDBOOK_THREADS, else every core).
 */
export async function readHelpCenterOnThreads(config: Config, options: ReadOptions = {}): Promise<HelpCenter> {
  const pool = coldPool(config, options.threads);
  const { readHelpCenterWithPool } = await import('./help-center.ts');
  return readHelpCenterWithPool(config, options, pool);
}
