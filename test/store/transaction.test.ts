// All-or-nothing store writes: nothing is written unless the whole command succeeds, every entry is
// checked before it is written, and a commit a killed process left is finished or undone before
// anything reads the store.
import test from 'ava';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listStoreFiles, readStoreFile, StoreError, storePath, writeStoreFile, type StoredUnit } from '../../src/store/store.ts';
import { STAGING_DIR, TRANSACTION_DIR, withStore } from '../../src/store/transaction.ts';
import { TranslationStore } from '../../src/store/translations.ts';
import { writeWords } from '../../src/words/words.ts';
import { runInProcess } from '../support/capture.ts';
import { sampleRoot } from '../support/cli.ts';
import { snapshot } from '../support/roundtrip.ts';
import { temporaryDir } from '../helpers.ts';

const entry = (target: string): StoredUnit => ({ source: 'Save', target, state: 'translated', revision: 1 });

/** A store with two articles' translations. */
function store() {
  const locales = join(temporaryDir(), 'locales');
  writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Sichern') });
  writeStoreFile(storePath(locales, 'de', 'b.md'), { 'p-0000000002': entry('Speichern') });
  return { locales, before: snapshot(locales) };
}

test('a command that fails after writing some files writes none of them', (t) => {
  const { locales, before } = store();
  t.throws(() => withStore(locales, () => {
    writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Neu') });
    writeStoreFile(storePath(locales, 'de', 'c.md'), { 'p-0000000003': entry('Neu') });
    writeWords(locales, 'de', { contents: 'Inhalt' });
    throw new Error('killed in the middle');
  }), { message: 'killed in the middle' });
  t.deepEqual(snapshot(locales), before);
});

test('within a command, what it wrote is what it reads back', (t) => {
  const { locales } = store();
  withStore(locales, () => {
    writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Neu') });
    t.is(readStoreFile(storePath(locales, 'de', 'a.md'))['p-0000000001']?.target, 'Neu');
  });
  t.is(readStoreFile(storePath(locales, 'de', 'a.md'))['p-0000000001']?.target, 'Neu');
});

test('while a command runs, its writes wait on disk in the staging folder, which readers ignore; one a killed command left is removed by the next command', (t) => {
  const { locales } = store();
  const staging = join(locales, STAGING_DIR);
  withStore(locales, () => {
    writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Neu') });
    t.deepEqual(readdirSync(staging), ['1.json'], 'written aside, not kept in memory');
    writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Neuer') });
    t.deepEqual(readdirSync(staging), ['1.json'], 'a file written twice is staged once');
  });
  t.false(existsSync(staging));
  t.is(readStoreFile(storePath(locales, 'de', 'a.md'))['p-0000000001']?.target, 'Neuer');

  // A command killed before its commit: staged files, no transaction folder.
  const killed = store();
  mkdirSync(join(killed.locales, STAGING_DIR));
  writeFileSync(join(killed.locales, STAGING_DIR, '1.json'), `${JSON.stringify({ 'p-0000000001': entry('Halb') }, null, 2)}\n`);
  t.deepEqual(listStoreFiles(killed.locales, 'de').map((f) => f.original), ['a.md', 'b.md']);
  t.is(new TranslationStore(killed.locales, 'de').file('a.md')['p-0000000001']?.target, 'Sichern', 'readers never read staged files');
  withStore(killed.locales, () => {});
  t.deepEqual(snapshot(killed.locales), killed.before, 'the next command removed them');
});

const forbidden: [string, string, RegExp][] = [
  ['NUL', 'a\u0000b', /its target contains U\+0000/],
  ['ESC', '\u001B[31mrot', /its target contains U\+001B/],
  ['a lone surrogate', 'x\uD800', /its target contains U\+D800/],
  ['a C1 control', 'x\u0085', /its target contains U\+0085/],
  ['text over the length limit', 'x'.repeat(40_000), /its target is 40,000 characters, over the limit of 32,768/],
];
for (const [name, target, message] of forbidden) {
  test(`validated before it is written: ${name} in a target is refused, and nothing of the command is written`, (t) => {
    const { locales, before } = store();
    const error = t.throws(() => withStore(locales, () => {
      writeStoreFile(storePath(locales, 'de', 'a.md'), { 'p-0000000001': entry('Gut') });
      writeStoreFile(storePath(locales, 'de', 'b.md'), { 'p-0000000002': entry(target) });
    }), { instanceOf: StoreError, message });
    t.true(error!.message.startsWith(`${storePath(locales, 'de', 'b.md')}: entry "p-0000000002"`));
    t.deepEqual(snapshot(locales), before);
  });
}

test('validated before it is written: a key that is no unit id (__proto__) and a malformed entry are refused', (t) => {
  const { locales } = store();
  const path = storePath(locales, 'de', 'a.md');
  t.throws(() => writeStoreFile(path, JSON.parse('{"__proto__": {"source": "a", "target": "b", "state": "translated", "revision": 1}}')), { instanceOf: StoreError, message: /"__proto__" is not a unit id/ });
  t.throws(() => writeStoreFile(path, { 'p-0000000001': { ...entry('x'), revision: -1 } }), { instanceOf: StoreError, message: /must have source, target/ });
  t.throws(() => writeStoreFile(path, { 'p-0000000001': { ...entry('x'), basedOn: -1 } }), { instanceOf: StoreError, message: /entry "p-0000000001": basedOn must be a whole number/ });
  t.throws(() => writeWords(locales, 'de', { contents: 'In\u0007halt' }), { instanceOf: StoreError, message: /entry "contents": its text contains U\+0007/ });
});

test('basedOn (the revision a delivered unit was extracted at) is optional, read back as written, and checked when read', (t) => {
  const { locales } = store();
  const path = storePath(locales, 'de', 'a.md');
  writeStoreFile(path, { 'p-0000000002': { ...entry('Zwei'), basedOn: 0 }, 'p-0000000001': entry('Eins') });
  t.deepEqual(readStoreFile(path), { 'p-0000000001': entry('Eins'), 'p-0000000002': { ...entry('Zwei'), basedOn: 0 } });
  t.false(Object.hasOwn(readStoreFile(path)['p-0000000001']!, 'basedOn'), 'an entry without it gets none');
  writeFileSync(path, JSON.stringify({ 'p-0000000001': { ...entry('Eins'), basedOn: 'gestern' } }));
  t.throws(() => readStoreFile(path), { instanceOf: StoreError, message: /entry "p-0000000001": basedOn must be a whole number .*: fix or remove the field$/ });
});

test('a store file edited by hand to hold ESC: build is refused with the file and entry named, exit 1, the store unchanged', async (t) => {
  const root = sampleRoot();
  const path = storePath(join(root, 'locales'), 'de', 'translating/pseudo-localization.md');
  mkdirSync(join(root, 'locales/de/articles/translating'), { recursive: true });
  writeFileSync(path, JSON.stringify({ 'fm-title': entry('\u001B]0;pwned\u0007') }));
  const before = snapshot(join(root, 'locales'));
  const result = await runInProcess(['build', '--root', root, '--lang', 'de', '--format', 'md,html']);
  t.is(result.code, 1, result.stdout);
  t.regex(result.stderr, /^error: .*locales\/de\/articles\/translating\/pseudo-localization\.json: entry "fm-title": its target contains U\+001B, a control character or lone surrogate no handbook may show: fix or remove the entry\n$/);
  t.deepEqual(snapshot(join(root, 'locales')), before);
});

/** A commit as a process killed in the middle of it leaves it: staged files, with or without the journal. */
function killedCommit(locales: string, journal: boolean) {
  const folder = join(locales, TRANSACTION_DIR);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '1.json'), `${JSON.stringify({ 'p-0000000001': entry('Neu') }, null, 2)}\n`);
  writeFileSync(join(folder, '2.json'), `${JSON.stringify({ 'p-0000000003': entry('Neu') }, null, 2)}\n`);
  if (journal) {
    // The first file was already renamed into place when the process died.
    writeFileSync(storePath(locales, 'de', 'a.md'), readFileSync(join(folder, '1.json')));
    writeFileSync(join(folder, 'commit.json'), JSON.stringify([
      { file: 'de/articles/a.json', staged: '1.json' },
      { file: 'de/articles/c.json', staged: '2.json' },
      { file: 'de/articles/b.json', staged: null },
      { file: '../outside.json', staged: '2.json' },
    ]));
  }
}

test('killed after the journal was written: the next reader rolls the commit forward', (t) => {
  const { locales } = store();
  killedCommit(locales, true);
  const files = listStoreFiles(locales, 'de').map((f) => f.original);
  t.deepEqual(files, ['a.md', 'c.md']);
  t.is(new TranslationStore(locales, 'de').file('c.md')['p-0000000003']?.target, 'Neu');
  t.false(existsSync(join(locales, TRANSACTION_DIR)));
  t.false(existsSync(join(locales, '..', 'outside.json')), 'a journal path outside the store is never followed');
});

test('killed before the journal was written: the next reader rolls the commit back', (t) => {
  const { locales, before } = store();
  killedCommit(locales, false);
  t.deepEqual(listStoreFiles(locales, 'de').map((f) => f.original), ['a.md', 'b.md']);
  t.deepEqual(snapshot(locales), before);
});
