// The `handbook status --html` page: a bar per language, a heat map cell per language × category,
// every report string escaped, no scripts, a well-formed HTML5 document; and, when Debian's
// chromium is installed, that it renders without console errors and with bars as wide as they say.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { CHROMIUM, CHROMIUM_NEED, testIf } from '../helpers.ts';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { renderStatusHtml } from '../../src/status/html.ts';
import type { CategoryStatus, LanguageStatus, StatusCell, StatusReport } from '../../src/status/report.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TRICKY = 'Admin <b>Console</b> & "SSO"';

/** A cell from words per state; units are words / 10. */
function cell(reviewed: number, unreviewed: number, outdated: number, untranslated: number): StatusCell {
  const count = (words: number) => ({ units: Math.ceil(words / 10), words });
  const translated = reviewed + unreviewed;
  const total = translated + outdated + untranslated;
  return {
    total: count(total),
    translated: count(translated),
    reviewed: count(reviewed),
    outdated: count(outdated),
    untranslated: count(untranslated),
    percent: total === 0 ? 0 : Math.round((translated / total) * 1000) / 10,
  };
}

function language(code: string, cells: readonly StatusCell[]): LanguageStatus {
  const titles = [['start', 'Getting started'], ['admin', TRICKY], ['self', 'Self-hosting']] as const;
  const categories: CategoryStatus[] = cells.map((c, i) => ({ category: titles[i]![0], title: titles[i]![1], ...c }));
  const sum = (key: 'reviewed' | 'translated' | 'outdated' | 'untranslated') => categories.reduce((n, c) => n + c[key].words, 0);
  const reviewed = sum('reviewed');
  return { language: code, categories, ...cell(reviewed, sum('translated') - reviewed, sum('outdated'), sum('untranslated')) };
}

const REPORT: StatusReport = {
  sourceLanguage: 'en',
  generated: '2025-06-12T09:41:07.512Z',
  languages: [
    language('de', [cell(300, 100, 0, 0), cell(500, 200, 100, 200), cell(0, 50, 50, 400)]),
    language('ar', [cell(40, 40, 20, 300), cell(0, 0, 0, 1000), cell(0, 0, 100, 400)]),
    language('ja', [cell(400, 0, 0, 0), cell(1000, 0, 0, 0), cell(500, 0, 0, 0)]),
  ],
};

const HTML = renderStatusHtml(REPORT);
const DOC = parseDocument(HTML);
type Node = ReturnType<typeof DomUtils.findAll>[number];

function byClass(name: string, root: Node[] = DOC.children as Node[]): Node[] {
  return DomUtils.findAll((e) => (e.attribs['class'] ?? '').split(' ').includes(name), root);
}
function byTag(name: string, root: Node[] = DOC.children as Node[]): Node[] {
  return DomUtils.findAll((e) => e.name === name, root);
}
const text = (node: Node) => DomUtils.textContent(node).trim();
const percentText = (p: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(p)}%`;

test('the page is an HTML5 document with doctype, lang, charset and title', (t) => {
  t.true(HTML.startsWith('<!DOCTYPE html>\n'));
  t.regex(HTML, /<html lang="en">/);
  const head = byTag('head')[0]!;
  t.truthy(byTag('meta', [head]).find((m) => m.attribs['charset'] === 'utf-8'));
  const title = byTag('title', [head]);
  t.is(title.length, 1);
  t.regex(text(title[0]!), /\S/);
  t.is(byTag('body').length, 1);
});

test('every element is explicitly closed, in order (void elements aside)', (t) => {
  const stack: string[] = [];
  const problems: string[] = [];
  let closes = 0;
  const parser = new Parser({
    onopentag(name) {
      stack.push(name);
    },
    onclosetag(name, implied) {
      if (implied && name !== 'meta') problems.push(`<${name}> never closed`);
      if (!implied) closes++;
      if (stack.pop() !== name) problems.push(`</${name}> out of order`);
    },
  });
  parser.write(HTML);
  parser.end();
  t.deepEqual(problems, []);
  t.is(closes, HTML.split('</').length - 1, 'no stray end tags');
});

test('self-contained: no scripts, no external resources', (t) => {
  t.notRegex(HTML, /<script/i);
  t.notRegex(HTML, /\s(src|href)=|url\(|@import/i);
  t.notRegex(HTML, /\son\w+=/i, 'no event handler attributes');
});

test('every string from the report is escaped', (t) => {
  t.false(HTML.includes('<b>'));
  t.false(HTML.includes('"SSO"'));
  t.true(HTML.includes('Admin &#60;b&#62;Console&#60;/b&#62; &#38; &#34;SSO&#34;'));
  const headers = byTag('th', byTag('thead')).map(text);
  t.deepEqual(headers, ['Language', 'Getting started', TRICKY, 'Self-hosting', 'Total']);
  // The tooltip attribute carries the title too, decoded back to the original.
  t.true(byTag('td').some((td) => td.attribs['title']?.includes(TRICKY)));
});

test('the heading names the source language and the generated date', (t) => {
  const meta = text(byClass('meta')[0]!);
  t.regex(meta, /Source language en/);
  t.regex(meta, /2025-06-12 09:41 UTC/);
  t.is(byTag('time')[0]!.attribs['datetime'], REPORT.generated);
});

test('a bar per language with its percent, word counts and parts as wide as their words', (t) => {
  const tracks = byClass('track');
  t.deepEqual(tracks.map((e) => e.attribs['data-language']), ['de', 'ar', 'ja']);
  t.is(byClass('legend').length, 1);
  for (const [i, lang] of REPORT.languages.entries()) {
    const track = tracks[i]!;
    const percent = DomUtils.nextElementSibling(track)!;
    t.is(text(percent), percentText(lang.percent), lang.language);
    const figures = text(DomUtils.nextElementSibling(percent)!);
    t.true(figures.startsWith(`${lang.translated.words.toLocaleString('en-US')} of ${lang.total.words.toLocaleString('en-US')} words`), figures);
    t.regex(figures, new RegExp(`untranslated ${lang.untranslated.words.toLocaleString('en-US')}`));
    const widths = Object.fromEntries(byTag('span', [track]).map((s) => [s.attribs['class'], Number(/width:([\d.]+)%/.exec(s.attribs['style'] ?? '')![1])]));
    const share = (words: number) => (words / lang.total.words) * 100;
    t.true(Math.abs((widths['reviewed'] ?? 0) - share(lang.reviewed.words)) < 0.01, lang.language);
    t.true(Math.abs((widths['reviewed'] ?? 0) + (widths['translated'] ?? 0) - lang.percent) < 0.06, lang.language);
    t.true(Math.abs((widths['outdated'] ?? 0) - share(lang.outdated.words)) < 0.01, lang.language);
  }
});

test('a heat map cell per language × category with its percent, coloured red to green, and a total', (t) => {
  const rows = byTag('tr', byTag('tbody'));
  t.is(rows.length, REPORT.languages.length);
  for (const [i, lang] of REPORT.languages.entries()) {
    const row = rows[i]!;
    t.is(text(byTag('th', [row])[0]!), lang.language);
    const cells = byTag('td', [row]);
    t.deepEqual(cells.map(text), [...lang.categories.map((c) => percentText(c.percent)), percentText(lang.percent)]);
    t.true(cells.at(-1)!.attribs['class']!.includes('total'));
  }
  const colour = (td: Node) => /background:#([0-9a-f]{6})/.exec(td.attribs['style'] ?? '')![1]!.match(/../g)!.map((h) => parseInt(h, 16));
  const [red, green] = [byTag('td', [rows[1]!])[1]!, byTag('td', [rows[2]!])[1]!]; // ar 0 %, ja 100 %
  const [r0, g0] = colour(red);
  const [r1, g1] = colour(green);
  t.true(r0! > g0! && g1! > r1!, 'red at 0 %, green at 100 %');
});

test('a category with no words shows a dash, not 0 %', (t) => {
  const empty = { ...REPORT, languages: [language('fr', [cell(10, 0, 0, 0), cell(0, 0, 0, 0), cell(0, 0, 0, 10)])] };
  const doc = parseDocument(renderStatusHtml(empty));
  t.deepEqual(byTag('td', doc.children as Node[]).map(text), ['100%', '—', '0%', '50%']);
});

// ---- In a real browser ----

function relativeLuminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const parse = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
  const [x, y] = [relativeLuminance(parse(a)), relativeLuminance(parse(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

let browser: Promise<import('playwright-core').Browser> | undefined;

/** One browser for the file, launched on first use. */
function launch() {
  return (browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })));
}

test.after.always(async () => {
  if (browser) await (await browser).close();
});

/** Runs fn on a page showing html; fails on console errors, page errors and any network request. */
async function inChromium(t: ExecutionContext, html: string, viewport: { width: number; height: number }, fn: (page: import('playwright-core').Page) => Promise<void>) {
  const page = await (await launch()).newPage({ viewport });
  try {
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html);
    await fn(page);
    t.deepEqual(errors, [], 'no console errors');
    t.deepEqual(requests, [], 'no network requests');
  } finally {
    await page.close();
  }
}

testIf(CHROMIUM_NEED)('in chromium: bars are as wide as their percentages, heat map text has contrast', async (t) => {
  await inChromium(t, HTML, { width: 1000, height: 800 }, async (page) => {
    for (const lang of REPORT.languages) {
      const track = page.locator(`.track[data-language="${lang.language}"]`);
      const box = (await track.boundingBox())!;
      t.true(box.width > 300, 'the bar has room');
      let translated = 0;
      for (const part of ['reviewed', 'translated']) {
        const segment = track.locator(`.${part}`);
        if ((await segment.count()) === 0) continue;
        const width = (await segment.boundingBox())!.width;
        t.true(width > 0, `${lang.language} ${part} is visible`);
        translated += width;
      }
      t.true(Math.abs(translated - (box.width * lang.percent) / 100) <= 1.5, `${lang.language}: ${translated}px of ${box.width}px for ${lang.percent}%`);
    }
    // (Browser code as strings: the project's TypeScript has no DOM types.)
    const colours = await page.evaluate<[string, string][]>(
      `[...document.querySelectorAll('table.heat td')].map((c) => [getComputedStyle(c).color, getComputedStyle(c).backgroundColor])`,
    );
    t.is(colours.length, REPORT.languages.length * 4);
    for (const [fg, bg] of colours) t.true(contrast(fg, bg) >= 4.5, `${fg} on ${bg}: ${contrast(fg, bg).toFixed(1)}:1`);
  });
});

testIf(CHROMIUM_NEED)('in chromium: 30 languages × 20 categories scroll inside the table, not the page', async (t) => {
  const many: LanguageStatus[] = Array.from({ length: 30 }, (_, i) => {
    const categories: CategoryStatus[] = Array.from({ length: 20 }, (_, c) => ({
      category: `c${c}`,
      title: `Category ${c} with a rather long title`,
      ...cell((i * 7 + c * 13) % 100, 0, 0, 100 - ((i * 7 + c * 13) % 100)),
    }));
    return { ...language(`l${i}`, []), categories };
  });
  const html = renderStatusHtml({ ...REPORT, languages: many });
  await inChromium(t, html, { width: 800, height: 600 }, async (page) => {
    const pageOverflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    t.is(pageOverflow, 0, 'the page itself does not scroll sideways');
    const scroll = await page.evaluate<boolean>(`(() => { const e = document.querySelector('.scroll'); return e.scrollWidth > e.clientWidth; })()`);
    t.true(scroll, 'the heat map scrolls inside its box');
    t.is(await page.locator('table.heat tbody tr').count(), 30);
    t.is(await page.locator('table.heat tbody td').count(), 30 * 21);
  });
});
