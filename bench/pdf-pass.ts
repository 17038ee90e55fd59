// One process of the PDF bench (bench/pdf.ts runs it): assembles the English handbook of every
// category of the corpus, then writes every PDF with `writePdfFile` as `build --format pdf` does,
// `passes` times, and prints per pass the pages, CPU and wall time of the writing, and the
// process's CPU time and peak RSS so far, as one JSON line.
// node --import tsx bench/pdf-pass.ts CORPUS OUT_DIR PASSES [PICTURE_CACHE [SHAPING_CACHE]] ('-': none)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { assembleHandbook } from '../src/handbook/assemble.ts';
import { readHelpCenter } from '../src/parse/help-center.ts';
import { writePdfFile } from '../src/publish/pdf/write.ts';
import { TranslationStore } from '../src/store/translations.ts';
import { createTranslator } from '../src/words/words.ts';

export interface PassFigures {
  readonly pages: number;
  readonly documents: number;
  readonly articles: number;
  /** CPU time of the writing (every thread: sharp converts pictures on libuv's). */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** CPU time of the whole process so far: start, modules, parse, assembly, writing. */
  readonly processCpuMs: number;
  readonly peakRssMb: number;
}

const [corpus, outDir, passes, pictures, shaping] = process.argv.slice(2);
if (!corpus || !outDir || !passes) throw new Error('usage: pdf-pass.ts CORPUS OUT_DIR PASSES [PICTURE_CACHE [SHAPING_CACHE]]');
const caches = { ...(pictures && pictures !== '-' ? { pictureCache: pictures } : {}), ...(shaping && shaping !== '-' ? { shapingCache: shaping } : {}) };
const root = mkdtempSync(join(tmpdir(), 'handbook-bench-pdf-'));
writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: join(corpus, '_articles'), categories: join(corpus, '_categories'), images: join(corpus, 'images'), siteUrl: 'https://bitwarden.com/help' }));
const config = loadConfig(root);
const center = readHelpCenter(config);
const t = await createTranslator(config.locales, 'en', 'en');
const store = new TranslationStore(config.locales, 'en');
const date = new Date('2026-12-01T00:00:00Z');
const documents = center.categories
  .filter((c) => c.articles.some((a) => !a.hidden))
  .map((category) => assembleHandbook({ config, center, category, language: 'en', store, t, date }));
const articles = documents.reduce((n, d) => n + d.articles.length, 0);

for (let pass = 0; pass < Number(passes); pass++) {
  let pages = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const d of documents) pages += (await writePdfFile(d, join(outDir, `${d.fileName}.pdf`), caches)).pages;
  const used = process.cpuUsage(cpu);
  const all = process.cpuUsage();
  const figures: PassFigures = {
    pages,
    documents: documents.length,
    articles,
    cpuMs: (used.user + used.system) / 1000,
    wallMs: performance.now() - start,
    processCpuMs: (all.user + all.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(figures));
}
