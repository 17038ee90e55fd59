// The output ledger: an output is up to date only when its inputs and its own bytes are what was recorded.
import test from 'ava';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, OutputLedger, statKey } from '../../src/cache/outputs.ts';
import { MemoryChanges } from '../../src/extract/up-to-date.ts';
import { TranslationMemory } from '../../src/store/memory.ts';
import { storePath, writeStoreFile } from '../../src/store/store.ts';
import { temporaryDir } from '../helpers.ts';

function setup() {
  const dir = temporaryDir();
  const cache = join(dir, '.handbook-cache');
  const file = join(dir, 'out.xlf');
  writeFileSync(file, 'made from A');
  const ledger = OutputLedger.open(cache, 'test');
  ledger.record(file, 'A', 'made from A', { units: 3 });
  ledger.save();
  return { dir, cache, file };
}

test('an output recorded with its inputs is up to date for the same inputs, with its meta, in the next run', (t) => {
  const { cache, file } = setup();
  const next = OutputLedger.open(cache, 'test');
  t.deepEqual(next.fresh(file, 'A')?.meta, { units: 3 });
  t.is(next.fresh(file, 'B'), undefined, 'other inputs: stale');
  t.is(OutputLedger.open(cache, 'other').fresh(file, 'A'), undefined, 'each command has its own ledger');
});

test('a deleted or hand-edited output is stale; one only touched (same bytes) is still up to date', (t) => {
  const { cache, file } = setup();
  writeFileSync(file, 'edited by hand');
  t.is(OutputLedger.open(cache, 'test').fresh(file, 'A'), undefined);
  writeFileSync(file, 'made from A');
  utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
  t.truthy(OutputLedger.open(cache, 'test').fresh(file, 'A'), 'same bytes, other time: the hash decides');
  rmSync(file);
  t.is(OutputLedger.open(cache, 'test').fresh(file, 'A'), undefined);
});

test('"no file" is an output too: up to date while the file is absent', (t) => {
  const { cache, dir } = setup();
  const absent = join(dir, 'empty.xlf');
  const ledger = OutputLedger.open(cache, 'test');
  ledger.record(absent, 'A', null);
  t.truthy(ledger.fresh(absent, 'A'));
  writeFileSync(absent, 'x');
  t.is(ledger.fresh(absent, 'A'), undefined);
});

test('a damaged or foreign ledger finds nothing up to date; a ledger without a cache folder (--no-cache) writes nothing', (t) => {
  const { cache, file } = setup();
  writeFileSync(join(cache, 'outputs-test.json'), '{"format": "other", "outputs": {}}');
  t.is(OutputLedger.open(cache, 'test').fresh(file, 'A'), undefined);
  writeFileSync(join(cache, 'outputs-test.json'), '{not json');
  t.is(OutputLedger.open(cache, 'test').fresh(file, 'A'), undefined);
  const off = OutputLedger.open(undefined, 'test');
  off.record(file, 'A', 'made from A');
  t.is(off.fresh(file, 'A'), undefined);
  t.false(off.enabled);
});

test('statKey changes when a file under the folders changes, not when a skipped folder does', (t) => {
  const dir = temporaryDir();
  mkdirSync(join(dir, 'a/skip'), { recursive: true });
  writeFileSync(join(dir, 'a/one.md'), '1');
  const before = statKey([join(dir, 'a')], new Set([join(dir, 'a/skip')]));
  writeFileSync(join(dir, 'a/skip/x.md'), 'x');
  t.is(statKey([join(dir, 'a')], new Set([join(dir, 'a/skip')])), before);
  writeFileSync(join(dir, 'a/one.md'), '12');
  t.not(statKey([join(dir, 'a')], new Set([join(dir, 'a/skip')])), before);
});

test('canonicalJson does not depend on the order keys were set in', (t) => {
  t.is(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
});

test('memory changes touch only the units they can match (exact or near), and none before any change', (t) => {
  const dir = temporaryDir();
  const locales = join(dir, 'locales');
  const entry = (source: string, target: string) => ({ source, target, state: 'translated' as const, revision: 1 });
  writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-1': entry('Open the vault settings page.', 'Öffnen Sie die Tresoreinstellungen.'), 'p-2': entry('Log out.', 'Abmelden.') });
  const ledger = OutputLedger.open(join(dir, 'cache'), 'extract');
  const first = new MemoryChanges(ledger, 'de', new TranslationMemory(locales, 'de'), 0.75);
  t.true(first.touches(['anything']), 'no memory remembered yet: every file is checked');
  first.remember();
  const same = new MemoryChanges(ledger, 'de', new TranslationMemory(locales, 'de'), 0.75);
  t.is(same.count, 0);
  t.false(same.touches(['Open the vault settings page.', 'Something else entirely.']));
  writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-1': entry('Open the vault settings page.', 'Tresoreinstellungen öffnen.'), 'p-2': entry('Log out.', 'Abmelden.') });
  const changed = new MemoryChanges(ledger, 'de', new TranslationMemory(locales, 'de'), 0.75);
  t.is(changed.count, 1);
  t.true(changed.touches(['Open the vault settings page.']), 'exact');
  t.true(changed.touches(['Open the vault settings pages.']), 'near');
  t.false(changed.touches(['Log out.', 'Something else entirely.']), 'neither');
  t.true(existsSync(join(dir, 'locales')) && readFileSync(storePath(locales, 'de', 'a.md'), 'utf8').includes('öffnen'));
});
