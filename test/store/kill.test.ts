// Crashes and concurrency on the real corpus, with the real command: merges and builds killed with
// SIGKILL at random points leave the store in its old or its new state, never a mix (as every
// reader sees it), and a rerun finishes; two merges started together into one language lose nothing.
import test from 'ava';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/config/config.ts';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { merge, mergeLocked } from '../../src/merge/merge.ts';
import { listStoreFiles } from '../../src/store/store.ts';
import { isBookkeeping, STAGING_DIR, TRANSACTION_DIR } from '../../src/store/transaction.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import { corpusCopy, snapshot, translatedXliff } from '../support/roundtrip.ts';
import { HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';

const BIN = join(PROJECT, 'bin/handbook.js');
const serial = HAS_SHARED ? test.serial : test.skip;
const suffix = HAS_SHARED ? '' : ` (skipped: ${NO_SHARED})`;

/** The corpus with German translations of 5 categories stored (old), and 12 more to merge (new). */
function setUp() {
  const { root, config, center } = corpusCopy();
  const files = translatedXliff({ root, config, center }, '1.2', pseudoSegments);
  const [first, rest] = [files.slice(0, 5), files.slice(5)];
  merge(config, center, { files: first });
  const old = join(temporaryDir(), 'old');
  cpSync(config.locales, old, { recursive: true });
  const newer: Config = { ...config, locales: join(temporaryDir(), 'new') };
  cpSync(old, newer.locales, { recursive: true });
  const report = merge(newer, center, { files: rest });
  if (report.refused > 0 || report.stored < 1000) throw new Error(`the reference merge stored ${report.stored}, refused ${report.refused}`);
  return { root, config, center, rest, oldState: snapshot(old), newState: snapshot(newer.locales), old };
}
let shared: ReturnType<typeof setUp> | undefined;
const corpus = () => (shared ??= setUp());

/**
 * The store as a reader sees it: settled first (a killed commit finished or undone), bookkeeping
 * left out (the lock, and the staging folder of a merge killed before its commit, which no reader
 * reads and the next store command removes).
 */
function storeAsRead(locales: string): Record<string, string> {
  listStoreFiles(locales, 'de');
  return Object.fromEntries(Object.entries(snapshot(locales)).filter(([name]) => !isBookkeeping(name.split('/')[0]!)));
}

function reset(locales: string, old: string): void {
  rmSync(locales, { recursive: true, force: true });
  cpSync(old, locales, { recursive: true });
}

interface Spawned {
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

function handbook(args: string[]): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT, stdio: 'ignore', env: { ...process.env, CI: 'true', HANDBOOK_LOCK_WAIT: '300' } });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { exit, kill: () => void child.kill('SIGKILL') };
}

/** Resolves when `name` appears in `dir` (inotify; checked once more in case it came first). */
function appearing(dir: string, name: string): { promise: Promise<void>; close(): void } {
  let close = () => {};
  const promise = new Promise<void>((resolve) => {
    const watcher = watch(dir, (_, file) => {
      if (file === name) resolve();
    });
    close = () => watcher.close();
    if (existsSync(join(dir, name))) resolve();
  });
  return { promise, close };
}

/** Waits until `name` appears in `dir` or the command ends (true when it ended, or `dir` is already gone). */
async function until(child: Spawned, dir: string, name: string): Promise<boolean> {
  let mark: ReturnType<typeof appearing>;
  try {
    mark = appearing(dir, name);
  } catch {
    return true;
  }
  const ended = await Promise.race([mark.promise.then(() => false), child.exit.then(() => true)]);
  mark.close();
  return ended;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

serial(`merge killed with SIGKILL at random points: the store is the old or the new state, never a mix; a rerun finishes${suffix}`, async (t) => {
  const { root, config, center, rest, oldState, newState, old } = corpus();
  const outcomes: string[] = [];
  let inCommit = 0;
  let reruns = 0;
  // Where each trial is killed: anywhere while it holds the lock (its writes staged aside: rolled
  // back); as the commit turns the staged files into the transaction folder (just before or after
  // the journal); after the journal was written (rolled forward).
  const moments = ['anywhere', 'staging', 'journal', 'journal'] as const;
  for (const [trial, moment] of moments.entries()) {
    reset(config.locales, old);
    const child = handbook(['merge', '--root', root, '--lang', 'de', ...rest]);
    const finished = await until(child, config.locales, moment === 'anywhere' ? '.merge.lock' : TRANSACTION_DIR);
    if (!finished && moment === 'journal') await until(child, join(config.locales, TRANSACTION_DIR), 'commit.json');
    await delay(moment === 'anywhere' ? Math.random() * 1500 : Math.random() * 5);
    child.kill();
    const { signal } = await child.exit;
    if (existsSync(join(config.locales, TRANSACTION_DIR))) inCommit++;
    // The files as the kill left them, before any reader settled them: a mix is possible here.
    const raw = JSON.stringify(Object.fromEntries(Object.entries(snapshot(config.locales)).filter(([name]) => !name.startsWith('.'))));
    const onDisk = raw === JSON.stringify(oldState) ? 'old' : raw === JSON.stringify(newState) ? 'new' : 'mixed';
    const seen = storeAsRead(config.locales);
    const state = JSON.stringify(seen) === JSON.stringify(oldState) ? 'old' : JSON.stringify(seen) === JSON.stringify(newState) ? 'new' : 'mixed';
    outcomes.push(`${signal ?? 'finished'}, on disk ${onDisk}, as read ${state}`);
    t.not(state, 'mixed', `trial ${trial}: the store is the old or the new state`);
    // A rerun from the old state (once: it costs a whole merge) stores everything.
    if (state === 'old' && reruns++ === 0) {
      const rerun = mergeLocked(config, center, { files: rest });
      t.is(rerun.refused, 0);
      t.deepEqual(storeAsRead(config.locales), newState, `trial ${trial}: the rerun stores everything`);
      t.false(existsSync(join(config.locales, STAGING_DIR)), 'the rerun removed what the killed merge had staged');
    }
  }
  t.log(`outcomes: ${outcomes.map((o, k) => `${moments[k]} → ${o}`).join(', ')}; killed inside a commit: ${inCommit}`);
  t.true(inCommit > 0, 'at least one kill landed inside a commit');
});

serial(`two merges into one language started together: the second waits, both finish, nothing is lost${suffix}`, async (t) => {
  const { root, config, rest, newState, old } = corpus();
  reset(config.locales, old);
  const half = Math.ceil(rest.length / 2);
  const runs = [handbook(['merge', '--root', root, '--lang', 'de', ...rest.slice(0, half)]), handbook(['merge', '--root', root, '--lang', 'de', ...rest.slice(half)])];
  const exits = await Promise.all(runs.map((r) => r.exit));
  t.deepEqual(exits, [{ code: 0, signal: null }, { code: 0, signal: null }]);
  t.deepEqual(storeAsRead(config.locales), newState);
  t.false(existsSync(join(config.locales, '.merge.lock')), 'the lock is released');
});

serial(`build killed with SIGKILL at random points: the store is untouched, no published file is partial; a rerun finishes${suffix}`, async (t) => {
  const { root, config, center, newState, old, rest } = corpus();
  reset(config.locales, old);
  mergeLocked(config, center, { files: rest });
  const reference = join(temporaryDir(), 'reference');
  buildMarkdown(config, center, { languages: ['de'], outDir: reference });
  const expected = snapshot(reference);
  for (let trial = 0; trial < 2; trial++) {
    const out = temporaryDir();
    const child = handbook(['build', '--root', root, '--lang', 'de', '--format', 'md', '--out', out]);
    // Killed while it writes: once its first file is there, at a random moment.
    const mark = appearing(out, 'de');
    await Promise.race([mark.promise, child.exit]);
    mark.close();
    await delay(Math.random() * 400);
    child.kill();
    await child.exit;
    t.deepEqual(storeAsRead(config.locales), newState, 'the store is untouched');
    const written = existsSync(out) ? Object.entries(snapshot(out)).filter(([name]) => !name.endsWith('.tmp')) : [];
    for (const [name, text] of written) t.is(text, expected[name], `${name} is whole`);
    if (trial === 0) {
      buildMarkdown(config, center, { languages: ['de'], outDir: out });
      t.deepEqual(Object.fromEntries(Object.entries(snapshot(out)).filter(([name]) => !name.endsWith('.tmp'))), expected, 'the rerun publishes everything');
    }
    t.log(`trial ${trial}: ${written.length} of ${Object.keys(expected).length} files written before the kill`);
  }
  t.true(readdirSync(config.locales).every((name) => !name.startsWith('.transaction')));
});
