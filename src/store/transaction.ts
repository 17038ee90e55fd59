// All-or-nothing writes to the store. A command that writes the store runs in `withStore`: it holds
// the lock, and every store write it makes (writeStoreText, removeStoreFile) is kept aside until the
// command succeeds: each new file is written at once into locales/.transaction-staging/ (so a merge
// of many files holds none of them in memory), which no reader looks at. Then the commit: that
// folder becomes locales/.transaction/, the journal (commit.json, the list of changes) is created by
// one atomic rename — the moment the new state is decided — the files are renamed into place, and
// the folder is removed. A command that throws writes nothing (its staging folder is removed). A
// process killed before the journal leaves a folder without one: the next command rolls back
// (deletes it). Killed after: the next command rolls forward (finishes the renames). Every reader
// settles the store first (`settleStore`), so it sees the old state or the new one, never a mix.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { holdsLock, withLock, type LockOptions } from './lock.ts';

export const LOCK_FILE = '.merge.lock';
export const TRANSACTION_DIR = '.transaction';
/** Where a running command's writes wait for its commit. */
export const STAGING_DIR = '.transaction-staging';
const JOURNAL = 'commit.json';

interface Transaction {
  readonly locales: string;
  /** Each changed file, by absolute path: the name of its new content in the staging folder, or null when it is deleted. */
  readonly changes: Map<string, string | null>;
  /** Files written into the staging folder so far. */
  staged: number;
}

/** The transaction of the running command; commands are synchronous, so there is one at most. */
let current: Transaction | undefined;

function inside(locales: string, path: string): string | undefined {
  const rel = relative(locales, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}

function transactionOf(path: string): Transaction | undefined {
  return current && inside(current.locales, path) !== undefined ? current : undefined;
}

/** Writes a store file: into the running transaction when there is one, else at once (atomically). */
export function writeStoreText(path: string, text: string): void {
  const transaction = transactionOf(path);
  if (!transaction) return writeFileAtomic(path, text);
  const staging = join(transaction.locales, STAGING_DIR);
  if (transaction.staged === 0) mkdirSync(staging, { recursive: true });
  const name = transaction.changes.get(path) ?? `${++transaction.staged}.json`;
  writeFileSync(join(staging, name), text);
  transaction.changes.set(path, name);
}

export function removeStoreFile(path: string): void {
  const transaction = transactionOf(path);
  if (transaction) transaction.changes.set(path, null);
  else rmSync(path, { force: true });
}

/** A store file as the running transaction will leave it (undefined: not changed by it). */
export function pendingStoreText(path: string): string | null | undefined {
  const transaction = transactionOf(path);
  const name = transaction?.changes.get(path);
  return name ? readFileSync(join(transaction!.locales, STAGING_DIR, name), 'utf8') : name;
}

/** Whether store writes under `locales` are kept aside for the running command's commit (not written in place). */
export function inTransaction(locales: string): boolean {
  return current?.locales === locales;
}

interface JournalEntry {
  /** The store file, relative to the locales folder. */
  readonly file: string;
  /** Its new content in the transaction folder, or null when it is deleted. */
  readonly staged: string | null;
}

function commit(transaction: Transaction): void {
  if (transaction.changes.size === 0) return;
  const folder = join(transaction.locales, TRANSACTION_DIR);
  rmSync(folder, { recursive: true, force: true });
  if (transaction.staged > 0) renameSync(join(transaction.locales, STAGING_DIR), folder);
  else mkdirSync(folder, { recursive: true });
  const journal: JournalEntry[] = [];
  for (const [path, staged] of [...transaction.changes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    journal.push({ file: inside(transaction.locales, path)!.split(sep).join('/'), staged });
  }
  writeFileAtomic(join(folder, JOURNAL), `${JSON.stringify(journal)}\n`);
  rollForward(transaction.locales);
}

/** Finishes a committed transaction (idempotent: a file already renamed is skipped). */
function rollForward(locales: string): void {
  const folder = join(locales, TRANSACTION_DIR);
  const journal = JSON.parse(readFileSync(join(folder, JOURNAL), 'utf8')) as unknown;
  if (!Array.isArray(journal)) throw new Error(`${join(folder, JOURNAL)}: not a journal`);
  for (const entry of journal as JournalEntry[]) {
    const file = typeof entry?.file === 'string' ? normalize(entry.file) : '';
    // The journal is data: a path outside the store is never touched.
    if (!file || file.startsWith('..') || isAbsolute(file) || file.split(sep)[0] === TRANSACTION_DIR) continue;
    const target = join(locales, file);
    if (entry.staged === null) {
      rmSync(target, { force: true });
      continue;
    }
    if (typeof entry.staged !== 'string' || !/^\d+\.json$/.test(entry.staged)) continue;
    const staged = join(folder, entry.staged);
    if (!existsSync(staged)) continue; // renamed before the kill
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staged, target);
  }
  rmSync(folder, { recursive: true, force: true });
}

/** Rolls a transaction a killed command left forward (journal written) or back (not written). Under the lock. */
function recover(locales: string): 'none' | 'forward' | 'back' {
  // What a killed command had staged never reached a journal.
  rmSync(join(locales, STAGING_DIR), { recursive: true, force: true });
  const folder = join(locales, TRANSACTION_DIR);
  if (!existsSync(folder)) return 'none';
  if (existsSync(join(folder, JOURNAL))) {
    rollForward(locales);
    return 'forward';
  }
  rmSync(folder, { recursive: true, force: true });
  return 'back';
}

/**
 * Before reading the store: when a command was killed in the middle of a commit (or one is
 * committing now), takes the lock (waiting for a running one) and finishes or undoes it.
 */
export function settleStore(locales: string): void {
  if (!existsSync(join(locales, TRANSACTION_DIR)) || holdsLock(join(locales, LOCK_FILE))) return;
  withLock(join(locales, LOCK_FILE), () => recover(locales));
}

/**
 * Runs a command that writes the store: holding the store lock, after recovering what a killed
 * command left, with every write kept until `work` returns, then committed all at once.
 * Nested calls join the outer transaction.
 */
export function withStore<T>(locales: string, work: () => T, options: LockOptions = {}): T {
  if (current && current.locales === locales) return work();
  return withLock(
    join(locales, LOCK_FILE),
    () => {
      recover(locales);
      const transaction: Transaction = { locales, changes: new Map(), staged: 0 };
      const outer = current;
      current = transaction;
      let result: T;
      try {
        result = work();
      } catch (error) {
        rmSync(join(locales, STAGING_DIR), { recursive: true, force: true });
        throw error;
      } finally {
        current = outer;
      }
      commit(transaction);
      return result;
    },
    options,
  );
}

/** Whether a name in the locales folder is the store's own bookkeeping (lock, markers, transaction). */
export function isBookkeeping(name: string): boolean {
  return name === TRANSACTION_DIR || name === STAGING_DIR || name.startsWith(LOCK_FILE);
}

