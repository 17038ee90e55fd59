// What `handbook status` reports: per language and category, how much is translated.

/** Units and words in one state. */
export interface Count {
  readonly units: number;
  readonly words: number;
}

/** One cell of the language × category table. translated + outdated + untranslated = total. */
export interface StatusCell {
  readonly total: Count;
  /** Units with a current translation (reviewed ones included). */
  readonly translated: Count;
  /** Of the translated, those reviewed or final. */
  readonly reviewed: Count;
  /** Units whose translation was made for an earlier source. */
  readonly outdated: Count;
  readonly untranslated: Count;
  /** translated.words / total.words × 100, one decimal. */
  readonly percent: number;
}

export interface CategoryStatus extends StatusCell {
  readonly category: string;
  readonly title: string;
}

export interface LanguageStatus extends StatusCell {
  readonly language: string;
  readonly categories: readonly CategoryStatus[];
}

export interface StatusReport {
  readonly sourceLanguage: string;
  /** ISO date-time the report was made. */
  readonly generated: string;
  readonly languages: readonly LanguageStatus[];
}
