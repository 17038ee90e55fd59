// Near matches through an index instead of all pairs: the same answers as `nearest`, with the edit
// distance computed only for candidates that can still reach the threshold.
//
// Two lossless filters, both consequences of score = 1 − d / L ≥ θ (L = the longer length, so the
// edit distance d ≤ (1 − θ)·L):
// - length: |a| − |b| ≤ d, so only texts with a length in [θ·n, n / θ] are looked at (sorted by length);
// - q-grams (Ukkonen): one edit destroys at most q of the q-grams of a text, so two texts within
//   distance d share at least L − q + 1 − q·d of their q-grams (counted with repeats); a candidate
//   sharing fewer is skipped. The counts come from an inverted index of q-grams.
import { similarity } from './similarity.ts';

const Q = 3;

/** Each q-gram of a text with how often it occurs. */
function gramsOf(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + Q <= text.length; i++) {
    const gram = text.slice(i, i + Q);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

export class NearIndex<T> {
  private readonly keys: string[];
  /** Candidate numbers sorted by key length. */
  private readonly byLength: Int32Array;
  private readonly lengths: Int32Array;
  /** q-gram → candidate numbers and how often the gram occurs in each. */
  private readonly postings = new Map<string, { ids: number[]; counts: number[] }>();
  private readonly shared: Int32Array;

  constructor(
    private readonly candidates: readonly T[],
    keyOf: (candidate: T) => string,
    private readonly threshold: number,
  ) {
    this.keys = candidates.map(keyOf);
    this.byLength = Int32Array.from(this.keys.keys()).sort((a, b) => this.keys[a]!.length - this.keys[b]!.length || a - b);
    this.lengths = Int32Array.from(this.byLength, (k) => this.keys[k]!.length);
    this.shared = new Int32Array(candidates.length);
    this.keys.forEach((key, id) => {
      for (const [gram, count] of gramsOf(key)) {
        let posting = this.postings.get(gram);
        if (!posting) this.postings.set(gram, (posting = { ids: [], counts: [] }));
        posting.ids.push(id);
        posting.counts.push(count);
      }
    });
  }

  /** First position in `byLength` whose length is ≥ `length`. */
  private firstAtLeast(length: number): number {
    let lo = 0;
    let hi = this.lengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lengths[mid]! < length) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The candidates at least `threshold` alike to `text`, best first, as `nearest` finds them. */
  nearest(text: string, limit: number): { candidate: T; score: number }[] {
    const theta = this.threshold;
    const n = text.length;
    // A little wider than the exact bounds; the exact test below decides.
    const from = this.firstAtLeast(Math.floor(n * theta) - 1);
    const to = this.firstAtLeast(Math.ceil(theta > 0 ? n / theta : Infinity) + 2);
    if (from >= to) return [];

    const touched: number[] = [];
    for (const [gram, count] of gramsOf(text)) {
      const posting = this.postings.get(gram);
      if (!posting) continue;
      for (let k = 0; k < posting.ids.length; k++) {
        const id = posting.ids[k]!;
        if (this.shared[id] === 0) touched.push(id);
        this.shared[id]! += Math.min(count, posting.counts[k]!);
      }
    }

    const passing: number[] = [];
    for (let p = from; p < to; p++) {
      const id = this.byLength[p]!;
      const length = this.lengths[p]!;
      const longest = Math.max(length, n);
      if (1 - Math.abs(length - n) / longest < theta) continue;
      // The largest distance that can still score ≥ θ, rounded up so float error never drops a match.
      const maxDistance = Math.floor((1 - theta) * longest + 1e-9);
      if (this.shared[id]! < longest - Q + 1 - Q * maxDistance) continue;
      passing.push(id);
    }
    for (const id of touched) this.shared[id] = 0;

    passing.sort((a, b) => a - b); // the candidates' own order, so equal scores rank as in `nearest`
    const found: { candidate: T; score: number }[] = [];
    for (const id of passing) {
      const key = this.keys[id]!;
      const score = similarity(text, key);
      if (score >= theta) found.push({ candidate: this.candidates[id]!, score });
    }
    return found.sort((x, y) => y.score - x.score).slice(0, limit);
  }
}
