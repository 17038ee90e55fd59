/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// What a reader's tools say: the Nu Html Checker finds no errors, and in Chromium every
// in-document link lands, no image is broken, nothing logs an error.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildHtml } from '../support/handbooks.ts';
import { pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { CORPUS, HAS_SHARED, hasCommand, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const CHROMIUM = '/usr/bin/chromium';

async function sampleHandbooks(): Promise<string> {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja', 'ar']);
  const config = { ...ws.config, locales: join(PROJECT, 'locales'), images: join(PROJECT, 'articles/images') };
  const out = temporaryDir();
  await buildHtml(config, ws.center, { languages: ['en', 'de', 'ja', 'ar'], outDir: out });
  return out;
}

async function corpusHandbooks(): Promise<string> {
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), ['qps']);
  const config = { ...ws.config, images: join(CORPUS, 'images'), siteUrl: 'https://bitwarden.com/help' };
  pseudoLocalize(config, ws.center, 'qps');
  const out = temporaryDir();
  await buildHtml(config, ws.center, { languages: ['en', 'qps'], outDir: out });
  return out;
}

const htmlFiles = (out: string) => readdirSync(out).flatMap((lang) => readdirSync(join(out, lang)).filter((f) => f.endsWith('.html')).map((f) => join(out, lang, f)));

function vnu(t: import('ava').ExecutionContext, files: string[]) {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', ...files], { encoding: 'utf8' });
  t.is(run.stderr.trim(), '', 'the Nu Html Checker reports no error');
  t.is(run.status, 0);
  t.log(`Nu Html Checker: ${files.length} files, no errors`);
}

test('sample handbooks in en, de, ja and ar pass the Nu Html Checker', async (t) => {
  if (!hasCommand('java')) return t.log('java is not installed: the Nu Html Checker cannot run'), t.pass();
  vnu(t, htmlFiles(await sampleHandbooks()));
});

test('corpus handbooks in English and the pseudo-language pass the Nu Html Checker', async (t) => {
  if (!HAS_SHARED) return t.log(NO_SHARED), t.pass();
  if (!hasCommand('java')) return t.log('java is not installed: the Nu Html Checker cannot run'), t.pass();
  vnu(t, htmlFiles(await corpusHandbooks()));
});

for (const [name, handbooks] of [['sample (en, de, ja, ar)', sampleHandbooks], ['corpus (en, qps)', corpusHandbooks]] as const) {
test(`in Chromium, ${name}: every in-document link lands, no broken image, no console error; Arabic is right to left`, async (t) => {
  if (!existsSync(CHROMIUM)) return t.log('chromium is not installed (apt-get install -y chromium)'), t.pass();
  if (name.startsWith('corpus') && !HAS_SHARED) return t.log(NO_SHARED), t.pass();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const out = await handbooks();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => void errors.push(error.message));
    let links = 0;
    for (const file of htmlFiles(out)) {
      await page.goto(`file://${file}`);
      const result = await page.evaluate(() => {
        const anchors = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
        return {
          links: anchors.length,
          dangling: anchors.filter((id) => !document.getElementById(id)),
          broken: [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.getAttribute('src')),
          direction: getComputedStyle(document.body).direction,
        };
      });
      links += result.links;
      t.deepEqual(result.dangling, [], `${file}: links land`);
      t.deepEqual(result.broken, [], `${file}: images load`);
      t.is(result.direction, file.includes('/ar/') ? 'rtl' : 'ltr', file);
    }
    t.deepEqual(errors, []);
    t.log(`${htmlFiles(out).length} pages, ${links} in-document links, all landing`);
  } finally {
    await browser.close();
  }
});
}
