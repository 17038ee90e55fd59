// Files are replaced whole or not at all: write a temporary file beside the target, then rename.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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
