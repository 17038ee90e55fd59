// Small pure helpers over units: their plain text, word count and content key.
import { hash } from 'node:crypto';
import type { Segment, Unit } from './types.ts';

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });
const LETTER = /\p{L}/u;

/** The text a translator translates, without codes. */
export function plainText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.type === 'text' ? s.value : '')).join('');
}

/**
 * Intl.Segmenter takes time growing much faster than the length of one string (27,000 words: 49 s),
 * so long texts are segmented in pieces cut at white space, where a word ends anyway.
 */
const PIECE = 2000;

function* piecesOf(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE) {
    let cut = start + PIECE;
    while (cut > start + PIECE / 2 && !/\s/.test(text[cut]!)) cut--;
    // No white space (a long CJK run): a hard cut, at most one word in 1,000 characters split in two.
    if (!/\s/.test(text[cut]!)) cut = start + PIECE;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

/** Words that a reader sees: word-like runs that contain a letter (numbers are not counted). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const piece of piecesOf(text)) {
    for (const part of wordSegmenter.segment(piece)) {
      if (part.isWordLike && LETTER.test(part.segment)) words.push(part.segment);
    }
  }
  return words;
}

const ASCII = /^[\x00-\x7f]*$/;

/** ASCII letters, digits and `_`, by character code: what can belong to a word. */
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordCharacter = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
/** The white space that separates tokens (`[\t\n\v\f\r ]`). */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * How many words `wordsOf` finds, without its cost per word. In ASCII text no word spans white
 * space and no rule of UAX #29 looks across it, so each space-separated token is counted alone,
 * and most need no segmenter: a token without a letter holds no word; letters only, with any
 * punctuation around them (`(Settings),`), are one word, as UAX #29 joins `.`, `'`, `:`, `,` to a
 * word only between letters or digits. Only the rest (`e.g.`, `don't`, `v2`) is segmented. One
 * pass over the character codes, no token strings unless a token must be segmented.
 */
export function countWordsOf(text: string): number {
  if (!ASCII.test(text)) return wordsOf(text).length;
  let count = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (i >= length) break;
    const start = i;
    // Punctuation before the letters, the letters, punctuation after: anything else makes the token one to segment.
    let phase = 0;
    let letters = false;
    let simple = true;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (isLetter(c)) {
        letters = true;
        if (phase === 2) simple = false;
        else phase = 1;
      } else if (isWordCharacter(c)) simple = false;
      else if (phase === 1) phase = 2;
    }
    if (!letters) continue;
    if (simple) count++;
    else for (const part of wordSegmenter.segment(text.slice(start, i))) if (part.isWordLike && LETTER.test(part.segment)) count++;
  }
  return count;
}

export function countWords(segments: readonly Segment[]): number {
  return countWordsOf(plainText(segments));
}

/** True when the segments hold something to translate at all. */
export function hasTranslatableText(segments: readonly Segment[]): boolean {
  return LETTER.test(plainText(segments));
}

/**
 * The content key of a unit: its text with each code reduced to its kind and role.
 * Two units with the same key need the same translation (codes keep their own data).
 */
export function contentKey(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.type === 'text' ? s.value : `\u0001${s.kind}:${s.role}:${s.id}\u0002`))
    .join('');
}

/** The first 10 hex digits of the text's SHA-256 (one-shot `hash`: no Hash object per unit). */
export function shortHash(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 10);
}

/** The source text shown in reports: codes as their readable stand-ins. */
export function displayText(unit: Pick<Unit, 'segments'>): string {
  return unit.segments.map((s) => (s.type === 'text' ? s.value : s.display)).join('');
}
