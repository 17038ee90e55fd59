// The hostile-input catalogue: articles and environments that once crashed, hung or were silently
// mixed up. Each case states its exact outcome: exit code, one message naming file and line,
// nothing of a refused article written, no markup reaching the output.
// All article cases share one help center and one run of `extract` and of `build` (run as an
// unprivileged user when the tests run as root, so an unreadable file really is unreadable).
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureOf } from '../../src/cli/failure.ts';
import { EXIT } from '../../src/cli/output.ts';
import { LIMITS } from '../../src/parse/limits.ts';
import { PROJECT, testIf, type Need } from '../helpers.ts';
import { run, sampleRoot } from '../support/cli.ts';

const BIN = join(PROJECT, 'bin/handbook.js');
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs `handbook ARGS` as CI would; as root, through setpriv as an unprivileged user. */
function runUnprivileged(args: string[]) {
  const command = IS_ROOT
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args]] as const
    : [process.execPath, [BIN, ...args]] as const;
  const result = spawnSync(command[0], command[1], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, CI: 'true', HOME: '/tmp' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const WORD = (k: number) => ['vault', 'password', 'item', 'login', 'member'][k % 5];

interface Refused {
  readonly file: string;
  readonly content: string | Uint8Array;
  readonly line: number;
  readonly message: RegExp;
}

/** Articles refused, each with its one message. */
const REFUSED: readonly Refused[] = [
  { file: 'huge.md', content: `# Huge\n\n${'Lorem ipsum dolor sit amet.\n'.repeat(750_000)}`, line: 1, message: /the article is 20,507\.8 KB, more than the limit of 256 KB: split it into several articles/ },
  { file: 'long-line-5mb.md', content: `# Long\n\n${'word '.repeat(1_000_000)}\n`, line: 1, message: /more than the limit of 256 KB/ },
  { file: 'long-line.md', content: `# Long\n\nShort first.\n${'word '.repeat(4_000)}\n`, line: 4, message: /line 4 has 20,000 characters, more than the limit of 10,000: break it into shorter lines/ },
  { file: 'nested-list.md', content: `# Deep\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- ${WORD(i)}`).join('\n')}\n`, line: 1, message: /more than the limit of 256 KB/ },
  { file: 'nested-list-compact.md', content: `# Deep\n\n${'- '.repeat(2000)}item\n`, line: 3, message: /nested 2,?000 levels deep here, more than the limit of 32: flatten the structure/ },
  { file: 'nested-list-indented.md', content: `# Deep\n\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- ${WORD(i)}`).join('\n')}\n`, line: 35, message: /nested 33 levels deep here, more than the limit of 32/ },
  { file: 'nested-quotes.md', content: `# Deep\n\n${'> '.repeat(2000)}quote\n`, line: 3, message: /nested 2,?000 levels deep here/ },
  { file: 'nested-quotes-lines.md', content: `# Deep\n\n${Array.from({ length: 40 }, (_, i) => `${'>'.repeat(i + 1)} ${WORD(i)}`).join('\n')}\n`, line: 35, message: /nested 33 levels deep here/ },
  { file: 'nested-liquid.md', content: `# Deep\n\n${'{% callout info %}\n'.repeat(2000)}Text\n${'{% endcallout %}\n'.repeat(2000)}`, line: 35, message: /Liquid blocks are nested 33 deep here, more than the limit of 32: close some/ },
  { file: 'nested-html.md', content: `# Deep\n\n${'<div>\n'.repeat(3000)}Text\n${'</div>\n'.repeat(3000)}`, line: 35, message: /HTML elements are nested 33 deep here, more than the limit of 32: close some before opening more/ },
  { file: 'quotes-many.md', content: `# Many\n\n${Array.from({ length: 20_000 }, (_, i) => `> ${WORD(i)}`).join('\n\n')}\n`, line: 2003, message: /more than 1,000 lines open a block quote or list item: split the article/ },
  { file: 'not-utf8.md', content: Uint8Array.from([...new TextEncoder().encode('# Title\n\nCaf'), 0xe9, 0x0a]), line: 3, message: /byte \d+ is not valid UTF-8: save the file as UTF-8/ },
  { file: 'nul.md', content: '# Title\n\nText\u0000more\n', line: 3, message: /holds a NUL character \(U\+0000\)/ },
  { file: 'bad-yaml.md', content: '---\ntitle: [unclosed\n---\nText\n', line: 2, message: /front matter is not valid YAML/ },
  { file: 'unclosed-liquid.md', content: '# T\n\n{% callout info %}\nText\n', line: 3, message: /\{% callout %\} is never closed/ },
  { file: 'b/about-send.md', content: '# About Send, the second\n\nSecond text.\n', line: 1, message: /another article has the same name, hostile\/a\/about-send\.md: .*rename one of them/ },
  { file: 'unreadable.md', content: '# Secret\n\nUnreadable text.\n', line: 1, message: /cannot read the file: permission denied \(EACCES\): give the user running handbook read access/ },
];

/** Articles accepted, read as a person reads them. */
const ACCEPTED: Readonly<Record<string, string | Uint8Array>> = {
  'a/about-send.md': '# About Send\n\nFirst text.\n',
  'crlf-hidden.md': '---\r\ntitle: Hidden CRLF\r\nhidden: true\r\n---\r\nHidden crlf body text.\r\n',
  'crlf-categories.md': '---\r\ntitle: Categorised CRLF\r\ncategories: [send]\r\n---\r\nCategorised crlf body text.\r\n',
  'bom.md': Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\ntitle: With BOM\n---\nBom body text.\n')]),
  'private-use.md': '# Icons \uE000\uE001\uE100\n\nPrivate \uE000 use \uE001\uE100\uE101 text {{ site.baseurl }} here.\n',
  'bad-escape.md': '# Escapes\n\nSee [this part](#%E0%A4%A) of the page.\n',
  'markup.md': '# Markup\n\nText <script>alert(1)</script> and <img src="x.png" onerror="alert(2)" alt="pic"> and <a href="javascript:alert(3)">link</a>.\n',
  'quotes-some.md': `# Some\n\n${Array.from({ length: 200 }, (_, i) => `> ${WORD(i)}`).join('\n\n')}\n`,
  'folder.md/inside.md': '# Inside a folder named .md\n\nFolder text.\n',
};

interface Runs {
  readonly root: string;
  readonly extract: ReturnType<typeof run>;
  readonly build: ReturnType<typeof run>;
}

let runs: Promise<Runs> | undefined;

/** One help center with every case, extracted and built once. */
function hostileRuns(): Promise<Runs> {
  runs ??= Promise.resolve().then(() => {
    const root = sampleRoot();
    const folder = join(root, 'articles/_articles/hostile');
    for (const [file, content] of [...REFUSED.map((c) => [c.file, c.content] as const), ...Object.entries(ACCEPTED)]) {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), content);
    }
    chmodSync(join(folder, 'unreadable.md'), 0o000);
    if (IS_ROOT) chmodSync(root, 0o777);
    if (IS_ROOT) for (const dir of ['articles', 'articles/_articles', 'articles/_categories']) chmodSync(join(root, dir), 0o777);
    const extract = runUnprivileged(['extract', '--root', root, '--lang', 'de']);
    const build = runUnprivileged(['build', '--root', root, '--lang', 'de', '--format', 'md,html']);
    return { root, extract, build };
  });
  return runs;
}

const ERROR_LINE = /^error: \S*articles\/_articles\/hostile\/([^:]+):(\d+): (.*)$/;

/** The problems a command reported, by file: line and message. */
function reported(stderr: string): Map<string, { line: number; message: string }[]> {
  const byFile = new Map<string, { line: number; message: string }[]>();
  for (const line of stderr.split('\n')) {
    const match = ERROR_LINE.exec(line);
    if (!match) continue;
    byFile.set(match[1]!, [...(byFile.get(match[1]!) ?? []), { line: Number(match[2]), message: match[3]! }]);
  }
  return byFile;
}

const CAN_DROP_PRIVILEGES: Need = { met: !IS_ROOT || spawnSync('setpriv', ['--version']).status === 0, reason: 'setpriv is missing (apt-get install -y util-linux): an unreadable file cannot be made as root' };

for (const command of ['extract', 'build'] as const) {
  testIf(CAN_DROP_PRIVILEGES)(`${command}: exit 1, one line per refused article naming file, line and what to do; no stack trace`, async (t) => {
    const result = (await hostileRuns())[command];
    t.is(result.code, EXIT.refused, result.stderr);
    const byFile = reported(result.stderr);
    for (const refused of REFUSED) {
      const problems = byFile.get(refused.file) ?? [];
      t.is(problems.length, 1, `${refused.file}: one message`);
      t.is(problems[0]?.line, refused.line, `${refused.file}: line`);
      t.regex(problems[0]?.message ?? '', refused.message, refused.file);
    }
    const unexpected = [...byFile.keys()].filter((file) => !REFUSED.some((c) => c.file === file));
    t.deepEqual(unexpected, [], 'accepted articles are not reported');
    t.notRegex(result.stderr, /\n\s+at |TypeError|RangeError|URIError/, 'no stack trace');
  });
}

testIf(CAN_DROP_PRIVILEGES)('extract: nothing of a refused article is written; accepted ones are extracted as a reader reads them', async (t) => {
  const { root } = await hostileRuns();
  const xliff = readdirSync(join(root, 'output/xliff/de')).map((f) => readFileSync(join(root, 'output/xliff/de', f), 'utf8')).join('\n');
  for (const refused of REFUSED) t.false(xliff.includes(`original="hostile/${refused.file}"`), refused.file);
  for (const file of Object.keys(ACCEPTED)) t.true(xliff.includes(`original="hostile/${file}"`), file);
  t.false(xliff.includes('Second text'), 'the second same-named article is not sent');
  t.false(xliff.includes('Unreadable text'));
  t.regex(xliff, /Private \uE000 use \uE001\uE100\uE101 text <x id="1"[^>]*\/> here\./, 'private-use characters are text, the Liquid beside them a code');
  t.regex(xliff, /<source>With BOM<\/source>/, 'the title after a BOM is read');
  t.regex(xliff, /<source>Hidden CRLF<\/source>/);
});

testIf(CAN_DROP_PRIVILEGES)('build: CRLF front matter means what LF means; bad escapes, markup and 200 quotes do no harm', async (t) => {
  const { root, build } = await hostileRuns();
  const out = join(root, 'output/de');
  const pages = readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(out, f), 'utf8'));
  const all = pages.join('\n');
  t.false(all.includes('Hidden crlf body text'), 'hidden: true before a CRLF fence is hidden');
  t.true(existsSync(join(out, 'send.html')), 'categories: [send] before a CRLF fence is read');
  t.true(readFileSync(join(out, 'send.html'), 'utf8').includes('Categorised crlf body text'));
  t.true(all.includes('Private \uE000 use \uE001\uE100\uE101 text'));
  t.notRegex(all, /<script|onerror|javascript:/i, 'no script, event handler or javascript: link reaches the page');
  t.regex(build.stderr, /warning: \S*articles\/_articles\/hostile\/bad-escape\.md:3: link to #%E0%A4%(25)?A: no such heading/);
  t.is(all.match(/<blockquote>/g)?.length ?? 0, 200, 'each of 200 quotes is a blockquote');
  for (const refused of REFUSED) t.false(existsSync(join(out, 'markdown/hostile', refused.file)), refused.file);
  t.true(existsSync(join(out, 'markdown/hostile/folder.md/inside.md')), 'a folder named x.md is a folder');
});

test('the limits are stated as the README states them', (t) => {
  const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
  t.true(readme.includes(`${LIMITS.articleBytes / 1024} KB`), 'article size');
  t.true(readme.includes(`${LIMITS.lineLength.toLocaleString('en-US')} characters`), 'line length');
  t.true(readme.includes(`${LIMITS.nesting} levels`), 'nesting');
  t.true(readme.includes(`${REFUSED.length + Object.keys(ACCEPTED).length} articles`), 'the catalogue size');
});

// ---------------------------------------------------------------------------------------------
// The configuration and the environment: each its own run.

test('handbook.config.json with "__proto__" or "constructor": exit 2 naming the key, nothing written', (t) => {
  const root = sampleRoot();
  for (const key of ['__proto__', 'constructor']) {
    writeFileSync(join(root, 'handbook.config.json'), `{"articles": "articles/_articles", "${key}": {"x": 1}}`);
    const { code, stderr } = run(['extract', '--root', root, '--lang', 'de']);
    t.is(code, EXIT.usage, stderr);
    t.regex(stderr, new RegExp(`^error: .*handbook\\.config\\.json: unknown key "${key}" \\(known: sourceLanguage`));
    t.is(stderr.trim().split('\n').length, 1);
  }
  t.false(existsSync(join(root, 'output')));
});

test('a corrupt locales/<lang>/handbook.json: exit 1 naming the file and what to do', (t) => {
  const root = sampleRoot();
  mkdirSync(join(root, 'locales/de'), { recursive: true });
  writeFileSync(join(root, 'locales/de/handbook.json'), '{"contents": "Inhalt",');
  const { code, stderr } = run(['build', '--root', root, '--lang', 'de', '--format', 'html']);
  t.is(code, EXIT.refused, stderr);
  t.regex(stderr, /^error: .*locales\/de\/handbook\.json: not valid JSON .*: fix it or restore it from git\n$/);
});

test('build --out inside the articles folder is refused (exit 2): the next extract would read the copies', (t) => {
  const root = sampleRoot();
  const { code, stderr } = run(['build', '--root', root, '--lang', 'de', '--out', join(root, 'articles/_articles/out')]);
  t.is(code, EXIT.usage);
  t.regex(stderr, /^error: --out \S+ is inside the articles folder \S+: the next extract would read the published copies as new articles; choose a folder outside it\n$/);
  t.false(existsSync(join(root, 'articles/_articles/out')));
});

/** A small file system mounted for one test (needs root and mount). */
function mounted(options: string): string | undefined {
  if (!IS_ROOT) return undefined;
  const dir = join(sampleRoot(), 'mnt');
  mkdirSync(dir);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0 ? dir : undefined;
}
const CAN_MOUNT: Need = (() => {
  const probe = mounted('size=64k');
  if (probe) spawnSync('umount', [probe]);
  return { met: probe !== undefined, reason: 'mounting a tmpfs needs root (a read-only or full disk cannot be made otherwise)' };
})();

testIf(CAN_MOUNT)('a read-only output folder (EROFS) or a full disk (ENOSPC): exit 1, one line naming the path and what to do', (t) => {
  for (const [options, pattern] of [
    ['ro,size=64k', /^error: cannot write .*mnt\S*: the file system is read-only: make it writable, or choose another folder \(--root, --out\) \(EROFS\)\n$/],
    ['size=16k', /^error: cannot write .*mnt\S*: no space left on the disk: free some space and run the command again \(ENOSPC\)\n$/],
  ] as const) {
    const out = mounted(options)!;
    try {
      const { code, stderr } = run(['build', '--root', join(out, '..'), '--lang', 'de', '--format', 'md,html', '--out', out]);
      t.is(code, EXIT.refused, stderr);
      t.regex(stderr, pattern);
    } finally {
      spawnSync('umount', [out]);
    }
  }
});

testIf(CAN_MOUNT)('a read-only locales/ folder: extract stops with one line naming it, exit 1', (t) => {
  const root = sampleRoot();
  const locales = join(root, 'locales');
  mkdirSync(locales);
  t.is(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', locales]).status, 0);
  try {
    const { code, stderr } = run(['extract', '--root', root, '--lang', 'de']);
    t.is(code, EXIT.refused, stderr);
    t.regex(stderr, /^error: cannot (write|open) .*locales\S*: the file system is read-only/);
    t.is(stderr.trim().split('\n').length, 1);
  } finally {
    spawnSync('umount', [locales]);
  }
});

test('an internal error is exit 3 with one line asking for a bug report; the stack only with --debug', (t) => {
  const bug = new TypeError('x is not a function');
  const plain = failureOf(bug, false);
  t.is(plain.code, EXIT.internal);
  t.is(plain.message, 'internal error (TypeError: x is not a function): this is a bug in handbook, not in your files; please report it with the command you ran (--debug shows where it happened)');
  const debug = failureOf(bug, true);
  t.true(debug.message!.includes(bug.stack!), 'the stack with --debug');
  t.is(failureOf(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open', path: '/x/y.md' }), false).message, 'error: cannot open /x/y.md: permission denied: give the user running handbook access to it, or choose another folder (--root, --out) (EACCES)');
});
