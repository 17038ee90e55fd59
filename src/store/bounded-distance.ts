// The edit distance (Levenshtein, over UTF-16 code units) when it is at most `k`, and only a number
// above `k` otherwise, computed in a band and stopped as soon as `k` is out of reach: what the
// near-match index needs, since most pairs it still has to compare are far more than `k` apart.
//
// Bit-parallel (Myers 1999, in the block form of Hyyrö): the shorter text is cut into blocks of 32
// rows; each block is swept over the columns of the longer text, a column of 32 cells in a few word
// operations, from its vertical deltas and the horizontal deltas the block above left on its bottom
// row. Two restrictions of the plain algorithm, both without loss (Ukkonen):
// - band: an alignment through cell (i, j) costs at least |i − j| to get there and |(m − i) − (n − j)|
//   from there (m ≤ n the lengths), so the cells of an alignment of cost ≤ k lie on the diagonals
//   j − i from −(k − (n − m)) / 2 to (n − m) + (k − (n − m)) / 2: at most k + 1 of them. A block sweeps
//   only the columns of its rows in that band. Cells outside it are taken as large as they can be
//   (each a step of +1 from a computed neighbour), so computed values are never below the true ones,
//   and those of an alignment of cost ≤ k come out exact;
// - cutoff: every alignment crosses the bottom row r of each block, at some column j, and still
//   costs at least |(m − r) − (n − j)| from there; once the smallest D[r][j] + that is above k, so
//   is the distance, and the sweep stops.

/** Bit masks of the current block's characters by UTF-16 code unit (cleared after each block). */
const positions = new Int32Array(0x10000);
/** D[r][j] along the bottom row r of the last block swept, by column j. */
let bottom = new Int32Array(256);

const WORD = 32;

/**
 * The Levenshtein distance of `a` and `b` when it is ≤ `k`; otherwise some number > `k` (not the
 * distance). `k` ≥ 0.
 */
export function distanceWithin(a: string, b: string, k: number): number {
  // Rows: the shorter text; columns: the longer one.
  if (a.length > b.length) [a, b] = [b, a];
  const m = a.length;
  const n = b.length;
  if (n - m > k) return n - m;
  if (m === 0) return n;
  if (a === b) return 0;
  if (bottom.length <= n) bottom = new Int32Array(Math.max(n + 1, bottom.length * 2));
  // Row 0: D[0][j] = j.
  for (let j = 0; j <= n; j++) bottom[j] = j;
  // bottom[0 … filled] holds the last bottom row swept (or, beyond its sweep, +1 a column).
  let filled = n;
  // The band: diagonals j − i from −slack to (n − m) + slack.
  const slack = (k - (n - m)) >> 1;
  // D[m][n] once the last block is swept: its sweep ends at column n (its band reaches past it).
  let distance = n;
  for (let top = 0; top < m; top += WORD) {
    const height = Math.min(WORD, m - top);
    const last = height - 1;
    for (let i = 0; i < height; i++) positions[a.charCodeAt(top + i)]! |= 1 << i;
    const from = Math.max(1, top + 1 - slack);
    const to = Math.min(n, top + height + n - m + slack);
    for (let j = filled + 1; j <= to; j++) bottom[j] = bottom[j - 1]! + 1;
    filled = Math.max(filled, to);
    // Left edge (column from − 1): the block's cells taken as +1 a row below the bottom row above.
    let pv = -1;
    let mv = 0;
    let above = bottom[from - 1]!;
    let score = above + height;
    bottom[from - 1] = score;
    const remaining = m - top - height - n;
    let best = score + Math.abs(remaining + from - 1);
    for (let j = from; j <= to; j++) {
      const aboveNext = bottom[j]!;
      const hin = aboveNext - above;
      above = aboveNext;
      let eq = positions[b.charCodeAt(j - 1)]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      score += ((ph >>> last) & 1) - ((mh >>> last) & 1);
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      bottom[j] = score;
      const bound = score + Math.abs(remaining + j);
      if (bound < best) best = bound;
    }
    for (let i = 0; i < height; i++) positions[a.charCodeAt(top + i)] = 0;
    // Beyond this sweep, the row is taken as rising by one a column.
    filled = to;
    if (best > k) return best;
    distance = score;
  }
  return distance;
}
