// Pseudo-localization: every unit "translated" into accented look-alikes, about 35% longer and
// wrapped in markers, codes untouched, so a build shows every string that escapes translation
// and every layout that breaks with longer text.
import { ConfigError, type Config } from '../config/config.ts';
import type { HelpCenter, Segment, Unit } from '../model/types.ts';
import { plainText } from '../model/unit.ts';
import { documentsOf } from '../store/progress.ts';
import { listStoreFiles, readStoreFile, storePath, writeStoreFile, type StoredUnit } from '../store/store.ts';
import { toTagged } from '../store/tagged.ts';
import { readWords, textOfUnit, wordsPath, wordUnits, writeWords } from '../words/words.ts';

const LOOK_ALIKES: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'đ', e: 'é', f: 'ƒ', g: 'ğ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ŧ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Đ', E: 'É', F: 'Ƒ', G: 'Ğ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ø', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ŧ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
const EXPANSION = 0.35;
/** Padding comes in words of this many `·`, so a long unit's padding wraps like text on a phone. */
const PADDING_WORD = 6;

/** `length` characters of padding: words of `·` with a space between them (never one at the end). */
export function pseudoPadding(length: number): string {
  let padding = '';
  while (padding.length < length) padding += padding.length % (PADDING_WORD + 1) === PADDING_WORD ? ' ' : '·';
  // Ending on a space, the last word gives up its last `·` to come after it.
  return padding.endsWith(' ') ? `${padding.slice(0, -2)} ·` : padding;
}

export function pseudoLetters(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => LOOK_ALIKES[ch] ?? ch);
}

/**
 * The pseudo-translation of a unit's segments: text changed, codes kept in place. `whole` puts the
 * end marker after everything, codes too: a handbook phrase whose placeholder ends it ("Page
 * {{page}} of {{count}}") is one unit on the page, its number inside the markers.
 */
export function pseudoSegments(segments: readonly Segment[], whole = false): Segment[] {
  const padding = pseudoPadding(Math.max(1, Math.round(plainText(segments).length * EXPANSION)));
  const out: Segment[] = segments.map((s) => (s.type === 'text' ? { type: 'text', value: pseudoLetters(s.value) } : s));
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', value: PSEUDO_OPEN + first.value };
  else out.unshift({ type: 'text', value: PSEUDO_OPEN });
  // The end marker goes after the last text, so codes that close the unit (a link, an attribute
  // list that must follow it) stay where they are.
  let lastText = -1;
  out.forEach((s, k) => void (s.type === 'text' && (lastText = k)));
  if (whole && lastText < out.length - 1) return [...out, { type: 'text', value: ` ${padding}${PSEUDO_CLOSE}` }];
  const last = out[lastText] as { type: 'text'; value: string };
  out[lastText] = { type: 'text', value: `${last.value} ${padding}${PSEUDO_CLOSE}` };
  return out;
}

export interface PseudoResult {
  readonly language: string;
  readonly units: number;
  readonly words: number;
}

/**
 * Why `language` cannot take a pseudo-translation whatever its store holds, or undefined: the
 * source language. A target language may be pseudo-filled (to see its script and direction before
 * translators deliver) as long as its store holds no real translation (realTranslationsProblem).
 */
export function pseudoLanguageProblem(config: Config, language: string): string | undefined {
  if (language.toLowerCase() === config.sourceLanguage.toLowerCase()) return `"${language}" is the source language: pick a pseudo-language code such as qps`;
  return undefined;
}

/**
 * Why the store of `language` cannot be refilled, or undefined: it holds real translations (any
 * target not made by pseudo), whether the language is configured or not. Read under the store's lock.
 */
function realTranslationsProblem(config: Config, language: string): string | undefined {
  const overwritten = (path: string) => `"${language}" holds translations that are not pseudo-translations (${path}): they would be overwritten; pick a pseudo-language code such as qps`;
  for (const { path } of listStoreFiles(config.locales, language)) {
    if (Object.values(readStoreFile(path)).some((entry) => !entry.target.startsWith(PSEUDO_OPEN))) return overwritten(path);
  }
  // The handbook's own words of the language (locales/<lang>/handbook.json), translated or shipped there.
  if (Object.values(readWords(config.locales, language, config.sourceLanguage)).some((word) => !word.startsWith(PSEUDO_OPEN))) return overwritten(wordsPath(config.locales, language));
  return undefined;
}

/**
 * Fills `language` in the store with a pseudo-translation of every unit, and of the handbook's
 * words; refuses (throws) the source language and a language whose store holds real translations.
 */
export function pseudoLocalize(config: Config, center: HelpCenter, language: string): PseudoResult {
  const problem = pseudoLanguageProblem(config, language) ?? realTranslationsProblem(config, language);
  if (problem) throw new ConfigError(`pseudo-language ${problem}`);
  let units = 0;
  for (const category of center.categories) {
    for (const { original, units: documentUnits } of documentsOf(category.units, category.slug, category.articles)) {
      const path = storePath(config.locales, language, original);
      const entries: Record<string, StoredUnit> = { ...readStoreFile(path) };
      for (const unit of documentUnits) {
        entries[unit.id] = { source: toTagged(unit.segments), target: toTagged(pseudoSegments(unit.segments)), state: 'translated', revision: (entries[unit.id]?.revision ?? 0) + 1 };
      }
      if (documentUnits.length > 0) writeStoreFile(path, entries);
      units += documentUnits.length;
    }
  }
  const words: Unit[] = wordUnits(config.locales, config.sourceLanguage, language);
  writeWords(config.locales, language, Object.fromEntries(words.map((unit) => [unit.id, textOfUnit(pseudoSegments(unit.segments, true))])));
  return { language, units, words: words.length };
}
