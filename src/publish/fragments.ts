// Per-article reuse inside a handbook: after one article of a category is edited, its handbooks
// are remade, but the other articles are neither assembled nor rendered again. Each article is kept
// as assembled (its sanitized tree, contents entry, warnings, pictures) and as each writer rendered
// it alone (an HTML section, a Markdown part), under the fingerprint of everything it is made from
// (`assembledArticleInputs`: the tool, the configuration, the handbook's words, the links and
// pictures of the help center, the headings of its handbook, its bytes and store entries).
//
// Storage: one file per handbook (category × language), `.handbook-cache/handbooks/<hash>.v8`, a
// v8-serialized Map of fingerprint → fragments (each serialized on its own, so a build that remade
// one article writes the others' bytes as read) holding exactly the articles of the last build of
// that handbook, replaced atomically when it changed. Like every cache here, a missing, damaged or
// foreign file only means "assemble again"; `--no-cache` neither reads nor writes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fingerprint } from '../cache/fingerprint.ts';
import type { ArticleReuse, AssembledArticle } from '../handbook/assemble.ts';
import type { HandbookArticle } from '../handbook/document.ts';
import type { Article } from '../model/types.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { ArticleFragments } from './writers.ts';
import { warn } from '../util/warn.ts';

const FORMAT = 'handbook-fragments/2';

interface Entry {
  readonly assembled: AssembledArticle;
  /** What each writer made of the article alone, by format. */
  readonly rendered: Map<string, unknown>;
}

/** An entry used in this build, and its bytes when they are still those read. */
interface Used {
  readonly entry: Entry;
  bytes: Uint8Array | undefined;
}

function readEntries(file: string): Map<string, Uint8Array> {
  try {
    const stored = deserialize(readFileSync(file)) as { format?: unknown; entries?: unknown } | null;
    if (stored?.format === FORMAT && stored.entries instanceof Map) return stored.entries as Map<string, Uint8Array>;
  } catch {
    // missing or damaged: assemble again
  }
  return new Map();
}

/** The reusable articles of one handbook: what `assembleHandbook` and the writers reuse and keep. */
export class HandbookFragments implements ArticleReuse, ArticleFragments {
  private readonly file: string;
  private readonly stored: Map<string, Uint8Array>;
  private readonly used = new Map<string, Used>();
  /** The entry of each article of the document being built. */
  private readonly entryOf = new Map<HandbookArticle, Used>();
  private changed = false;

  /** `keyOf` gives the fingerprint of everything an article of this handbook is made from. */
  constructor(
    cacheDir: string,
    language: string,
    category: string,
    private readonly keyOf: (article: Article) => string,
  ) {
    this.file = join(cacheDir, 'handbooks', `${fingerprint(language, category).slice(0, 16)}.v8`);
    this.stored = readEntries(this.file);
  }

  get remade(): boolean {
    return this.stored.size > 0;
  }

  get(article: Article): AssembledArticle | undefined {
    const key = this.keyOf(article);
    const bytes = this.stored.get(key);
    if (!bytes) return undefined;
    let entry: Entry;
    try {
      entry = deserialize(bytes) as Entry;
    } catch {
      return undefined; // damaged: assemble again
    }
    const used: Used = { entry, bytes };
    this.used.set(key, used);
    this.entryOf.set(entry.assembled.article, used);
    return entry.assembled;
  }

  keep(article: Article, assembled: AssembledArticle): void {
    const used: Used = { entry: { assembled, rendered: new Map() }, bytes: undefined };
    this.used.set(this.keyOf(article), used);
    this.entryOf.set(assembled.article, used);
    this.changed = true;
  }

  rendered(article: HandbookArticle, format: string): unknown {
    return this.entryOf.get(article)?.entry.rendered.get(format);
  }

  keepRendered(article: HandbookArticle, format: string, fragment: unknown): void {
    const used = this.entryOf.get(article);
    if (!used || used.entry.rendered.get(format) === fragment) return;
    used.entry.rendered.set(format, fragment);
    used.bytes = undefined;
    this.changed = true;
  }

  /** Writes what this build used, when it differs from what was read. */
  save(): void {
    if (!this.changed && this.used.size === this.stored.size) return;
    try {
      const entries = new Map([...this.used].map(([key, used]) => [key, (used.bytes ??= serialize(used.entry))]));
      writeFileAtomic(this.file, serialize({ format: FORMAT, entries }));
    } catch (error) {
      warn(this.file, `handbook fragments not saved: ${(error as Error).message}`);
    }
  }
}
