// The q-grams (runs of q UTF-16 code units) of a set of texts, each numbered once, and each text's
// grams as those numbers: what the near-match index counts with. A gram the set's texts do not hold
// has no number (−1): a text cannot share it with any of them.
//
// A gram is its code units packed into one number (q ≤ 3: at most 48 bits, exact in a double); the
// numbers are found through an open-addressing hash table, small enough to stay in the CPU's cache
// (the 578 translations of the corpus hold 3,862 distinct 3-grams).

const EMPTY = -1;

export class GramNumbers {
  /** Packed gram per slot, or EMPTY. */
  private keys = new Float64Array(64).fill(EMPTY);
  /** The gram's number per slot. */
  private numbers = new Int32Array(64);
  /** 32 − log2(slots): a hash's top bits pick the slot. */
  private shift = 26;
  /** How many grams are numbered. */
  size = 0;

  constructor(readonly q: 1 | 2 | 3) {}

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    // Multiplicative hashing of the low 32 bits mixed with the high 16 (a 3-gram's first code unit).
    let slot = Math.imul((key | 0) ^ Math.imul((key / 0x100000000) | 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    while (this.keys[slot] !== key && this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  /** The gram's number; one not numbered yet gets the next number with `add`, else it is −1. */
  private numberOf(key: number, add: boolean): number {
    const slot = this.slotOf(key);
    if (this.keys[slot] === key) return this.numbers[slot]!;
    if (!add) return -1;
    this.keys[slot] = key;
    this.numbers[slot] = this.size++;
    if (this.size * 2 > this.keys.length) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { keys, numbers } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.numbers = new Int32Array(keys.length * 2);
    this.shift--;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === EMPTY) continue;
      const slot = this.slotOf(keys[old]!);
      this.keys[slot] = keys[old]!;
      this.numbers[slot] = numbers[old]!;
    }
  }

  /**
   * The number of the gram starting at each position of `text` (text.length − q + 1 of them), written
   * into `into` (grown when too short), which is returned. With `add`, grams not yet numbered get a
   * number; without, they are −1.
   */
  numbersOf(text: string, add: boolean, into: Int32Array = new Int32Array(0)): Int32Array {
    const count = Math.max(0, text.length - this.q + 1);
    const out = into.length >= count ? into : new Int32Array(Math.max(count, into.length * 2));
    const q = this.q;
    for (let i = 0; i < count; i++) {
      let key = text.charCodeAt(i);
      for (let j = 1; j < q; j++) key = key * 0x10000 + text.charCodeAt(i + j);
      out[i] = this.numberOf(key, add);
    }
    return out;
  }
}

/**
 * Every text's distinct grams with how often each occurs, one text after the other in two flat arrays
 * (text t's grams are at start[t] … start[t + 1] − 1): read together, so comparing a text walks memory
 * that sits side by side.
 */
export interface GramProfiles {
  readonly start: Int32Array;
  readonly numbers: Int32Array;
  readonly counts: Int32Array;
}

/** The profiles of `texts`, their grams numbered in `grams` (new grams get a number). */
export function profilesOf(texts: readonly string[], grams: GramNumbers): GramProfiles {
  const start = new Int32Array(texts.length + 1);
  const numbers: number[] = [];
  const counts: number[] = [];
  let positions: Int32Array = new Int32Array(0);
  const seenAt = new Map<number, number>();
  texts.forEach((text, t) => {
    positions = grams.numbersOf(text, true, positions);
    seenAt.clear();
    for (let i = 0; i + grams.q <= text.length; i++) {
      const number = positions[i]!;
      const at = seenAt.get(number);
      if (at === undefined) seenAt.set(number, numbers.length), numbers.push(number), counts.push(1);
      else counts[at]!++;
    }
    start[t + 1] = numbers.length;
  });
  return { start, numbers: Int32Array.from(numbers), counts: Int32Array.from(counts) };
}
