// Gram profiles: each text's distinct grams of each size with how often they occur, also when the
// gram numbers already hold other texts' grams (numbers above the new texts' total length).
import test from 'ava';
import { GramNumbers, gramsAt, profilesOf, TextGrams, type GramSize } from '../../src/store/grams.ts';

/** A text's grams of `size` counted one by one: gram number → occurrences. */
function counted(grams: GramNumbers, text: string, size: GramSize): Map<number, number> {
  const read = new TextGrams();
  grams.read(text, false, read);
  const { numbers, length } = gramsAt(read, size);
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) counts.set(numbers[i]!, (counts.get(numbers[i]!) ?? 0) + 1);
  return counts;
}

test('profiles of texts numbered after others: every gram counted once per text', (t) => {
  const grams = new GramNumbers();
  grams.read('Earlier texts number their own grams first: ÄÖÜ, 0123456789.', true, new TextGrams());
  const texts = ['zzz qq', 'xyz', 'qqqq zzz'];
  const profiles = profilesOf(texts, grams);
  for (const size of [1, 2, 3] as const) {
    const { start, numbers, counts } = profiles[size];
    texts.forEach((text, i) => {
      const profile = new Map<number, number>();
      for (let k = start[i]!; k < start[i + 1]!; k++) profile.set(numbers[k]!, counts[k]!);
      t.deepEqual(profile, counted(grams, text, size), `${size}-grams of "${text}"`);
    });
  }
});
