// HTML handbooks: self-contained, localized, every link landing, nothing of Liquid or script left.
import test from 'ava';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHtml } from '../support/handbooks.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

/** In-document links whose target id is not in the page. */
function danglingLinks(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
}

function checkPage(t: import('ava').ExecutionContext, html: string, where: string) {
  t.false(/\{\{|\{%|%7B%7B|%7B%25/i.test(html), `${where}: no Liquid left`);
  t.false(/<script|<[^>]+\son[a-z]+=|javascript:/i.test(html), `${where}: no script or event handler`);
  t.deepEqual(danglingLinks(html), [], `${where}: every in-document link lands`);
}

test('sample: English and the shipped Arabic handbooks, with lang, dir, contents and images', async (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['ar']);
  const config = { ...ws.config, locales: join(PROJECT, 'locales'), images: join(PROJECT, 'articles/images') };
  const out = temporaryDir();
  const builds = await buildHtml(config, ws.center, { languages: ['en', 'ar'], outDir: out, date: new Date('2026-11-25T12:00:00Z') });
  for (const build of builds) {
    t.is(build.files.length, 5, 'four handbooks and the index');
    t.deepEqual(build.warnings, []);
    for (const file of build.files) checkPage(t, readFileSync(file, 'utf8'), file);
  }
  const ar = readFileSync(join(out, 'ar/getting-started.html'), 'utf8');
  t.regex(ar, /^<!doctype html><html lang="ar" dir="rtl">/);
  t.regex(ar, /<nav class="toc" aria-label="المحتويات"><h2>المحتويات<\/h2>/);
  t.false(ar.includes('Internal notes'), 'hidden articles are left out');
  t.true(existsSync(join(out, 'ar/images/getting-started/pipeline.png')), 'images are copied next to the handbook');
  t.regex(readFileSync(join(out, 'en/getting-started.html'), 'utf8'), /<html lang="en" dir="ltr">/);
});

test('translations cannot inject script: they are text, and the tree is sanitized', async (t) => {
  const root = temporaryDir();
  mkdirSync(join(root, 'articles/x'), { recursive: true });
  writeFileSync(join(root, 'articles/x/a.md'), '---\ntitle: A\n---\n\nHello <b onclick="evil()">there</b>.\n\n<script>alert(1)</script>\n\n<iframe src="https://example.com/video"></iframe>\n');
  const ws = workspace(join(root, 'articles'), undefined, ['de']);
  mkdirSync(join(ws.config.locales, 'de/articles/x'), { recursive: true });
  const unit = ws.center.categories[0]!.articles[0]!.units.find((u) => u.kind === 'paragraph')!;
  writeFileSync(join(ws.config.locales, 'de/articles/x/a.json'), JSON.stringify({ [unit.id]: { source: 'Hello <1>there</1>.', target: 'Hallo <1>da</1> &lt;img src=x onerror=alert(1)>.', state: 'translated', revision: 1 } }));
  const [build] = await buildHtml(ws.config, ws.center, { languages: ['de'], outDir: join(root, 'out') });
  const html = readFileSync(build!.files[0]!, 'utf8');
  checkPage(t, html, 'de');
  t.true(html.includes('Hallo <b>da</b> &#x3C;img src=x onerror=alert(1)>.'), 'the translated markup-like text is shown as text');
  t.regex(html, /<p class="embed"><a href="https:\/\/example\.com\/video">/, 'an iframe becomes a link');
});

test('corpus: every category builds in English and in the pseudo-language, links land, no Liquid left', async (t) => {
  if (!HAS_SHARED) return t.log(NO_SHARED), t.pass();
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), ['qps']);
  const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help', articleUrl: '{siteUrl}/{lang}/article/{slug}/' };
  pseudoLocalize(config, ws.center, 'qps');
  const out = temporaryDir();
  const builds = await buildHtml(config, ws.center, { languages: ['en', 'qps'], outDir: out });
  for (const build of builds) {
    t.true(build.files.length >= 15);
    for (const file of build.files) checkPage(t, readFileSync(file, 'utf8'), file);
    const missingImages = build.warnings.filter((w) => w.message.startsWith('image '));
    t.true(missingImages.every((w) => w.file.endsWith('.md') && w.line > 0), 'a missing picture names its article and line');
    const page = readFileSync(build.files.find((f) => f.endsWith('account-management.html'))!, 'utf8');
    t.regex(page, new RegExp(`href="https://bitwarden\\.com/help/${build.language}/article/[a-z0-9-]+/`), 'links out of the handbook follow articleUrl');
    const badLinks = build.warnings.filter((w) => w.message.startsWith('link '));
    t.log(`${build.language}: ${build.files.length - 1} handbooks; warnings: ${missingImages.length} missing images, ${badLinks.length} links to nothing, ${build.warnings.length - missingImages.length - badLinks.length} other`);
  }
  // Pseudo-language coverage leak: visible words outside code that are still source text.
  const leak = builds[1]!.files.filter((f) => !f.endsWith('index.html')).map((file) => {
    // Code, markup and addresses are not words to translate.
    const text = readFileSync(file, 'utf8').replace(/<(pre|code|kbd|style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\S*(?:https?:\/\/|www\.)\S*/g, ' ');
    return (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).length;
  });
  t.log(`qps coverage leak: ${leak.reduce((a, b) => a + b, 0)} plain-ASCII words outside code across ${leak.length} handbooks (${leak.join(', ')})`);
});
