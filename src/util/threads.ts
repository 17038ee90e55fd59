// What every use of worker threads shares: how many threads a run may use (`HANDBOOK_THREADS`, or
// the caller's option, never more than the cores) and how a worker module is started, compiled
// (dist/) or under tsx (tests, `npm run handbook`), where a worker does not inherit tsx's loader.
import { availableParallelism, loadavg } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The environment variable that sets the number of threads a command uses (1: the main thread only). */
export const THREADS_VARIABLE = 'HANDBOOK_THREADS';

/**
 * Threads to use: `asked` (an option), else `HANDBOOK_THREADS` when it is a positive whole number,
 * else `fallback`; never more than the machine's cores, never fewer than 1.
 */
export function threadsWanted(asked: number | undefined, fallback: number): number {
  const fromEnv = Number.parseInt(process.env[THREADS_VARIABLE] ?? '', 10);
  const wanted = asked ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback);
  return Math.max(1, Math.min(wanted, availableParallelism()));
}

/**
 * Threads that have a core to themselves now: the cores the load average of the last minute leaves
 * idle, this thread's included (at least 1). On a machine shared with other jobs a second thread
 * only competes with them for the same cores, and pays for starting up (see README, Speed). A core
 * counts when at least half of it is idle: 2 cores at load 0.4 give 2 threads, at load 0.6 one.
 */
export function idleThreads(cores = availableParallelism(), load = loadavg()[0]!): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/**
 * Starts the worker module `module` (a URL next to the caller: `new URL('./x.ts', import.meta.url)`).
 * A `.ts` module runs through a shim that registers tsx first and then imports it (its URL is the
 * last argument of the worker's `process.argv`); the compiled `.js` twin starts directly.
 */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  return new Worker(new URL('./tsx-worker.mjs', import.meta.url), { ...options, argv: [...(options.argv ?? []), module.href] });
}

/** The worker module `name` beside the calling module (`import.meta.url`), as .ts under tsx and .js compiled. */
export function workerModule(name: string, caller: string): URL {
  return new URL(`./${name}${caller.endsWith('.ts') ? '.ts' : '.js'}`, caller);
}
