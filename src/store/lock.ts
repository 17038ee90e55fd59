// One writer at a time: a lock file created exclusively, holding the writer's pid.
import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export class LockedError extends Error {
  constructor(path: string, pid: string) {
    super(`${path}: another handbook process (pid ${pid}) is writing translations; wait for it to finish, or remove the file if no such process runs`);
    this.name = 'LockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `work` holding the lock; a lock left by a process that no longer runs is taken over. */
export function withLock<T>(path: string, work: () => T): T {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = readFileSync(path, 'utf8').trim();
      if (attempt === 0 && !isRunning(Number(pid))) {
        rmSync(path, { force: true });
        continue;
      }
      throw new LockedError(path, pid);
    }
  }
  try {
    return work();
  } finally {
    rmSync(path, { force: true });
  }
}
