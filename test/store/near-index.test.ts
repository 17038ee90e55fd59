// The near-match index finds exactly what comparing every pair finds, in the same order.
import test from 'ava';
import fc from 'fast-check';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { TranslationMemory } from '../../src/store/memory.ts';
import { NearIndex } from '../../src/store/near-index.ts';
import { nearest } from '../../src/store/similarity.ts';
import { toTagged } from '../../src/store/tagged.ts';
import { HAS_SHARED, NO_SHARED } from '../helpers.ts';
import { translatedCorpus } from '../support/roundtrip.ts';

const key = (s: string) => s;

test('random texts and thresholds: the index answers as all pairs do', (t) => {
  // Few letters, so near matches are common; lengths around the q-gram size and beyond.
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '<1>', '</1>'), minLength: 0, maxLength: 24 });
  fc.assert(
    fc.property(fc.array(text, { maxLength: 40 }), fc.array(text, { minLength: 1, maxLength: 10 }), fc.integer({ min: 50, max: 100 }), (memory, queries, percent) => {
      const index = new NearIndex(memory, key, percent / 100);
      for (const query of queries) t.deepEqual(index.nearest(query, 3), nearest(query, memory, key, percent / 100, 3));
    }),
    { numRuns: 300 },
  );
});

test('random texts of any UTF-16 code units (grams numbered from any code unit): the index answers as all pairs do', (t) => {
  // Near copies of a few base texts, so matches exist; characters from the whole UTF-16 range.
  const base = fc.array(fc.string({ unit: 'binary', minLength: 0, maxLength: 30 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(base, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 60 }), fc.integer({ min: 50, max: 100 }), (bases, edits, percent) => {
      const texts = edits.map(([which, at, insert]) => {
        const text = bases[which % bases.length]!;
        const k = at % (text.length + 1);
        return text.slice(0, k) + insert + text.slice(k + 1);
      });
      const memory = texts.slice(0, texts.length >> 1);
      const index = new NearIndex(memory, key, percent / 100);
      for (const query of [...bases, ...texts.slice(texts.length >> 1)]) t.deepEqual(index.nearest(query, 3), nearest(query, memory, key, percent / 100, 3));
    }),
    { numRuns: 200 },
  );
});

(HAS_SHARED ? test : test.skip)(`corpus, one category translated: every unit's near matches equal the all-pairs ones${HAS_SHARED ? '' : ` (${NO_SHARED})`}`, (t) => {
  const { config } = translatedCorpus('organizations');
  const entries = new TranslationMemory(config.locales, 'de').entries().filter((e) => e.state !== 'outdated');
  t.true(entries.length > 500, `${entries.length} entries in the memory`);
  const sources = readHelpCenter(config).categories.flatMap((c) => c.articles.flatMap((a) => a.units.map((u) => toTagged(u.segments))));
  t.true(sources.length > 6000);
  let withMatches = 0;
  for (const threshold of [0.75, 0.5, 0.95]) {
    const index = new NearIndex(entries, (e) => e.source, threshold);
    // Every unit at the default threshold; every seventh at the others (all pairs is the slow part).
    const asked = threshold === 0.75 ? sources : sources.filter((_, k) => k % 7 === 0);
    for (const source of asked) {
      const expected = nearest(source, entries, (e) => e.source, threshold, 3);
      const found = index.nearest(source, 3);
      if (found.length !== expected.length || found.some((f, k) => f.candidate !== expected[k]!.candidate || f.score !== expected[k]!.score)) {
        return t.fail(`threshold ${threshold}, "${source}": ${JSON.stringify(found.map((f) => f.score))} ≠ ${JSON.stringify(expected.map((f) => f.score))}`);
      }
      if (threshold === 0.75 && expected.some((e) => e.score < 1)) withMatches++;
    }
  }
  t.true(withMatches > 100, `${withMatches} units have near (not exact) matches: the comparison is not vacuous`);
});
