/// <reference lib="dom" />
// The handbook's stylesheet as a reader on a phone meets it: the corpus's widest content (tables of
// environment variables, URLs in inline code, in a left-to-right and a right-to-left page) stays
// inside the screen, so the page never scrolls sideways.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildHtml } from '../support/handbooks.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { CHROMIUM, CHROMIUM_NEED, CORPUS, hasCommand, PROJECT, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const CATEGORIES = ['hosting', 'send', 'auto-fill'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PDFTOTEXT_NEED = { met: hasCommand('pdftotext'), reason: 'pdftotext is missing (apt-get install -y poppler-utils): printed margins not checked' };

testIf(CHROMIUM_NEED, SHARED_NEED)('in Chromium at phone width (390 px), corpus handbooks in English and Hebrew never scroll sideways', async (t) => {
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), ['he']);
  const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help' };
  pseudoLocalize(config, ws.center, 'he');
  const out = temporaryDir();
  await buildHtml(config, ws.center, { languages: ['en', 'he'], outDir: out, categories: CATEGORIES });
  const files = ['en', 'he'].flatMap((lang) => readdirSync(join(out, lang)).filter((f) => CATEGORIES.some((c) => f === `${c}.html`)).map((f) => join(out, lang, f)));
  t.is(files.length, 6);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    for (const file of files) {
      await page.goto(`file://${file}`);
      const { scrollWidth, clientWidth, dir } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, dir: getComputedStyle(document.body).direction }));
      t.is(dir, file.includes('/he/') ? 'rtl' : 'ltr', file);
      t.true(scrollWidth <= clientWidth, `${file}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen`);
    }
  } finally {
    await browser.close();
  }
});

/** Every word pdftotext finds on the pages, with its box in points. */
function wordBoxes(pdf: string): { page: number; xMin: number; yMin: number; xMax: number; yMax: number; width: number; height: number }[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const boxes = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const line of r.stdout.split('\n')) {
    const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (size) [page, width, height] = [page + 1, Number(size[1]), Number(size[2])];
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/.exec(line);
    if (word) boxes.push({ page, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), width, height });
  }
  return boxes;
}

testIf(CHROMIUM_NEED, PDFTOTEXT_NEED)("printed by Chromium without the browser's own margins (page.pdf), the HTML handbook keeps its text clear of the paper's edge", async (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), []);
  const out = temporaryDir();
  await buildHtml(ws.config, ws.center, { languages: ['en'], outDir: out, categories: ['getting-started'] });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const pdf = join(out, 'printed.pdf');
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, 'en/getting-started.html')}`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf });
  } finally {
    await browser.close();
  }
  const words = wordBoxes(pdf);
  t.true(words.length > 100, `${words.length} words printed`);
  // 1.5 cm (42.5 pt) at least on every side.
  const closest = Math.min(...words.flatMap((w) => [w.xMin, w.yMin, w.width - w.xMax, w.height - w.yMax]));
  t.true(closest >= 42.5, `a word is printed ${closest.toFixed(1)} pt from the paper's edge`);
});
