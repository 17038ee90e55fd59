// A process contending for the store lock, for test/store/lock.test.ts. Each time it holds the
// lock it logs enter/leave, then "dies": it leaves behind a stale lock naming a process that does
// not exist, exactly as a killed command would, so every hand-over is a stale-lock takeover race.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { withLock } from '../../src/store/lock.ts';

const [path, log, rounds, startAt] = process.argv.slice(2) as [string, string, string, string];
const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);
// Start together: the processes come up at different times.
sleep(Math.max(0, Number(startAt) - Date.now()));
for (let round = 0; round < Number(rounds); round++) {
  withLock(path, () => {
    appendFileSync(log, `enter ${process.pid}\n`);
    sleep(5);
    appendFileSync(log, `leave ${process.pid}\n`);
    const stale = `${path}.${process.pid}.stale`;
    writeFileSync(stale, `pid=999999999 token=${randomBytes(8).toString('hex')} since=${new Date().toISOString()}\n`);
    renameSync(stale, path);
  }, { waitMs: 120_000 });
}
