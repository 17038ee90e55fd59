// Benchmarks of every stage on the real corpus: median of several runs, side by side in one process.
// npm run bench [-- --runs N]
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const rows: { stage: string; ms: number; rssMb: number }[] = [];

/** Times `work` RUNS times, each on what `prepare` returns (not timed). */
function measure<T>(stage: string, prepare: () => T, work: (input: T) => void): void {
  const times: number[] = [];
  let rss = 0;
  for (let k = 0; k < RUNS; k++) {
    const input = prepare();
    const start = performance.now();
    work(input);
    times.push(performance.now() - start);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  rows.push({ stage, ms: median(times), rssMb: rss / 2 ** 20 });
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
measure('extract with memory (1 category done)', oneCategoryTranslated, ({ config, center }) => void extract(config, center, { languages: ['de'], version: '1.2', outDir: join(config.root, 'out'), all: false }));
measure('extract without memory (nothing done)', setup, ({ config, center }) => void extract(config, center, { languages: ['de'], version: '1.2', outDir: join(config.root, 'out'), all: false }));

console.log(`handbook bench: real corpus (138 articles, ${RUNS} runs each, median), Node ${process.version}`);
console.log(`${'stage'.padEnd(40)}${'median ms'.padStart(12)}${'peak RSS MB'.padStart(14)}`);
for (const row of rows) console.log(`${row.stage.padEnd(40)}${row.ms.toFixed(0).padStart(12)}${row.rssMb.toFixed(0).padStart(14)}`);
const pdfRunsFlag = process.argv.indexOf('--pdf-runs');
await (await import('./pdf.ts')).benchPdf(CORPUS, pdfRunsFlag > 0 ? Number(process.argv[pdfRunsFlag + 1]) : 3);
