// `build --format md`: every article in every language, as Markdown the same Jekyll site publishes.
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { HelpCenter } from '../model/types.ts';
import { localizeArticle } from '../render/markdown/localize.ts';
import { TranslationStore } from '../store/translations.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { OutputLedger } from '../cache/outputs.ts';
import { articleInputs } from './up-to-date.ts';

export interface MarkdownBuildOptions {
  readonly languages: readonly string[];
  /** Output root: files go to `<outDir>/<lang>/markdown/<article path>`. */
  readonly outDir: string;
  readonly categories?: readonly string[];
  readonly onArticle?: (done: number, total: number) => void;
  /** False to count what would be published without writing (default true). */
  readonly write?: boolean;
  /** Remembers what each localized article was made from; one whose inputs did not change is not made again. */
  readonly ledger?: OutputLedger;
}

export interface LanguageBuild {
  readonly language: string;
  /** The source language: published as written, nothing to translate. */
  readonly source: boolean;
  readonly articles: number;
  readonly units: number;
  /** Units published in the source language: no current translation. */
  readonly fallbacks: number;
  /** Localized articles found up to date through the ledger, not written again. */
  readonly upToDate: number;
}

export function buildMarkdown(config: Config, center: HelpCenter, options: MarkdownBuildOptions): LanguageBuild[] {
  const categories = center.categories.filter((c) => !options.categories || options.categories.includes(c.slug));
  const articles = categories.flatMap((c) => c.articles);
  const total = articles.length * options.languages.length;
  let done = 0;
  return options.languages.map((language) => {
    const store = new TranslationStore(config.locales, language);
    const source = language === config.sourceLanguage;
    const ledger = options.write !== false && options.ledger?.enabled ? options.ledger : undefined;
    let fallbacks = 0;
    let units = 0;
    let upToDate = 0;
    for (const article of articles) {
      const path = join(options.outDir, language, 'markdown', article.path);
      const inputs = ledger ? articleInputs(config, article, language, source ? undefined : store) : '';
      // The unit count is remembered too, so an up-to-date article's units (read from the model
      // cache only when asked for) are not read at all.
      const known = ledger?.fresh(path, inputs)?.meta as { fallbacks: number; units?: number } | undefined;
      let missing: number;
      if (known) (missing = known.fallbacks), upToDate++;
      else {
        const result = localizeArticle(article, (unit) => (source ? undefined : store.translationOf(unit)));
        if (options.write !== false) writeFileAtomic(path, result.text);
        ledger?.record(path, inputs, result.text, { fallbacks: result.fallbacks, units: article.units.length });
        missing = result.fallbacks;
      }
      // Each article reads its own store file only: forgotten at once, so a language's entries are never all held.
      store.reload();
      if (!source) fallbacks += missing;
      units += typeof known?.units === 'number' ? known.units : article.units.length;
      options.onArticle?.(++done, total);
    }
    return { language, source, articles: articles.length, units, fallbacks, upToDate };
  });
}
