// Emphasis delimiters (`**`, `*`, `__`, `~~`) only pair when the characters beside them allow it
// (CommonMark's flanking rules): a translation that puts punctuation just inside a pair
// (`**„Einstellungen“**Text`) or a word right outside `__…__` would silently lose the emphasis.
// Where the rules would fail, a word joiner (U+2060, invisible) goes just inside the pair, and an
// underscore pair touching a word is written with asterisks, which kramdown and CommonMark read
// the same way.
import type { Code } from '../../model/types.ts';

/** A rendered piece of a unit: text already escaped, or a code's bytes. */
export interface Piece {
  out: string;
  readonly code?: Code;
}

const JOINER = '\u2060';
const DELIMITER = /^(?:\*+|_+|~+)$/;

type CharClass = 'space' | 'punctuation' | 'other';

function classOf(ch: string | undefined): CharClass {
  if (ch === undefined || ch === '' || /^\s$/u.test(ch)) return 'space';
  return /^[\p{P}\p{S}]$/u.test(ch) ? 'punctuation' : 'other';
}

const lastChar = (text: string) => (text ? String.fromCodePoint(text.codePointAt(text.length - (/[\udc00-\udfff]$/.test(text) ? 2 : 1))!) : '');
const firstChar = (text: string) => (text ? String.fromCodePoint(text.codePointAt(0)!) : '');

export const isDelimiter = (code: Code | undefined): code is Code =>
  code !== undefined && code.kind !== 'standalone' && (code.role === 'strong' || code.role === 'emphasis' || code.role === 'delete') && DELIMITER.test(code.data);

/** The character before piece `k` (or `before` at the start). */
function charBefore(pieces: readonly Piece[], k: number, before: string): string {
  for (let i = k - 1; i >= 0; i--) if (pieces[i]!.out) return lastChar(pieces[i]!.out);
  return before;
}

function charAfter(pieces: readonly Piece[], k: number, after: string): string {
  for (let i = k + 1; i < pieces.length; i++) if (pieces[i]!.out) return firstChar(pieces[i]!.out);
  return after;
}

/** Runs of adjacent delimiter codes of one marker and one side, as [first, last] piece indexes. */
function runs(pieces: readonly Piece[]): [number, number][] {
  const found: [number, number][] = [];
  for (let k = 0; k < pieces.length; k++) {
    const code = pieces[k]!.code;
    if (!isDelimiter(code)) continue;
    let end = k;
    while (end + 1 < pieces.length) {
      const following = pieces[end + 1]!.code;
      if (!isDelimiter(following) || following.kind !== code.kind || pieces[end + 1]!.out[0] !== pieces[k]!.out[0]) break;
      end++;
    }
    found.push([k, end]);
    k = end;
  }
  return found;
}

/**
 * Makes every delimiter code of a unit pair as in the source. `before` and `after` are the source
 * characters around the unit.
 */
export function keepDelimitersPaired(pieces: Piece[], before: string, after: string): Piece[] {
  // Two code spans side by side (`` `a``b` ``) would read as one.
  for (let k = pieces.length - 1; k > 0; k--) {
    if (pieces[k - 1]!.code && pieces[k]!.code && pieces[k - 1]!.out.endsWith('`') && pieces[k]!.out.startsWith('`')) pieces.splice(k, 0, { out: JOINER });
  }
  // A closing and an opening delimiter of the same marker side by side would read as one run.
  for (let k = pieces.length - 1; k > 0; k--) {
    const left = pieces[k - 1]!.code;
    const right = pieces[k]!.code;
    if (isDelimiter(left) && isDelimiter(right) && left.kind !== right.kind && left.data[0] === right.data[0]) pieces.splice(k, 0, { out: JOINER });
  }
  // Underscores touching a word outside cannot open or close: asterisks can.
  const starred = new Set<number>();
  for (const [first, last] of runs(pieces)) {
    const code = pieces[first]!.code!;
    if (code.data[0] !== '_') continue;
    const outside = code.kind === 'open' ? charBefore(pieces, first, before) : charAfter(pieces, last, after);
    if (classOf(outside) === 'other') for (let k = first; k <= last; k++) starred.add(pieces[k]!.code!.id);
  }
  for (const piece of pieces) if (isDelimiter(piece.code) && starred.has(piece.code.id)) piece.out = piece.out.replace(/_/g, '*');
  // Punctuation or space just inside, with a word outside: a word joiner inside makes it flank.
  for (const [first, last] of runs(pieces).reverse()) {
    const code = pieces[first]!.code!;
    const opening = code.kind === 'open';
    const outside = classOf(opening ? charBefore(pieces, first, before) : charAfter(pieces, last, after));
    const inside = classOf(opening ? charAfter(pieces, last, after) : charBefore(pieces, first, before));
    if (inside === 'other' || (inside === 'punctuation' && outside !== 'other')) continue;
    pieces.splice(opening ? last + 1 : first, 0, { out: JOINER });
  }
  return pieces;
}
