// A translator corrects a file already merged and delivers it again: a redelivery of the same
// extract replaces the translations it changes, counted apart; an older extract is still refused.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { listStoreFiles, readStoreFile, storePath } from '../../src/store/store.ts';
import { PROJECT, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import { corpusCopy, snapshot, translatedXliff, workspace, type Workspace } from '../support/roundtrip.ts';

const sample = () => workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));

/** The first article paragraph of plain text (no inline code): what the translator corrects. */
function corrected(ws: Workspace) {
  const categoryIndex = ws.center.categories.findIndex((c) => c.articles.some((a) => a.units.some((u) => u.kind === 'paragraph' && u.segments.every((s) => s.type === 'text'))));
  const article = ws.center.categories[categoryIndex]!.articles.find((a) => a.units.some((u) => u.kind === 'paragraph' && u.segments.every((s) => s.type === 'text')))!;
  const unit = article.units.find((u) => u.kind === 'paragraph' && u.segments.every((s) => s.type === 'text'))!;
  /** The delivered file with this unit's target replaced by `text`, as the translator saves it again. */
  const correct = (file: string, text: string): string => {
    const xml = readFileSync(file, 'utf8');
    const start = xml.indexOf(`resname="${unit.id}"`);
    const open = xml.indexOf('>', xml.indexOf('<target', start)) + 1;
    const close = xml.indexOf('</target>', open);
    const path = join(temporaryDir(), 'corrected.xlf');
    writeFileSync(path, `${xml.slice(0, open)}${text}${xml.slice(close)}`);
    return path;
  };
  const entry = () => readStoreFile(storePath(ws.config.locales, 'de', article.path))[unit.id];
  const published = () => {
    buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
    return readFileSync(join(ws.config.output, 'de/markdown', article.path), 'utf8');
  };
  return { categoryIndex, correct, entry, published };
}

test('a corrected redelivery of the same extract: the changed translation is stored, counted as replaced, and published', (t) => {
  const ws = sample();
  const { categoryIndex, correct, entry, published } = corrected(ws);
  const delivered = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  const first = merge(ws.config, ws.center, { files: [delivered] });
  t.like(first, { replaced: 0, refused: 0 });
  t.like(entry(), { revision: 1, basedOn: 0 });
  t.false(published().includes('Ein Satz mit Tippfehler behoben.'));

  const fixed = correct(delivered, 'Ein Satz mit Tippfehler behoben.');
  const again = merge(ws.config, ws.center, { files: [fixed] });
  t.like(again, { stored: 0, replaced: 1, unchanged: first.stored - 1, refused: 0, refusedBy: {} });
  t.deepEqual(again.problems, []);
  t.deepEqual(entry(), { source: entry()!.source, target: 'Ein Satz mit Tippfehler behoben.', state: 'translated', revision: 2, basedOn: 0 });
  t.true(published().includes('Ein Satz mit Tippfehler behoben.'), 'the localized Markdown shows the fix');

  // The same corrected file again changes nothing; a second correction of it replaces again.
  t.like(merge(ws.config, ws.center, { files: [fixed] }), { stored: 0, replaced: 0, unchanged: first.stored });
  t.like(merge(ws.config, ws.center, { files: [correct(delivered, 'Zweite Korrektur.')] }), { stored: 0, replaced: 1, refused: 0 });
  t.like(entry(), { target: 'Zweite Korrektur.', revision: 3, basedOn: 0 });
});

testIf(SHARED_NEED)('the real corpus: send.xlf merged, one target corrected in the same file and merged again: replaced and published', (t) => {
  const ws = corpusCopy(['send']);
  const { categoryIndex, correct, entry, published } = corrected(ws);
  const delivered = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  t.true(delivered.endsWith('send.xlf'));
  const first = merge(ws.config, ws.center, { files: [delivered] });
  t.like(first, { refused: 0 });
  t.true(first.stored > 200);
  const again = merge(ws.config, ws.center, { files: [correct(delivered, 'Bitwarden Send, korrigiert.')] });
  t.like(again, { stored: 0, replaced: 1, unchanged: first.stored - 1, refused: 0 });
  t.like(entry(), { target: 'Bitwarden Send, korrigiert.', revision: 2, basedOn: 0 });
  t.true(published().includes('Bitwarden Send, korrigiert.'));
});

test('a file of an older extract than the stored translation is still refused as older; one extracted after it merges as today', (t) => {
  const ws = sample();
  const { categoryIndex, correct, entry } = corrected(ws);
  const older = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  t.is(merge(ws.config, ws.center, { files: [older] }).refused, 0);
  // extract --all after that merge (for review): the reviewer's change is a later extract, stored as today.
  const review = correct(translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!, 'Vom Prüfer geändert.');
  t.like(merge(ws.config, ws.center, { files: [review] }), { stored: 1, replaced: 0, refused: 0 });
  t.like(entry(), { target: 'Vom Prüfer geändert.', revision: 2, basedOn: 1 });
  const after = snapshot(ws.config.locales);
  // The first delivery corrected now: its extract is older than the reviewed translation's.
  const report = merge(ws.config, ws.center, { files: [correct(older, 'Spät korrigiert.')] });
  t.like(report, { stored: 0, replaced: 0, refused: 1, refusedBy: { older: 1 } });
  t.regex(report.problems[0]!.message, /^this file is older than the stored translation \(extracted at revision 0, store has 2/);
  t.deepEqual(snapshot(ws.config.locales), after);
});

test('a translation signed off in a later extract (same text, reviewed): a correction of the first delivery is refused as older, the reviewed one stays', (t) => {
  const ws = sample();
  const { categoryIndex, correct, entry } = corrected(ws);
  const first = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  merge(ws.config, ws.center, { files: [first] });
  const review = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  writeFileSync(review, readFileSync(review, 'utf8').replaceAll('state="translated"', 'state="signed-off"'));
  t.like(merge(ws.config, ws.center, { files: [review] }), { replaced: 0, refused: 0 });
  const reviewed = entry();
  t.like(reviewed, { state: 'reviewed', revision: 2, basedOn: 1 });
  t.like(merge(ws.config, ws.center, { files: [correct(first, 'Nach der Prüfung korrigiert.')] }), { replaced: 0, refused: 1, refusedBy: { older: 1 } });
  t.deepEqual(entry(), reviewed);
});

test('two files of the same extract in one merge: the second is refused as a clash naming the first; merged on its own later, it replaces', (t) => {
  const ws = sample();
  const { categoryIndex, correct, entry } = corrected(ws);
  const delivered = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  const fixed = correct(delivered, 'Die korrigierte Fassung.');
  const both = merge(ws.config, ws.center, { files: [delivered, fixed] });
  t.like(both, { replaced: 0, refused: 1, refusedBy: { clash: 1 } });
  t.is(both.problems[0]!.file, fixed);
  t.true(both.problems[0]!.message.startsWith(`${delivered}, a file merged before this one in the same merge, is of the same extract (revision 0)`));
  t.not(entry()!.target, 'Die korrigierte Fassung.', 'the first file stays stored');
  // The same two files again: the first finds its translations unchanged, and still the second may not win silently.
  t.like(merge(ws.config, ws.center, { files: [delivered, fixed] }), { stored: 0, replaced: 0, refused: 1, refusedBy: { clash: 1 } });
  t.like(merge(ws.config, ws.center, { files: [fixed] }), { replaced: 1, refused: 0 });
  t.is(entry()!.target, 'Die korrigierte Fassung.');
});

test('a store written before basedOn existed (entries without it): a corrected redelivery is refused as older, as before', (t) => {
  const ws = sample();
  const { categoryIndex, correct, entry } = corrected(ws);
  const delivered = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  merge(ws.config, ws.center, { files: [delivered] });
  for (const { path } of listStoreFiles(ws.config.locales, 'de')) {
    writeFileSync(path, readFileSync(path, 'utf8').replace(/,\n {4}"basedOn": \d+/g, ''));
  }
  t.is(entry()!.basedOn, undefined);
  const before = snapshot(ws.config.locales);
  t.false(Object.values(before).some((text) => text.includes('basedOn')));
  const report = merge(ws.config, ws.center, { files: [correct(delivered, 'Zu spät.')] });
  t.like(report, { stored: 0, replaced: 0, refused: 1, refusedBy: { older: 1 } });
  t.deepEqual(snapshot(ws.config.locales), before);
});

test('merge --dry-run of a redelivery (and of a clash) reports the same counts and problems as the merge, and writes nothing', (t) => {
  const ws = sample();
  const { categoryIndex, correct } = corrected(ws);
  const delivered = translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!;
  merge(ws.config, ws.center, { files: [delivered] });
  const before = snapshot(ws.config.locales);
  // A corrected file, and another correction of the same extract given in the same merge.
  const files = [correct(delivered, 'Trockenlauf.'), correct(delivered, 'Noch eine Fassung.')];
  const dry = merge(ws.config, ws.center, { files, dryRun: true });
  t.deepEqual(snapshot(ws.config.locales), before);
  const real = merge(ws.config, ws.center, { files });
  t.like(dry, { replaced: 1, refused: 1, refusedBy: { clash: 1 } });
  t.deepEqual({ ...dry, problems: [] }, { ...real, problems: [] });
  t.deepEqual(dry.problems, real.problems);
});

test('the store keeps basedOn last in an entry, only for what a delivery wrote: memory fills and pseudo write none', (t) => {
  const ws = sample();
  const { categoryIndex, entry } = corrected(ws);
  merge(ws.config, ws.center, { files: [translatedXliff(ws, '1.2', pseudoSegments)[categoryIndex]!] });
  const path = listStoreFiles(ws.config.locales, 'de')[0]!.path;
  t.regex(readFileSync(path, 'utf8'), /"state": "translated",\n {4}"revision": 1,\n {4}"basedOn": 0\n {2}\}/);
  t.like(entry(), { basedOn: 0 });
  for (const file of translatedXliff(ws, '1.2', pseudoSegments).slice(0, 2)) merge(ws.config, ws.center, { files: [file] });
  t.true(extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: temporaryDir(), all: false }).memoryFilled.de! > 0, 'the store holds memory fills');
  const entries = listStoreFiles(ws.config.locales, 'de').flatMap(({ path }) => Object.values(readStoreFile(path)));
  t.true(entries.some((e) => e.state === 'needs-review'));
  t.true(entries.every((e) => (e.state === 'needs-review') === (e.basedOn === undefined)), 'memory fills have no basedOn, delivered entries have one');
  const pseudo = sample();
  pseudoLocalize(pseudo.config, pseudo.center, 'de');
  t.false(Object.values(snapshot(pseudo.config.locales)).some((text) => text.includes('basedOn')));
});
