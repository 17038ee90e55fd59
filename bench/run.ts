// Benchmarks of every stage on the real corpus: median of several runs, side by side in one process.
// npm run bench [-- --runs N] [--stages WORD] (only the stages whose name holds WORD, e.g. "memory")
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildMarkdown } from '../src/publish/articles.ts';
import { assembleHandbook } from '../src/handbook/assemble.ts';
import { htmlWriter } from '../src/publish/html.ts';
import { markdownWriter } from '../src/publish/markdown.ts';
import { TranslationStore } from '../src/store/translations.ts';
import { createTranslator } from '../src/words/words.ts';
import { loadConfig } from '../src/config/config.ts';
import { categoryPackage, extract } from '../src/extract/extract.ts';
import { merge } from '../src/merge/merge.ts';
import { readHelpCenter } from '../src/parse/help-center.ts';
import { pseudoLocalize } from '../src/pseudo/pseudo.ts';
import { statusOf } from '../src/status/status.ts';
import { writeXliff } from '../src/xliff/write.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/bitwarden-help/', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const stagesFlag = process.argv.indexOf('--stages');
const STAGES = stagesFlag > 0 ? process.argv[stagesFlag + 1]! : '';

if (!existsSync(CORPUS)) {
  console.log('bench: ../shared/corpus is absent; nothing to measure');
  process.exit(0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
  cpSync(join(CORPUS, '_articles'), join(root, '_articles'), { recursive: true });
  cpSync(join(CORPUS, '_categories'), join(root, '_categories'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', targetLanguages: ['de'] }));
  return root;
}

const rows: { stage: string; ms: number; cpuMs: number; rssMb: number }[] = [];

// A full garbage collection before each timed run, so no run pays for the garbage its preparation left.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Stage<T> {
  readonly stage: string;
  readonly prepare: () => T;
  readonly work: (input: T) => void;
}

/**
 * Times each stage's `work` RUNS times, each on what its `prepare` returns (not timed): median wall
 * and CPU time (all threads). Stages measured together take turns, run by run, so a change in the
 * machine's load falls on all of them alike and their ratio holds.
 */
function measureTogether(stages: readonly Stage<any>[]): void {
  const chosen = stages.filter((s) => s.stage.includes(STAGES));
  const times = chosen.map(() => [] as number[]);
  const cpu = chosen.map(() => [] as number[]);
  let rss = 0;
  for (let k = 0; k < RUNS; k++) {
    chosen.forEach(({ prepare, work }, i) => {
      const input = prepare();
      collectGarbage();
      const start = performance.now();
      const startCpu = process.cpuUsage();
      work(input);
      const used = process.cpuUsage(startCpu);
      times[i]!.push(performance.now() - start);
      cpu[i]!.push((used.user + used.system) / 1000);
      rss = Math.max(rss, process.memoryUsage().rss);
    });
  }
  chosen.forEach(({ stage }, i) => rows.push({ stage, ms: median(times[i]!), cpuMs: median(cpu[i]!), rssMb: rss / 2 ** 20 }));
}

function measure<T>(stage: string, prepare: () => T, work: (input: T) => void): void {
  measureTogether([{ stage, prepare, work }]);
}

const setup = () => {
  const config = loadConfig(freshRoot());
  return { config, center: readHelpCenter(config) };
};

measure('parse 138 articles', () => loadConfig(freshRoot()), (config) => void readHelpCenter(config));
const warmCache = () => {
  const config = loadConfig(freshRoot(), { cache: true });
  readHelpCenter(config);
  return config;
};
measure('read 138 articles, warm model cache', warmCache, (config) => void readHelpCenter(config));
for (const version of ['1.2', '2.0'] as const) {
  measure(`extract --all, XLIFF ${version}`, setup, ({ config, center }) => void extract(config, center, { languages: ['de'], version, outDir: join(config.root, 'out'), all: true }));
}
const translatedFiles = ({ config, center }: ReturnType<typeof setup>) => {
  const files = center.categories.map((category) => {
    const pkg = categoryPackage(config, category, 'de', true);
    const path = join(config.root, `${category.slug}.xlf`);
    writeFileSync(path, writeXliff({ ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: u.unit.segments })) })) }, '1.2'));
    return path;
  });
  return { config, center, files };
};
measure('merge 16 translated files', () => translatedFiles(setup()), ({ config, center, files }) => void merge(config, center, { files }));
const merged = () => {
  const state = translatedFiles(setup());
  merge(state.config, state.center, { files: state.files });
  return state;
};
measure('build md (all translated)', merged, ({ config, center }) => void buildMarkdown(config, center, { languages: ['de'], outDir: config.output }));
// Handbooks: the documents of every category in German, then each writer on them.
const germanWords = await createTranslator(join(tmpdir(), 'handbook-bench-no-locales'), 'de', 'en');
const documents = ({ config, center }: ReturnType<typeof setup>) =>
  center.categories.filter((c) => c.articles.some((a) => !a.hidden)).map((category) => assembleHandbook({ config, center, category, language: 'de', store: new TranslationStore(config.locales, 'de'), t: germanWords, date: new Date() }));
measure('assemble handbook documents (de)', merged, (state) => void documents(state));
for (const writer of [htmlWriter, markdownWriter]) {
  measure(`write ${writer.format} handbooks (de)`, () => {
    const state = merged();
    return { out: join(state.config.output, 'de'), docs: documents(state) };
  }, ({ out, docs }) => docs.forEach((d) => void writer.write(d, out)));
}
measure('status', merged, ({ config, center }) => void statusOf(config, center, ['de']));
measure('pseudo', setup, ({ config, center }) => void pseudoLocalize(config, center, 'qps'));
const oneCategoryTranslated = () => {
  const state = setup();
  const category = state.center.categories.find((c) => c.slug === 'organizations')!;
  const pkg = categoryPackage(state.config, category, 'de', false);
  const path = join(state.config.root, 'organizations.xlf');
  writeFileSync(path, writeXliff({ ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: u.unit.segments })) })) }, '1.2'));
  merge(state.config, state.center, { files: [path] });
  return state;
};
const extractGerman = ({ config, center }: ReturnType<typeof setup>) => void extract(config, center, { languages: ['de'], version: '1.2', outDir: join(config.root, 'out'), all: false });
measureTogether([
  { stage: 'extract with memory (1 category done)', prepare: oneCategoryTranslated, work: extractGerman },
  { stage: 'extract without memory (nothing done)', prepare: setup, work: extractGerman },
]);

console.log(`handbook bench: real corpus (138 articles, ${RUNS} runs each, median), Node ${process.version}`);
console.log(`${'stage'.padEnd(40)}${'median ms'.padStart(12)}${'CPU ms'.padStart(10)}${'peak RSS MB'.padStart(14)}`);
for (const row of rows) console.log(`${row.stage.padEnd(40)}${row.ms.toFixed(0).padStart(12)}${row.cpuMs.toFixed(0).padStart(10)}${row.rssMb.toFixed(0).padStart(14)}`);
const row = (stage: string) => rows.find((r) => r.stage === stage);
const withMemory = row('extract with memory (1 category done)');
const withoutMemory = row('extract without memory (nothing done)');
if (withMemory && withoutMemory) console.log(`extract with memory / without: ${(withMemory.cpuMs / withoutMemory.cpuMs).toFixed(2)}× CPU, ${(withMemory.ms / withoutMemory.ms).toFixed(2)}× wall (target: ≤ 1.5×)`);
const pdfRunsFlag = process.argv.indexOf('--pdf-runs');
if (!STAGES) await (await import('./pdf.ts')).benchPdf(CORPUS, pdfRunsFlag > 0 ? Number(process.argv[pdfRunsFlag + 1]) : 3);
