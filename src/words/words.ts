// The handbook's own words (headings, labels, notices printed around the articles): read, translated, exported.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { countWords } from '../model/unit.ts';
import type { Code, Segment, Unit } from '../model/types.ts';
import { writeStoreJson } from '../store/store.ts';
import { pendingStoreText, settleStore } from '../store/transaction.ts';

/** The XLIFF `original` of the words file, beside the articles' paths and `category:<slug>`. */
export const WORDS_ORIGINAL = 'handbook:words';
export const WORDS_NAMESPACE = 'handbook';

export type Words = Record<string, string>;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export class WordsError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'WordsError';
  }
}

/** CLDR plural categories in the order translators expect them (and i18next writes suffixes). */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

// Keys become XLIFF unit ids, which must be NMTOKENs; this is a safe subset of them.
const KEY = /^[A-Za-z0-9_.-]+$/;
// An i18next interpolation, `{{count}}` or `{{- name}}`: it must reach the translation unchanged.
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

const BUILT_IN = fileURLToPath(new URL('./source.en.json', import.meta.url));
/** The words handbook ships for other languages, `defaults/<language>.json`. */
const SHIPPED = fileURLToPath(new URL('./defaults/', import.meta.url));

export function wordsPath(locales: string, language: string): string {
  return join(locales, language, `${WORDS_NAMESPACE}.json`);
}

/** One words file as it is on disk (`{}` when absent), checked to be a flat object of strings. */
function readWordsFile(file: string): Words {
  const pending = pendingStoreText(file);
  if (pending === null || (pending === undefined && !existsSync(file))) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(pending ?? readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WordsError(file, `not valid JSON (${(error as Error).message}): fix it or restore it from git`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WordsError(file, 'must hold one flat JSON object of strings, like {"contents": "Inhalt"}: fix it or restore it from git');
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (!KEY.test(key)) throw new WordsError(file, `key "${key}" may only use letters, digits, "_", "." and "-": rename it`);
    if (typeof value !== 'string') {
      throw new WordsError(file, `"${key}" must be a string, not ${Array.isArray(value) ? 'an array' : typeof value} (the file is one flat object of strings; plurals are separate keys like "${key}_other"): fix it`);
    }
  }
  return parsed as Words;
}

/**
 * The words of one language. The source language starts from the built-in English words, so a
 * project only lists the words it wants to change; other languages have only what was translated.
 */
export function readWords(locales: string, language: string, sourceLanguage: string): Words {
  settleStore(locales);
  const own = readWordsFile(wordsPath(locales, language));
  return language === sourceLanguage ? { ...readWordsFile(BUILT_IN), ...own } : own;
}

/** The tags a language's shipped words are looked for under: itself, its language and script, its language. */
function shippedTags(language: string): string[] {
  const base = language.split('-')[0]!;
  let script: string | undefined;
  try {
    // zh-TW, zh-HK and zh-MO are written in traditional characters: zh-Hant.
    script = new Intl.Locale(language).maximize().script;
  } catch {
    script = undefined;
  }
  return [language, ...(script ? [`${base}-${script}`] : []), base];
}

/**
 * The words handbook ships for a language (`pt-BR` falls back to `pt`; `zh-TW` and `zh-HK` to
 * `zh-Hant`, traditional characters), `{}` when it ships none. A project's
 * `locales/<lang>/handbook.json` overrides them word by word.
 */
export function shippedWords(language: string): Words {
  for (const tag of shippedTags(language)) {
    // Only a plain language tag names a file: a value read from a file never becomes a path.
    if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag)) continue;
    const words = readWordsFile(join(SHIPPED, `${tag}.json`));
    if (Object.keys(words).length > 0) return words;
  }
  return {};
}

/**
 * A `t` function for one language. A fresh i18next instance per call, so languages never share
 * state; plural forms come from Intl.PluralRules; the project's words override the shipped ones, and
 * a missing key or plural form falls back to the source language.
 */
export async function createTranslator(locales: string, language: string, sourceLanguage: string): Promise<Translate> {
  const resources: Record<string, Record<string, Words>> = {
    [sourceLanguage]: { [WORDS_NAMESPACE]: readWords(locales, sourceLanguage, sourceLanguage) },
  };
  if (language !== sourceLanguage) resources[language] = { [WORDS_NAMESPACE]: { ...shippedWords(language), ...readWords(locales, language, sourceLanguage) } };
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: language,
    fallbackLng: sourceLanguage,
    ns: [WORDS_NAMESPACE],
    defaultNS: WORDS_NAMESPACE,
    // Keys are flat: a `.` or `:` in a key is part of it, not a path or a namespace.
    keySeparator: false,
    nsSeparator: false,
    // The renderers escape for HTML themselves; escaping here would escape twice.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = instance.t as unknown as (key: string, options?: Record<string, unknown>) => unknown;
  return (key, options) => String(t(key, options));
}

function pluralCategories(language: string): Set<PluralCategory> {
  let categories: readonly string[];
  try {
    categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  } catch {
    throw new Error(`"${language}" is not a language tag Intl knows (BCP 47, like "de" or "pt-BR"): fix the language`);
  }
  return new Set(categories as PluralCategory[]);
}

/** A few counts that take this form, so a translator knows what "few" or "many" means here. */
function examples(language: string, category: PluralCategory): string {
  const rules = new Intl.PluralRules(language);
  const counts: number[] = [];
  for (let n = 0; n <= 1000 && counts.length < 4; n++) if (rules.select(n) === category) counts.push(n);
  // i18next looks up `_zero` for a count of 0 in every language, whatever the language's rules say.
  if (category === 'zero' && counts.length === 0) counts.push(0);
  return counts.length > 3 ? `${counts.slice(0, 3).join(', ')}…` : counts.join(', ');
}

/** Text with each `{{name}}` as a standalone code, so a translator can move it but not break it. */
export function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  let id = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) segments.push({ type: 'text', value: text.slice(at, match.index) });
    const code: Code = { type: 'code', id: ++id, kind: 'standalone', role: 'liquid', data: match[0], display: match[0] };
    segments.push(code);
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ type: 'text', value: text.slice(at) });
  return segments;
}

/** The i18next string of translated segments: codes give back their data. */
export function textOfUnit(segments: readonly Segment[]): string {
  return segments.map((s) => (s.type === 'text' ? s.value : s.data)).join('');
}

function unitOf(id: string, text: string, element: string): Unit {
  const segments = segmentsOf(text);
  return {
    id,
    kind: 'paragraph',
    syntax: 'markdown',
    segments,
    span: { start: 0, end: 0 },
    context: { file: WORDS_ORIGINAL, line: 1, element },
    words: countWords(segments),
  };
}

/**
 * The source words as units for the target language: one per key, and for a plural key (one with
 * an `_other` form) one per plural form the target needs. A unit's id is the key the translation is
 * stored under, so a returned unit is written back with `writeWords` as is.
 */
export function wordUnits(locales: string, sourceLanguage: string, targetLanguage: string): Unit[] {
  const source = readWords(locales, sourceLanguage, sourceLanguage);
  const needed = pluralCategories(targetLanguage);
  const plural = new Set<string>();
  for (const key of Object.keys(source)) {
    const match = /^(.+)_other$/.exec(key);
    if (match) plural.add(match[1]!);
  }
  const forms = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);
  const units: Unit[] = [];
  for (const key of Object.keys(source).sort()) {
    const base = key.replace(forms, '');
    if (base !== key && plural.has(base)) {
      if (!key.endsWith('_other')) continue; // each plural key is written once, at its `_other` form
      for (const category of PLURAL_CATEGORIES) {
        // A source `_zero` is used for 0 in every language, so the target needs it too.
        if (!needed.has(category) && !(category === 'zero' && `${base}_zero` in source)) continue;
        const text = source[`${base}_${category}`] ?? source[key]!;
        units.push(unitOf(`${base}_${category}`, text, `handbook word "${base}", plural form ${category} (n = ${examples(targetLanguage, category)})`));
      }
    } else {
      units.push(unitOf(key, source[key]!, `handbook word "${key}"`));
    }
  }
  return units;
}

/** The word key of a category's title, for categories no category file names. */
export function categoryTitleKey(slug: string): string {
  return `category_title.${slug.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
}

/**
 * A category without a category file is named by the handbook's words (`category_title.<slug>`),
 * its source text being the title made from its slug.
 */
export function categoryTitleUnits(categories: readonly { slug: string; title: string; file: string | undefined }[]): Unit[] {
  return categories.filter((c) => !c.file).map((c) => unitOf(categoryTitleKey(c.slug), c.title, `category name "${c.slug}" (no category file gives one)`));
}

/**
 * The words a language has: the project's own (`locales/<lang>/handbook.json`) over the words
 * handbook ships for it. A shipped word counts only while the project keeps the built-in English
 * text of that word: one the project reworded needs its own translation.
 */
export function wordsOfLanguage(locales: string, sourceLanguage: string, language: string): Words {
  const own = readWords(locales, language, sourceLanguage);
  if (language === sourceLanguage) return own;
  const builtIn = readWordsFile(BUILT_IN);
  const source = readWords(locales, sourceLanguage, sourceLanguage);
  const forms = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);
  // A plural form's source text is its own key's, or the `_other` form's when the source lacks it.
  const sourceOf = (words: Words, key: string) => words[key] ?? words[key.replace(forms, '_other')];
  const shipped = Object.entries(shippedWords(language)).filter(([key]) => sourceOf(source, key) !== undefined && sourceOf(source, key) === sourceOf(builtIn, key));
  return { ...Object.fromEntries(shipped), ...own };
}

/**
 * The units to send to translators: those the target language does not have yet (neither in its
 * words file nor among the words handbook ships for it), or every one.
 */
export function wordsToTranslate(locales: string, sourceLanguage: string, targetLanguage: string, all: boolean, extra: readonly Unit[] = []): Unit[] {
  const units = [...wordUnits(locales, sourceLanguage, targetLanguage), ...extra];
  if (all) return units;
  const has = wordsOfLanguage(locales, sourceLanguage, targetLanguage);
  return units.filter((unit) => !Object.hasOwn(has, unit.id));
}

/** Adds or replaces words in a language's file; keys sorted so the same words are the same bytes. */
export function writeWords(locales: string, language: string, entries: Readonly<Record<string, string>>): void {
  const file = wordsPath(locales, language);
  const merged: Words = { ...readWordsFile(file) };
  for (const [key, value] of Object.entries(entries)) {
    if (!KEY.test(key) || typeof value !== 'string') throw new WordsError(file, `cannot write "${key}": keys use letters, digits, "_", "." and "-", values are strings`);
    merged[key] = value;
  }
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  writeStoreJson(file, sorted);
}
