// The banded edit distance with a cutoff agrees with the full one wherever it is at most k, and says
// "more than k" (a number above k) everywhere else.
import test from 'ava';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { distanceWithin } from '../../src/store/bounded-distance.ts';

function agrees(a: string, b: string, k: number): boolean {
  const full = distance(a, b);
  const bounded = distanceWithin(a, b, k);
  return full <= k ? bounded === full : bounded > k;
}

test('random texts over a few letters, of one block and of several (32 rows a block), any k', (t) => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 140 });
  t.notThrows(() => fc.assert(fc.property(text, text, fc.nat({ max: 150 }), (a, b, k) => agrees(a, b, k)), { numRuns: 3000 }));
});

test('near copies (a few edits of one text), any UTF-16 code units, k around the distance', (t) => {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.string({ unit: 'binary', maxLength: 3 }));
  const check = () =>
    fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.array(edit, { maxLength: 12 }), fc.integer({ min: -3, max: 3 }), (base, edits, shift) => {
      let copy = base;
      for (const [at, removed, inserted] of edits) {
        const k = at % (copy.length + 1);
        copy = copy.slice(0, k) + inserted + copy.slice(k + removed);
      }
      const full = distance(base, copy);
      for (const k of [0, Math.max(0, full + shift), full, full + 1, Math.max(0, full - 1)]) if (!agrees(base, copy, k) || !agrees(copy, base, k)) return false;
      return true;
    }),
    { numRuns: 2000 },
  );
  t.notThrows(check);
});

test('edges: empty texts, equal texts, lengths across block boundaries, k = 0', (t) => {
  const x = 'x'.repeat(31) + 'ab' + 'y'.repeat(31);
  const cases: [string, string][] = [
    ['', ''],
    ['', 'abc'],
    ['abc', 'abc'],
    [x, x],
    [x, x.replace('ab', 'ba')],
    [x.slice(0, 32), x.slice(0, 33)],
    [x.slice(0, 64), x.slice(1, 65)],
    ['a'.repeat(96), 'b'.repeat(96)],
  ];
  for (const [a, b] of cases) for (let k = 0; k <= Math.max(a.length, b.length) + 1; k++) t.true(agrees(a, b, k), `${JSON.stringify(a)} ${JSON.stringify(b)} k=${k}`);
});
