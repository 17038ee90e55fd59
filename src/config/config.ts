// handbook.config.json: optional, validated where it enters, every path resolved against the root.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CACHE_FOLDER } from '../cache/folder.ts';
import { DEFAULT_LIQUID_RULES, type LiquidRules, type LiquidTagRule } from './liquid-rules.ts';

export const CONFIG_FILE = 'handbook.config.json';

export interface Config {
  /** Absolute path of the root folder. */
  readonly root: string;
  readonly sourceLanguage: string;
  readonly targetLanguages: readonly string[];
  /** Absolute path of the articles folder. */
  readonly articles: string;
  /** Absolute path of the categories folder, when it exists. */
  readonly categories: string | undefined;
  readonly images: string;
  readonly siteUrl: string;
  readonly translatableFrontMatter: readonly string[];
  readonly liquid: LiquidRules;
  /** Near matches at least this similar (percent) are offered to translators. */
  readonly fuzzyMatch: number;
  /** Whether a localized handbook marks untranslated or partly translated articles with a notice. */
  readonly untranslatedNotice: boolean;
  /** Where an article is published: `{siteUrl}`, `{lang}` and `{slug}` are filled in. */
  readonly articleUrl: string;
  /** Absolute path of `locales/`, where translations are kept. */
  readonly locales: string;
  /** Absolute path of `output/`, where builds write. */
  readonly output: string;
  /** Absolute path of the model cache (`.handbook-cache/`), or undefined to parse every article every time. */
  readonly cache?: string;
}

/** A configuration that cannot be used: the CLI reports it as a usage error. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

interface RawConfig {
  sourceLanguage?: string;
  targetLanguages?: string[];
  articles?: string;
  categories?: string;
  images?: string;
  siteUrl?: string;
  translatableFrontMatter?: string[];
  liquid?: Record<string, LiquidTagRule>;
  fuzzyMatch?: number;
  untranslatedNotice?: boolean;
  articleUrl?: string;
}

type Check = (value: unknown, where: string) => void;

const CHECKS: Record<keyof RawConfig, Check> = {
  sourceLanguage: (v, w) => checkLanguage(v, w),
  targetLanguages: (v, w) => {
    if (!Array.isArray(v)) throw new ConfigError(`${w} must be a list of language codes, like ["de", "ja"]`);
    v.forEach((item, k) => checkLanguage(item, `${w}[${k}]`));
  },
  articles: (v, w) => checkString(v, w),
  categories: (v, w) => checkString(v, w),
  images: (v, w) => checkString(v, w),
  siteUrl: (v, w) => {
    checkString(v, w);
    if (!/^https?:\/\/\S+$/.test(v as string)) throw new ConfigError(`${w} must be an http(s) address, like "https://example.com/help"`);
  },
  translatableFrontMatter: (v, w) => {
    if (!Array.isArray(v) || v.some((key) => typeof key !== 'string')) throw new ConfigError(`${w} must be a list of front matter keys, like ["title", "description"]`);
  },
  fuzzyMatch: (v, w) => {
    if (typeof v !== 'number' || v < 50 || v > 100) throw new ConfigError(`${w} must be a percentage from 50 to 100, like 75`);
  },
  articleUrl: (v, w) => {
    checkString(v, w);
    if (!(v as string).includes('{slug}')) throw new ConfigError(`${w} must contain {slug}, like "{siteUrl}/{lang}/article/{slug}/"`);
  },
  untranslatedNotice: (v, w) => {
    if (typeof v !== 'boolean') throw new ConfigError(`${w} must be true or false`);
  },
  liquid: (v, w) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${w} must map tag names to rules, like {"image": {"translateArgsFrom": 1}}`);
    for (const [tag, rule] of Object.entries(v)) checkTagRule(rule, `${w}.${tag}`);
  },
};

/** The checks by key, in a Map: a key read from the file (`__proto__`, `constructor`) finds nothing else. */
const KEYS: ReadonlyMap<string, Check> = new Map(Object.entries(CHECKS));

function checkString(value: unknown, where: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${where} must be a non-empty string`);
}

export function checkLanguage(value: unknown, where: string): string {
  checkString(value, where);
  try {
    const [canonical] = Intl.getCanonicalLocales(value as string);
    if (canonical && /^[A-Za-z0-9-]+$/.test(value as string)) return canonical;
  } catch {
    // reported below
  }
  throw new ConfigError(`${where}: "${String(value)}" is not a BCP 47 language code (like "de", "ja", "pt-BR")`);
}

function checkTagRule(rule: unknown, where: string): void {
  if (typeof rule !== 'object' || rule === null) throw new ConfigError(`${where} must be an object`);
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'body') {
      if (value !== 'markdown' && value !== 'none') throw new ConfigError(`${where}.body must be "markdown" or "none"`);
    } else if (key === 'translateArgsFrom') {
      if (!Number.isInteger(value) || (value as number) < 0) throw new ConfigError(`${where}.translateArgsFrom must be a whole number from 0`);
    } else {
      throw new ConfigError(`${where}: unknown key "${key}" (known: body, translateArgsFrom)`);
    }
  }
}

function readRaw(root: string): RawConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message}): fix the file or remove it to use the defaults`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`${file}: must hold one JSON object`);
  for (const [key, value] of Object.entries(parsed)) {
    const check = KEYS.get(key);
    if (!check) throw new ConfigError(`${file}: unknown key "${key}" (known: ${[...KEYS.keys()].join(', ')})`);
    check(value, `${file}: ${key}`);
  }
  return parsed as RawConfig;
}

export interface ConfigOverrides {
  readonly articles?: string;
  readonly output?: string;
  /** true: keep parsed models in `<root>/.handbook-cache/` (the command line does, unless `--no-cache`). */
  readonly cache?: boolean;
}

/** Reads `handbook.config.json` from the root (if there is one) and fills in the defaults. */
export function loadConfig(rootDir: string, overrides: ConfigOverrides = {}): Config {
  const root = resolve(rootDir);
  if (!existsSync(root)) throw new ConfigError(`root folder ${root} does not exist`);
  const raw = readRaw(root);
  const at = (path: string) => (isAbsolute(path) ? path : join(root, path));
  const articles = overrides.articles ? resolve(overrides.articles) : at(raw.articles ?? 'articles');
  if (!existsSync(articles)) throw new ConfigError(`articles folder ${articles} does not exist: set "articles" in ${CONFIG_FILE} or pass --articles`);
  const categories = at(raw.categories ?? '_categories');
  const output = overrides.output ? resolve(overrides.output) : join(root, 'output');
  const fromArticles = relative(articles, output);
  if (overrides.output && !fromArticles.startsWith('..') && !isAbsolute(fromArticles)) {
    throw new ConfigError(`--out ${output} is inside the articles folder ${articles}: the next extract would read the published copies as new articles; choose a folder outside it`);
  }
  const sourceLanguage = checkLanguage(raw.sourceLanguage ?? 'en', 'sourceLanguage');
  return {
    root,
    sourceLanguage,
    targetLanguages: (raw.targetLanguages ?? []).map((lang) => checkLanguage(lang, 'targetLanguages')),
    articles,
    categories: existsSync(categories) ? categories : undefined,
    images: at(raw.images ?? 'images'),
    siteUrl: raw.siteUrl ?? '',
    translatableFrontMatter: raw.translatableFrontMatter ?? ['title', 'description'],
    liquid: { ...DEFAULT_LIQUID_RULES, ...(raw.liquid ?? {}) },
    fuzzyMatch: raw.fuzzyMatch ?? 75,
    untranslatedNotice: raw.untranslatedNotice ?? true,
    articleUrl: raw.articleUrl ?? '{siteUrl}/article/{slug}/',
    locales: join(root, 'locales'),
    output,
    ...(overrides.cache ? { cache: join(root, CACHE_FOLDER) } : {}),
  };
}
