// The front matter fast path must read every block it takes exactly as the yaml package does (data,
// value positions and styles), and leave to it every block it cannot be sure of.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdown } from '../../src/parse/help-center.ts';
import { FENCED, readYaml } from '../../src/parse/front-matter.ts';
import { ArticleError } from '../../src/parse/problem.ts';
import { readSimpleYaml, type YamlRead } from '../../src/parse/simple-yaml.ts';
import { CORPUS, PROJECT, SHARED_NEED, testIf } from '../helpers.ts';

const comparable = (read: YamlRead) => ({ data: read.data, strings: [...read.strings] });

/** The yaml package's reading, or undefined when it refuses the block. */
function slow(raw: string): YamlRead | undefined {
  try {
    return readYaml(raw, 'a.md');
  } catch (error) {
    if (error instanceof ArticleError) return undefined;
    throw error;
  }
}

/** True when the fast path took the block; fails the test when it reads it otherwise than the yaml package. */
function agrees(t: ExecutionContext, raw: string, name: string): boolean {
  const fast = readSimpleYaml(raw);
  if (!fast) return false;
  const expected = slow(raw);
  if (!expected) {
    t.fail(`${name}: the fast path read ${JSON.stringify(raw)}, which the yaml package refuses`);
    return true;
  }
  // Same data with the same key order (JSON keeps it), same scalar places and styles.
  if (JSON.stringify(comparable(fast)) !== JSON.stringify(comparable(expected))) t.fail(`${name}: ${JSON.stringify(comparable(fast))} is not ${JSON.stringify(comparable(expected))} for ${JSON.stringify(raw)}`);
  return true;
}

function frontMattersIn(dir: string): { path: string; raw: string }[] {
  return listMarkdown(dir).flatMap((path) => {
    const raw = FENCED.exec(readFileSync(join(dir, path), 'utf8'))?.[1];
    return raw === undefined ? [] : [{ path, raw }];
  });
}

testIf(SHARED_NEED)('the fast path reads the corpus front matter as the yaml package does, and takes most articles', (t) => {
  const articles = frontMattersIn(join(CORPUS, '_articles'));
  const categories = frontMattersIn(join(CORPUS, '_categories'));
  t.is(articles.length, 138);
  const taken = articles.filter(({ path, raw }) => agrees(t, raw, path)).length;
  for (const { path, raw } of categories) agrees(t, raw, path);
  // Every article and category file when this was written.
  t.true(taken >= 130, `${taken} of ${articles.length} articles taken`);
});

test('the fast path reads the sample articles\' front matter as the yaml package does, and takes some', (t) => {
  const blocks = frontMattersIn(join(PROJECT, 'articles'));
  const taken = blocks.filter(({ path, raw }) => agrees(t, raw, path)).length;
  t.true(taken > 0, `the fast path took none of ${blocks.length} blocks: nothing was compared`);
});

/** Keys, separators and values near every edge of the fast path. */
const KEYS = ['title', 'description', 'order', 'tags', 'categories', 'hidden', 'a', 'b-c', 'd_e', 'constructor', '__proto__', 'Title', '1a', 'x y', `k${'e'.repeat(99)}`, `k${'e'.repeat(100)}`, `k${'e'.repeat(1100)}`, 'yes', 'y', 'on', 'No', 'OFF', 'true', 'False', 'null', 'Null', 'NULL'];
const SEPARATORS = [': ', ':  ', ':', ' : ', ':\t'];
const VALUES = [
  'Install', 'Sync your Vault', 'Compliance, Audits, and more', '2fa', '1password', '1e5', '2fa e5', '0o7', 'b1', 'true ', 'x  ', '[2fa, 1password]', '[1e5]', '[0x1F]', "Don't panic", 'Cards & Identities &amp; more', 'a "b" c', 'Hello!', 'x % y', 'é', 'Ünïcödé title', 'a  b',
  'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'false', 'True', 'null', 'Null', '~', '', ' ', 'x ', ' x',
  '04', '4', '10', '0', '00', '08', '09', '010', '019', '0777', '123456789', '012345678', '0123456789', '1234567890', '1_000', '0x1F', '0b1', '1.5', '.inf', '.nan', '-1', '+1', '1:30', '2024-01-02',
  '"04"', '"yes"', '"a \\" b"', '"tab\\tx"', '"é"', '""', '"a # b"', "'x'", "'it''s'", "''", "'a: b'", '"unclosed', "'unclosed",
  '[a, b]', '[]', '[ ]', '[ a ,b ]', '[a,]', '[,a]', '[yes, no]', '[api key, cli]', '[a, [b]]', '[1, 2]', '[a: b]', '[a #b]', '[a',
  '{a: 1}', '{}', '- x', '|', '>', '&a x', '*a', '!x y', '%x', '@x', '`x`', '? x', 'a: b', 'a:b', 'a #c', 'a#b', 'Tip:', 'a, b', 'a [b]', 'a\tb',
  'x\u2028y', 'x\u0085y', '\uFEFFx',
  // White space String.trim strips but YAML keeps.
  '[\u00A0a]', '[a\u3000]', '[\u2003]', '[\uFEFFa, b]', '[a, \u00A0]', '[\u00A0]', '[\ta ]', '\u00A0x', 'x\u3000',
];
const lineArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...VALUES)).map(([k, s, v]) => `${k}${s}${v}`) },
  { weight: 16, arbitrary: fc.tuple(fc.constantFrom(...KEYS.slice(0, 10)), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('# comment', '---', '...', '', ' ', 'key') },
  // Block lists: a key alone, then items at one indent or not, and things that are no plain item.
  { weight: 4, arbitrary: fc.constantFrom('redirect_from:', 'tags:', 'a:', '  - /features', '  - /article/x/', '  - item two', '   - a', '- a', '  -  b', '  - b  ', '  - yes', '  - a: b', '  - #x', '    - nested', '  - 04', '  -', '  - [a]', '  - "q"', '\t- a', '  x') },
);
const blockArb = fc.tuple(fc.array(lineArb, { maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([lines, end]) => lines.map((l) => `${l}${end}`).join(''));

test('the fast path reads generated blocks as the yaml package does, or leaves them to it', (t) => {
  let taken = 0;
  t.notThrows(() =>
    fc.assert(
      fc.property(blockArb, (raw) => {
        if (agrees(t, raw, 'generated')) taken++;
      }),
      { numRuns: 5000 },
    ),
  );
  t.true(taken > 50, `only ${taken} generated blocks took the fast path`);
});

test('the fast path reads blocks at its edges as the yaml package does, or leaves them to it', (t) => {
  const blocks = [
    `k${'e'.repeat(1100)}: x\n`, `k${'e'.repeat(99)}: x\n`, 'title: yes\n', 'order: 08\n', 'order: 010\n', 'tags: [2fa, 1password]\n', 'tags: [1e5]\n',
    'redirect_from:\n  - /a/\n  - /b/\ntitle: T\n', 'a:\n', 'a:\nb: c\n', 'title: "x" # c\n', 'title: x  \n', 'title: Compliance, Audits\n',
  ];
  const taken = blocks.filter((raw) => agrees(t, raw, JSON.stringify(raw)));
  // Left to yaml: the key over 100 characters, `yes`, `1e5` in a flow list, a comment.
  t.is(taken.length, blocks.length - 4, `the fast path took ${taken.length} of ${blocks.length} blocks`);
});

test('the fast path reads list items holding long runs of spaces as the yaml package does (a lazy item pattern took seconds here)', (t) => {
  // 25 items of 10,000 characters: about 3 s of CPU with the old quadratic pattern, a millisecond now.
  const raw = `a:\n${`  - a${' '.repeat(9990)}b\n`.repeat(25)}`;
  t.true(agrees(t, raw, 'long items'), 'the fast path takes it');
  t.is((readSimpleYaml(raw)!.data.a as string[])[0], `a${' '.repeat(9990)}b`);
  for (const raw2 of [`a:\n  - a${' '.repeat(500)}\n`, `a:\n  - a${' '.repeat(500)}#\n`, 'a:\n  - a \n  - b c  \n', 'a:\n  - /\n']) agrees(t, raw2, JSON.stringify(raw2.slice(0, 40)));
});
