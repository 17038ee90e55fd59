// Whole-process benchmarks, the way users run the command: the compiled `handbook` (bin/handbook.js)
// on the real corpus and on a corpus 10× larger (renamed copies), with a cold and a warm model cache
// and after one edited article; and, side by side on the same articles, the peers that are installed:
// po4a (Debian), md2xliff and @diplodoc/translation (installed by this bench with npm into a scratch
// folder under /tmp, never project dependencies), pandoc for HTML, pandoc + WeasyPrint for PDF.
// Median wall time of several runs and peak memory (max RSS, from /usr/bin/time).
//
// npm run bench:process [-- --runs 3] [--scaled-runs 3] [--scale 10] [--no-peers] [--no-pdf-peer] [--no-scaled] [--only-scaled] [--languages 10] [--only-languages] [--only-pipeline] [--only-extract]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.ts';
import { categoryPackage } from '../src/extract/extract.ts';
import { listMarkdown, readHelpCenter } from '../src/parse/help-center.ts';
import { writeXliff } from '../src/xliff/write.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(PROJECT, '../shared/corpus/bitwarden-help');
const BIN = join(PROJECT, 'bin/handbook.js');
const TIME = '/usr/bin/time';
const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
let RUNS = flag('--runs', 3);
const SCALED_RUNS = flag('--scaled-runs', RUNS);
const SCALE = flag('--scale', 10);
const LANGUAGES = flag('--languages', 10);
const PEERS = !argv.includes('--no-peers');
const SCALED = !argv.includes('--no-scaled');
const BASE = !argv.includes('--only-scaled');
const PDF_PEER = !argv.includes('--no-pdf-peer');
/** Only the extract + merge + build rows in many languages (with --only-scaled: only on the larger corpus). */
const ONLY_LANGUAGES = argv.includes('--only-languages');
/** Only the extract + merge + build md,html,pdf rows: cold, nothing changed, one article edited. */
const ONLY_PIPELINE = argv.includes('--only-pipeline');
/** Only the cold extract against po4a and @diplodoc/translation, in turns. */
const ONLY_EXTRACT = argv.includes('--only-extract');
const SCRATCH = join(tmpdir(), 'handbook-bench-peers');

if (!existsSync(CORPUS)) {
  console.log('bench: ../shared/corpus is absent; nothing to measure');
  process.exit(0);
}
if (!existsSync(TIME)) {
  console.log('bench: /usr/bin/time is missing (apt-get install time); it measures peak memory');
  process.exit(0);
}
if (!existsSync(join(PROJECT, 'dist/cli/main.js'))) spawnSync('npm', ['run', 'build'], { cwd: PROJECT, stdio: 'inherit' });

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Measure {
  seconds: number;
  mib: number;
  /** CPU seconds (user + system, all threads): steadier than wall time on a loaded machine. */
  cpu?: number;
}

/** One process under /usr/bin/time: wall seconds and max RSS. Fails loudly if the command fails. */
function once(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Measure {
  const result = spawnSync(TIME, ['-f', '%e %M %U %S', command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env }, maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kib, user, system] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return { seconds: seconds!, mib: kib! / 1024, cpu: user! + system! };
}

/** Median of RUNS runs of a job (a list of processes run one after the other), `prepare` untimed before each. */
function measure(job: () => Measure[], prepare: () => void = () => {}): Measure {
  const runs: Measure[] = [];
  for (let k = 0; k < RUNS; k++) {
    prepare();
    const steps = job();
    runs.push({ seconds: steps.reduce((s, m) => s + m.seconds, 0), mib: Math.max(...steps.map((m) => m.mib)) });
  }
  return { seconds: median(runs.map((r) => r.seconds)), mib: Math.max(...runs.map((r) => r.mib)) };
}

/** A preparation done before the first run only. */
const firstOnly = (prepare: () => unknown) => {
  let done = false;
  return () => void (done || prepare(), (done = true));
};

const handbook = (root: string, ...args: string[]) => once(process.execPath, [BIN, ...args, '--root', root], root);

/** Two jobs measured in turns (a, b, a, b…), so a shared machine's load falls on both alike: their medians. */
function alternating(a: () => Measure[], b: () => Measure[]): [Measure, Measure] {
  const runs: [Measure[], Measure[]] = [[], []];
  const total = (steps: Measure[]): Measure => ({ seconds: steps.reduce((s, m) => s + m.seconds, 0), mib: Math.max(...steps.map((m) => m.mib)) });
  for (let k = 0; k < RUNS; k++) {
    runs[0].push(total(a()));
    runs[1].push(total(b()));
  }
  const summary = (list: Measure[]): Measure => ({ seconds: median(list.map((r) => r.seconds)), mib: Math.max(...list.map((r) => r.mib)) });
  return [summary(runs[0]), summary(runs[1])];
}

/** A root with the corpus, each article `scale` times (renamed copies: `<name>-2.md`…). */
function corpusRoot(scale: number, languages: string[]): string {
  const root = mkdtempSync(join(tmpdir(), `handbook-bench-${scale}x-`));
  cpSync(join(CORPUS, '_categories'), join(root, '_categories'), { recursive: true });
  for (const path of listMarkdown(join(CORPUS, '_articles'))) {
    const text = readFileSync(join(CORPUS, '_articles', path));
    for (let k = 1; k <= scale; k++) {
      const target = join(root, '_articles', k === 1 ? path : path.replace(/\.md$/, `-${k}.md`));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', targetLanguages: languages }));
  return root;
}

/** Writes every category as translated XLIFF (target = source) per language: what merge reads. */
function translatedFiles(root: string, languages: string[]): string[] {
  const config = loadConfig(root, { cache: true });
  const center = readHelpCenter(config);
  const dir = join(root, 'returned');
  mkdirSync(dir, { recursive: true });
  return languages.flatMap((language) =>
    center.categories.map((category) => {
      const pkg = categoryPackage(config, category, language, true);
      const path = join(dir, `${language}-${category.slug}.xlf`);
      writeFileSync(path, writeXliff({ ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: u.unit.segments })) })) }, '1.2'));
      return path;
    }),
  );
}

let edits = 0;
/** Changes one sentence of one article, differently each time. */
function editOneArticle(root: string): void {
  const path = join(root, '_articles/account/basic-auth-autofill.md');
  const text = readFileSync(path, 'utf8').replace(/ \(edit \d+\)\./, '.');
  writeFileSync(path, text.replace(/\.\n/, ` (edit ${++edits}).\n`));
}

const rows: { job: string; corpus: string; handbook?: Measure; peer?: string; other?: Measure; note?: string }[] = [];
const clearAll = (root: string) => () => {
  for (const folder of ['.handbook-cache', 'output', 'locales']) rmSync(join(root, folder), { recursive: true, force: true });
};

function handbookJobs(scale: number): void {
  const label = `${scale}× (${138 * scale} articles)`;
  const root = corpusRoot(scale, ['de']);
  const [file] = translatedFiles(root, ['de']).filter((f) => basename(f) === 'de-organizations.xlf');
  rmSync(join(root, 'locales'), { recursive: true, force: true });
  const record = (job: string, m: Measure) => {
    rows.push({ job, corpus: label, handbook: m });
    console.error(`  ${job} (${label}): ${m.seconds.toFixed(2)} s, ${m.mib.toFixed(0)} MiB`);
  };
  if (!ONLY_PIPELINE) otherJobs(scale, root, file!, record);
  const steps = ['extract', 'merge', 'build'];
  let last: Measure[] = [];
  const pipeline = () => (last = [handbook(root, 'extract'), handbook(root, 'merge', file!), handbook(root, 'build', '--format', 'md,html,pdf')]);
  const each = () => last.map((m, k) => `${steps[k]} ${m.seconds.toFixed(2)} s`).join(', ');
  const cold = measure(pipeline, clearAll(root));
  record('extract + merge + build md,html,pdf, cold', cold);
  // The first pass after the cold one is not "nothing changed": extract fills from the memory the merge made.
  const settle = firstOnly(pipeline);
  const share = (m: Measure) => `${((100 * m.seconds) / cold.seconds).toFixed(1)}% of the cold run`;
  const unchanged = measure(pipeline, settle);
  record('extract + merge + build md,html,pdf, nothing changed', unchanged);
  rows[rows.length - 1]!.note = share(unchanged);
  const edited = measure(pipeline, () => editOneArticle(root));
  record('extract + merge + build md,html,pdf, 1 article edited', edited);
  rows[rows.length - 1]!.note = share(edited);
  console.error(`    last edited run: ${each()}`);
  rmSync(root, { recursive: true, force: true });
}

/** The rows besides the pipeline: each command alone, cold and warm; at 1×, `--help` and PDF worker threads. */
function otherJobs(scale: number, root: string, file: string, record: (job: string, m: Measure) => void): void {
  const label = `${scale}× (${138 * scale} articles)`;
  if (scale === 1) record('handbook --help', measure(() => [once(process.execPath, [BIN, '--help'], root)]));
  record('extract --all, cold (no cache)', measure(() => [handbook(root, 'extract', '--all')], clearAll(root)));
  {
    // Parsing on worker threads against the main thread alone, cold, in turns.
    const extract = (threads: string) => () => {
      clearAll(root)();
      return [once(process.execPath, [BIN, 'extract', '--all', '--root', root], root, { HANDBOOK_THREADS: threads })];
    };
    const [pooled, alone] = alternating(extract(String(cpus().length)), extract('1'));
    rows.push({ job: 'extract --all, cold: parse worker threads', corpus: label, handbook: pooled, peer: 'HANDBOOK_THREADS=1', other: alone });
    console.error(`  extract cold: worker threads ${pooled.seconds.toFixed(2)} s, one thread ${alone.seconds.toFixed(2)} s`);
  }
  record('extract --all, --no-cache', measure(() => [handbook(root, 'extract', '--all', '--no-cache')]));
  record('extract --all, warm cache', measure(() => [handbook(root, 'extract', '--all')]));
  record('merge 1 category file, warm', measure(() => [handbook(root, 'merge', file)], () => rmSync(join(root, 'locales'), { recursive: true, force: true })));
  record('build md, warm', measure(() => [handbook(root, 'build', '--format', 'md')], firstOnly(() => handbook(root, 'build', '--format', 'md'))));
  record('build html (all categories), warm', measure(() => [handbook(root, 'build', '--format', 'html')], firstOnly(() => handbook(root, 'build', '--format', 'html'))));
  if (scale === 1) {
    // PDF handbooks on worker threads against the main thread alone, in turns; the output folder is
    // removed before each, so the output ledger finds nothing up to date and every PDF is made.
    const pdf = (threads: string) => () => {
      rmSync(join(root, 'output'), { recursive: true, force: true });
      return [once(process.execPath, [BIN, 'build', '--format', 'pdf', '--root', root], root, { HANDBOOK_THREADS: threads })];
    };
    const [pooled, alone] = alternating(pdf(String(cpus().length)), pdf('1'));
    rows.push({ job: 'build pdf (en, de), no pictures: worker threads', corpus: label, handbook: pooled, peer: 'HANDBOOK_THREADS=1', other: alone });
    console.error(`  build pdf: worker threads ${pooled.seconds.toFixed(2)} s, one thread ${alone.seconds.toFixed(2)} s`);
  }
}

/**
 * extract + merge + build md,html in many languages: is the cost linear in articles, and memory
 * bounded? Each step gets its own row (median seconds, peak RSS), then the three together.
 */
function languagesJob(scale: number): void {
  const languages = ['de', 'ja', 'ar', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'ko', 'zh-CN'].slice(0, LANGUAGES);
  const label = `${scale}× (${138 * scale} articles), ${languages.length} languages`;
  const root = corpusRoot(scale, languages);
  const files = translatedFiles(root, languages);
  const steps: [string, () => Measure][] = [
    ['extract --all', () => handbook(root, 'extract', '--all')],
    [`merge ${files.length} translated files`, () => handbook(root, 'merge', ...files)],
    ['build md,html', () => handbook(root, 'build', '--format', 'md,html')],
  ];
  const runs: Measure[][] = [];
  for (let k = 0; k < RUNS; k++) {
    rmSync(join(root, 'locales'), { recursive: true, force: true });
    runs.push(steps.map(([, step]) => step()));
  }
  const medianOf = (measures: Measure[]): Measure => ({ seconds: median(measures.map((m) => m.seconds)), mib: Math.max(...measures.map((m) => m.mib)), cpu: median(measures.map((m) => m.cpu ?? 0)) });
  const cpuOf = (m: Measure) => `, ${m.cpu!.toFixed(2)} s CPU, ${((m.cpu! / (138 * scale)) * 1000).toFixed(1)} ms CPU per article`;
  steps.forEach(([name], k) => {
    const m = medianOf(runs.map((r) => r[k]!));
    rows.push({ job: `${name} (warm cache)`, corpus: label, handbook: m });
    console.error(`  ${name} (${label}): ${m.seconds.toFixed(2)} s, ${m.mib.toFixed(0)} MiB${cpuOf(m)}`);
  });
  const m = medianOf(runs.map((r) => ({ seconds: r.reduce((s, x) => s + x.seconds, 0), mib: Math.max(...r.map((x) => x.mib)), cpu: r.reduce((s, x) => s + (x.cpu ?? 0), 0) })));
  rows.push({ job: 'extract + merge + build md,html (warm cache)', corpus: label, handbook: m });
  console.error(`  languages (${label}): ${m.seconds.toFixed(2)} s, ${m.mib.toFixed(0)} MiB${cpuOf(m)}`);
  rmSync(root, { recursive: true, force: true });
}

/** po4a extracting every article into one POT (the bench's po4a.cfg): one run, timed. */
function po4aRun(root: string, articles: readonly string[]): () => Measure[] {
  const cfg = join(root, 'po4a.cfg');
  writeFileSync(cfg, ['[po4a_langs] de', '[po4a_paths] po/help.pot $lang:po/$lang.po', ...articles.map((a) => `[type: text] _articles/${a} $lang:out/$lang/${a} opt:"-o markdown -o yfm_keys=title,description"`)].join('\n'));
  return () => [once('po4a', ['--no-translations', '--force', cfg], root)];
}

interface NpmPeers {
  /** md2xliff and @diplodoc/translation are installed in the scratch folder. */
  readonly ready: boolean;
  /** One run of the peer over every article, in one process. */
  once(tool: string): Measure;
  /** The peer's name, with how many articles it could not read in its last run (the ratio counts the time it spent on them). */
  named(tool: string, name: string): string;
}

/** The npm peers in a scratch folder, driven by a small script that reads every article in one process. */
function npmPeers(root: string, articles: readonly string[]): NpmPeers {
  const npmReady = () => {
    if (existsSync(join(SCRATCH, 'node_modules/md2xliff')) && existsSync(join(SCRATCH, 'node_modules/@diplodoc/translation'))) return true;
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(join(SCRATCH, 'package.json'), '{"private": true}');
    return spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', 'md2xliff@2.0.0', '@diplodoc/translation@1.7.19'], { cwd: SCRATCH, stdio: 'inherit' }).status === 0;
  };
  const ready = npmReady();
  const list = join(root, 'articles.json');
  writeFileSync(list, JSON.stringify(articles.map((a) => join(root, '_articles', a))));
  const driver = join(SCRATCH, 'drive.cjs');
  if (ready) {
    writeFileSync(
      driver,
      `// Extracts XLIFF from every article with one peer, in one process. An article the peer cannot
// read is counted and skipped (failures.json in the output folder), so one bad article does not end the run.
const fs = require('fs'); const path = require('path');
const [tool, listFile, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const failed = [];
for (const [k, file] of files.entries()) {
  const md = fs.readFileSync(file, 'utf8');
  try {
    const xliff = tool === 'md2xliff'
      ? require('md2xliff').extract(md, file, file + '.skl', 'en-US', 'de-DE').xliff
      : require('@diplodoc/translation').extract(md, { source: { language: 'en', locale: 'US' }, target: { language: 'de', locale: 'DE' } }).xliff;
    fs.writeFileSync(path.join(out, k + '.xlf'), xliff);
  } catch (error) {
    failed.push({ file, error: String(error && error.message || error).split('\\n')[0] });
  }
}
fs.writeFileSync(path.join(out, 'failures.json'), JSON.stringify({ articles: files.length, failed }));
`,
    );
  }
  return {
    ready,
    once: (tool) => once(process.execPath, [driver, tool, list, join(root, `peer-${tool}`)], SCRATCH),
    named(tool, name) {
      try {
        const { articles: total, failed } = JSON.parse(readFileSync(join(root, `peer-${tool}`, 'failures.json'), 'utf8')) as { articles: number; failed: { file: string; error: string }[] };
        if (failed.length === 0) return name;
        for (const { file, error } of failed) console.error(`  ${name} failed on ${file.slice(join(root, '_articles').length + 1)}: ${error}`);
        return `${name} (failed on ${failed.length} of ${total} articles)`;
      } catch {
        return name;
      }
    },
  };
}

/** The row of bench/remark-alone.mjs: the fixed stack's parser over the same articles, nothing else. */
const PARSER_ALONE = 'remark-parse + remark-gfm alone, no extract';

/**
 * `--only-extract`: a cold `extract --all` (no cache, no store) against po4a and
 * @diplodoc/translation on the same articles, and the parser alone (bench/remark-alone.mjs), one
 * run of each in turn per round, so the load of a shared machine falls on all alike: median wall and CPU time, and the peers' wall time / handbook's.
 */
function coldExtractJob(): void {
  const root = corpusRoot(1, ['de']);
  const articles = listMarkdown(join(root, '_articles'));
  const peers = npmPeers(root, articles);
  const po4a = has('po4a') ? po4aRun(root, articles) : undefined;
  const runs = new Map<string, Measure[]>();
  const add = (name: string, m: Measure) => runs.set(name, [...(runs.get(name) ?? []), m]);
  const loads: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    loads.push(loadavg()[0]!);
    clearAll(root)();
    add('handbook', handbook(root, 'extract', '--all'));
    if (po4a) {
      rmSync(join(root, 'po'), { recursive: true, force: true });
      add('po4a 0.69', po4a()[0]!);
    }
    if (peers.ready) add('@diplodoc/translation 1.7.19', peers.once('diplodoc'));
    add(PARSER_ALONE, once(process.execPath, [join(PROJECT, 'bench/remark-alone.mjs'), join(root, '_articles')], root));
  }
  loads.push(loadavg()[0]!);
  const ours = runs.get('handbook')!;
  const wall = (list: Measure[]) => median(list.map((m) => m.seconds));
  const cpu = (list: Measure[]) => median(list.map((m) => m.cpu ?? 0));
  console.log(`\n| cold extract, 138 articles (${RUNS} rounds, in turns) | wall | CPU (user + sys) | peak RSS | wall / handbook's |\n|---|---|---|---|---|`);
  for (const [name, list] of runs) {
    const label = name === '@diplodoc/translation 1.7.19' ? peers.named('diplodoc', name) : name;
    const ratio = name === 'handbook' ? '' : `${(wall(list) / wall(ours)).toFixed(2)}×`;
    console.log(`| ${label} | ${wall(list).toFixed(2)} s | ${cpu(list).toFixed(2)} s | ${Math.max(...list.map((m) => m.mib)).toFixed(0)} MiB | ${ratio} |`);
  }
  const po4aRuns = runs.get('po4a 0.69');
  if (po4aRuns) {
    const needed = wall(po4aRuns) / 1.5;
    console.log(`\n1.5× po4a needs a cold extract of ${needed.toFixed(2)} s or less; the parser alone (${PARSER_ALONE}) takes ${wall(runs.get(PARSER_ALONE)!).toFixed(2)} s.`);
  }
  console.log(`\nload average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the rounds`);
  rmSync(root, { recursive: true, force: true });
}

/** The peers, on the same 138 articles, each in one process where the tool allows it. */
function peerJobs(): void {
  const root = corpusRoot(1, ['de']);
  const articles = listMarkdown(join(root, '_articles'));
  const compare = (job: string, peer: string, other: () => Measure | string, ours: Measure) => {
    const result = other();
    rows.push(typeof result === 'string' ? { job, corpus: '1× (138 articles)', peer, handbook: ours, note: result } : { job, corpus: '1× (138 articles)', peer, handbook: ours, other: result });
    console.error(`  ${peer}: ${typeof result === 'string' ? result : `${result.seconds.toFixed(2)} s`}`);
  };
  const cold = measure(() => [handbook(root, 'extract', '--all')], clearAll(root));
  const warm = measure(() => [handbook(root, 'extract', '--all')]);
  // Warm = the build already ran once (untimed), nothing changed since.
  const htmlWarm = measure(() => [handbook(root, 'build', '--format', 'html')], firstOnly(() => handbook(root, 'build', '--format', 'html')));
  const htmlNoCache = measure(() => [handbook(root, 'build', '--format', 'html', '--no-cache')]);
  // English only, as pandoc prints the articles once; neither side has the pictures here (no images folder).
  const pdfArgs = ['build', '--format', 'pdf', '--lang', 'en'];
  const pdfWarm = measure(() => [handbook(root, ...pdfArgs)], firstOnly(() => handbook(root, ...pdfArgs)));
  const pdfNoCache = PDF_PEER ? measure(() => [handbook(root, ...pdfArgs, '--no-cache')]) : undefined;

  const peers = npmPeers(root, articles);
  const npmPeer = (tool: string) => () => (peers.ready ? measure(() => [peers.once(tool)]) : 'not installed (npm install failed)');
  const peerRow = (job: string, tool: string, name: string, ours: Measure) => {
    const result = npmPeer(tool)();
    compare(job, peers.named(tool, name), () => result, ours);
  };
  peerRow('extract, warm (nothing changed)', 'md2xliff', 'md2xliff 2.0.0', warm);
  peerRow('extract, cold', 'diplodoc', '@diplodoc/translation 1.7.19', cold);

  const po4a = () => {
    if (!has('po4a')) return 'not installed (apt-get install po4a)';
    const run = po4aRun(root, articles);
    return measure(run, () => rmSync(join(root, 'po'), { recursive: true, force: true }));
  };
  const po4aResult = po4a();
  compare('extract, cold', 'po4a', () => po4aResult, cold);
  compare('extract, warm (nothing changed)', 'po4a', () => po4aResult, warm);

  const categories = new Map<string, string[]>();
  const config = loadConfig(root, { cache: true });
  for (const category of readHelpCenter(config).categories) categories.set(category.slug, category.articles.map((a) => join(root, '_articles', a.path)));
  const pandoc = (format: 'html' | 'pdf') => () => {
    if (!has('pandoc')) return 'not installed (apt-get install pandoc)';
    if (format === 'pdf' && !has('weasyprint')) return 'not installed (apt-get install weasyprint)';
    const out = join(root, `pandoc-${format}`);
    mkdirSync(out, { recursive: true });
    return measure(() =>
      [...categories].map(([slug, files]) =>
        once('pandoc', ['-f', 'markdown', '-s', '--metadata', `title=${slug}`, ...(format === 'pdf' ? ['--pdf-engine=weasyprint'] : []), '-o', join(out, `${slug}.${format}`), ...files], root),
      ),
    );
  };
  const pandocHtml = pandoc('html')();
  compare('build html, all categories, warm (nothing changed)', 'pandoc', () => pandocHtml, htmlWarm);
  compare('build html, all categories, --no-cache', 'pandoc', () => pandocHtml, htmlNoCache);
  if (PDF_PEER) {
    const pandocPdf = pandoc('pdf')();
    compare('build pdf (en), all categories, warm (nothing changed), no pictures', 'pandoc + WeasyPrint', () => pandocPdf, pdfWarm);
    compare('build pdf (en), all categories, --no-cache, no pictures', 'pandoc + WeasyPrint', () => pandocPdf, pdfNoCache!);
  }
  rmSync(root, { recursive: true, force: true });
}

console.error(`bench: whole processes, ${RUNS} runs each (median), ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
if (ONLY_EXTRACT) {
  coldExtractJob();
  process.exit(0);
}
if (BASE && !ONLY_LANGUAGES) handbookJobs(1);
if (BASE && PEERS && !ONLY_LANGUAGES) peerJobs();
if (BASE && LANGUAGES > 0) languagesJob(1);
RUNS = SCALED_RUNS;
if (SCALED && !ONLY_LANGUAGES) handbookJobs(SCALE);
if (SCALED && LANGUAGES > 0) languagesJob(SCALE);

const cell = (m: Measure | undefined) => (m && Number.isFinite(m.seconds) ? `${m.seconds.toFixed(2)} s, ${m.mib.toFixed(0)} MiB` : '—');
console.log(`\n| job | corpus | handbook | peer | peer | peer / handbook |\n|---|---|---|---|---|---|`);
for (const row of rows) {
  const ratio = row.other && row.handbook && Number.isFinite(row.handbook.seconds) ? (row.other.seconds / row.handbook.seconds).toFixed(2) : '';
  console.log(`| ${row.job} | ${row.corpus} | ${cell(row.handbook)} | ${row.peer ?? ''} | ${row.note ?? (row.peer ? cell(row.other) : '')} | ${ratio} |`);
}
console.log(`\n${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end, ${RUNS} runs each (median); ${new Date().toISOString().slice(0, 10)}`);
