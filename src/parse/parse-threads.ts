// Parsing many articles on both cores. The main thread and the workers of a ParsePool take articles
// from one shared counter (Atomics on a SharedArrayBuffer), so the work balances itself whatever the
// articles' sizes and however long a worker takes to start; each worker posts every model as soon as
// it is parsed, and the main thread collects them between its own articles. The models are the
// ones the main thread would make (structured clone, as the model cache's v8 serialize), and the
// outcome of each article is put back in article order, so nothing downstream can tell.
//
// A pool can be started before the parser is loaded (a run that knows it starts cold), so the
// workers load it while the main thread does; the jobs are sent when they are known.
//
// An article a worker cannot read is reported by its ArticleError, rebuilt on the main thread (same
// file, line and message). Anything else a worker meets (a bug, a worker that does not start or
// dies) is not trusted: the articles it did not deliver are parsed again on the main thread, where a
// bug is thrown as it would be without threads; a worker that stopped costs one warning.
//
// This module stays light (no parser): the CLI loads it before the parser to start a pool early.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Article } from '../model/types.ts';
import { idleThreads, startWorker, threadsWanted, workerModule } from '../util/threads.ts';
import type { ParseOptions } from './article.ts';
import { ArticleError } from './problem.ts';

/** An article to parse: its path (relative to the articles folder) and bytes. */
export interface ParseJob {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What parsing one article gave: its model, or why it cannot be read. */
export type ParseOutcome = Article | ArticleError;

/**
 * Fewest articles to parse for which worker threads are used. A worker needs about 0.3 s (idle
 * machine, compiled) to start and load the parser before it parses anything, the time the main
 * thread takes for about 30 articles of the corpus; with fewer, the main thread alone is as fast.
 */
export const PARSE_THREADS_FROM = 32;

/**
 * Threads to parse on when none are asked for: the cores the load leaves idle but one. V8's own
 * background threads (concurrent marking, optimizing compiler) already keep about one core busy
 * during a cold parse (measured on 2 cores: 2.8 s of CPU on the main thread, about 2.1 s on three
 * V8 threads), so on 2 cores a parse worker has no core to itself and only adds its start-up and
 * its own JIT warm-up (README, Speed): it is used from 3 idle cores on.
 */
export function defaultParseThreads(idle = idleThreads()): number {
  return Math.max(1, idle - 1);
}

/**
 * Worker threads for parsing `articles` articles: one per thread wanted but the main one (the
 * `threads` option, else `HANDBOOK_THREADS`, else defaultParseThreads), none below
 * PARSE_THREADS_FROM, and no more than one per PARSE_THREADS_FROM articles.
 */
export function parseWorkersFor(articles: number, threads?: number): number {
  if (articles < PARSE_THREADS_FROM) return 0;
  return Math.min(threadsWanted(threads, defaultParseThreads()) - 1, Math.floor(articles / PARSE_THREADS_FROM));
}

/** What a parse worker is given when it starts (workerData). */
export interface ParseWorkerData {
  /** Index of the next job to take (Int32Array over a SharedArrayBuffer, shared by every thread). */
  readonly next: Int32Array;
  /** Where the worker gets its one ParseWork message and posts its ParseReply messages. */
  readonly port: MessagePort;
}

/** The work of a pool, sent to each of its workers once. */
export interface ParseWork {
  /** The parse options as JSON, so a key of the Liquid rules stays a plain own property. */
  readonly options: string;
  readonly jobs: readonly ParseJob[];
}

/** One parsed article, posted by a worker. */
export type ParseReply =
  | { readonly index: number; readonly article: Article }
  | { readonly index: number; readonly problem: { readonly file: string; readonly line: number; readonly reason: string } }
  /** Something other than an ArticleError: the main thread parses this article again itself. */
  | { readonly index: number; readonly failed: string };

export interface ParsePoolOptions {
  /** The worker module (tests give one that crashes). */
  readonly entry?: URL;
  /** Told once when a worker stops; default: a line on stderr. */
  readonly warn?: (message: string) => void;
}

export interface ParseRunOptions {
  /** Told the number of articles parsed so far, on the main thread, as they come in. */
  readonly progress?: (done: number) => void;
  /** false: the main thread leaves every article to the workers (tests), unless one stops. */
  readonly mainThreadParses?: boolean;
}

export interface ParsedOnThreads {
  /** The outcome of each job, in job order. */
  readonly outcomes: ParseOutcome[];
  /** How many of them a worker parsed. */
  readonly byWorkers: number;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Resolves when the worker has exited (or failed to start). */
  readonly exited: Promise<void>;
}

/** Worker threads that parse one batch of articles with the main thread; started at once, used once. */
export class ParsePool {
  readonly #workers: PoolWorker[] = [];
  readonly #next = new Int32Array(new SharedArrayBuffer(4));
  readonly #warn: (message: string) => void;
  #stopped: string | undefined;
  #used = false;

  /** Starts `workers` workers, which load the parser and wait for their work. */
  constructor(workers: number, options: ParsePoolOptions = {}) {
    this.#warn = options.warn ?? ((message) => process.stderr.write(`warning: ${message}\n`));
    const entry = options.entry ?? workerModule('parse-worker', import.meta.url);
    for (let k = 0; k < workers; k++) {
      const { port1, port2 } = new MessageChannel();
      const data: ParseWorkerData = { next: this.#next, port: port2 };
      let worker: Worker;
      try {
        worker = startWorker(entry, { workerData: data, transferList: [port2] });
      } catch (error) {
        this.#stopped ??= error instanceof Error ? error.message : String(error);
        break;
      }
      const exited = new Promise<void>((resolve) => {
        worker.on('error', (error) => (this.#stopped ??= error.message));
        worker.on('exit', (code) => {
          if (code !== 0 && !this.#used) this.#stopped ??= `it exited with code ${code}`;
          resolve();
        });
      });
      // A pool that is never used does not keep the process alive.
      worker.unref();
      this.#workers.push({ worker, port: port1, exited });
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  /**
   * Parses every job, on this thread (`parseHere`) and the pool's workers, then stops the workers.
   * `parseHere` throws what is not an ArticleError (a bug), as the main thread would without threads.
   */
  async parse(jobs: readonly ParseJob[], options: ParseOptions, parseHere: (job: ParseJob) => ParseOutcome, how: ParseRunOptions = {}): Promise<ParsedOnThreads> {
    const outcomes: (ParseOutcome | undefined)[] = new Array(jobs.length);
    let done = 0;
    let byWorkers = 0;
    const settle = (index: number, outcome: ParseOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      how.progress?.(++done);
    };
    const take = (reply: ParseReply) => {
      // 'failed': left undefined, parsed again below on this thread.
      if ('failed' in reply) return;
      byWorkers++;
      settle(reply.index, 'article' in reply ? reply.article : new ArticleError(reply.problem.file, reply.problem.line, reply.problem.reason));
    };
    const drain = () => {
      for (const { port } of this.#workers) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as ParseReply);
    };
    const next = this.#next;
    try {
      const work: ParseWork = { options: JSON.stringify(options), jobs };
      for (const { worker, port } of this.#workers) {
        worker.ref();
        port.postMessage(work);
      }
      // This thread's share, taking turns with the workers through the shared counter.
      const share = how.mainThreadParses ?? true;
      for (let index = share ? Atomics.add(next, 0, 1) : jobs.length; index < jobs.length; index = Atomics.add(next, 0, 1)) {
        settle(index, parseHere(jobs[index]!));
        drain();
      }
      // The counter is past the end: what is missing now is in a worker's hands. Wait for each
      // worker to deliver it and exit (or stop), unless everything is already in.
      drain();
      if (done < jobs.length) {
        for (const { port } of this.#workers) port.on('message', take);
        await Promise.all(this.#workers.map((w) => w.exited));
        drain();
      }
    } finally {
      this.close();
    }
    if (this.#stopped !== undefined) this.#warn(`a parse worker thread stopped (${this.#stopped}): its articles were parsed on the main thread`);
    // Articles a worker did not deliver, or failed on with something other than an ArticleError.
    for (let index = 0; index < jobs.length; index++) if (outcomes[index] === undefined) settle(index, parseHere(jobs[index]!));
    return { outcomes: outcomes as ParseOutcome[], byWorkers };
  }

  /** Stops the workers (a pool that was not needed, or after its work). */
  close(): void {
    this.#used = true;
    for (const { worker, port } of this.#workers) {
      port.close();
      void worker.terminate();
    }
    this.#workers.length = 0;
  }
}
