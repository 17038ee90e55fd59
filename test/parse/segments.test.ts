// SegmentBuilder.text takes runs of characters that read as themselves in one slice: it must give
// the segments that reading one character at a time gives (a `special` matching every character),
// in every mode, on the corpus and on generated texts full of what the modes read differently.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIQUID_RULES } from '../../src/config/liquid-rules.ts';
import { bodyStartOf } from '../../src/parse/front-matter.ts';
import { listMarkdown } from '../../src/parse/help-center.ts';
import { maskLiquid } from '../../src/parse/liquid.ts';
import { ArticleError, LineIndex } from '../../src/parse/problem.ts';
import { SegmentBuilder, type TextMode } from '../../src/parse/segments.ts';
import { CORPUS, SHARED_NEED, testIf } from '../helpers.ts';

const MODES: readonly TextMode[] = ['markdown', 'html', 'plain'];
const EVERY_CHARACTER = /[\s\S]/g;

let last: { source: string; liquid: ReturnType<typeof maskLiquid> } | undefined;
/** The text with its Liquid masked, as an article's body is read (the last one kept: lines of one article in a row). */
function viewOf(text: string) {
  if (last?.source !== text) last = { source: text, liquid: maskLiquid(text, bodyStartOf(text), DEFAULT_LIQUID_RULES, 'a.md', new LineIndex(text)) };
  return last;
}

function maskable(text: string): boolean {
  try {
    viewOf(text);
    return true;
  } catch (error) {
    if (error instanceof ArticleError) return false;
    throw error;
  }
}

/** The segments of `text` from `start` to `end` read in `mode`, with the given gate (or the builder's own). */
function read(text: string, start: number, end: number, mode: TextMode, special?: RegExp) {
  const builder = new SegmentBuilder(viewOf(text));
  builder.text(start, end, mode, special);
  return builder.finish({ start, end });
}

function sameAsOneByOne(t: ExecutionContext, text: string, start: number, end: number, name: string): boolean {
  for (const mode of MODES) {
    const fast = read(text, start, end, mode);
    const slow = read(text, start, end, mode, EVERY_CHARACTER);
    if (JSON.stringify(fast) !== JSON.stringify(slow)) {
      t.fail(`${name} (${mode}, ${start}-${end}): ${JSON.stringify(fast).slice(0, 400)} is not ${JSON.stringify(slow).slice(0, 400)}`);
      return false;
    }
  }
  return true;
}

/** Pieces that each mode reads as something else than itself, and plain words between them. */
const PIECES = [
  'a', 'word', ' ', '  ', '\t', '\n', '\r\n', '\\', '\\*', '\\a', '&amp;', '&#64;', '&#x1F600;', '&bogus;', '&', '{', '{:target="_blank"}', '{#id}', '{: .x}',
  '{{ site.baseurl }}', '{% icon fa-cogs %}', '\uE000', '\uE001', '\u0001', '\u007F', '\uFFFE', 'é', '日本', '**', '[', ']', '<b>', '</b>', '}',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

test('text reads generated texts as reading one character at a time does, in every mode and range', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        // Unclosed Liquid is refused before any text is read.
        fc.pre(maskable(text));
        const start = text.length ? a % (text.length + 1) : 0;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        if (!sameAsOneByOne(t, text, start, end, JSON.stringify(text))) throw new Error(`different segments for ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    ),
  );
});

testIf(SHARED_NEED)('text reads every corpus article body as reading one character at a time does, in every mode', (t) => {
  const dir = join(CORPUS, '_articles');
  const paths = listMarkdown(dir);
  t.is(paths.length, 138);
  let compared = 0;
  for (const path of paths) {
    const text = readFileSync(join(dir, path), 'utf8');
    // Each line on its own (as units are read) and the whole body at once.
    const start = bodyStartOf(text);
    if (!sameAsOneByOne(t, text, start, text.length, path)) return;
    for (let at = start; at < text.length; ) {
      const end = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
      if (!sameAsOneByOne(t, text, at, end, `${path}:${at}`)) return;
      at = end;
    }
    compared++;
  }
  t.is(compared, paths.length, 'every article compared whole and line by line');
});
