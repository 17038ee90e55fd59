/// <reference lib="dom" />
// The handbook's stylesheet as a reader on a phone meets it: the corpus's widest content (tables of
// environment variables, URLs in inline code, in a left-to-right and a right-to-left page) stays
// inside the screen, so the page never scrolls sideways.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildHtml } from '../support/handbooks.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { CHROMIUM, CHROMIUM_NEED, CORPUS, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const CATEGORIES = ['hosting', 'send', 'auto-fill'];

testIf(CHROMIUM_NEED, SHARED_NEED)('in Chromium at phone width (390 px), corpus handbooks in English and Hebrew never scroll sideways', async (t) => {
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), ['he']);
  const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help' };
  pseudoLocalize(config, ws.center, 'he');
  const out = temporaryDir();
  await buildHtml(config, ws.center, { languages: ['en', 'he'], outDir: out, categories: CATEGORIES });
  const files = ['en', 'he'].flatMap((lang) => readdirSync(join(out, lang)).filter((f) => CATEGORIES.some((c) => f === `${c}.html`)).map((f) => join(out, lang, f)));
  t.is(files.length, 6);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
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
