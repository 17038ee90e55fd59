// How alike two source texts are, 0–1, for near matches and for finding a unit's earlier version.
import { distance } from 'fastest-levenshtein';
import { distanceWithin } from './bounded-distance.ts';

/** 1 − edit distance / length of the longer text. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < longest * 0.5) return 0;
  return 1 - distance(a, b) / longest;
}

/**
 * The largest edit distance at which two texts, the longer of `longest` code units, are still at
 * least `threshold` alike; rounded up so float error never drops a match.
 */
export function allowedDistance(threshold: number, longest: number): number {
  return Math.floor((1 - threshold) * longest + 1e-9);
}

/**
 * `similarity(a, b)` when it is ≥ `threshold`, and some number below `threshold` otherwise: the edit
 * distance stops once it is past what the threshold allows.
 */
export function similarityAtLeast(a: string, b: string, threshold: number): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < longest * 0.5) return 0;
  return 1 - distanceWithin(a, b, allowedDistance(threshold, longest)) / longest;
}

/** The candidates at least `threshold` alike to `text`, best first. Cheap length test before the edit distance. */
export function nearest<T>(text: string, candidates: readonly T[], keyOf: (candidate: T) => string, threshold: number, limit: number): { candidate: T; score: number }[] {
  const found: { candidate: T; score: number }[] = [];
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    const longest = Math.max(key.length, text.length);
    // The edit distance is at least the difference in length.
    if (1 - Math.abs(key.length - text.length) / longest < threshold) continue;
    const score = similarity(text, key);
    if (score >= threshold) found.push({ candidate, score });
  }
  return found.sort((x, y) => y.score - x.score).slice(0, limit);
}
