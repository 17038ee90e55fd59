// Parsing on worker threads (src/parse/parse-threads.ts): the models, problems and XLIFF of a
// threaded read are those of a read on the main thread alone, on the real corpus; an article a
// worker cannot read is reported exactly as on the main thread; a worker that stops or fails costs
// a warning at most, never a model.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { parseOutcome, type ParseOptions } from '../../src/parse/article.ts';
import { listMarkdown, readHelpCenter, readHelpCenterWithPool } from '../../src/parse/help-center.ts';
import { defaultParseThreads, ParsePool, parseWorkersFor, PARSE_THREADS_FROM, type ParseJob, type ParsePoolOptions, type ParseRunOptions } from '../../src/parse/parse-threads.ts';
import { readHelpCenterOnThreads } from '../../src/parse/read-on-threads.ts';
import { ArticleError } from '../../src/parse/problem.ts';
import { idleThreads } from '../../src/util/threads.ts';
import { CORPUS, PARSE_OPTIONS, PROJECT, SHARED_NEED, temporaryDir, testIf } from '../helpers.ts';

const ARTICLES = join(CORPUS, '_articles');
const corpusJobs = (): ParseJob[] => listMarkdown(ARTICLES).map((path) => ({ path, bytes: readFileSync(join(ARTICLES, path)) }));
const encode = (text: string) => new TextEncoder().encode(text);

/** Articles that cannot be read, each for a different reason, among good ones. */
const BROKEN: ParseJob[] = [
  { path: 'good.md', bytes: encode('---\ntitle: Good\n---\nFine.\n') },
  { path: 'a/yaml.md', bytes: encode('---\ntitle: Bad\ntags: [a, b\norder: 1\n---\nText.\n') },
  { path: 'a/callout.md', bytes: encode('---\ntitle: C\n---\n\nIntro.\n\n{% callout info %}\nNever closed.\n') },
  { path: 'b/latin1.md', bytes: new Uint8Array([...encode('---\ntitle: L\n---\nline two\ncaf'), 0xe9, 0x0a]) },
  { path: 'b/long-line.md', bytes: encode(`---\ntitle: Long\n---\n\n${'word '.repeat(40_000)}\n`) },
  { path: 'b/mapping.md', bytes: encode('---\n- a\n- b\n---\nText.\n') },
];

/** The jobs parsed by a pool of one worker and the main thread. */
const onThreads = (jobs: readonly ParseJob[], options: ParseOptions, how: ParsePoolOptions & ParseRunOptions = {}) =>
  new ParsePool(1, how).parse(jobs, options, (job) => parseOutcome(job, options), how);

const asProblem = (outcome: unknown) =>
  outcome instanceof ArticleError ? { file: outcome.file, line: outcome.line, reason: outcome.reason, message: outcome.message } : 'parsed';

test('parseWorkersFor: no worker below PARSE_THREADS_FROM articles or with one thread; one fewer than the threads, each with a fair share', (t) => {
  const cores = availableParallelism();
  t.is(parseWorkersFor(PARSE_THREADS_FROM - 1, 8), 0);
  t.is(parseWorkersFor(1000, 1), 0);
  t.is(parseWorkersFor(PARSE_THREADS_FROM, 2), cores >= 2 ? 1 : 0);
  t.is(parseWorkersFor(2 * PARSE_THREADS_FROM, 64), Math.min(2, cores - 1));
  const saved = process.env.HANDBOOK_THREADS;
  try {
    process.env.HANDBOOK_THREADS = '1';
    t.is(parseWorkersFor(1000), 0, 'HANDBOOK_THREADS=1 turns threads off');
    process.env.HANDBOOK_THREADS = '2';
    t.is(parseWorkersFor(1000), cores >= 2 ? 1 : 0, 'HANDBOOK_THREADS=2 asks for them whatever the load');
    delete process.env.HANDBOOK_THREADS;
    t.true(parseWorkersFor(1000) <= Math.max(0, cores - 2), 'by default, at most every core but two (the main thread and V8\'s own threads)');
  } finally {
    if (saved === undefined) delete process.env.HANDBOOK_THREADS;
    else process.env.HANDBOOK_THREADS = saved;
  }
});

test('defaultParseThreads: the idle cores but one; one thread on 2 idle cores', (t) => {
  t.is(defaultParseThreads(1), 1);
  t.is(defaultParseThreads(2), 1);
  t.is(defaultParseThreads(3), 2);
  t.is(defaultParseThreads(8), 7);
});

test('idleThreads: the cores the load leaves at least half idle, this thread always', (t) => {
  t.is(idleThreads(2, 0), 2);
  t.is(idleThreads(2, 0.4), 2);
  t.is(idleThreads(2, 0.6), 1);
  t.is(idleThreads(2, 9.5), 1);
  t.is(idleThreads(8, 2.3), 6);
  t.is(idleThreads(1, 0), 1);
});

testIf(SHARED_NEED)('corpus: the models a worker thread parses are those of the main thread, shared or all on the worker', async (t) => {
  const jobs = corpusJobs();
  const alone = jobs.map((job) => parseOutcome(job, PARSE_OPTIONS));
  const all = await onThreads(jobs, PARSE_OPTIONS, { mainThreadParses: false });
  t.is(all.byWorkers, jobs.length);
  t.deepEqual(all.outcomes, alone);
  const shared = await onThreads(jobs, PARSE_OPTIONS);
  t.deepEqual(shared.outcomes, alone);
});

test('an article a worker cannot read is reported with the file, line and message of the main thread', async (t) => {
  const alone = BROKEN.map((job) => asProblem(parseOutcome(job, PARSE_OPTIONS)));
  t.is(alone.filter((p) => p !== 'parsed').length, BROKEN.length - 1, 'every broken article is refused on the main thread');
  const warnings: string[] = [];
  const { outcomes, byWorkers } = await onThreads(BROKEN, PARSE_OPTIONS, { mainThreadParses: false, warn: (m) => warnings.push(m) });
  t.is(byWorkers, BROKEN.length, 'all parsed by the worker');
  t.deepEqual(outcomes.map(asProblem), alone);
  t.true(outcomes.slice(1).every((o) => o instanceof ArticleError));
  t.deepEqual(warnings, []);
});

test('a worker that dies: one warning, and its articles are parsed on the main thread', async (t) => {
  const warnings: string[] = [];
  const done: number[] = [];
  const entry = new URL('./workers/dying-worker.mjs', import.meta.url);
  const { outcomes, byWorkers } = await onThreads(BROKEN, PARSE_OPTIONS, { mainThreadParses: false, entry, warn: (m) => warnings.push(m), progress: (n) => done.push(n) });
  t.is(byWorkers, 0);
  t.deepEqual(outcomes.map(asProblem), BROKEN.map((job) => asProblem(parseOutcome(job, PARSE_OPTIONS))));
  t.is(warnings.length, 1);
  t.regex(warnings[0]!, /parse worker thread stopped \(it exited with code 7\)/);
  t.deepEqual(done, BROKEN.map((_, k) => k + 1), 'progress counts every article once');
});

test('a worker that fails on an article with anything but an ArticleError leaves it to the main thread, which throws a bug as it would alone', async (t) => {
  const entry = new URL('./workers/failing-worker.mjs', import.meta.url);
  const { outcomes, byWorkers } = await onThreads(BROKEN, PARSE_OPTIONS, { mainThreadParses: false, entry, warn: () => t.fail('no warning') });
  t.is(byWorkers, 0);
  t.deepEqual(outcomes.map(asProblem), BROKEN.map((job) => asProblem(parseOutcome(job, PARSE_OPTIONS))));
  // A bug in the parser is thrown on the main thread, not reported as a problem of the article.
  const options = { ...PARSE_OPTIONS, translatableFrontMatter: null as unknown as string[] };
  await t.throwsAsync(onThreads(BROKEN.slice(0, 1), options, { mainThreadParses: false, entry }), { instanceOf: TypeError });
});

testIf(SHARED_NEED)('readHelpCenterOnThreads gives the help center of readHelpCenter (corpus, cold: workers started before or after the parser is loaded)', async (t) => {
  const root = temporaryDir();
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: join(CORPUS, '_articles'), categories: join(CORPUS, '_categories') }));
  const config = loadConfig(root);
  const alone = readHelpCenter(config);
  t.deepEqual(await readHelpCenterOnThreads(config, { threads: 2 }), alone);
  t.deepEqual(await readHelpCenterWithPool(config, { threads: 2 }), alone);
});

const BIN = join(PROJECT, 'bin/handbook.js');

/** Every file under a folder, by relative path. */
function filesIn(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    if (name.endsWith('.xlf')) files.set(relative(dir, path), readFileSync(path, 'utf8'));
  }
  return files;
}

testIf(SHARED_NEED)('compiled command, corpus with a broken article: a threaded cold extract writes the XLIFF and reports the problem of an unthreaded one, exit 1', (t) => {
  const runs = ['1', '2'].map((threads) => {
    const root = temporaryDir();
    cpSync(join(CORPUS, '_articles'), join(root, '_articles'), { recursive: true });
    cpSync(join(CORPUS, '_categories'), join(root, '_categories'), { recursive: true });
    mkdirSync(join(root, '_articles/zz'));
    writeFileSync(join(root, '_articles/zz/broken.md'), '---\ntitle: Broken\ncategories: [send]\n---\n\nIntro.\n\n{% callout info %}\nNever closed.\n');
    writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', targetLanguages: ['de'] }));
    const result = spawnSync(process.execPath, [BIN, 'extract', '--all', '--root', root], { encoding: 'utf8', env: { ...process.env, CI: 'true', HANDBOOK_THREADS: threads } });
    return { code: result.status, stdout: result.stdout.replaceAll(root, 'ROOT'), stderr: result.stderr.replaceAll(root, 'ROOT'), files: filesIn(join(root, 'output/xliff')) };
  });
  const [alone, threaded] = runs as [(typeof runs)[0], (typeof runs)[0]];
  t.is(alone.code, 1, alone.stderr);
  t.regex(alone.stderr, /zz\/broken\.md:8: .*endcallout/);
  t.is(threaded.code, alone.code);
  t.is(threaded.stderr, alone.stderr);
  t.is(threaded.stdout, alone.stdout);
  t.true(alone.files.size >= 16);
  t.deepEqual([...threaded.files.keys()], [...alone.files.keys()]);
  for (const [name, text] of alone.files) t.true(threaded.files.get(name) === text, `${name}: same bytes`);
});
