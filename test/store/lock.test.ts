// The store lock: create-exclusive, stale locks taken over by exactly one process, busy locks
// waited for up to a timeout, and messages that say who holds it and what to do.
import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LockedError, withLock } from '../../src/store/lock.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';

const WORKER = join(PROJECT, 'test/store/lock-worker.ts');

test('six processes taking over stale locks at once: never two inside, none lost', async (t) => {
  const dir = temporaryDir();
  const path = join(dir, '.merge.lock');
  const log = join(dir, 'log');
  writeFileSync(path, 'pid=999999999 token=00 since=2026-01-01T00:00:00Z\n');
  writeFileSync(log, '');
  const workers = 6;
  const rounds = 5;
  const startAt = Date.now() + 8000;
  const exits = await Promise.all(
    Array.from({ length: workers }, () => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, path, log, String(rounds), String(startAt)], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('exit', resolve);
    })),
  );
  t.deepEqual(exits, Array(workers).fill(0));
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  t.is(lines.length, workers * rounds * 2, 'every round of every process got the lock');
  for (let k = 0; k < lines.length; k += 2) {
    const [enter, leave] = [lines[k]!.split(' '), lines[k + 1]!.split(' ')];
    t.deepEqual([enter[0], leave[0], leave[1]], ['enter', 'leave', enter[1]], `line ${k + 1}: one process at a time`);
  }
  t.deepEqual(readdirSync(dir).filter((n) => n.includes('takeover') || n.endsWith('.new')), [], 'no takeover marker or half-made lock is left');
});

test('an empty lock file (a process killed while making it, or an old version) is taken over, not a dead end', (t) => {
  const path = join(temporaryDir(), '.merge.lock');
  writeFileSync(path, '');
  t.is(withLock(path, () => readFileSync(path, 'utf8')).slice(0, 4), 'pid=');
  t.false(existsSync(path), 'released afterwards');
});

test('a lock held by a running process: refused at once with HANDBOOK_LOCK_WAIT=0, naming the pid and what to do', (t) => {
  const path = join(temporaryDir(), '.merge.lock');
  writeFileSync(path, `pid=${process.pid} token=ab since=2026-12-02T10:00:00.000Z\n`);
  const error = t.throws(() => withLock(path, () => 1, { waitMs: 0 }), { instanceOf: LockedError });
  t.is(error?.message, `${path}: another handbook process (pid ${process.pid}, since 2026-12-02T10:00:00.000Z) is writing translations: run the command again when it has finished (HANDBOOK_LOCK_WAIT=SECONDS waits longer); if no such process runs, delete ${path}`);
  t.is(readFileSync(path, 'utf8').slice(0, 4 + String(process.pid).length), `pid=${process.pid}`, 'the holder keeps its lock');
});

test('a busy lock is waited for: taken when its holder ends', (t) => {
  const path = join(temporaryDir(), '.merge.lock');
  // A process that runs one second, not our child (so it is reaped when it ends).
  const pid = Number(spawnSync('sh', ['-c', 'sleep 1 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).stdout.trim());
  writeFileSync(path, `pid=${pid} token=cd since=2026-12-02T10:00:00.000Z\n`);
  const started = Date.now();
  t.is(withLock(path, () => 'done', { waitMs: 30_000 }), 'done');
  t.true(Date.now() - started >= 500, 'it waited for the holder');
});

test('a busy lock held longer than the wait: refused with how long it waited', (t) => {
  const path = join(temporaryDir(), '.merge.lock');
  writeFileSync(path, `pid=${process.pid} token=ef since=2026-12-02T10:00:00.000Z\n`);
  t.throws(() => withLock(path, () => 1, { waitMs: 300 }), { instanceOf: LockedError, message: /; waited 0 s: run the command again/ });
});

test('HANDBOOK_LOCK_WAIT that is not a number of seconds is refused with the variable named', (t) => {
  const path = join(temporaryDir(), '.merge.lock');
  process.env.HANDBOOK_LOCK_WAIT = 'soon';
  try {
    t.throws(() => withLock(path, () => 1), { instanceOf: LockedError, message: 'HANDBOOK_LOCK_WAIT="soon" is not a number of seconds: set it to 0 or more (default 60)' });
  } finally {
    delete process.env.HANDBOOK_LOCK_WAIT;
  }
  t.false(existsSync(path));
});
