// PDF handbooks on worker threads (src/publish/workers.ts): the same files, byte for byte, as a
// build on the main thread alone, for several corpus categories in English and Arabic; a worker
// that crashes costs one warning and nothing else.
import test from 'ava';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { assembleHandbook } from '../../src/handbook/assemble.ts';
import { publishHandbooks } from '../../src/publish/handbooks.ts';
import { pdfWorkersFor, PdfThreads } from '../../src/publish/workers.ts';
import { TranslationStore } from '../../src/store/translations.ts';
import { createTranslator } from '../../src/words/words.ts';
import { CORPUS, PROJECT, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const DATE = new Date('2026-12-02T12:00:00Z');
/** Small and large categories, with pictures, tables and callouts. */
const CATEGORIES = ['send', 'two-step-login', 'plans-and-pricing', 'import-export'];
const LANGUAGES = ['en', 'ar'];

function corpus() {
  const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'), ['ar']);
  cpSync(join(PROJECT, 'locales', 'ar'), join(ws.config.locales, 'ar'), { recursive: true });
  return { ...ws, config: { ...ws.config, images: join(CORPUS, 'images'), cache: undefined } };
}

function pdfsIn(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.pdf')).sort()) files.set(name, readFileSync(join(dir, name)));
  return files;
}

test('workers: none unless threads are asked for, for one PDF handbook, or one core; one fewer than the threads otherwise', (t) => {
  const cores = availableParallelism();
  t.is(pdfWorkersFor(1, 4), 0);
  t.is(pdfWorkersFor(10, 1), 0);
  t.is(pdfWorkersFor(10, 2), cores >= 2 ? 1 : 0);
  t.is(pdfWorkersFor(2, 8), cores >= 2 ? 1 : 0);
  const saved = process.env.HANDBOOK_THREADS;
  try {
    delete process.env.HANDBOOK_THREADS;
    t.is(pdfWorkersFor(10), 0, 'off by default');
    process.env.HANDBOOK_THREADS = '2';
    t.is(pdfWorkersFor(10), cores >= 2 ? 1 : 0);
    process.env.HANDBOOK_THREADS = 'many';
    t.is(pdfWorkersFor(10), 0);
  } finally {
    if (saved === undefined) delete process.env.HANDBOOK_THREADS;
    else process.env.HANDBOOK_THREADS = saved;
  }
});

testIf(SHARED_NEED)('workers: corpus PDFs in en and ar written with a worker thread have the bytes of a single-thread build', async (t) => {
  const { config, center } = corpus();
  const options = { languages: LANGUAGES, formats: ['pdf'], categories: CATEGORIES, date: DATE };
  const one = temporaryDir('handbook-pdf-one-');
  const two = temporaryDir('handbook-pdf-two-');
  const alone = await publishHandbooks(config, center, { ...options, outDir: one, threads: 1 });
  // A worker that stopped would say so on stderr (and its handbooks would be written on the main thread).
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
  let pooled: typeof alone;
  try {
    pooled = await publishHandbooks(config, center, { ...options, outDir: two, threads: 2 });
  } finally {
    process.stderr.write = write;
  }
  t.deepEqual(stderr, []);
  const expected = pdfsIn(one);
  const got = pdfsIn(two);
  t.is(expected.size, CATEGORIES.length * LANGUAGES.length);
  t.deepEqual([...got.keys()], [...expected.keys()]);
  for (const [name, bytes] of expected) t.true(got.get(name)!.equals(bytes), `${name}: same bytes`);
  // Same handbooks, files and warnings, in the same order.
  const strip = (builds: typeof alone, dir: string) => builds.map((b) => ({ ...b, handbooks: b.handbooks.map((f) => relative(dir, f)), files: b.files.map((f) => relative(dir, f)) }));
  t.deepEqual(strip(pooled, two), strip(alone, one));
});

testIf(SHARED_NEED)('workers: a worker that crashes is reported once, and its handbooks are written on the main thread, the same bytes', async (t) => {
  const { config, center } = corpus();
  const language = 'ar';
  const tr = await createTranslator(config.locales, language, config.sourceLanguage);
  const store = new TranslationStore(config.locales, language);
  const documents = center.categories
    .filter((c) => CATEGORIES.slice(0, 3).includes(c.slug))
    .map((category) => assembleHandbook({ config, center, category, language, store, t: tr, date: DATE }));
  const words = { locales: config.locales, language, sourceLanguage: config.sourceLanguage };
  const warnings: string[] = [];
  const crashing = new PdfThreads(1, { entry: new URL('./workers/crashing-worker.mjs', import.meta.url), warn: (m) => warnings.push(m) });
  const dir = temporaryDir('handbook-pdf-crash-');
  const started = [];
  for (const document of documents) started.push(await crashing.start(document, dir, {}, words));
  await crashing.flush();
  const results = await Promise.all(started.map((s) => s.done));
  await crashing.close();
  t.is(warnings.length, 1);
  t.regex(warnings[0]!, /PDF worker thread stopped \(it exited with code 7\): the remaining PDF handbooks are written on the main thread/);
  t.deepEqual(crashing.written, { workers: 0, main: documents.length });
  t.deepEqual(results.map((r) => r.files[0]), documents.map((d) => join(dir, `${d.fileName}.pdf`)));

  const real = new PdfThreads(1);
  const again = temporaryDir('handbook-pdf-again-');
  const second = [];
  for (const document of documents) second.push(await real.start(document, again, {}, words));
  await real.flush();
  await Promise.all(second.map((s) => s.done));
  await real.close();
  t.true(real.written.workers > 0, 'the real worker wrote some');
  const expected = pdfsIn(again);
  for (const [name, bytes] of pdfsIn(dir)) t.true(expected.get(name)!.equals(bytes), `${name}: same bytes`);
});
