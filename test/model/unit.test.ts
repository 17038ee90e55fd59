// Counting words without a cost per word gives exactly what the word segmenter finds.
import test from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWordsOf, wordsOf } from '../../src/model/unit.ts';
import { listMarkdown } from '../../src/parse/help-center.ts';
import { CORPUS, HAS_SHARED, NO_SHARED } from '../helpers.ts';

test('random text, ASCII and not: the count is the number of words', (t) => {
  const piece = fc.constantFrom('a', 'Z', 'q', '1', '.', ',', "'", '’', ':', '-', '_', ' ', '  ', '\t', '\n', '\r\n', '(', ')', '*', '<', 'é', '\u0301', '日本', '\u200d', '🙂', 'e.g.', "don't", '3.5', 'a_b', '"', '!', '?', ';', '/', '#', '@', '[', ']', '{', '|', '&', '\u0001', '\u007f', '\u000b', 'v2');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      t.is(countWordsOf(text), wordsOf(text).length, JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});

(HAS_SHARED ? test : test.skip)(`corpus: every line of every article counts as the segmenter counts it${HAS_SHARED ? '' : ` (${NO_SHARED})`}`, (t) => {
  let lines = 0;
  for (const path of listMarkdown(join(CORPUS, '_articles'))) {
    for (const line of readFileSync(join(CORPUS, '_articles', path), 'utf8').split('\n')) {
      lines++;
      if (countWordsOf(line) !== wordsOf(line).length) return t.fail(`${path}: ${JSON.stringify(line)}`);
    }
  }
  t.true(lines > 5000, `${lines} lines`);
});
