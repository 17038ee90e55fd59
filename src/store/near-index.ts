// Near matches through an index instead of all pairs: the same answers as `nearest`, with the edit
// distance computed only for candidates that can still reach the threshold.
//
// Lossless filters, each a lower bound of the edit distance d, which score = 1 − d / L ≥ θ limits to
// (1 − θ)·L (L = the longer length), tried cheapest first:
// - length: |a| − |b| ≤ d, so only texts with a length in [θ·n, n / θ] are looked at. Candidates are
//   numbered by length, so that band is a range of numbers, and every posting list below is sorted
//   by it: a query walks only the part of each list inside its band (a long list is entered there by
//   a binary search);
// - 3-grams (Ukkonen): one edit destroys at most q of the q-grams of a text, so two texts within
//   distance d share at least L − q + 1 − q·d of their q-grams (counted with repeats). The counts
//   come from an inverted index of 3-grams;
// - characters (bag distance): an edit changes at most one character of each text, so d is at least
//   max(|a|, |b|) − the characters the two have in common (counted with repeats);
// - 2-grams: the q-gram bound again with q = 2, which at 25% of edits is far stronger than with 3.
// At θ = 0.75 on the real corpus (one category translated, every unit asked), the last two leave one
// pair in six of those the 3-grams let through (22,970 → 3,518, for 954 matches), so the edit
// distance runs 3,518 times instead of 22,970; it is computed in a band and stops once past the
// allowed distance (`bounded-distance.ts`): most of the pairs it still rules out are more than twice
// that distance apart.
//
// Grams are numbered exactly (`grams.ts`); the postings and each candidate's character and 2-gram
// profile sit in flat typed arrays, and a query's counts in tables the size of the memory's
// vocabulary, so the work per query stays in the CPU's cache. Not tried with profit: prefix
// filtering (walking only the postings of a query's rarer 3-grams). At θ = 0.75 the 3-gram bound
// needs only about a quarter of a text's grams shared, so the frequent grams that can be left out
// are few, and counting without them lets 7× more pairs through (22,980 → 159,031 when grams held
// by 100 or more candidates are skipped) for 2× fewer posting entries walked.
import { GramNumbers, gramsAt, profilesOf, TextGrams, type GramProfiles, type GramSize } from './grams.ts';
import { allowedDistance, similarityAtLeast } from './similarity.ts';

/** First position in the sorted `values[lo…hi)` whose value is ≥ `value` (hi when none is). */
function firstAtLeast(values: ArrayLike<number>, value: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A query's grams of one size, counted by number in `table`. */
class QueryCounts {
  readonly table: Int32Array;

  constructor(
    private readonly read: TextGrams,
    private readonly size: GramSize,
    vocabulary: number,
  ) {
    this.table = new Int32Array(vocabulary);
  }

  count(): void {
    const { numbers, length } = gramsAt(this.read, this.size);
    for (let i = 0; i < length; i++) if (numbers[i]! >= 0) this.table[numbers[i]!]!++;
  }

  clear(): void {
    const { numbers, length } = gramsAt(this.read, this.size);
    for (let i = 0; i < length; i++) if (numbers[i]! >= 0) this.table[numbers[i]!] = 0;
  }

  /** How many grams candidate `rank` shares with the counted query, with repeats. */
  sharedWith(profiles: GramProfiles, rank: number): number {
    let shared = 0;
    for (let k = profiles.start[rank]!; k < profiles.start[rank + 1]!; k++) shared += Math.min(this.table[profiles.numbers[k]!]!, profiles.counts[k]!);
    return shared;
  }
}

export class NearIndex<T> {
  /**
   * V8 compiles the hot code of these classes for the hidden classes ("maps") of their objects, and
   * a map is collected with the last object that has it: once every index of a run was garbage, a
   * full collection took the maps and threw that code away ("weak objects"), and a later index in
   * the same process (a program that extracts again, the runs of bench/run.ts) ran unoptimized while
   * V8 compiled it again: about 60 ms of CPU per extract of the corpus. This tiny index, kept as
   * long as the class, keeps the maps and so the optimized code. (A new process still compiles it
   * once: see `nearest`.)
   */
  // (Not private: TypeScript would call it unused.)
  static readonly keepsMapsAlive: unknown = new NearIndex(['a near match', 'a near patch'], (text) => text, 0.75);

  /** Candidate numbers in length order: rank → candidate. */
  private readonly byLength: Int32Array;
  /** Key lengths in rank order. */
  private readonly lengths: Int32Array;
  /** Keys in rank order. */
  private readonly keys: string[];
  /**
   * Inverted index of 3-grams: the candidates holding 3-gram g are postingRanks[postingStart[g] …
   * postingStart[g + 1]), by rank (so a length band is one stretch of it), with how often they hold it.
   */
  private readonly postingStart: Int32Array;
  private readonly postingRanks: Int32Array;
  private readonly postingCounts: Int32Array;
  /** The characters and 2-grams of each key, by rank. */
  private readonly characters: GramProfiles;
  private readonly bigrams: GramProfiles;
  /** 3-grams shared with the current query, by rank. */
  private readonly shared: Int32Array;
  /** The current query's matches: their ranks and scores. */
  private readonly foundRanks: Int32Array;
  private readonly foundScores: Float64Array;
  private readonly grams = new GramNumbers();
  /** The current query's grams, and their counts. */
  private readonly query = new TextGrams();
  private readonly queryTrigrams: QueryCounts;
  private readonly queryBigrams: QueryCounts;
  private readonly queryCharacters: QueryCounts;

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
    this.foundRanks = new Int32Array(candidates.length);
    this.foundScores = new Float64Array(candidates.length);

    const profiles = profilesOf(this.keys, this.grams);
    const trigrams = profiles[3];
    // Postings: count each 3-gram's holders, then fill them in rank order.
    const trigramCount = this.grams.count(3);
    this.postingStart = new Int32Array(trigramCount + 1);
    for (const gram of trigrams.numbers) this.postingStart[gram + 1]!++;
    for (let g = 0; g < trigramCount; g++) this.postingStart[g + 1]! += this.postingStart[g]!;
    this.postingRanks = new Int32Array(trigrams.numbers.length);
    this.postingCounts = new Int32Array(trigrams.numbers.length);
    const filled = this.postingStart.slice(0, -1);
    for (let rank = 0; rank < this.keys.length; rank++) {
      for (let k = trigrams.start[rank]!; k < trigrams.start[rank + 1]!; k++) {
        const at = filled[trigrams.numbers[k]!]!++;
        this.postingRanks[at] = rank;
        this.postingCounts[at] = trigrams.counts[k]!;
      }
    }
    this.characters = profiles[1];
    this.bigrams = profiles[2];
    this.queryTrigrams = new QueryCounts(this.query, 3, trigramCount);
    this.queryBigrams = new QueryCounts(this.query, 2, this.grams.count(2));
    this.queryCharacters = new QueryCounts(this.query, 1, this.grams.count(1));
  }

  /** The candidates at least `threshold` alike to `text`, best first, as `nearest` finds them. */
  nearest(text: string, limit: number): { candidate: T; score: number }[] {
    const n = text.length;
    // A little wider than the exact bounds; the exact test in `matchesIn` decides.
    const from = firstAtLeast(this.lengths, Math.floor(n * this.threshold) - 1);
    const to = firstAtLeast(this.lengths, Math.ceil(this.threshold > 0 ? n / this.threshold : Infinity) + 2);
    if (from >= to) return [];
    this.grams.read(text, false, this.query);
    this.countSharedTrigrams(from, to);
    const found = this.matchesIn(text, from, to);
    return found === 0 ? [] : this.best(found, limit);
  }

  // `nearest` in three methods, so V8 compiles and optimizes each on its own: the hot walk is not
  // compiled again when a rarely taken path (a match) is first met, as it was inside one large method.

  /** Adds to `shared` the 3-grams each candidate ranked in [from, to) shares with the read query. */
  private countSharedTrigrams(from: number, to: number): void {
    const { shared, postingStart, postingRanks, postingCounts } = this;
    this.queryTrigrams.count();
    const { table } = this.queryTrigrams;
    const { numbers: trigrams, length: trigramCount } = gramsAt(this.query, 3);
    for (let i = 0; i < trigramCount; i++) {
      const gram = trigrams[i]!;
      if (gram < 0) continue;
      const count = table[gram]!;
      if (count === 0) continue; // a repeat, already walked
      table[gram] = 0;
      const end = postingStart[gram + 1]!;
      let k = postingStart[gram]!;
      // Long postings are entered at the band by a binary search, short ones by a walk from their start.
      if (end - k > 16) k = firstAtLeast(postingRanks, from, k, end);
      else while (k < end && postingRanks[k]! < from) k++;
      if (count === 1) {
        // The query holds the gram once (the usual case): each holder shares one.
        for (; k < end; k++) {
          const rank = postingRanks[k]!;
          if (rank >= to) break;
          shared[rank]!++;
        }
      } else {
        for (; k < end; k++) {
          const rank = postingRanks[k]!;
          if (rank >= to) break;
          shared[rank]! += Math.min(count, postingCounts[k]!);
        }
      }
    }
  }

  /**
   * Puts the candidates ranked in [from, to) that are at least `threshold` alike to `text` in
   * `foundRanks` and `foundScores`, and returns how many there are; clears `shared` on the way.
   */
  private matchesIn(text: string, from: number, to: number): number {
    const theta = this.threshold;
    const n = text.length;
    // Every field read here first, so V8 has seen them all before it optimizes (a match is rare).
    const { shared, lengths, keys, foundRanks, foundScores } = this;
    const characters = this.queryCharacters;
    const bigrams = this.queryBigrams;
    let counted = false;
    let found = 0;
    for (let rank = from; rank < to; rank++) {
      const length = lengths[rank]!;
      const longest = Math.max(length, n);
      const sharedTrigrams = shared[rank]!;
      shared[rank] = 0;
      if (1 - Math.abs(length - n) / longest < theta) continue;
      const maxDistance = allowedDistance(theta, longest);
      if (sharedTrigrams < longest - 2 - 3 * maxDistance) continue;
      if (!counted) characters.count(), bigrams.count(), (counted = true);
      if (longest - characters.sharedWith(this.characters, rank) > maxDistance) continue;
      if (bigrams.sharedWith(this.bigrams, rank) < longest - 1 - 2 * maxDistance) continue;
      const score = similarityAtLeast(text, keys[rank]!, theta);
      if (score >= theta) (foundRanks[found] = rank), (foundScores[found++] = score);
    }
    if (counted) characters.clear(), bigrams.clear();
    return found;
  }

  /** The best `limit` of the `found` matches; equal scores rank in the candidates' own order, as in `nearest`. */
  private best(found: number, limit: number): { candidate: T; score: number }[] {
    const matches: { id: number; score: number }[] = [];
    for (let k = 0; k < found; k++) matches.push({ id: this.byLength[this.foundRanks[k]!]!, score: this.foundScores[k]! });
    return matches
      .sort((x, y) => y.score - x.score || x.id - y.id)
      .slice(0, limit)
      .map(({ id, score }) => ({ candidate: this.candidates[id]!, score }));
  }
}

