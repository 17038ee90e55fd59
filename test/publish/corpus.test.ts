// The real corpus published as HTML and Markdown handbooks in the source language, the
// pseudo-language and the shipped de, ja, ar (whose words are shipped, whose articles fall back):
// built once, then checked as readers would find them.
import test from 'ava';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { Heading, Image, Link, Root as MdastRoot } from 'mdast';
import { toString as mdText } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { iconMeaning } from '../../src/handbook/icons.ts';
import type { Config } from '../../src/config/config.ts';
import type { HelpCenter } from '../../src/model/types.ts';
import { publishHandbooks, type HandbookBuild } from '../../src/publish/handbooks.ts';
import { groupWarnings } from '../../src/publish/warnings.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const LANGUAGES = ['en', 'qps', 'de', 'ja', 'ar'];
const corpusTest = HAS_SHARED ? test : test.skip;
if (!HAS_SHARED) test.skip(`corpus handbooks: ${NO_SHARED}`, () => {});

interface Corpus {
  readonly config: Config;
  readonly center: HelpCenter;
  readonly categories: number;
  readonly iconUses: number;
  readonly iconNames: ReadonlySet<string>;
}

let corpus: Promise<Corpus> | undefined;
const languageBuilds = new Map<string, Promise<HandbookBuild[]>>();

/** The corpus with its pseudo-language and the shipped de, ja, ar, read once. */
function corpusSetup(): Promise<Corpus> {
  corpus ??= (async () => {
    const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), LANGUAGES.slice(1));
    for (const language of ['de', 'ja', 'ar']) cpSync(join(PROJECT, 'locales', language), join(ws.config.locales, language), { recursive: true });
    const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help', articleUrl: '{siteUrl}/{lang}/article/{slug}/' };
    pseudoLocalize(config, ws.center, 'qps');
    const visible = ws.center.categories.flatMap((c) => c.articles).filter((a) => !a.hidden);
    const uses = visible.flatMap((a) => [...a.source.matchAll(/\{%-?\s*icon\s+([\w-]+)/g)].map((m) => m[1]!));
    return { config, center: ws.center, categories: ws.center.categories.filter((c) => c.articles.some((a) => !a.hidden)).length, iconUses: uses.length, iconNames: new Set(uses) };
  })();
  return corpus;
}

/**
 * One build per language, both formats, one language after the other (the tests of a language
 * finish as soon as its handbooks are written), shared by the tests below.
 */
function corpusBuild(language: string): Promise<HandbookBuild[]> {
  let build = languageBuilds.get(language);
  if (!build) {
    const previous = LANGUAGES.indexOf(language) > 0 ? corpusBuild(LANGUAGES[LANGUAGES.indexOf(language) - 1]!) : corpusSetup();
    build = previous.then(async () => {
      const { config, center } = await corpusSetup();
      return publishHandbooks(config, center, { languages: [language], formats: ['html', 'md'], outDir: OUT, date: new Date('2026-12-02T12:00:00Z') });
    });
    languageBuilds.set(language, build);
  }
  return build;
}

const OUT = temporaryDir();

const html = async (language: string) => (await corpusBuild(language)).find((b) => b.format === 'html')!;
const md = async (language: string) => (await corpusBuild(language)).find((b) => b.format === 'md')!;
const allBuilds = async () => (await Promise.all(LANGUAGES.map(corpusBuild))).flat();

const parseHtml = (file: string) => unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as HastRoot;
const parseMd = (file: string) => unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as MdastRoot;

/** The text a reader sees in an HTML handbook (its body), white space removed. */
function htmlText(file: string): string {
  let body: Element | undefined;
  visit(parseHtml(file), 'element', (node: Element) => void (node.tagName === 'body' && (body = node)));
  return hastText(body!).replace(/\s+/g, '');
}

const mdTextOf = (file: string) => mdText(parseMd(file), { includeImageAlt: false }).replace(/\s+/g, '');


for (const language of LANGUAGES) {
  corpusTest(`${language}: every category builds as HTML and Markdown; no Liquid or script; every in-document link lands; the Markdown shows the HTML's text`, async (t) => {
    const { categories } = await corpusSetup();
    const [pages, markdown] = [await html(language), await md(language)];
    t.is(pages.handbooks.length, categories);
    t.is(markdown.handbooks.length, categories);
    let htmlLinks = 0;
    let mdLinks = 0;
    let images = 0;
    for (const file of pages.handbooks) {
      const page = readFileSync(file, 'utf8');
      t.false(/\{\{|\{%|%7B%7B|%7B%25/i.test(page), `${file}: no Liquid left`);
      t.false(/<script|<[^>]+\son[a-z]+=|javascript:/i.test(page), `${file}: no script`);
      const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const links = [...page.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!);
      htmlLinks += links.length;
      t.deepEqual(links.filter((id) => !ids.has(id)), [], `${file}: links land`);
      t.false(page.includes('class=""'), `${file}: every class kept`);
      t.false(page.includes('■'), `${file}: no placeholder icon`);
    }
    for (const file of markdown.handbooks) {
      t.false(/\{\{|\{%/.test(readFileSync(file, 'utf8')), `${file}: no Liquid left`);
      const tree = parseMd(file);
      const slugger = new GithubSlugger();
      const anchors = new Set<string>();
      visit(tree, 'heading', (node: Heading) => void anchors.add(slugger.slug(mdText(node, { includeImageAlt: false }))));
      visit(tree, 'link', (node: Link) => {
        if (!node.url.startsWith('#')) return;
        mdLinks++;
        t.true(anchors.has(decodeURIComponent(node.url.slice(1))), `${file}: link ${node.url} lands on a GitHub heading anchor`);
      });
      visit(tree, 'image', (node: Image) => {
        if (/^https?:/.test(node.url)) return;
        images++;
        t.true(existsSync(join(dirname(file), decodeURI(node.url))), `${file}: ${node.url} is beside the file`);
      });
      const expected = htmlText(file.replace(/\.md$/, '.html'));
      const actual = mdTextOf(file);
      if (actual !== expected) {
        let at = 0;
        while (actual[at] === expected[at]) at++;
        t.fail(`${file}: text differs at ${at}: md "${actual.slice(at - 40, at + 40)}" vs html "${expected.slice(at - 40, at + 40)}"`);
      }
    }
    t.true(htmlLinks > 1000 && mdLinks === htmlLinks, `${htmlLinks} HTML and ${mdLinks} Markdown in-document links`);
    t.log(`${language}: ${categories} HTML and ${categories} Markdown handbooks; ${htmlLinks} in-document links landing in each; ${images} relative pictures and icons beside the Markdown; same text`);
  });
}

corpusTest('de: tabs are titled sections, callouts carry their label in German, missing pictures keep a captioned placeholder, articles say they are not translated', async (t) => {
  let tabs = 0;
  let callouts = 0;
  let missing = 0;
  for (const file of (await html('de')).handbooks) {
    // Every article of the corpus falls back: each says so in German.
    t.is((readFileSync(file, 'utf8').match(/<p class="notice">Diese Seite wurde noch nicht übersetzt\.<\/p>/g) ?? []).length, (readFileSync(file, 'utf8').match(/<article /g) ?? []).length);
    visit(parseHtml(file), 'element', (node: Element) => {
      const kind = String(node.properties.className ?? '');
      if (node.tagName === 'section' && kind === 'tab') {
        tabs++;
        const first = node.children.find((c) => c.type === 'element') as Element | undefined;
        t.is(String(first?.properties.className), 'tab-title', `${file}: a tab opens with its title`);
      }
      if (node.tagName === 'aside' && kind === 'callout') {
        callouts++;
        const first = node.children.find((c) => c.type === 'element') as Element;
        t.true(['Hinweis', 'Tipp', 'Warnung'].includes(hastText(first)), `${file}: callout label "${hastText(first)}"`);
      }
      if (node.tagName === 'figure' && kind === 'missing') {
        missing++;
        t.true(node.children.every((c) => c.type === 'element' && c.tagName === 'figcaption'), 'only the caption');
      }
    });
  }
  t.true(tabs > 10 && callouts > 250 && missing > 0, `${tabs} tabs, ${callouts} callouts, ${missing} missing`);
  t.log(`de: ${tabs} titled tabs, ${callouts} labelled callouts, ${missing} missing pictures as captioned placeholders`);
});

corpusTest('every {% icon %} of the corpus is drawn from Font Awesome 4.7', async (t) => {
  const { iconUses, iconNames } = await corpusSetup();
  const en = await html('en');
  t.deepEqual(en.warnings.filter((w) => w.kind === 'unknown-icon'), []);
  const pages = en.handbooks.map((f) => readFileSync(f, 'utf8')).join('');
  const drawn = (pages.match(/<svg class="icon[ "]/g) ?? []).length;
  for (const name of iconNames) t.true(pages.includes(`aria-label="${iconMeaning(name)}"`), `${name} is drawn`);
  t.is(drawn, iconUses, 'one drawn icon per {% icon %} of the shown articles');
  t.log(`${drawn} icons (${iconNames.size} names) drawn as SVG in the English HTML handbooks, none unknown`);
});

corpusTest('ar: right to left, and the English text it falls back to is isolated', async (t) => {
  let isolated = 0;
  const loose: string[] = [];
  for (const file of (await html('ar')).handbooks) {
    t.regex(readFileSync(file, 'utf8'), /^<!doctype html><html lang="ar" dir="rtl">/);
    visit(parseHtml(file), 'element', (node: Element) => {
      if (node.tagName !== 'main') return;
      const walk = (el: Element, english: boolean) => {
        for (const child of el.children) {
          if (child.type === 'element') {
            if (['pre', 'code', 'kbd', 'svg'].includes(child.tagName)) continue;
            walk(child, english || child.properties.lang === 'en' || child.properties.dir === 'ltr');
          } else if (child.type === 'text' && /[A-Za-z]{2}/.test(child.value)) {
            if (english) isolated++;
            else loose.push(`${file}: ${child.value}`);
          }
        }
      };
      walk(node, false);
    });
  }
  t.deepEqual(loose, [], 'no English text outside an element with lang="en" (or an address with dir="ltr")');
  t.true(isolated > 1000);
  t.log(`ar: ${isolated} runs of English text isolated (lang="en" dir="ltr"), none loose`);
});

corpusTest('warnings: once per problem across languages, at the source line, grouped by kind', async (t) => {
  const builds = (await allBuilds()).filter((b) => b.format === 'html');
  const groups = groupWarnings(builds);
  const english = (await html('en')).warnings;
  const partial = groups.flatMap((g) => g.warnings).filter((w) => w.languages.length !== LANGUAGES.length);
  t.deepEqual(partial.map((w) => `${w.file}:${w.line} ${w.message} (${w.languages.join(', ')})`), [], 'the same problems in every language');
  // The same link twice on one line is one problem.
  const distinct = new Set(english.map((w) => JSON.stringify([w.kind, w.file, w.line, w.message])));
  t.is(groups.reduce((n, g) => n + g.warnings.length, 0), distinct.size);
  const sources = new Map<string, string[]>();
  let named = 0;
  for (const w of english) {
    const lines = sources.get(w.file) ?? readFileSync(join(CORPUS, '_articles', w.file), 'utf8').split('\n');
    sources.set(w.file, lines);
    const subject = /^image (\S+)/.exec(w.message)?.[1] ?? /^link to #?(\S+?):/.exec(w.message)?.[1] ?? /^(\{%.*?%\})/.exec(w.message)?.[1];
    if (subject && (lines[w.line - 1] ?? "").includes(subject)) named++;
    else t.log(`${w.file}:${w.line} does not show "${subject}": ${w.message}`);
  }
  // Links whose address the source writes differently (no trailing slash, {% link %}) keep the published line.
  t.true(named >= english.length * 0.95, `${named} of ${english.length} warnings point at the line that holds what they name`);
  const total = builds.reduce((n, b) => n + b.warnings.length, 0);
  t.log(`${total} warnings over ${LANGUAGES.length} languages are ${distinct.size} problems: ${groups.map((g) => `${g.warnings.length} ${g.kind}`).join(', ')}; ${named} at the line naming them`);
});
