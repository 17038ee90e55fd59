// How alike two source texts are, 0–1, for near matches and for finding a unit's earlier version.
import { distance } from 'fastest-levenshtein';

/** 1 − edit distance / length of the longer text. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < longest * 0.5) return 0;
  return 1 - distance(a, b) / longest;
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
