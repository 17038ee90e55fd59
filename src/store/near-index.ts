// Near matches through an index instead of all pairs: the same answers as `nearest`, with the edit
// distance computed only for candidates that can still reach the threshold.
//
// Lossless filters, each a lower bound of the edit distance d, which score = 1 − d / L ≥ θ limits to
// (1 − θ)·L (L = the longer length), tried cheapest first:
// - length: |a| − |b| ≤ d, so only texts with a length in [θ·n, n / θ] are looked at. Candidates are
//   numbered by length, so that band is a range of numbers, and every posting list below is sorted
//   (with a skip table): a query walks only the part of each list inside its band;
// - 3-grams (Ukkonen): one edit destroys at most q of the q-grams of a text, so two texts within
//   distance d share at least L − q + 1 − q·d of their q-grams (counted with repeats). The counts
//   come from an inverted index of 3-grams;
// - characters (bag distance): an edit changes at most one character of each text, so d is at least
//   max(|a|, |b|) − the characters the two have in common (counted with repeats);
// - 2-grams: the q-gram bound again with q = 2, which at 25% of edits is far stronger than with 3.
// At θ = 0.75 on the real corpus (one category translated, every unit asked), the last two leave one
// pair in six of those the 3-grams let through (22,970 → 3,518, for 954 matches), so the edit
// distance (fastest-levenshtein, bit-parallel) runs 3,518 times instead of 22,970.
import { similarity } from './similarity.ts';

// Grams are counted in tables of 2^16 buckets: a character by its code unit, a 2-gram or a 3-gram
// by a hash. Two grams in one bucket count as one, which can only raise a shared count, never lower
// it: a filter on buckets lets through everything the exact one does (and rarely a little more).
const BUCKETS = 1 << 16;
type Bucketing = (text: string, i: number) => number;
const characterAt: Bucketing = (text, i) => text.charCodeAt(i);
const bigramAt: Bucketing = (text, i) => (Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca6b)) >>> 16;
const trigramAt: Bucketing = (text, i) => (Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca6b) ^ Math.imul(text.charCodeAt(i + 2), 0xc2b2ae35)) >>> 16;

/** The buckets of a text's grams of `size` code units, each with how often it occurs. */
interface Profile {
  readonly buckets: Int32Array;
  readonly counts: Int32Array;
}

function profileOf(text: string, size: number, bucketAt: Bucketing): Profile {
  const counts = new Map<number, number>();
  for (let i = 0; i + size <= text.length; i++) {
    const bucket = bucketAt(text, i);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const profile = { buckets: new Int32Array(counts.size), counts: new Int32Array(counts.size) };
  let i = 0;
  for (const [bucket, count] of counts) (profile.buckets[i] = bucket), (profile.counts[i++] = count);
  return profile;
}

/** A text's grams counted into `table` (a query's, while its candidates are looked at). */
function countInto(table: Int32Array, text: string, size: number, bucketAt: Bucketing): void {
  for (let i = 0; i + size <= text.length; i++) table[bucketAt(text, i)]!++;
}

function clear(table: Int32Array, text: string, size: number, bucketAt: Bucketing): void {
  for (let i = 0; i + size <= text.length; i++) table[bucketAt(text, i)] = 0;
}

/** How many grams a profile shares with the ones counted in `table`, with repeats. */
function sharedCount(table: Int32Array, profile: Profile): number {
  let shared = 0;
  for (let i = 0; i < profile.buckets.length; i++) shared += Math.min(table[profile.buckets[i]!]!, profile.counts[i]!);
  return shared;
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

/** Posting entries per skip: a query starts walking a posting at most this many entries before its band. */
const SKIP = 8;

/** First position in a posting whose rank is ≥ `from`: its skip table, then a few steps. */
function firstInBand({ ranks, skips, block }: Posting, from: number): number {
  let k = skips[Math.floor(from / block)]!;
  while (k < ranks.length && ranks[k]! < from) k++;
  return k;
}

interface Posting {
  /** Ranks (positions in length order) of the candidates holding a 3-gram of the bucket, ascending. */
  readonly ranks: Int32Array;
  /** How often they occur in each. */
  readonly counts: Int32Array;
  /** `skips[b]` is the first position whose rank is ≥ b · block (one skip per SKIP entries or so). */
  readonly skips: Int32Array;
  readonly block: number;
}

function postingOf(ranks: Int32Array, counts: Int32Array, total: number): Posting {
  const block = Math.ceil(total / Math.ceil(ranks.length / SKIP));
  const skips = new Int32Array(Math.ceil(total / block) + 1);
  for (let b = 0, k = 0; b < skips.length; b++) {
    while (k < ranks.length && ranks[k]! < b * block) k++;
    skips[b] = k;
  }
  return { ranks, counts, skips, block };
}

export class NearIndex<T> {
  /** Candidate numbers in length order: rank → candidate. */
  private readonly byLength: Int32Array;
  /** Key lengths in rank order. */
  private readonly lengths: Int32Array;
  /** Keys in rank order. */
  private readonly keys: string[];
  /** 3-gram bucket → posting. */
  private readonly postings: (Posting | undefined)[] = new Array<Posting | undefined>(BUCKETS);
  /** Characters and 2-grams of each key, by rank, made when a key first passes the 3-gram filter. */
  private readonly characters: (Profile | undefined)[];
  private readonly bigrams: (Profile | undefined)[];
  /** 3-grams shared with the current text, by rank. */
  private readonly shared: Int32Array;
  /** The current text's grams, by bucket. */
  private readonly textTrigrams = new Int32Array(BUCKETS);
  private readonly textBigrams = new Int32Array(BUCKETS);
  private readonly textCharacters = new Int32Array(BUCKETS);

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
    this.characters = new Array<Profile | undefined>(candidates.length);
    this.bigrams = new Array<Profile | undefined>(candidates.length);
    const lists = new Map<number, { ranks: number[]; counts: number[] }>();
    this.keys.forEach((key, rank) => {
      const { buckets, counts } = profileOf(key, 3, trigramAt);
      for (let i = 0; i < buckets.length; i++) {
        let list = lists.get(buckets[i]!);
        if (!list) lists.set(buckets[i]!, (list = { ranks: [], counts: [] }));
        list.ranks.push(rank);
        list.counts.push(counts[i]!);
      }
    });
    for (const [bucket, { ranks, counts }] of lists) this.postings[bucket] = postingOf(Int32Array.from(ranks), Int32Array.from(counts), keys.length);
  }

  /** The candidates at least `threshold` alike to `text`, best first, as `nearest` finds them. */
  nearest(text: string, limit: number): { candidate: T; score: number }[] {
    const theta = this.threshold;
    const n = text.length;
    // A little wider than the exact bounds; the exact test below decides.
    const from = firstAtLeast(this.lengths, Math.floor(n * theta) - 1);
    const to = firstAtLeast(this.lengths, Math.ceil(theta > 0 ? n / theta : Infinity) + 2);
    if (from >= to) return [];

    const shared = this.shared;
    const trigrams = this.textTrigrams;
    countInto(trigrams, text, 3, trigramAt);
    for (let i = 0; i + 3 <= n; i++) {
      const bucket = trigramAt(text, i);
      const count = trigrams[bucket]!;
      if (count === 0) continue; // a repeat, already counted
      trigrams[bucket] = 0;
      const posting = this.postings[bucket];
      if (!posting) continue;
      const { ranks, counts } = posting;
      for (let k = firstInBand(posting, from); k < ranks.length && ranks[k]! < to; k++) shared[ranks[k]!]! += Math.min(count, counts[k]!);
    }

    const characters = this.textCharacters;
    const bigrams = this.textBigrams;
    let counted = false;
    const found: { candidate: T; score: number; id: number }[] = [];
    for (let rank = from; rank < to; rank++) {
      const length = this.lengths[rank]!;
      const longest = Math.max(length, n);
      const sharedTrigrams = shared[rank]!;
      shared[rank] = 0;
      if (1 - Math.abs(length - n) / longest < theta) continue;
      // The largest distance that can still score ≥ θ, rounded up so float error never drops a match.
      const maxDistance = Math.floor((1 - theta) * longest + 1e-9);
      if (sharedTrigrams < longest - 2 - 3 * maxDistance) continue;
      const key = this.keys[rank]!;
      if (!counted) countInto(characters, text, 1, characterAt), countInto(bigrams, text, 2, bigramAt), (counted = true);
      if (longest - sharedCount(characters, (this.characters[rank] ??= profileOf(key, 1, characterAt))) > maxDistance) continue;
      if (sharedCount(bigrams, (this.bigrams[rank] ??= profileOf(key, 2, bigramAt))) < longest - 1 - 2 * maxDistance) continue;
      const score = similarity(text, key);
      if (score >= theta) found.push({ candidate: this.candidates[this.byLength[rank]!]!, score, id: this.byLength[rank]! });
    }
    if (counted) clear(characters, text, 1, characterAt), clear(bigrams, text, 2, bigramAt);
    // Equal scores rank in the candidates' own order, as in `nearest`.
    return found
      .sort((x, y) => y.score - x.score || x.id - y.id)
      .slice(0, limit)
      .map(({ candidate, score }) => ({ candidate, score }));
  }
}
