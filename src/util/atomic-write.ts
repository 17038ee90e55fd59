// Files are replaced whole or not at all: write a temporary file beside the target, then rename.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** The temporary file a write of `path` goes through: beside it, named after it, this process and now. */
export const temporaryPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);

/** The names temporaryPathFor gives to writes of files whose names match `target` (a regular expression's source, unanchored). */
export const temporaryNamesOf = (target: string): RegExp => new RegExp(`^\\.${target}\\.[0-9]+\\.[0-9]+\\.tmp$`);

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    // A failed write (ENOSPC) names no file: name the one being written, for the message.
    const system = error as NodeJS.ErrnoException;
    if (typeof system.code === 'string' && system.path === undefined) system.path = path;
    throw error;
  }
}
