// PDF handbooks of the real corpus: pages per second and peak memory of the PDF writer, side by side
// with pandoc + WeasyPrint printing the same articles (skipped with a note when they are absent).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { assembleHandbook } from '../src/handbook/assemble.ts';
import type { HandbookDocument } from '../src/handbook/document.ts';
import { readHelpCenter } from '../src/parse/help-center.ts';
import { writePdf } from '../src/publish/pdf/write.ts';
import { TranslationStore } from '../src/store/translations.ts';
import { createTranslator } from '../src/words/words.ts';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function pagesOf(file: string): number {
  const m = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout);
  return m ? Number(m[1]) : 0;
}

export async function benchPdf(corpus: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'handbook-bench-pdf-'));
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: join(corpus, '_articles'), categories: join(corpus, '_categories'), images: join(corpus, 'images'), siteUrl: 'https://bitwarden.com/help' }));
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  const t = await createTranslator(config.locales, 'en', 'en');
  const store = new TranslationStore(config.locales, 'en');
  const date = new Date();
  const documents: HandbookDocument[] = center.categories
    .filter((c) => c.articles.some((a) => !a.hidden))
    .map((category) => assembleHandbook({ config, center, category, language: 'en', store, t, date }));
  const articles = documents.reduce((n, d) => n + d.articles.length, 0);

  // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
  const rows: { what: string; pages: number; ms: number; cpuMs: number; rssMb: number }[] = [];
  for (const pass of ['first run (pictures converted)', 'second run (pictures cached)']) {
    let pages = 0;
    let rss = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const d of documents) {
      pages += (await writePdf(d)).pages;
      rss = Math.max(rss, process.memoryUsage().rss);
    }
    const used = process.cpuUsage(cpu);
    rows.push({ what: `handbook pdf, ${pass}`, pages, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, rssMb: rss / 2 ** 20 });
  }

  let note = '';
  if (has('pandoc') && has('weasyprint') && has('pdfinfo')) {
    // The same articles: each category's Markdown files through pandoc to HTML, then WeasyPrint.
    const out = mkdtempSync(join(tmpdir(), 'handbook-bench-weasy-'));
    let pages = 0;
    let rss = 0;
    let cpuMs = 0;
    const start = performance.now();
    for (const d of documents) {
      const md = d.articles.map((a) => readFileSync(join(config.articles, a.path), 'utf8').replace(/^---[\s\S]*?\n---\n/, `\n# ${a.title}\n`)).join('\n\n');
      const html = join(out, `${d.fileName}.html`);
      const pdf = join(out, `${d.fileName}.pdf`);
      const p = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html5', '--standalone', '--metadata', `title=${d.title}`, '-o', html], { input: md, cwd: join(corpus, '_articles') });
      const w = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'weasyprint', html, pdf], { encoding: 'utf8' });
      const [user, system, kb] = (/([\d.]+) ([\d.]+) (\d+)\s*$/.exec(w.stderr)?.slice(1) ?? ['0', '0', '0']).map(Number) as [number, number, number];
      cpuMs += (user + system) * 1000;
      rss = Math.max(rss, kb / 1024, Number(p.status === 0));
      pages += pagesOf(pdf);
    }
    rows.push({ what: 'pandoc + WeasyPrint, same articles (CPU: WeasyPrint)', pages, ms: performance.now() - start, cpuMs, rssMb: rss });
  } else note = 'pandoc + WeasyPrint: not installed (apt-get install pandoc weasyprint), comparison skipped';

  console.log(`\nPDF handbooks: ${documents.length} categories, ${articles} articles in English`);
  console.log(`${'what'.padEnd(56)}${'pages'.padStart(7)}${'wall s'.padStart(8)}${'ms/page'.padStart(9)}${'pages/s'.padStart(9)}${'CPU ms/page'.padStart(13)}${'CPU pages/s'.padStart(13)}${'peak RSS MB'.padStart(13)}`);
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(56)}${String(r.pages).padStart(7)}${(r.ms / 1000).toFixed(2).padStart(8)}${(r.ms / r.pages).toFixed(1).padStart(9)}${((r.pages * 1000) / r.ms).toFixed(1).padStart(9)}` +
        `${(r.cpuMs / r.pages).toFixed(1).padStart(13)}${((r.pages * 1000) / r.cpuMs).toFixed(1).padStart(13)}${r.rssMb.toFixed(0).padStart(13)}`,
    );
  }
  if (note) console.log(note);
}
