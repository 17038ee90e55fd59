// Broken and hostile input: each gets a clear error, and the store stays exactly as it was.
import test from 'ava';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { merge, mergeLocked } from '../../src/merge/merge.ts';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { structureOf } from '../render/structure.ts';
import { LockedError } from '../../src/store/lock.ts';
import { PROJECT, SEED, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import { snapshot, translatedXliff, workspace } from '../support/roundtrip.ts';
import type { Segment } from '../../src/model/types.ts';

const sample = () => workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja']);

/** A sample workspace with one merged language, and one more translated file to tamper with. */
function prepared(version: '1.2' | '2.0' = '1.2') {
  const ws = sample();
  const first = translatedXliff(ws, version, pseudoSegments);
  merge(ws.config, ws.center, { files: first });
  // The same translations again: merging this file untouched would change nothing.
  const [file] = translatedXliff(ws, version, pseudoSegments);
  return { ws, file: file!, before: snapshot(ws.config.locales) };
}

function tamper(file: string, change: (xml: string) => string): string {
  const xml = readFileSync(file, 'utf8');
  const changed = change(xml);
  if (changed === xml) throw new Error('the tampering changed nothing');
  const path = join(temporaryDir(), 'tampered.xlf');
  writeFileSync(path, changed);
  return path;
}

const cases: [string, (xml: string) => string, RegExp][] = [
  ['truncated XML', (xml) => xml.slice(0, Math.floor(xml.length / 2)), /^the XML is not well-formed \(unclosed tag: \w+, column \d+\): the file is damaged or cut short; save or export it again from the translation tool: the file was not merged$/],
  ['an HTML entity in a target', (xml) => xml.replace(/(<target[^>]*>)/, '$1&nbsp;'), /^&nbsp; is not defined in XML .*: write the character itself, or its number \(&#160; for &nbsp;\): the file was not merged$/],
  ['wrong version', (xml) => xml.replace('version="1.2"', 'version="1.1"'), /version "1\.1".*not supported/],
  ['an XML external entity', (xml) => xml.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff').replace('</target>', '&xxe;</target>'), /DOCTYPE is not allowed/],
  ['an entity expansion bomb', (xml) => xml.replace('<xliff', `<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${'b'.repeat(k + 1)} "${`&${k ? 'b'.repeat(k) : 'a'};`.repeat(10)}">`).join('')}]>\n<xliff`).replace('</target>', '&bbbbbbbbb;</target>'), /DOCTYPE is not allowed/],
  ['a dropped inline code', (xml) => xml.replace(/(<target[^>]*>[^<]*)<x id="(\d+)"[^>]*\/>/, '$1'), /drops code \d+/],
  ['an invented inline code', (xml) => xml.replace(/<\/target>/, '<x id="99" ctype="x-html" equiv-text="&lt;script&gt;"/></target>'), /adds code 99/],
  ['a duplicated inline code', (xml) => xml.replace(/(<target[^>]*>[^<]*)(<x id="(\d+)"[^>]*\/>)/, '$1$2$2'), /repeats code/],
  ['codes out of order', (xml) => xml.replace(/<target([^>]*)>([^<]*)<g id="(\d+)"[^>]*>([^<]*)<\/g>/, '<target$1>$2<ept id="$3"/>$4<bpt id="$3"/>'), /comes before its opening code/],
  ['a target in the wrong language', (xml) => xml.replaceAll('target-language="de"', 'target-language="fr"'), /target language is "fr"/],
  ['a duplicate unit id', (xml) => xml.replace(/(<trans-unit[\s\S]*?<\/trans-unit>)/, '$1\n$1'), /appears twice/],
  ['an article path outside the articles folder', (xml) => xml.replace(/original="[^"]+\.md"/, 'original="../../etc/passwd"'), /outside the articles folder/],
  ['an unknown article', (xml) => xml.replace(/original="[^"]+\.md"/, 'original="nowhere/else.md"'), /no article "nowhere\/else\.md"/],
  ['a target of codes only', (xml) => xml.replace(/<target([^>]*)>([^<]*)<g id="(\d+)"([^>]*)>[^<]*<\/g>([^<]*)<\/target>/, '<target$1><g id="$3"$4></g></target>'), /the target has only codes and no text/],
  ['an emptied link', (xml) => xml.replace(/(<target[^>]*>[^<]+<g id="\d+"[^>]*>)[^<]+(<\/g>)/, '$1$2'), /the target leaves pair opening code \d+ \(.+\) empty, which holds text in the source/],
  ['an invented unit id', (xml) => xml.replace(/resname="[^"]+"/, 'resname="made-up"'), /unit "made-up" does not exist/],
];

for (const [name, change, message] of cases) {
  test(`refused: ${name}; the store is unchanged`, (t) => {
    const { ws, file, before } = prepared();
    const bad = tamper(file, change);
    const report = merge(ws.config, ws.center, { files: [bad] });
    const errors = report.problems.filter((p) => p.severity === 'error');
    t.true(report.refused > 0, 'something was refused');
    t.true(errors.some((p) => message.test(p.message)), errors.map((p) => p.message).join('\n'));
    t.true(errors.every((p) => p.file === bad && p.line > 0), 'every error names the file and a line');
    t.deepEqual(snapshot(ws.config.locales), before, 'every stored translation is as it was');
  });
}

test('XLIFF 2.0: a dropped <ph/> is refused with the code it drops', (t) => {
  const { ws, file } = prepared('2.0');
  const bad = tamper(file, (xml) => xml.replace(/(<target[^>]*>[^<]*)<ph id="(\d+)"[^>]*\/>/, '$1'));
  const report = merge(ws.config, ws.center, { files: [bad] });
  t.is(report.refused, 1);
  t.regex(report.problems[0]!.message, /drops code \d+ \(.+\)/);
});

test('markup typed by a translator is text: it is stored and escaped, never run', (t) => {
  const ws = sample();
  const hostile: (s: readonly Segment[]) => Segment[] = (segments) => segments.map((s) => (s.type === 'text' ? { type: 'text', value: `${s.value} **x** [a](b) <script>alert(1)</script> {{ site.x }} {% include y %} |` } : s));
  const report = merge(ws.config, ws.center, { files: translatedXliff(ws, '1.2', hostile) });
  t.is(report.refused, 0);
  t.true(report.stored > 400);
  buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
  for (const article of ws.center.categories.flatMap((c) => c.articles)) {
    const out = readFileSync(join(ws.config.output, 'de/markdown', article.path), 'utf8');
    t.deepEqual(structureOf(out), structureOf(article.source), article.path);
    // Front matter values are plain YAML strings (Jekyll runs no Liquid there); the body must hold none of it as markup.
    const body = out.slice(out.indexOf('\n---', 3) + 4);
    t.false(/<script>|\{\{ site\.x|\{% include/.test(body), article.path);
  }
});

test('empty targets are skipped, not errors', (t) => {
  const ws = sample();
  const files = translatedXliff(ws, '1.2', () => []);
  const report = merge(ws.config, ws.center, { files });
  t.is(report.refused, 0);
  t.is(report.stored, 0);
  t.true(report.empty > 400);
});

test('a second merge of an older file is refused and reported; the newer translation stays', (t) => {
  const ws = sample();
  const older = translatedXliff(ws, '1.2', (s) => pseudoSegments(s));
  t.is(merge(ws.config, ws.center, { files: older }).refused, 0);
  // Extracted after that merge (extract --all, for review), with other translations: a newer extract.
  const newer = translatedXliff(ws, '1.2', (s) => pseudoSegments(pseudoSegments(s)));
  t.is(merge(ws.config, ws.center, { files: newer }).refused, 0);
  const after = snapshot(ws.config.locales);
  const report = merge(ws.config, ws.center, { files: older });
  t.true(report.refused > 400);
  t.regex(report.problems[0]!.message, /older than the stored translation/);
  t.deepEqual(snapshot(ws.config.locales), after);
});

test('an article changed after export: its translation is kept as outdated, not published', (t) => {
  const root = temporaryDir();
  const articles = join(root, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, 'a.md'), '---\ntitle: Old title\n---\n\nFirst paragraph.\n\nSecond paragraph.\n');
  const ws = workspace(articles, undefined);
  const files = translatedXliff(ws, '2.0', pseudoSegments);
  writeFileSync(join(articles, 'a.md'), '---\ntitle: New title\n---\n\nFirst paragraph, changed.\n\nSecond paragraph.\n');
  const changed = workspace(articles, undefined);
  const report = merge({ ...changed.config, locales: ws.config.locales }, changed.center, { files });
  t.is(report.refused, 0);
  t.is(report.outdated, 2, 'the changed title and paragraph');
  t.is(report.stored, 1, 'the unchanged paragraph');
  const store = JSON.parse(readFileSync(join(ws.config.locales, 'de/articles/a.json'), 'utf8'));
  t.is(store['fm-title'].state, 'outdated');
  t.is(store['fm-title'].source, 'Old title');
});

test('--dry-run checks everything and writes nothing', (t) => {
  const ws = sample();
  const report = merge(ws.config, ws.center, { files: translatedXliff(ws, '1.2', pseudoSegments), dryRun: true });
  t.true(report.stored > 400);
  t.deepEqual(snapshot(ws.config.locales), {});
});

test('a merge refused by a held lock (HANDBOOK_LOCK_WAIT=0: no waiting) writes nothing; a dead holder\'s lock is taken over', (t) => {
  const ws = sample();
  const files = translatedXliff(ws, '1.2', pseudoSegments);
  mkdirSync(ws.config.locales, { recursive: true });
  writeFileSync(join(ws.config.locales, '.merge.lock'), String(process.pid));
  process.env.HANDBOOK_LOCK_WAIT = '0';
  try {
    t.throws(() => mergeLocked(ws.config, ws.center, { files }), { instanceOf: LockedError, message: /another handbook process \(pid \d+\)/ });
  } finally {
    delete process.env.HANDBOOK_LOCK_WAIT;
  }
  t.deepEqual(Object.keys(snapshot(ws.config.locales)), ['.merge.lock']);
  writeFileSync(join(ws.config.locales, '.merge.lock'), '999999999');
  t.is(mergeLocked(ws.config, ws.center, { files }).refused, 0, 'a lock left by a dead process is taken over');
});

testIf(SHARED_NEED)('seed article: the Resources cell is stored as one unit with its codes, and comes back identical', (t) => {
  const articles = join(temporaryDir(), 'articles');
  mkdirSync(articles);
  copyFileSync(SEED, join(articles, 'ongoing-administration.md'));
  const ws = workspace(articles, undefined);
  t.is(merge(ws.config, ws.center, { files: translatedXliff(ws, '1.2', (s) => s) }).refused, 0);
  const store = readFileSync(join(ws.config.locales, 'de/articles/ongoing-administration.json'), 'utf8');
  t.true(store.includes('<1>User Onboarding</1><2/><3/><4>User Offboarding</4>'));
  buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
  t.is(readFileSync(join(ws.config.output, 'de/markdown/ongoing-administration.md'), 'utf8'), readFileSync(SEED, 'utf8'));
});

test('a delivery for another configured language: one error line saying which --lang to use; every unit counted, nothing stored', (t) => {
  const { ws, file, before } = prepared();
  const japanese = tamper(file, (xml) => xml.replaceAll('target-language="de"', 'target-language="ja"'));
  const files = (readFileSync(japanese, 'utf8').match(/<file /g) ?? []).length;
  const units = (readFileSync(japanese, 'utf8').match(/<trans-unit /g) ?? []).length;
  t.true(files > 1, 'the document has several <file>s');
  const report = merge(ws.config, ws.center, { files: [japanese], language: 'de' });
  t.deepEqual(report.problems.map((p) => [p.line, p.message]), [[3, 'the target language is "ja", not "de" (--lang): merge this file with --lang ja; no unit in "ja" was stored']]);
  t.is(report.refused, units);
  t.is(report.filesRefused, files);
  t.deepEqual(snapshot(ws.config.locales), before);
  const unconfigured = merge(ws.config, ws.center, { files: [tamper(file, (xml) => xml.replaceAll('target-language="de"', 'target-language="fr"'))] });
  t.deepEqual(unconfigured.problems.map((p) => p.message), [`the target language is "fr", not one of handbook.config.json's targetLanguages (de, ja): add "fr" to targetLanguages in handbook.config.json, or ask for a file in a configured language; no unit in "fr" was stored`]);
});

test('two files of one extract merged at once with different translations of a unit: the first is kept, the second refused naming the first, a file merged before it in the same merge', (t) => {
  const ws = sample();
  const first = translatedXliff(ws, '1.2', (s) => pseudoSegments(s));
  const second = translatedXliff(ws, '1.2', (s) => pseudoSegments(pseudoSegments(s)));
  const alone = merge(sample().config, ws.center, { files: [first[0]!] });
  const report = merge(ws.config, ws.center, { files: [first[0]!, second[0]!] });
  t.like(report, { stored: alone.stored, replaced: 0 });
  t.true(report.refused > 0);
  t.is(report.refusedBy.clash, report.refused);
  const clash = `${first[0]}, a file merged before this one in the same merge, is of the same extract (revision 0) and translates this unit differently: its translation is kept; if this file is the corrected delivery, merge it on its own`;
  t.true(report.problems.every((p) => p.file === second[0] && p.message === clash));
  // The first file's translations are the ones stored.
  t.is(merge(ws.config, ws.center, { files: [first[0]!], dryRun: true }).unchanged, alone.stored);
});

test('a delivery in a regional variant of the language (de-DE for de): one error line saying to set target-language to de', (t) => {
  const { ws, file, before } = prepared();
  const regional = tamper(file, (xml) => xml.replaceAll('target-language="de"', 'target-language="de-DE"'));
  const advice = 'the translation tool wrote the regional variant of "de": set target-language="de" in the file\'s <file> elements (or add "de-DE" to targetLanguages to keep it as a language of its own); no unit in "de-DE" was stored';
  t.deepEqual(merge(ws.config, ws.center, { files: [regional], language: 'de' }).problems.map((p) => p.message), [`the target language is "de-DE", not "de" (--lang): ${advice}`]);
  t.deepEqual(merge(ws.config, ws.center, { files: [regional] }).problems.map((p) => p.message), [`the target language is "de-DE", not one of handbook.config.json's targetLanguages (de, ja): ${advice}`]);
  t.deepEqual(snapshot(ws.config.locales), before);
});

test('a source language written as a regional variant (en-US) merges; another language is refused', (t) => {
  const { ws, file } = prepared();
  const american = tamper(file, (xml) => xml.replaceAll('source-language="en"', 'source-language="en-US"'));
  const report = merge(ws.config, ws.center, { files: [american] });
  t.is(report.refused, 0);
  t.true(report.unchanged > 0);
  const french = merge(ws.config, ws.center, { files: [tamper(file, (xml) => xml.replaceAll('source-language="en"', 'source-language="fr"'))] });
  t.regex(french.problems[0]!.message, /^the source language is "fr", but the articles are in "en"/);
});
