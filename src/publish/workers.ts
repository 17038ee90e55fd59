// PDF handbooks on both cores: `PdfThreads` hands whole handbooks (layout, pdfkit, pictures) to a
// pool of worker threads while the main thread goes on assembling the next documents, and writes a
// handbook itself when every worker is busy, so at most one handbook per thread is in flight (and
// one held back, so a lone handbook never starts a worker). The
// files are the ones a single-thread build writes, byte for byte: a PDF is a function of its
// document. A worker that crashes is dropped with one warning; its handbook, and every later one,
// is written on the main thread. Off unless `HANDBOOK_THREADS=N` (or the `threads` option) asks
// for N threads.
import type { Worker } from 'node:worker_threads';
import type { DocumentWarning, DocumentWords, HandbookDocument } from '../handbook/document.ts';
import { pdfWriter } from './pdf/writer.ts';
import type { WriterResult, WriterRun } from './writers.ts';
import { startWorker, threadsWanted, workerModule } from '../util/threads.ts';

/** Where a worker finds the handbook's words again (the footer's page label is a function). */
export interface WordsSource {
  readonly locales: string;
  readonly language: string;
  readonly sourceLanguage: string;
}

/** A handbook document as it crosses to a worker: everything but the page-label function. */
export type PortableDocument = Omit<HandbookDocument, 'words'> & { readonly words: Omit<DocumentWords, 'page'> };

export interface PdfJobMessage {
  readonly document: PortableDocument;
  readonly outDir: string;
  readonly run: WriterRun;
  readonly words: WordsSource;
}

export type PdfJobReply =
  | { readonly ok: true; readonly files: readonly string[]; readonly warnings: readonly DocumentWarning[] }
  | { readonly ok: false; readonly message: string };

/** A write started: `done` resolves with the writer's result, whichever thread wrote it. */
export interface StartedWrite {
  readonly done: Promise<WriterResult>;
}

/**
 * How many worker threads to start for `pdfHandbooks` PDF handbooks when `threads` are asked for
 * (the option, else `HANDBOOK_THREADS`, else 1; never more than the cores): none for fewer than two
 * handbooks or one thread; otherwise one per thread but the main one, at most one per handbook but
 * the first (the main thread writes one too).
 */
export function pdfWorkersFor(pdfHandbooks: number, threads?: number): number {
  // Off unless asked for: on a shared 2-core machine it did not pay (README, Speed).
  const wanted = threadsWanted(threads, 1);
  if (pdfHandbooks < 2 || wanted < 2) return 0;
  return Math.min(wanted - 1, pdfHandbooks - 1);
}

export interface PdfThreadsOptions {
  /** The worker module (tests give one that crashes). */
  readonly entry?: URL;
  /** Told once when a worker stops and the main thread takes over; default: a line on stderr. */
  readonly warn?: (message: string) => void;
}

interface HeldJob {
  readonly document: HandbookDocument;
  readonly outDir: string;
  readonly run: WriterRun;
  readonly words: WordsSource;
  readonly resolve: (result: WriterResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  /** The job in flight, with what to do when the worker answers or dies. */
  job?: { readonly reply: (reply: PdfJobReply) => void; readonly lost: (reason: string) => void };
}

function portable(document: HandbookDocument): PortableDocument {
  const { page: _page, ...words } = document.words;
  return { ...document, words };
}

export class PdfThreads {
  readonly #slots: Slot[] = [];
  readonly #workers: number;
  readonly #entry: URL;
  readonly #warn: (message: string) => void;
  #broken = false;
  #closed = false;
  #held: HeldJob | undefined;
  /** Handbooks written by a worker and by the main thread (a worker's job redone on the main thread counts there). */
  readonly written = { workers: 0, main: 0 };

  constructor(workers: number, options: PdfThreadsOptions = {}) {
    this.#workers = workers;
    this.#entry = options.entry ?? workerModule('pdf-worker', import.meta.url);
    this.#warn = options.warn ?? ((message) => process.stderr.write(`warning: ${message}\n`));
  }

  /**
   * Takes the document's PDF to write. The job is held until the next one comes (or `flush`), so a
   * worker starts only when there are two handbooks to share: then the held one goes to an idle
   * worker (resolves at once) or, with every worker busy, is written on this thread (resolves when
   * it is written).
   */
  async start(document: HandbookDocument, outDir: string, run: WriterRun, words: WordsSource): Promise<StartedWrite> {
    const previous = this.#held;
    let settle!: Pick<HeldJob, 'resolve' | 'reject'>;
    const done = new Promise<WriterResult>((resolve, reject) => (settle = { resolve, reject }));
    // Awaited by the caller later; marked handled now so a build that fails first does not also crash on it.
    done.catch(() => {});
    this.#held = { document, outDir, run, words, ...settle };
    if (previous) await this.#dispatch(previous);
    return { done };
  }

  /** Writes the job still held, on this thread if every worker is busy (before awaiting the results). */
  async flush(): Promise<void> {
    const held = this.#held;
    this.#held = undefined;
    if (held) await this.#dispatch(held, { alone: true });
  }

  async #dispatch(job: HeldJob, how: { alone?: boolean } = {}): Promise<void> {
    const { document, outDir, run, words, resolve, reject } = job;
    const onMain = async (): Promise<void> => {
      this.written.main++;
      try {
        resolve(await pdfWriter.write(document, outDir, run));
      } catch (error) {
        reject(error);
      }
    };
    // The last job of a batch, with no worker started yet, is no reason to start one.
    const slot = how.alone && this.#slots.length === 0 ? undefined : this.#idleSlot();
    if (!slot) return onMain();
    slot.job = {
      reply: (reply) => {
        if (!reply.ok) return void onMain();
        this.written.workers++;
        resolve({ files: reply.files, warnings: reply.warnings });
      },
      lost: (reason) => {
        this.#breakDown(reason);
        void onMain();
      },
    };
    const message: PdfJobMessage = { document: portable(document), outDir, run, words };
    try {
      slot.worker.ref();
      slot.worker.postMessage(message);
    } catch (error) {
      slot.job = undefined;
      slot.worker.unref();
      this.#breakDown(error instanceof Error ? error.message : String(error));
      return onMain();
    }
  }

  /** Stops every worker (after the build has awaited its writes); a job still held is dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#held = undefined;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    this.#slots.length = 0;
  }

  #idleSlot(): Slot | undefined {
    if (this.#broken || this.#closed) return undefined;
    const idle = this.#slots.find((s) => !s.job);
    if (idle || this.#slots.length >= this.#workers) return idle;
    return this.#spawn();
  }

  #spawn(): Slot | undefined {
    let worker: Worker;
    try {
      worker = startWorker(this.#entry);
    } catch (error) {
      this.#breakDown(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    const slot: Slot = { worker };
    const settle = (answer: (job: NonNullable<Slot['job']>) => void): void => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job) answer(job);
    };
    worker.on('message', (reply: PdfJobReply) => settle((job) => job.reply(reply)));
    worker.on('error', (error) => {
      if (!slot.job) this.#breakDown(error.message);
      settle((job) => job.lost(error.message));
    });
    worker.on('exit', (code) => {
      if (this.#closed) return;
      const reason = `it exited with code ${code}`;
      if (!slot.job) this.#breakDown(reason);
      settle((job) => job.lost(reason));
    });
    // Only a worker with a job keeps the process alive (ref'd when given one).
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  /** A worker failed: warn once, stop the others, write every later handbook on the main thread. */
  #breakDown(reason: string): void {
    if (this.#broken || this.#closed) return;
    this.#broken = true;
    this.#warn(`a PDF worker thread stopped (${reason}): the remaining PDF handbooks are written on the main thread`);
    for (const slot of this.#slots) if (!slot.job) void slot.worker.terminate();
  }
}
