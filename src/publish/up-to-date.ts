// What each published file of a build is made from, as fingerprints for the output ledger, so a
// build remakes only the localized articles and handbooks whose inputs changed.
//
// A localized article (md) depends on the tool, the configuration, the article's bytes and its
// store entries in the language. A handbook of a category in a language, in one format, depends on
// the tool, the configuration, the format, the date it prints (a day: see `buildDate`), the
// handbook's words in the language and the source language, the category (title unit, articles in
// order, their bytes and store entries), what links into other categories resolve against (every
// article's slug and redirects) and the stat of every picture of the images folder. An article of
// such a handbook, as assembled and as each writer renders it alone, depends on the same but the
// date and format, and of the category only on its articles' names and heading ids, and on its own
// bytes and store entries.
import type { Config } from '../config/config.ts';
import { fingerprint } from '../cache/fingerprint.ts';
import { canonicalJson, statKey, toolVersion } from '../cache/outputs.ts';
import { handbookTargets, redirectsOf, shownArticles, slugOf } from '../handbook/assemble.ts';
import type { Article, Category, HelpCenter } from '../model/types.ts';
import { originalsOf } from '../store/progress.ts';
import type { TranslationStore } from '../store/translations.ts';
import { readWords } from '../words/words.ts';

/**
 * The date a build prints: `SOURCE_DATE_EPOCH` (seconds, as reproducible builds set it) when
 * given, else today at noon, so every build of one day prints and embeds the same date and gives
 * the same bytes.
 */
export function buildDate(now = new Date(), epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
}

const entriesOf = (store: TranslationStore | undefined, original: string) => (store ? canonicalJson(store.file(original)) : '');

/** A localized article's inputs; `store` is undefined for the source language. */
export function articleInputs(config: Config, article: Article, language: string, store: TranslationStore | undefined): string {
  return fingerprint('article', toolVersion(), JSON.stringify(config), language, article.path, article.source, entriesOf(store, article.path));
}

/**
 * What every handbook and every assembled article of a run shares: the tool, the configuration,
 * links across categories, the pictures (not the date: an article's body does not show it).
 */
export function buildInputs(config: Config, center: HelpCenter): string {
  const slugs = center.categories.flatMap((c) => c.articles.map(slugOf)).sort();
  return fingerprint('handbook', toolVersion(), JSON.stringify(config), JSON.stringify(slugs), JSON.stringify([...redirectsOf(center)]), statKey([config.images]));
}

/** What every handbook of a run shares in one language: the above and the handbook's words. */
export function languageInputs(shared: string, config: Config, language: string): string {
  return fingerprint(
    shared,
    language,
    JSON.stringify(readWords(config.locales, language, config.sourceLanguage)),
    JSON.stringify(readWords(config.locales, config.sourceLanguage, config.sourceLanguage)),
  );
}

/** One handbook's inputs, in every format but the format itself; `language` from `languageInputs`. */
export function handbookInputs(language: string, category: Category, store: TranslationStore, date: Date): string {
  return fingerprint(
    language,
    date.toISOString(),
    category.slug,
    category.title,
    category.file ?? '',
    JSON.stringify(category.units),
    ...category.articles.map((a) => `${a.path}\u0000${fingerprint(a.source)}`),
    ...originalsOf(category.slug, category.articles).map((original) => `${original}\u0000${entriesOf(store, original)}`),
  );
}

/**
 * What every article of a category's handbook in one language is assembled against, besides
 * itself: `language` from `languageInputs`, and the articles beside it with their headings (what
 * its links inside the handbook resolve against).
 */
export function handbookArticlesInputs(language: string, category: Category): string {
  const targets = [...handbookTargets(shownArticles(category))].map(([slug, target]) => [slug, [...target.anchors]]);
  return fingerprint(language, category.slug, JSON.stringify(targets));
}

/** One assembled article's inputs (and of what writers make of it alone); `store` is undefined for the source language. */
export function assembledArticleInputs(handbook: string, article: Article, store: TranslationStore | undefined): string {
  return fingerprint(handbook, article.path, article.source, entriesOf(store, article.path));
}
