// The grams (characters, 2-grams, 3-grams of UTF-16 code units) of a set of texts, each numbered
// once, and any text's grams as those numbers: what the near-match index counts with. A gram none of
// the set's texts holds has no number (−1): a text cannot share it with any of them.
//
// A character is numbered through a table of all 2^16 code units; a 2-gram is the pair (number of its
// first character, number of its second), a 3-gram the pair (number of its first 2-gram, number of
// its last character), each numbered through a small open-addressing hash table of such pairs. So
// one pass over a text numbers all three kinds with one table look-up each, on tables the size of the
// set's vocabulary (the 578 translations of the corpus: 85 characters, 966 2-grams, 3,862 3-grams),
// which stay in the CPU's cache.

const NONE = -1;

/** Pairs of numbers (each ≥ 0), numbered 0, 1, 2… as they are added. */
class PairNumbers {
  private firsts = new Int32Array(64).fill(NONE);
  private seconds = new Int32Array(64);
  private numbers = new Int32Array(64);
  /** 32 − log2(slots): a hash's top bits pick the slot. */
  private shift = 26;
  size = 0;

  /** The slot holding the pair, or the empty slot where it would go. */
  private slotOf(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let slot = Math.imul(Math.imul(first, 0x85ebca6b) ^ second, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = this.firsts[slot]!;
      if (found === NONE || (found === first && this.seconds[slot] === second)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The pair's number; when it has none, the next number with `add`, else −1. (One method for both,
   * so V8 has seen the one call site in `GramNumbers.read` while numbering, before queries look up.)
   */
  numberOf(first: number, second: number, add: boolean): number {
    const slot = this.slotOf(first, second);
    if (this.firsts[slot] !== NONE) return this.numbers[slot]!;
    if (!add) return NONE;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.numbers[slot] = this.size++;
    if (this.size * 2 > this.firsts.length) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { firsts, seconds, numbers } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(NONE);
    this.seconds = new Int32Array(firsts.length * 2);
    this.numbers = new Int32Array(firsts.length * 2);
    this.shift--;
    for (let old = 0; old < firsts.length; old++) {
      if (firsts[old] === NONE) continue;
      const slot = this.slotOf(firsts[old]!, seconds[old]!);
      this.firsts[slot] = firsts[old]!;
      this.seconds[slot] = seconds[old]!;
      this.numbers[slot] = numbers[old]!;
    }
  }
}

/** The numbers of one text's grams, by position (reused from text to text, grown as needed). */
export class TextGrams {
  characters = new Int32Array(64);
  bigrams = new Int32Array(64);
  trigrams = new Int32Array(64);
  /** The text's length: it has length − 1 2-grams and length − 2 3-grams. */
  length = 0;

  /** Room for a text of `length` code units. */
  fit(length: number): void {
    this.length = length;
    if (this.characters.length >= length) return;
    const size = Math.max(length, this.characters.length * 2);
    this.characters = new Int32Array(size);
    this.bigrams = new Int32Array(size);
    this.trigrams = new Int32Array(size);
  }
}

export type GramSize = 1 | 2 | 3;

export class GramNumbers {
  private readonly characterNumbers = new Int32Array(0x10000).fill(NONE);
  private characterCount = 0;
  private readonly bigrams = new PairNumbers();
  private readonly trigrams = new PairNumbers();

  /** How many distinct grams of `size` are numbered. */
  count(size: GramSize): number {
    return size === 1 ? this.characterCount : size === 2 ? this.bigrams.size : this.trigrams.size;
  }

  /** Numbers the grams of a text into `into`; with `add`, grams not numbered yet get a number, else −1. */
  read(text: string, add: boolean, into: TextGrams): void {
    const n = text.length;
    into.fit(n);
    const { characters, bigrams, trigrams } = into;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      let character = this.characterNumbers[code]!;
      if (character === NONE && add) this.characterNumbers[code] = character = this.characterCount++;
      characters[i] = character;
      if (i === 0) continue;
      const before = characters[i - 1]!;
      const bigram = before === NONE || character === NONE ? NONE : this.bigrams.numberOf(before, character, add);
      bigrams[i - 1] = bigram;
      if (i === 1) continue;
      const first = bigrams[i - 2]!;
      trigrams[i - 2] = first === NONE || character === NONE ? NONE : this.trigrams.numberOf(first, character, add);
    }
  }
}

/** The grams of one size at each position of a read text, and how many there are. */
export function gramsAt(grams: Pick<TextGrams, 'characters' | 'bigrams' | 'trigrams' | 'length'>, size: GramSize): { numbers: Int32Array; length: number } {
  const numbers = size === 1 ? grams.characters : size === 2 ? grams.bigrams : grams.trigrams;
  return { numbers, length: Math.max(0, grams.length - size + 1) };
}

/**
 * Every text's distinct grams of one size with how often each occurs, one text after the other in
 * flat arrays (text t's are at start[t] … start[t + 1] − 1), so comparing a text walks memory that
 * sits side by side.
 */
export interface GramProfiles {
  readonly start: Int32Array;
  readonly numbers: Int32Array;
  readonly counts: Int32Array;
}

/**
 * Adds one text's grams (`at[0 … length)`) to a profile being built, from `end` on, and returns its
 * new end. `seenAt` (all zero before and after) marks where each gram of the text was put.
 */
function addToProfile(at: Int32Array, length: number, seenAt: Int32Array, numbers: Int32Array, counts: Int32Array, end: number): number {
  const first = end;
  for (let i = 0; i < length; i++) {
    const gram = at[i]!;
    const seen = seenAt[gram]!;
    if (seen) counts[seen - 1]!++;
    else (seenAt[gram] = ++end), (numbers[end - 1] = gram), (counts[end - 1] = 1);
  }
  for (let k = first; k < end; k++) seenAt[numbers[k]!] = 0;
  return end;
}

const SIZES = [1, 2, 3] as const;

/** Numbers every gram of `texts` in `grams`, and returns their profiles of each size, in one pass over the texts. */
export function profilesOf(texts: readonly string[], grams: GramNumbers): Record<GramSize, GramProfiles> {
  let total = 0;
  for (const text of texts) total += text.length;
  // A text of length n adds at most n new grams of each size, so every number is below the grams
  // numbered before (by other texts) plus `total`; a text has at most n distinct grams of a size.
  const seenAt = new Int32Array(Math.max(...SIZES.map((size) => grams.count(size))) + total);
  const profiles = SIZES.map(() => ({ start: new Int32Array(texts.length + 1), numbers: new Int32Array(total), counts: new Int32Array(total) }));
  const read = new TextGrams();
  for (let t = 0; t < texts.length; t++) {
    grams.read(texts[t]!, true, read);
    for (let s = 0; s < SIZES.length; s++) {
      const { numbers: at, length } = gramsAt(read, SIZES[s]!);
      const profile = profiles[s]!;
      profile.start[t + 1] = addToProfile(at, length, seenAt, profile.numbers, profile.counts, profile.start[t]!);
    }
  }
  const trimmed = profiles.map(({ start, numbers, counts }) => ({ start, numbers: numbers.slice(0, start[texts.length]), counts: counts.slice(0, start[texts.length]) }));
  return { 1: trimmed[0]!, 2: trimmed[1]!, 3: trimmed[2]! };
}
