// The installed command runs the compiled JavaScript (dist/, built by `npm install` / `npm ci` through
// `prepare`): it starts, prints its usage, and does the same work as the sources.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PROJECT } from '../helpers.ts';
import { run, sampleRoot } from '../support/cli.ts';

const BIN = join(PROJECT, 'bin/handbook.js');
const DIST = join(PROJECT, 'dist');

function compiled(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Source files whose compiled JavaScript is missing or older than they are. */
function staleSources(dir = join(PROJECT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return staleSources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return [];
    const out = join(DIST, relative(join(PROJECT, 'src'), path)).replace(/\.ts$/, '.js');
    return !existsSync(out) || statSync(out).mtimeMs < statSync(path).mtimeMs ? [relative(PROJECT, path)] : [];
  });
}

/**
 * The package locks newer than the bundle of the parser's packages (dist/parse/libraries.js, made by
 * `build:libraries`): `npm install <pkg>` or `npm update` changed node_modules after it was made.
 */
function staleBundle(): string[] {
  const bundle = join(DIST, 'parse/libraries.js');
  if (!existsSync(bundle)) return ['dist/parse/libraries.js is missing'];
  const made = statSync(bundle).mtimeMs;
  return ['package-lock.json', 'node_modules/.package-lock.json'].filter((lock) => existsSync(join(PROJECT, lock)) && statSync(join(PROJECT, lock)).mtimeMs > made);
}

test('dist/ is compiled and up to date with src/ (npm install and npm ci run `npm run build`)', (t) => {
  const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
  t.is(pkg.scripts.prepare, 'npm run build');
  const stale = staleSources();
  t.deepEqual(stale, [], `not compiled or older than the source: run npm run build (${stale.slice(0, 5).join(', ')})`);
  const locks = staleBundle();
  t.deepEqual(locks, [], `dist/parse/libraries.js is older than the installed packages: run npm run build (${locks.join(', ')})`);
  t.true(existsSync(join(DIST, 'words/source.en.json')), 'the built-in words are copied next to the code that reads them');
  t.true(existsSync(join(DIST, 'index.d.ts')), 'the library ships its types');
});

test('the compiled bin/handbook.js prints its usage and exits 0', (t) => {
  const help = compiled(['--help']);
  t.is(help.code, 0, help.stderr);
  t.regex(help.stdout, /^Usage: handbook /m);
  for (const command of ['extract', 'merge', 'build', 'status', 'pseudo', 'prune']) t.regex(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
  const extractHelp = compiled(['extract', '--help']);
  t.is(extractHelp.code, 0);
  t.regex(extractHelp.stdout, /--xliff <version>/);
  t.is(compiled(['--no-such-flag']).code, 2);
});

test('--help loads no pipeline module: parser, rehype, pdfkit and i18next load only in the commands that run them', (t) => {
  for (const args of [['--help'], ['build', '--help'], ['merge', '--help'], ['extract', '--help'], ['--no-such-flag']]) {
    const result = spawnSync(process.execPath, ['--import', join(PROJECT, 'test/support/log-modules.mjs'), BIN, ...args], { encoding: 'utf8' });
    const loaded = [...result.stderr.matchAll(/^loaded (.+)$/gm)].map((m) => m[1]!);
    t.true(loaded.some((url) => url.endsWith('/dist/cli/main.js')), `${args.join(' ')}: the hook saw the command start`);
    const heavy = loaded.filter((url) => /\/dist\/(parse|publish\/pdf|handbook|merge|extract|store)\/|\/node_modules\/(pdfkit|unified|micromark|remark-[a-z-]+|rehype-[a-z-]+|i18next|liquidjs|sharp|fontkit)\//.test(url));
    t.deepEqual(heavy, [], `${args.join(' ')} loaded pipeline modules`);
  }
});

test('the compiled command writes the same XLIFF as the sources (modules it loads on demand included)', (t) => {
  const fromDist = sampleRoot();
  const fromSource = sampleRoot();
  const args = (root: string) => ['extract', '--root', root, '--lang', 'de', '--all', '--xliff', '2.0'];
  const a = compiled(args(fromDist));
  const b = run(args(fromSource));
  t.is(a.code, 0, a.stderr);
  t.is(b.code, 0, b.stderr);
  t.is(a.stdout.replace(basename(fromDist), 'ROOT'), b.stdout.replace(basename(fromSource), 'ROOT'));
  const files = readdirSync(join(fromSource, 'output/xliff/de')).sort();
  t.true(files.length >= 5);
  t.deepEqual(readdirSync(join(fromDist, 'output/xliff/de')).sort(), files);
  for (const file of files) {
    t.is(readFileSync(join(fromDist, 'output/xliff/de', file), 'utf8'), readFileSync(join(fromSource, 'output/xliff/de', file), 'utf8'), file);
  }
});
