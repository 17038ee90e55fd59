// The merge policy, unit by unit: what counts as translated, what is skipped, what is refused, with
// the states OmegaT, translate-toolkit and the OASIS specifications leave behind.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { categoryPackage } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { readStoreFile, storePath } from '../../src/store/store.ts';
import type { XliffVersion } from '../../src/xliff/package.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';
import { snapshot, workspace, type Workspace } from '../support/roundtrip.ts';

const base = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
const category = base.center.categories.find((c) => c.slug === 'reference')!;

/** A new, empty store over the same sample articles. */
function fresh(): Workspace {
  const root = temporaryDir();
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: base.config.articles, categories: join(PROJECT, 'articles/_categories'), targetLanguages: ['de'] }));
  return { root, config: loadConfig(root), center: base.center };
}

/** The reference category exactly as extract writes it for German (every target a copy of its source). */
const extracted = (version: XliffVersion, target: 'copy' | 'none' = 'copy') => writeXliff(categoryPackage(base.config, category, 'de', false), version, { target });
const EXTRACTED_12 = extracted('1.2');
const UNITS = category.units.length + category.articles.reduce((n, a) => n + a.units.length, 0);
/** The first unit of an article that has inline codes: what every case below changes. */
const article = category.articles.find((a) => a.units.some((u) => u.segments.some((s) => s.type === 'code')))!;
const unit = article.units.find((u) => u.segments.some((s) => s.type === 'code'))!;

/** Upper-cases the text between tags: a translation that keeps every code. */
const upper = (inner: string) => inner.replace(/(^|>)([^<]+)/g, (_, end: string, text: string) => end + text.toUpperCase());

function returned(xml: string): string {
  const path = join(temporaryDir(), 'returned.xlf');
  writeFileSync(path, xml);
  return path;
}

/** The 1.2 document with the unit's target replaced, as a tool leaves it. */
function withTarget12(state: string | undefined, translate: boolean, approved?: string): string {
  const start = EXTRACTED_12.indexOf(`resname="${unit.id}"`);
  const open = EXTRACTED_12.indexOf('<target state="needs-translation">', start);
  const close = EXTRACTED_12.indexOf('</target>', open);
  const inner = EXTRACTED_12.slice(open + '<target state="needs-translation">'.length, close);
  return `${EXTRACTED_12.slice(0, start)}${approved ? `approved="${approved}" ` : ''}${EXTRACTED_12.slice(start, open)}<target${state === undefined ? '' : ` state="${state}"`}>${translate ? upper(inner) : inner}${EXTRACTED_12.slice(close)}`;
}

const stored = (ws: Workspace) => readStoreFile(storePath(ws.config.locales, 'de', article.path))[unit.id];

test('the files as extract writes them: every unit an untouched copy, nothing stored, nothing refused', (t) => {
  const ws = fresh();
  const report = merge(ws.config, ws.center, { files: [returned(EXTRACTED_12), returned(extracted('2.0', 'copy')), returned(extracted('2.0', 'none'))] });
  t.like(report, { stored: 0, refused: 0, filesRefused: 0, copies: 2 * UNITS, empty: UNITS });
  t.deepEqual(snapshot(ws.config.locales), {});
});

// Every XLIFF 1.2 state (OASIS), OmegaT's (it keeps needs-translation on what it translates), a
// custom one, and values that name properties of every JavaScript object.
const STATES_12: [string | undefined, string][] = [
  [undefined, 'translated'], ['new', 'translated'], ['needs-translation', 'translated'], ['needs-adaptation', 'translated'],
  ['needs-l10n', 'translated'], ['needs-review-adaptation', 'translated'], ['needs-review-l10n', 'translated'],
  ['needs-review-translation', 'translated'], ['translated', 'translated'], ['signed-off', 'reviewed'], ['final', 'final'],
  ['x-omegat-edited', 'translated'], ['constructor', 'translated'], ['__proto__', 'translated'], ['toString', 'translated'],
];
const FRESH = new Set(['new', 'needs-translation']);

for (const [state, storedState] of STATES_12) {
  test(`1.2 state=${state ?? '(none)'}: a target that differs from the source is a translation; an equal one ${FRESH.has(state ?? '') ? 'is an untouched copy' : 'is a translation too'}`, (t) => {
    const ws = fresh();
    const translated = merge(ws.config, ws.center, { files: [returned(withTarget12(state, true))] });
    t.like(translated, { stored: 1, refused: 0, copies: UNITS - 1 });
    t.is<string | undefined, string>(stored(ws)?.state, storedState);
    t.true(Object.hasOwn(stored(ws)!, 'source') && Object.hasOwn(stored(ws)!, 'target'));
    // The store still reads, and the unit is no longer sent for translation.
    t.false(categoryPackage(ws.config, category, 'de', false).files.flatMap((f) => f.units).some((u) => u.unit.id === unit.id));

    const other = fresh();
    const copy = merge(other.config, other.center, { files: [returned(withTarget12(state, false))] });
    t.like(copy, FRESH.has(state ?? '') ? { stored: 0, copies: UNITS, refused: 0 } : { stored: 1, copies: UNITS - 1, refused: 0 });
  });
}

test('1.2 approved="yes" is a reviewed translation, even on a copy of the source', (t) => {
  const ws = fresh();
  t.like(merge(ws.config, ws.center, { files: [returned(withTarget12('translated', false, 'yes'))] }), { stored: 1, refused: 0 });
  t.is(stored(ws)?.state, 'reviewed');
});

// XLIFF 2.0 segment states (OASIS) and one that is no state at all.
for (const [state, storedState] of [['initial', 'translated'], ['translated', 'translated'], ['reviewed', 'reviewed'], ['final', 'final'], ['constructor', 'translated']] as const) {
  test(`2.0 state=${state}: a target that differs is a translation; an equal one ${state === 'initial' ? 'is an untouched copy' : 'is a translation too'}`, (t) => {
    const xml = extracted('2.0', 'copy');
    const start = xml.indexOf(`<unit id="${unit.id}"`);
    const segment = xml.indexOf('<segment state="initial">', start);
    const open = xml.indexOf('<target xml:space="preserve">', segment) + '<target xml:space="preserve">'.length;
    const close = xml.indexOf('</target>', open);
    const withState = (translate: boolean) =>
      `${xml.slice(0, segment)}<segment state="${state}">${xml.slice(segment + '<segment state="initial">'.length, open)}${translate ? upper(xml.slice(open, close)) : xml.slice(open, close)}${xml.slice(close)}`;
    const ws = fresh();
    t.like(merge(ws.config, ws.center, { files: [returned(withState(true))] }), { stored: 1, refused: 0, copies: UNITS - 1 });
    t.is<string | undefined, string>(stored(ws)?.state, storedState);
    const other = fresh();
    t.like(merge(other.config, other.center, { files: [returned(withState(false))] }), state === 'initial' ? { stored: 0, copies: UNITS } : { stored: 1, copies: UNITS - 1 });
  });
}

test('merging the same file twice: the second run stores nothing, finds every translation unchanged, and leaves the store byte for byte', (t) => {
  const ws = fresh();
  const file = returned(EXTRACTED_12.replace(/<target state="needs-translation">(.*?)<\/target>/g, (_, inner: string) => `<target state="needs-translation">${upper(inner)}</target>`));
  const first = merge(ws.config, ws.center, { files: [file] });
  t.like(first, { stored: UNITS, refused: 0, unchanged: 0 });
  const before = snapshot(ws.config.locales);
  const second = merge(ws.config, ws.center, { files: [file] });
  t.like(second, { stored: 0, unchanged: UNITS, refused: 0, filesRefused: 0 });
  t.deepEqual(snapshot(ws.config.locales), before);
  // A redelivery of the same extract whose one translation differs (a corrected file) replaces it, counted apart.
  const corrected = returned(withTarget12('translated', true).replace(/(resname="[^"]+"[\s\S]*?<target state="translated">)([^<])/, '$1X$2'));
  const third = merge(ws.config, ws.center, { files: [corrected] });
  t.like(third, { stored: 0, replaced: 1, refused: 0 });
  t.notDeepEqual(snapshot(ws.config.locales), before);
});

test('a <file> a tool added is refused and reported; the rest of the document is merged', (t) => {
  const ws = fresh();
  const foreign = `  <file original="notes.po" source-language="en" target-language="de" datatype="po"><body><trans-unit id="1"><source>Hello</source><target>Hallo</target></trans-unit></body></file>\n</xliff>`;
  const empty = `  <file original="empty.po" source-language="en" target-language="de" datatype="po"><body/></file>\n`;
  const report = merge(ws.config, ws.center, { files: [returned(withTarget12('translated', true).replace('</xliff>', empty + foreign))] });
  t.like(report, { stored: 1, filesRefused: 2, refused: 1, refusedBy: { foreign: 1 } });
  t.true(report.problems.some((p) => p.severity === 'error' && /<file original="notes\.po"> was not written by handbook/.test(p.message)));
  t.true(report.problems.some((p) => /<file original="empty\.po">/.test(p.message)));
});

test('made-up body unit ids are refused, not kept as outdated; the store is unchanged', (t) => {
  const ws = fresh();
  const units = Array.from({ length: 5000 }, (_, k) => `<trans-unit id="u${k}" resname="p-${(k * 2654435761).toString(16).padStart(10, '0').slice(-10)}"><source>Made up ${k}.</source><target>Erfunden ${k}.</target></trans-unit>`);
  const xml = `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="${article.path}" source-language="en" target-language="de" datatype="x-markdown"><body>${units.join('')}</body></file></xliff>`;
  const report = merge(ws.config, ws.center, { files: [returned(xml)] });
  t.like(report, { stored: 0, outdated: 0, refused: 5000, refusedBy: { unit: 5000 } });
  t.deepEqual(snapshot(ws.config.locales), {});
});
