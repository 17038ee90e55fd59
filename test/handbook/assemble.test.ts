// The handbook document, assembled from the sample help center and its shipped translations.
import test from 'ava';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { loadConfig } from '../../src/config/config.ts';
import { assembleHandbook } from '../../src/handbook/assemble.ts';
import type { HandbookDocument } from '../../src/handbook/document.ts';
import type { Unit } from '../../src/model/types.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { storePath } from '../../src/store/store.ts';
import { toTagged } from '../../src/store/tagged.ts';
import { TranslationStore } from '../../src/store/translations.ts';
import { createTranslator } from '../../src/words/words.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';

/** A copy of the sample root with its shipped translations, to change freely. */
function sample() {
  const root = temporaryDir();
  cpSync(join(PROJECT, 'articles'), join(root, 'articles'), { recursive: true });
  cpSync(join(PROJECT, 'locales'), join(root, 'locales'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), readFileSync(join(PROJECT, 'handbook.config.json')));
  const config = loadConfig(root);
  return { config, center: readHelpCenter(config) };
}

async function assemble(s: ReturnType<typeof sample>, slug: string, language: string): Promise<HandbookDocument> {
  const t = await createTranslator(s.config.locales, language, s.config.sourceLanguage);
  const category = s.center.categories.find((c) => c.slug === slug)!;
  return assembleHandbook({ ...s, category, language, store: new TranslationStore(s.config.locales, language), t, date: new Date('2026-12-02T12:00:00Z') });
}

/** Rewrites the stored entries of some units of an article. */
function editStore(s: ReturnType<typeof sample>, language: string, path: string, edit: (entries: Record<string, unknown>, units: readonly Unit[]) => void) {
  const file = storePath(s.config.locales, language, path);
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(entries, s.center.categories.flatMap((c) => c.articles).find((a) => a.path === path)!.units);
  writeFileSync(file, JSON.stringify(entries));
}

const elements = (doc: HandbookDocument, test: (e: Element) => boolean) => {
  const found: Element[] = [];
  for (const article of doc.articles) visit(article.body, 'element', (e: Element) => void (test(e) && found.push(e)));
  return found;
};

test('the Arabic document: words, direction, contents of visible articles with their headings, labelled callouts', async (t) => {
  const s = sample();
  const doc = await assemble(s, 'getting-started', 'ar');
  t.is(doc.direction, 'rtl');
  t.is(doc.words.contents, 'المحتويات');
  t.is(doc.words.articleCount, '3 مقالات');
  t.is(doc.fileName, 'getting-started');
  const category = s.center.categories.find((c) => c.slug === 'getting-started')!;
  t.deepEqual(doc.articles.map((a) => a.path), category.articles.filter((a) => !a.hidden).map((a) => a.path));
  t.deepEqual(doc.toc.map((e) => e.id), doc.articles.map((a) => a.id));
  t.true(doc.toc.every((e) => e.children.length > 0 && e.children.every((c) => c.level === 2 && c.children.every((g) => g.level === 3))));
  const labels = elements(doc, (e) => e.tagName === 'aside').map((aside) => toString(aside.children.find((c) => c.type === 'element')!));
  t.true(labels.length > 0);
  t.true(labels.every((label) => ['ملاحظة', 'تلميح', 'تحذير'].includes(label)), labels.join(', '));
  t.true(doc.articles.every((a) => a.notice === undefined && a.titleLanguage === 'ar'), 'fully translated: no notice');
  t.deepEqual(doc.warnings, []);
});

test('an untranslated paragraph of an Arabic handbook is laid out as English: lang="en" dir="ltr" on the block', async (t) => {
  const s = sample();
  const path = 'reference/handbook-faqs.md';
  editStore(s, 'ar', path, (entries, units) => {
    const unit = units.find((u) => u.kind === 'paragraph' && toTagged(u.segments).includes('npm installed handbook into a folder'))!;
    delete entries[unit.id];
  });
  const doc = await assemble(s, 'reference', 'ar');
  const [block] = elements(doc, (e) => e.tagName === 'p' && toString(e).startsWith('A: npm installed handbook into a folder'));
  t.truthy(block, 'the untranslated paragraph');
  t.deepEqual([block!.properties.lang, block!.properties.dir], ['en', 'ltr']);
  const spans = elements(doc, (e) => e.tagName === 'span' && e.properties.lang === 'en');
  t.true(spans.every((span) => span.properties.dir === 'ltr'));
});

test('a heading that falls back to English in Arabic keeps its question mark at its end: isolated as lang="en" dir="ltr"', async (t) => {
  const s = sample();
  const path = 'reference/handbook-faqs.md';
  editStore(s, 'ar', path, (entries, units) => {
    const unit = units.find((u) => toTagged(u.segments).includes('command not found?'))!;
    delete entries[unit.id];
  });
  const doc = await assemble(s, 'reference', 'ar');
  const [heading] = elements(doc, (e) => /^h[2-6]$/.test(e.tagName) && toString(e).includes('command not found?'));
  // The whole heading fell back: it carries the language and direction itself.
  t.deepEqual([heading!.properties.lang, heading!.properties.dir], ['en', 'ltr']);
  t.regex(toString(heading!), /^Q: Why does my terminal say command not found\?$/);
  t.true(heading!.children.every((c) => c.type === 'text'));
  const article = doc.articles.find((a) => a.path === path)!;
  t.is(article.notice, 'أجزاء من هذه الصفحة لم تُترجم بعد.', 'partly translated, not "out of date"');
  t.is(doc.toc.find((e) => e.id === article.id)!.children.flatMap((c) => [c, ...c.children]).find((c) => c.title.includes('command not found'))?.language, 'en');
  // Translated text around it is not marked; no marker character is left anywhere.
  t.false(JSON.stringify(doc.articles.map((a) => a.body)).includes('\u2E28'));
});

test('notices: memory fills alone are "partly translated", an outdated translation is "out of date", nothing stored is "not translated"', async (t) => {
  const s = sample();
  const path = 'getting-started/install-handbook.md';
  editStore(s, 'de', path, (entries, units) => {
    // Only one memory fill left (needs-review, made for the current source).
    const keep = units.find((u) => u.kind === 'paragraph')!;
    for (const key of Object.keys(entries)) if (key !== keep.id) delete entries[key];
    (entries[keep.id] as { state: string }).state = 'needs-review';
  });
  editStore(s, 'de', 'getting-started/project-layout.md', (entries, units) => {
    const first = units.find((u) => u.kind === 'paragraph')!;
    (entries[first.id] as { source: string }).source = 'An earlier version of this paragraph.';
  });
  editStore(s, 'de', 'getting-started/localization-workflow.md', (entries) => {
    for (const key of Object.keys(entries)) delete entries[key];
  });
  const doc = await assemble(s, 'getting-started', 'de');
  const notice = (p: string) => doc.articles.find((a) => a.path === p)!.notice;
  t.is(notice(path), 'Teile dieser Seite sind noch nicht übersetzt.');
  t.is(notice('getting-started/project-layout.md'), 'Diese Seite wurde aus einer früheren Version übersetzt und ist möglicherweise nicht mehr aktuell.');
  t.is(notice('getting-started/localization-workflow.md'), 'Diese Seite wurde noch nicht übersetzt.');
  t.is(doc.articles.find((a) => a.path === 'getting-started/localization-workflow.md')!.titleLanguage, 'en');
  const english = await assemble(s, 'getting-started', 'en');
  t.true(english.articles.every((a) => a.notice === undefined), 'the source language has no notices');
});

test('icons are Font Awesome elements, pictures are paths in the images folder with their file', async (t) => {
  const s = sample();
  const doc = await assemble(s, 'getting-started', 'ja');
  const icons = elements(doc, (e) => e.tagName === 'i');
  t.true(icons.length > 0);
  t.true(icons.every((i) => /^fa-[a-z-]+$/.test(String(i.properties.dataIcon)) && i.children.length === 0));
  const images = elements(doc, (e) => e.tagName === 'img');
  t.true(images.length > 0);
  for (const img of images) t.is(doc.imageFiles.get(String(img.properties.src)), join(s.config.images, String(img.properties.src)));
});

test('a missing picture keeps its caption in a placeholder, once per problem with its source line', async (t) => {
  const s = sample();
  const image = [...picturesOf(s, 'getting-started')][0]!;
  rmSync(join(s.config.images, image));
  const doc = await assemble(s, 'getting-started', 'ar');
  const missing = elements(doc, (e) => e.tagName === 'figure' && String(e.properties.className) === 'missing');
  t.true(missing.length > 0);
  t.true(missing.every((f) => f.children.length === 1 && (f.children[0] as Element).tagName === 'figcaption' && toString(f).trim() !== ''));
  const [warning] = doc.warnings;
  t.is(warning?.kind, 'missing-image');
  const source = readFileSync(join(s.config.articles, warning!.file), 'utf8').split('\n')[warning!.line - 1]!;
  t.true(source.includes(image), `line ${warning!.line} names the picture`);
});

/** The pictures a category's articles show. */
function picturesOf(s: ReturnType<typeof sample>, slug: string): Set<string> {
  const category = s.center.categories.find((c) => c.slug === slug)!;
  return new Set(category.articles.flatMap((a) => [...a.source.matchAll(/\{%\s*image\s+(\S+)/g)].map((m) => m[1]!)));
}

test('an untranslated list item or table in Arabic is English with the code, address and list beside its text: lang="en" dir="ltr" on the item, the table', async (t) => {
  const s = sample();
  writeFileSync(
    join(s.config.articles, 'reference', 'fallback-blocks.md'),
    [
      '---',
      'title: Fallback blocks',
      'categories: [reference]',
      'order: "09"',
      '---',
      '',
      '- Using the command `bw get fingerprint me`',
      '- Windows: `%AppData%\\Bitwarden`',
      '  - Portable: `.\\appdata`',
      '- See https://example.com/docs',
      '',
      '| Option | Meaning |',
      '|---|---|',
      '| `--raw` | Print the value alone |',
      '',
    ].join('\n'),
  );
  const doc = await assemble({ config: s.config, center: readHelpCenter(s.config) }, 'reference', 'ar');
  const items = elements(doc, (e) => e.tagName === 'li' && /fingerprint|Windows|Portable|See https/.test(toString(e)));
  t.is(items.length, 4);
  for (const item of items) t.deepEqual([toString(item).slice(0, 20), item.properties.lang, item.properties.dir], [toString(item).slice(0, 20), 'en', 'ltr']);
  // A table of English cells (one of them code only) runs its columns left to right.
  const [table] = elements(doc, (e) => e.tagName === 'table' && toString(e).includes('Print the value alone'));
  t.deepEqual([table!.properties.lang, table!.properties.dir], ['en', 'ltr']);
});
