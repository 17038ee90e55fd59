// parseMarkdown leaves out the GFM constructs that cannot match in a text: it must give remark's
// tree (remark-parse + remark-gfm + remark-frontmatter) exactly, positions included, on every text.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_LIQUID_RULES } from '../../src/config/liquid-rules.ts';
import { listMarkdown } from '../../src/parse/help-center.ts';
import { bodyStartOf } from '../../src/parse/front-matter.ts';
import { maskLiquid } from '../../src/parse/liquid.ts';
import { parseMarkdown } from '../../src/parse/markdown-parser.ts';
import { LineIndex } from '../../src/parse/problem.ts';
import { CORPUS, PROJECT, SHARED_NEED, testIf } from '../helpers.ts';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Pieces that start, nearly start or end every GFM construct, and plain words around them. */
const PIECES = [
  'h', 'http', 'http:/', 'http://', 'https://', 'HTTPS://', 'w', 'ww.', 'www', 'www.', 'WWW.', '@', 'a', 'bc', 'example', '.com', '.', '-', '_', '+',
  '/', ':', ':-', '-:', '---', '|', '||', '~', '~~', '[', ']', '[^', '^', '![', '(', ')', '<', '>', '*', '**', '_', '`', '\\', '&#64;', '&commat;',
  '&#x77;', '&amp;', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '- ', '1. ', '> ', '[ ]', '[x]', '[X] ', '# ', 'é', ';', '=', '!', '"', "'", '?', ',',
];
/** A text of pieces from a random part of PIECES, so many texts lack the characters of some construct. */
const textArb = fc
  .subarray(PIECES, { minLength: 1 })
  .chain((alphabet) => fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }))
  .map((parts) => parts.join(''));

test('parseMarkdown gives remark-gfm\'s tree, positions included, on generated texts', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(textArb, (text) => {
        const expected = remark.parse(text);
        const actual = parseMarkdown(text);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`different trees for ${JSON.stringify(text)}`);
      }),
      { numRuns: 4000 },
    ),
  );
});

test('parseMarkdown gives remark-gfm\'s tree on texts each construct needs', (t) => {
  const texts = [
    'a\n:-', 'a | b\n--|--\n1 | 2', 'x ~~gone~~ y', 'see [^1]\n\n[^1]: note', '- [ ] todo\n- [x] done', 'mail a@b.example now', 'go to www.example.com.',
    'https://example.com/a_(b)', '[link](https://example.com) and http://x.example', '![^a]', 'a &#64;b.example', '&#x77;ww.example.com', '~~**a**~~',
  ];
  for (const text of texts) t.deepEqual(parseMarkdown(text), remark.parse(text), text);
});

/** An article as written and with its Liquid masked (what the parse reads): both trees as remark's. */
function sameAsRemark(t: ExecutionContext, text: string, name: string): void {
  const masked = maskLiquid(text, bodyStartOf(text), DEFAULT_LIQUID_RULES, name, new LineIndex(text)).masked;
  t.deepEqual(parseMarkdown(text), remark.parse(text), name);
  t.deepEqual(parseMarkdown(masked), remark.parse(masked), `${name}, masked`);
}

test('parseMarkdown gives remark-gfm\'s tree for every sample article, as written and with Liquid masked', (t) => {
  const dir = join(PROJECT, 'articles');
  const paths = listMarkdown(dir);
  t.true(paths.length > 0);
  for (const path of paths) sameAsRemark(t, readFileSync(join(dir, path), 'utf8'), path);
});

testIf(SHARED_NEED)('parseMarkdown gives remark-gfm\'s tree for every corpus article, as written and with Liquid masked', (t) => {
  const dir = join(CORPUS, '_articles');
  const paths = listMarkdown(dir);
  t.is(paths.length, 138);
  for (const path of paths) sameAsRemark(t, readFileSync(join(dir, path), 'utf8'), path);
});
