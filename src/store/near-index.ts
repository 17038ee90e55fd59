// Near matches through an index instead of all pairs: the same answers as `nearest`, with the edit
// distance computed only for candidates that can still reach the threshold.
//
// Two lossless filters, both consequences of score = 1 − d / L ≥ θ (L = the longer length, so the
// edit distance d ≤ (1 − θ)·L):
// - length: |a| − |b| ≤ d, so only texts with a length in [θ·n, n / θ] are looked at. Candidates are
//   numbered by length, so that band is a range of numbers, and every posting list below is sorted:
//   a query walks only the part of each list inside its band;
// - q-grams (Ukkonen): one edit destroys at most q of the q-grams of a text, so two texts within
//   distance d share at least L − q + 1 − q·d of their q-grams (counted with repeats); a candidate
//   sharing fewer is skipped. The counts come from an inverted index of q-grams.
import { similarity } from './similarity.ts';

const Q = 3;

/**
 * Each q-gram of a text with how often it occurs. A q-gram is three UTF-16 code units packed into one
 * number (48 bits), cheaper to hash than a string slice.
 */
function gramsOf(text: string): Map<number, number> {
  const grams = new Map<number, number>();
  for (let i = 0; i + Q <= text.length; i++) {
    const gram = text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** First position in the sorted `values` whose value is ≥ `value`. */
function firstAtLeast(values: ArrayLike<number>, value: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Posting {
  /** Ranks (positions in length order) of the candidates holding the q-gram, ascending. */
  readonly ranks: number[];
  /** How often the q-gram occurs in each. */
  readonly counts: number[];
}

export class NearIndex<T> {
  /** Candidate numbers in length order: rank → candidate. */
  private readonly byLength: Int32Array;
  /** Key lengths in rank order. */
  private readonly lengths: Int32Array;
  /** Keys in rank order. */
  private readonly keys: string[];
  private readonly postings = new Map<number, Posting>();
  /** q-grams shared with the current text, by rank. */
  private readonly shared: Int32Array;

  constructor(
    private readonly candidates: readonly T[],
    keyOf: (candidate: T) => string,
    private readonly threshold: number,
  ) {
    const keys = candidates.map(keyOf);
    this.byLength = Int32Array.from(keys.keys()).sort((a, b) => keys[a]!.length - keys[b]!.length || a - b);
    this.keys = Array.from(this.byLength, (id) => keys[id]!);
    this.lengths = Int32Array.from(this.keys, (key) => key.length);
    this.shared = new Int32Array(candidates.length);
    this.keys.forEach((key, rank) => {
      for (const [gram, count] of gramsOf(key)) {
        let posting = this.postings.get(gram);
        if (!posting) this.postings.set(gram, (posting = { ranks: [], counts: [] }));
        posting.ranks.push(rank);
        posting.counts.push(count);
      }
    });
  }

  /** The candidates at least `threshold` alike to `text`, best first, as `nearest` finds them. */
  nearest(text: string, limit: number): { candidate: T; score: number }[] {
    const theta = this.threshold;
    const n = text.length;
    // A little wider than the exact bounds; the exact test below decides.
    const from = firstAtLeast(this.lengths, Math.floor(n * theta) - 1);
    const to = firstAtLeast(this.lengths, Math.ceil(theta > 0 ? n / theta : Infinity) + 2);
    if (from >= to) return [];

    for (const [gram, count] of gramsOf(text)) {
      const posting = this.postings.get(gram);
      if (!posting) continue;
      const { ranks, counts } = posting;
      for (let k = firstAtLeast(ranks, from); k < ranks.length && ranks[k]! < to; k++) this.shared[ranks[k]!]! += Math.min(count, counts[k]!);
    }

    const passing: number[] = [];
    for (let rank = from; rank < to; rank++) {
      const length = this.lengths[rank]!;
      const longest = Math.max(length, n);
      const shared = this.shared[rank]!;
      this.shared[rank] = 0;
      if (1 - Math.abs(length - n) / longest < theta) continue;
      // The largest distance that can still score ≥ θ, rounded up so float error never drops a match.
      const maxDistance = Math.floor((1 - theta) * longest + 1e-9);
      if (shared < longest - Q + 1 - Q * maxDistance) continue;
      passing.push(rank);
    }

    // The candidates' own order, so equal scores rank as in `nearest`.
    const ids = passing.map((rank) => ({ rank, id: this.byLength[rank]! })).sort((a, b) => a.id - b.id);
    const found: { candidate: T; score: number }[] = [];
    for (const { rank, id } of ids) {
      const score = similarity(text, this.keys[rank]!);
      if (score >= theta) found.push({ candidate: this.candidates[id]!, score });
    }
    return found.sort((x, y) => y.score - x.score).slice(0, limit);
  }
}
