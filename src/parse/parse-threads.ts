// Parsing many articles on both cores. The main thread and `workers` worker threads take articles
// from one shared counter (Atomics on a SharedArrayBuffer), so the work balances itself whatever the
// articles' sizes and however long a worker takes to start; each worker posts every model as soon as
// it is parsed, and the main thread collects them between its own articles. The models are the
// ones the main thread would make (structured clone, as the model cache's v8 serialize), and the
// outcome of each article is put back in article order, so nothing downstream can tell.
//
// An article a worker cannot read is reported by its ArticleError, rebuilt on the main thread (same
// file, line and message). Anything else a worker meets (a bug, a worker that does not start or
// dies) is not trusted: the articles it did not deliver are parsed again on the main thread, where a
// bug is thrown as it would be without threads; a worker that stopped costs one warning.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Article } from '../model/types.ts';
import { startWorker, threadsWanted, workerModule } from '../util/threads.ts';
import { parseArticle, type ParseOptions } from './article.ts';
import { ArticleError } from './problem.ts';

/** An article to parse: its path (relative to the articles folder) and bytes. */
export interface ParseJob {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What parsing one article gave: its model, or why it cannot be read. */
export type ParseOutcome = Article | ArticleError;

/**
 * Fewest articles to parse for which worker threads are started. Starting a worker and loading the
 * parser in it costs about 0.2 s of CPU (compiled, idle machine), the time of about 15 articles of
 * the corpus on the main thread; below this the main thread alone is as fast.
 */
export const PARSE_THREADS_FROM = 16;

/**
 * Worker threads for parsing `articles` articles: one per thread wanted but the main one (the
 * `threads` option, else `HANDBOOK_THREADS`, else every core), none below PARSE_THREADS_FROM.
 */
export function parseWorkersFor(articles: number, threads?: number): number {
  if (articles < PARSE_THREADS_FROM) return 0;
  return Math.min(threadsWanted(threads, Number.POSITIVE_INFINITY) - 1, Math.floor(articles / PARSE_THREADS_FROM));
}

/** Parses one article on this thread: its model, or the ArticleError that says why it cannot be read. */
export function parseOutcome(job: ParseJob, options: ParseOptions): ParseOutcome {
  try {
    return parseArticle(job.path, job.bytes, options);
  } catch (error) {
    if (error instanceof ArticleError) return error;
    throw error;
  }
}

/** What a parse worker is given (workerData). */
export interface ParseWorkerData {
  /** The parse options as JSON, so a key of the Liquid rules stays a plain own property. */
  readonly options: string;
  readonly jobs: readonly ParseJob[];
  /** Index of the next job to take (Int32Array over a SharedArrayBuffer, shared by every thread). */
  readonly next: Int32Array;
  /** Where the worker posts its ParseReply messages. */
  readonly port: MessagePort;
}

/** One parsed article, posted by a worker. */
export type ParseReply =
  | { readonly index: number; readonly article: Article }
  | { readonly index: number; readonly problem: { readonly file: string; readonly line: number; readonly reason: string } }
  /** Something other than an ArticleError: the main thread parses this article again itself. */
  | { readonly index: number; readonly failed: string };

export interface ParseThreadsOptions {
  readonly workers: number;
  /** Told the number of articles parsed so far, on the main thread, as they come in. */
  readonly progress?: (done: number) => void;
  /** The worker module (tests give one that crashes). */
  readonly entry?: URL;
  /** Told once when a worker stops; default: a line on stderr. */
  readonly warn?: (message: string) => void;
  /** false: the main thread leaves every article to the workers (tests), unless one stops. */
  readonly mainThreadParses?: boolean;
}

export interface ParsedOnThreads {
  /** The outcome of each job, in job order. */
  readonly outcomes: ParseOutcome[];
  /** How many of them a worker parsed. */
  readonly byWorkers: number;
}

interface Pool {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Resolves when the worker has exited (or failed to start). */
  readonly exited: Promise<void>;
}

/** Parses every job, on this thread and `workers` worker threads. */
export async function parseOnThreads(jobs: readonly ParseJob[], options: ParseOptions, how: ParseThreadsOptions): Promise<ParsedOnThreads> {
  const outcomes: (ParseOutcome | undefined)[] = new Array(jobs.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const warn = how.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  let done = 0;
  let byWorkers = 0;
  let stopped: string | undefined;
  const settle = (index: number, outcome: ParseOutcome | undefined) => {
    if (outcome === undefined || outcomes[index] !== undefined) return;
    outcomes[index] = outcome;
    how.progress?.(++done);
  };
  const take = (reply: ParseReply) => {
    // 'failed': left undefined, parsed again below on this thread.
    if ('failed' in reply) return;
    byWorkers++;
    settle(reply.index, 'article' in reply ? reply.article : new ArticleError(reply.problem.file, reply.problem.line, reply.problem.reason));
  };
  const workers: Pool[] = [];
  const entry = how.entry ?? workerModule('parse-worker', import.meta.url);
  try {
    for (let k = 0; k < how.workers; k++) {
      const { port1, port2 } = new MessageChannel();
      const data: ParseWorkerData = { options: JSON.stringify(options), jobs, next, port: port2 };
      let worker: Worker;
      try {
        worker = startWorker(entry, { workerData: data, transferList: [port2] });
      } catch (error) {
        stopped ??= error instanceof Error ? error.message : String(error);
        break;
      }
      const exited = new Promise<void>((resolve) => {
        worker.on('error', (error) => (stopped ??= error.message));
        worker.on('exit', (code) => {
          if (code !== 0) stopped ??= `it exited with code ${code}`;
          resolve();
        });
      });
      workers.push({ worker, port: port1, exited });
    }
    const drain = () => {
      for (const { port } of workers) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as ParseReply);
    };
    // This thread's share, taking turns with the workers through the shared counter.
    const share = how.mainThreadParses ?? true;
    for (let index = share ? Atomics.add(next, 0, 1) : jobs.length; index < jobs.length; index = Atomics.add(next, 0, 1)) {
      settle(index, parseOutcome(jobs[index]!, options));
      drain();
    }
    // The counter is past the end: what is missing now is in a worker's hands. Wait for each worker
    // to deliver it and exit (or stop), unless everything is already in.
    drain();
    if (done < jobs.length) {
      for (const { port } of workers) port.on('message', take);
      await Promise.all(workers.map((w) => w.exited));
      drain();
    }
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
  if (stopped !== undefined) warn(`a parse worker thread stopped (${stopped}): its articles were parsed on the main thread`);
  // Articles a worker did not deliver, or failed on with something other than an ArticleError.
  for (let index = 0; index < jobs.length; index++) if (outcomes[index] === undefined) settle(index, parseOutcome(jobs[index]!, options));
  return { outcomes: outcomes as ParseOutcome[], byWorkers };
}
