// How far each language is: per category, units and words translated, reviewed, outdated, untranslated.
import type { Config } from '../config/config.ts';
import type { HelpCenter } from '../model/types.ts';
import { documentsOf, progressOf } from '../store/progress.ts';
import { TranslationStore } from '../store/translations.ts';
import type { CategoryStatus, Count, LanguageStatus, StatusCell, StatusReport } from './report.ts';

type Tally = Record<'total' | 'translated' | 'reviewed' | 'outdated' | 'untranslated', { units: number; words: number }>;

function emptyTally(): Tally {
  const zero = () => ({ units: 0, words: 0 });
  return { total: zero(), translated: zero(), reviewed: zero(), outdated: zero(), untranslated: zero() };
}

function add(tally: Tally, key: keyof Tally, words: number): void {
  tally[key].units += 1;
  tally[key].words += words;
}

function cellOf(tally: Tally): StatusCell {
  const percent = tally.total.words === 0 ? 100 : Math.round((tally.translated.words / tally.total.words) * 1000) / 10;
  const frozen = (count: Count): Count => ({ units: count.units, words: count.words });
  return { total: frozen(tally.total), translated: frozen(tally.translated), reviewed: frozen(tally.reviewed), outdated: frozen(tally.outdated), untranslated: frozen(tally.untranslated), percent };
}

function languageStatus(config: Config, center: HelpCenter, language: string): LanguageStatus {
  const store = new TranslationStore(config.locales, language);
  const all = emptyTally();
  const categories: CategoryStatus[] = center.categories.map((category) => {
    const tally = emptyTally();
    for (const { original, units } of documentsOf(category.units, category.slug, category.articles)) {
      for (const [unit, progress] of progressOf(store, original, units, config.fuzzyMatch / 100)) {
        for (const t of [tally, all]) {
          add(t, 'total', unit.words);
          add(t, progress.status, unit.words);
          if (progress.status === 'translated' && (progress.entry.state === 'reviewed' || progress.entry.state === 'final')) add(t, 'reviewed', unit.words);
        }
      }
    }
    return { category: category.slug, title: category.title, ...cellOf(tally) };
  });
  return { language, ...cellOf(all), categories };
}

export function statusOf(config: Config, center: HelpCenter, languages: readonly string[], now = new Date()): StatusReport {
  return { sourceLanguage: config.sourceLanguage, generated: now.toISOString(), languages: languages.map((language) => languageStatus(config, center, language)) };
}
