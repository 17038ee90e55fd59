// PDF handbooks of the real corpus (every category in English): pages per second, CPU and wall time
// per page and peak memory of the PDF writer, each pass in a process of its own, beside pandoc +
// WeasyPrint printing the same articles in the same run (skipped with a note when absent):
//   cold             a new process, empty picture and shaping caches: every picture converted and
//                    every word shaped (and both cached)
//   cached pictures  a new process, the pictures read from that cache, every word shaped again
//   same process     the second build in that process (fonts, shaping, pictures already in memory)
//   cached pictures and shaped words   a new process reading both caches
// Medians of `--pdf-runs N` runs (default 3); the load average is printed with each row, as the
// absolute times on a shared machine depend on it (the ratios compare passes of the same minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassFigures } from './pdf-pass.ts';

const PASS = fileURLToPath(new URL('./pdf-pass.ts', import.meta.url));

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function pagesOf(file: string): number {
  const m = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout);
  return m ? Number(m[1]) : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Row {
  readonly what: string;
  readonly pages: number;
  /** Per page, medians of the runs. */
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly processCpuMs: number;
  readonly peakRssMb: number;
  readonly load: number;
}

/** Runs bench/pdf-pass.ts in a new process; one figure per pass. */
function passes(corpus: string, count: number, pictureCache: string, shapingCache = '-'): PassFigures[] {
  const out = mkdtempSync(join(tmpdir(), 'handbook-bench-pdf-out-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', PASS, corpus, out, String(count), pictureCache, shapingCache], { encoding: 'utf8', maxBuffer: 16 << 20 });
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`bench/pdf-pass.ts failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as PassFigures);
}

function row(what: string, runs: PassFigures[], loads: number[]): Row {
  const perPage = (f: (p: PassFigures) => number) => median(runs.map((p) => f(p) / p.pages));
  return {
    what,
    pages: runs[0]!.pages,
    cpuMs: perPage((p) => p.cpuMs),
    wallMs: perPage((p) => p.wallMs),
    processCpuMs: perPage((p) => p.processCpuMs),
    peakRssMb: median(runs.map((p) => p.peakRssMb)),
    load: median(loads),
  };
}

/** The articles each English handbook prints, in order: the peer prints the same ones. */
async function articlesByCategory(corpus: string): Promise<Map<string, { path: string; title: string }[]>> {
  const { loadConfig } = await import('../src/config/config.ts');
  const { assembleHandbook } = await import('../src/handbook/assemble.ts');
  const { readHelpCenter } = await import('../src/parse/help-center.ts');
  const { TranslationStore } = await import('../src/store/translations.ts');
  const { createTranslator } = await import('../src/words/words.ts');
  const root = mkdtempSync(join(tmpdir(), 'handbook-bench-pdf-'));
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: join(corpus, '_articles'), categories: join(corpus, '_categories'), images: join(corpus, 'images') }));
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  const t = await createTranslator(config.locales, 'en', 'en');
  const store = new TranslationStore(config.locales, 'en');
  const out = new Map<string, { path: string; title: string }[]>();
  for (const category of center.categories.filter((c) => c.articles.some((a) => !a.hidden))) {
    const d = assembleHandbook({ config, center, category, language: 'en', store, t, date: new Date() });
    out.set(d.fileName, d.articles.map((a) => ({ path: a.path, title: a.title })));
  }
  rmSync(root, { recursive: true, force: true });
  return out;
}

/** pandoc turns each category's articles into one HTML file, WeasyPrint prints it; CPU and peak RSS of WeasyPrint's processes. */
async function weasyprint(corpus: string, runs: number): Promise<Row | string> {
  if (!has('pandoc') || !has('weasyprint') || !has('pdfinfo') || !has('/usr/bin/time')) return 'pandoc + WeasyPrint: not installed (apt-get install pandoc weasyprint poppler-utils time), comparison skipped';
  const articlesDir = join(corpus, '_articles');
  const byCategory = await articlesByCategory(corpus);
  const figures: PassFigures[] = [];
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    const out = mkdtempSync(join(tmpdir(), 'handbook-bench-weasy-'));
    let pages = 0;
    let cpuMs = 0;
    let processCpuMs = 0;
    let rss = 0;
    const start = performance.now();
    for (const [category, articles] of byCategory) {
      // Front matter off, the article's title as its heading, as the handbook prints it.
      const md = articles.map((a) => readFileSync(join(articlesDir, a.path), 'utf8').replace(/^---[\s\S]*?\n---\n/, `\n# ${a.title}\n`)).join('\n\n');
      const html = join(out, `${category}.html`);
      const pdf = join(out, `${category}.pdf`);
      const p = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'pandoc', '-f', 'markdown', '-t', 'html5', '--standalone', '--metadata', `title=${category}`, '-o', html], { input: md, cwd: articlesDir, encoding: 'utf8' });
      const w = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'weasyprint', html, pdf], { encoding: 'utf8' });
      const timed = (stderr: string) => (/([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr)?.slice(1) ?? ['0', '0', '0']).map(Number) as [number, number, number];
      const [pu, ps] = timed(p.stderr);
      const [wu, ws, kb] = timed(w.stderr);
      cpuMs += (wu + ws) * 1000;
      processCpuMs += (pu + ps + wu + ws) * 1000;
      rss = Math.max(rss, kb / 1024);
      pages += pagesOf(pdf);
    }
    figures.push({ pages, documents: byCategory.size, articles: 0, cpuMs, wallMs: performance.now() - start, processCpuMs, peakRssMb: rss });
    loads.push(loadavg()[0]!);
    rmSync(out, { recursive: true, force: true });
  }
  return row('pandoc + WeasyPrint, same articles', figures, loads);
}

export async function benchPdf(corpus: string, runs = 3): Promise<void> {
  const cold: PassFigures[] = [];
  const cached: PassFigures[] = [];
  const same: PassFigures[] = [];
  const shaped: PassFigures[] = [];
  const loads: [number[], number[], number[]] = [[], [], []];
  for (let run = 0; run < runs; run++) {
    const cache = mkdtempSync(join(tmpdir(), 'handbook-bench-caches-'));
    const [pictures, shaping] = [join(cache, 'pictures'), join(cache, 'shaping')];
    cold.push(passes(corpus, 1, pictures, shaping)[0]!);
    loads[0].push(loadavg()[0]!);
    const [first, second] = passes(corpus, 2, pictures);
    cached.push(first!);
    same.push(second!);
    loads[1].push(loadavg()[0]!);
    shaped.push(passes(corpus, 1, pictures, shaping)[0]!);
    loads[2].push(loadavg()[0]!);
    rmSync(cache, { recursive: true, force: true });
  }
  const rows: Row[] = [
    row('handbook, cold: new process, pictures converted', cold, loads[0]),
    row('handbook, new process, pictures cached', cached, loads[1]),
    row('handbook, new process, pictures + shaped words cached', shaped, loads[2]),
    row('handbook, same process, second build', same, loads[1]),
  ];
  const peer = await weasyprint(corpus, runs);
  if (typeof peer !== 'string') rows.push(peer);

  const { documents, articles } = cold[0]!;
  console.log(`\nPDF handbooks: ${documents} categories, ${articles} articles in English, ${runs} runs each (median), every pass in its own process`);
  console.log('CPU = CPU time of the writing per page (all threads; the peer: WeasyPrint\'s processes, pandoc\'s Markdown → HTML left out); process CPU = the whole process (Node and tsx start, parse, assembly; the peer: pandoc too)');
  const head = ['what', 'pages', 'CPU ms/page', 'CPU pages/s', 'wall ms/page', 'pages/s', 'process CPU ms/page', 'peak RSS MB', 'load avg', 'peer CPU ÷ this', 'peer wall ÷ this'];
  const widths = [58, 7, 13, 13, 14, 9, 21, 13, 10, 17, 18];
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(''));
  line(head);
  const peerCpu = typeof peer === 'string' ? undefined : peer.cpuMs;
  const peerWall = typeof peer === 'string' ? undefined : peer.wallMs;
  for (const r of rows) {
    line([
      r.what,
      String(r.pages),
      r.cpuMs.toFixed(1),
      (1000 / r.cpuMs).toFixed(0),
      r.wallMs.toFixed(1),
      (1000 / r.wallMs).toFixed(0),
      r.processCpuMs.toFixed(1),
      r.peakRssMb.toFixed(0),
      r.load.toFixed(1),
      peerCpu === undefined || r === peer ? '' : `${(peerCpu / r.cpuMs).toFixed(1)}×`,
      peerWall === undefined || r === peer ? '' : `${(peerWall / r.wallMs).toFixed(1)}×`,
    ]);
  }
  if (typeof peer === 'string') console.log(peer);
}

// Alone: node --import tsx bench/pdf.ts [--pdf-runs N]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--pdf-runs');
  await benchPdf(fileURLToPath(new URL('../../shared/corpus/bitwarden-help/', import.meta.url)), flag > 0 ? Number(process.argv[flag + 1]) : 3);
}
