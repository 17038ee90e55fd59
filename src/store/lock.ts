// One writer at a time. The lock file names its holder (pid, a random token, when it started) and
// is only ever created whole: written to a file of its own, then hard-linked into place, which
// fails when the lock exists (create-exclusive). A lock whose process no longer runs (a killed
// command), or that holds anything else (an empty file), is stale: it is taken over by an atomic
// rename, and only by the one process that first creates the takeover marker named after that
// very lock, so two processes can never both take the same stale lock. A busy lock is waited for,
// up to a timeout; then the command is refused with a message saying who holds it and what to do.
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, fstatSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockedError';
  }
}

/** Environment variable: seconds a command waits for a busy lock (default 60; 0 = do not wait). */
export const LOCK_WAIT_VARIABLE = 'HANDBOOK_LOCK_WAIT';
const DEFAULT_WAIT_SECONDS = 60;
/** Takeovers of takeover markers go at most this deep (each level needs a kill within microseconds). */
const MAX_TAKEOVER_DEPTH = 4;

export interface LockOptions {
  /** How long to wait for a busy lock, in milliseconds; default from HANDBOOK_LOCK_WAIT, else 60 s. */
  readonly waitMs?: number;
}

interface Holder {
  /** The lock file's exact text, and its inode: together they name this one lock. */
  readonly text: string;
  readonly inode: number;
  readonly pid: number | undefined;
  readonly since: string | undefined;
}

/** Locks this process holds (a nested call runs its work inside the outer one). */
const held = new Set<string>();

export function holdsLock(path: string): boolean {
  return held.has(path);
}

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // The text and inode of one and the same file, read through one descriptor.
    const inode = fstatSync(fd).ino;
    const text = readFileSync(fd, 'utf8');
    const match = /^(?:pid=)?(\d+)(?: token=[0-9a-f]+ since=(\S+))?\n?$/.exec(text);
    const pid = match ? Number(match[1]) : undefined;
    return { text, inode, pid: pid && pid > 0 && Number.isSafeInteger(pid) ? pid : undefined, since: match?.[2] };
  } finally {
    closeSync(fd);
  }
}

/** A file holding `text`, written whole before it is linked or renamed anywhere. */
function writeOwnFile(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function ownText(): string {
  return `pid=${process.pid} token=${randomBytes(8).toString('hex')} since=${new Date().toISOString()}\n`;
}

/** The takeover marker of one stale lock: named after its text and inode, so it names that lock only. */
function markerOf(path: string, holder: Holder): string {
  const id = createHash('sha256').update(`${holder.inode}\n${holder.text}`).digest('hex').slice(0, 16);
  return `${path}.takeover-${id}`;
}

/**
 * One attempt to take `path` with `text`. Returns undefined when taken, else the live holder.
 * A stale lock is replaced by renaming our own file over it, holding the takeover marker of that
 * lock, after checking the lock is still the same one: nothing else can replace a stale lock.
 */
function attempt(path: string, text: string, depth: number): Holder | undefined {
  const own = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
  writeOwnFile(own, text);
  try {
    for (;;) {
      try {
        linkSync(own, path);
        return undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (!holder) continue; // released meanwhile: try again
      if (isRunning(holder.pid)) return holder;
      if (depth >= MAX_TAKEOVER_DEPTH) return holder;
      const marker = markerOf(path, holder);
      const markerText = ownText();
      if (attempt(marker, markerText, depth + 1)) return holder; // another process is taking it over
      try {
        const now = readHolder(path);
        if (!now || now.text !== holder.text || now.inode !== holder.inode) continue; // it changed: look again
        renameSync(own, path);
        return undefined;
      } finally {
        releaseFile(marker, markerText);
      }
    }
  } finally {
    rmSync(own, { force: true });
  }
}

function releaseFile(path: string, text: string): void {
  const holder = readHolder(path);
  if (holder?.text === text) rmSync(path, { force: true });
}

/** Markers and lock files left by killed processes beside the lock; only the lock's holder sweeps. */
function sweep(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix) || !/\.(takeover-[0-9a-f]+|\d+-[0-9a-f]+\.new)$/.test(name)) continue;
    const file = join(dirname(path), name);
    const pid = name.endsWith('.new') ? Number(/\.(\d+)-[0-9a-f]+\.new$/.exec(name)![1]) : readHolder(file)?.pid;
    if (!isRunning(pid)) rmSync(file, { force: true });
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

export function lockWaitMs(): number {
  const value = process.env[LOCK_WAIT_VARIABLE];
  if (value === undefined || value === '') return DEFAULT_WAIT_SECONDS * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new LockedError(`${LOCK_WAIT_VARIABLE}="${value}" is not a number of seconds: set it to 0 or more (default ${DEFAULT_WAIT_SECONDS})`);
  return seconds * 1000;
}

/**
 * Runs `work` holding the lock at `path`. A busy lock is waited for (polling, up to `waitMs`); a
 * stale one is taken over. The lock is released when `work` ends, also when it throws.
 */
export function withLock<T>(path: string, work: () => T, options: LockOptions = {}): T {
  if (held.has(path)) return work();
  mkdirSync(dirname(path), { recursive: true });
  const waitMs = options.waitMs ?? lockWaitMs();
  const text = ownText();
  const started = Date.now();
  for (let round = 0; ; round++) {
    const holder = attempt(path, text, 0);
    if (!holder) break;
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      const who = holder.pid === undefined ? 'a lock file that names no process' : `another handbook process (pid ${holder.pid}${holder.since ? `, since ${holder.since}` : ''})`;
      throw new LockedError(
        `${path}: ${who} is writing translations${waitMs > 0 ? `; waited ${Math.round(waited / 1000)} s` : ''}: run the command again when it has finished ` +
          `(${LOCK_WAIT_VARIABLE}=SECONDS waits longer); if no such process runs, delete ${path}`,
      );
    }
    sleep(Math.min(waitMs - waited, 25 + Math.random() * Math.min(200, 25 * 2 ** Math.min(round, 3))));
  }
  held.add(path);
  try {
    sweep(path);
    return work();
  } finally {
    held.delete(path);
    releaseFile(path, text);
  }
}
