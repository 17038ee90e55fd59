// How a command that stopped on an error ends: one line saying what happened and what to do, and
// an exit code that tells refused input (1), a usage error (2) and a bug in handbook (3) apart.
import { CommanderError } from 'commander';
import { commandLineFailure } from './usage.ts';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config/config.ts';
import { ArticleError } from '../parse/problem.ts';
import { MissingGlyphError } from '../publish/pdf/missing-glyph.ts';
import { LockedError } from '../store/lock.ts';
import { StoreError } from '../store/store.ts';
import { WordsError } from '../words/words.ts';
import { EXIT } from './output.ts';
import { UsageError } from './usage.ts';

export interface Failure {
  readonly code: number;
  /** One line for stderr, or nothing (commander has already said it). */
  readonly message: string | undefined;
}

/** Errors that say which input is wrong and how to fix it: the input is refused. */
const REFUSED = [ArticleError, LockedError, StoreError, WordsError, MissingGlyphError];

/** What the system says about a file, as a person can act on it. */
const SYSTEM_ERRORS: ReadonlyMap<string, string> = new Map([
  ['EACCES', 'permission denied: give the user running handbook access to it, or choose another folder (--root, --out)'],
  ['EPERM', 'operation not permitted: give the user running handbook access to it, or choose another folder (--root, --out)'],
  ['EROFS', 'the file system is read-only: make it writable, or choose another folder (--root, --out)'],
  ['ENOSPC', 'no space left on the disk: free some space and run the command again'],
  ['EDQUOT', 'the disk quota is exceeded: free some space and run the command again'],
  ['EISDIR', 'it is a folder where a file was expected: rename or remove the folder'],
  ['ENOTDIR', 'a part of the path is a file where a folder was expected: rename or remove that file'],
  ['ENOENT', 'it does not exist: check the path'],
  ['EMFILE', 'too many files are open: raise the limit (ulimit -n) and run the command again'],
  ['ENFILE', 'too many files are open on the system: close some programs and run the command again'],
  ['ENAMETOOLONG', 'the path is too long: use a shorter folder or file name'],
  ['EIO', 'the disk reported an input/output error: check the disk and run the command again'],
]);

const READING = new Set(['read', 'scandir', 'opendir', 'stat', 'lstat', 'fstat', 'readlink', 'access']);

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { syscall: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * A recursive mkdir on a read-only or forbidden folder reports ENOENT: the folder it could not
 * create under tells the real cause.
 */
function realCause(error: NodeJS.ErrnoException & { syscall: string }): NodeJS.ErrnoException & { syscall: string } {
  if (error.code !== 'ENOENT' || error.syscall !== 'mkdir' || !error.path) return error;
  let dir = error.path;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return error;
  } catch (cause) {
    return Object.assign(new Error((cause as Error).message), { code: (cause as NodeJS.ErrnoException).code, syscall: 'mkdir', path: dir });
  }
}

function systemMessage(error: NodeJS.ErrnoException & { syscall: string }): string {
  const verb = READING.has(error.syscall) ? 'read' : error.syscall === 'open' ? 'open' : 'write';
  const where = error.path ? ` ${error.path}` : '';
  const what = SYSTEM_ERRORS.get(error.code!) ?? `${error.message}: check the path and run the command again`;
  return `cannot ${verb}${where}: ${what} (${error.code})`;
}

/** The exit code and the message of an error that stopped a command. */
export function failureOf(error: unknown, debug: boolean): Failure {
  if (error instanceof CommanderError) return commandLineFailure(error);
  if (error instanceof UsageError || error instanceof ConfigError) return { code: EXIT.usage, message: `error: ${error.message}` };
  if (REFUSED.some((type) => error instanceof type)) return { code: EXIT.refused, message: `error: ${(error as Error).message}` };
  if (isSystemError(error)) return { code: EXIT.refused, message: `error: ${systemMessage(realCause(error))}` };
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    code: EXIT.internal,
    message: `internal error (${what.split('\n')[0]}): this is a bug in handbook, not in your files; please report it with the command you ran${debug ? '' : ' (--debug shows where it happened)'}${stack}`,
  };
}
