// Which XLIFF files of an extract are already up to date, so only the others are made again.
//
// A category's file in one language is made from: the tool, the configuration, the extract options,
// the category (its file's title unit, its articles in order and their bytes), the store entries of
// its documents, and the translation memory of the language. The memory is the whole store, so a
// merge into any category would make every file stale if it were fingerprinted whole. It is not:
// a file depends on the memory only through the lookups made for its units that have no current
// translation (an exact match fills the unit, near matches become suggestions). The ledger keeps the
// memory each language was last checked against; an up-to-date file stays so when no memory entry
// that changed since (added, removed, retranslated, outdated) is an exact or near match (similarity
// ≥ fuzzyMatch) of one of those units. That is found through a near-match index of the changed
// entries only, small after one merge.
import type { Config } from '../config/config.ts';
import { fingerprint } from '../cache/fingerprint.ts';
import { canonicalJson, toolVersion, type OutputLedger } from '../cache/outputs.ts';
import type { Category, Unit } from '../model/types.ts';
import type { MemoryEntry, TranslationMemory } from '../store/memory.ts';
import { NearIndex } from '../store/near-index.ts';
import { documentsOf, originalsOf } from '../store/progress.ts';
import type { StoreFile } from '../store/store.ts';
import { toTagged } from '../store/tagged.ts';

/** What the ledger keeps of a language's memory: source → digest of its best target and state. */
type MemorySnapshot = [source: string, digest: string][];

const digestOf = (entry: MemoryEntry) => fingerprint(entry.target, entry.state).slice(0, 16);

/** The memory entries that changed since the memory a language's files were last checked against. */
export class MemoryChanges {
  private readonly index: NearIndex<string> | undefined;
  readonly count: number;

  constructor(
    private readonly ledger: OutputLedger,
    private readonly key: string,
    private readonly memory: TranslationMemory,
    threshold: number,
  ) {
    const before = ledger.getState<MemorySnapshot>(key);
    const now = new Map(memory.entries().map((e) => [e.source, digestOf(e)]));
    if (!before) {
      this.count = Infinity;
      return;
    }
    const changed = new Set<string>();
    const old = new Map(before);
    for (const [source, digest] of now) if (old.get(source) !== digest) changed.add(source);
    for (const source of old.keys()) if (!now.has(source)) changed.add(source);
    this.count = changed.size;
    if (changed.size) this.index = new NearIndex([...changed], (s) => s, threshold);
  }

  /**
   * True when a change of the memory can change what units with these sources get from it. The
   * sources are asked for only when some memory entry changed, so a category whose file is up to
   * date after a run that changed no translation never reads its articles' units.
   */
  touches(sources: Iterable<string> | (() => Iterable<string>)): boolean {
    if (this.count === Infinity) return true;
    if (!this.index) return false;
    for (const source of typeof sources === 'function' ? sources() : sources) if (this.index.nearest(source, 1).length) return true;
    return false;
  }

  /** After the run: every file of the language is made or checked against the memory as it is now. */
  remember(): void {
    this.ledger.setState(this.key, this.memory.entries().map((e) => [e.source, digestOf(e)] satisfies MemorySnapshot[number]));
  }
}

/** The store entries a category's file is made from, in order . */
function storeParts(category: Category, entriesOf: (original: string) => StoreFile): string[] {
  return originalsOf(category.slug, category.articles).map((original) => `${original}\u0000${canonicalJson(entriesOf(original))}`);
}

/** Fingerprint of everything one category's file is made from, but the memory. */
export function packageInputs(config: Config, category: Category, language: string, options: unknown, entriesOf: (original: string) => StoreFile): string {
  return fingerprint(
    'extract',
    toolVersion(),
    JSON.stringify(config),
    JSON.stringify(options),
    language,
    category.slug,
    category.title,
    category.file ?? '',
    JSON.stringify(category.units),
    ...category.articles.map((a) => `${a.path}\u0000${fingerprint(a.source)}`),
    ...storeParts(category, entriesOf),
  );
}

/** The sources of the category's units that have no current translation: what it asks the memory. */
export function memoryQueries(category: Category, entriesOf: (original: string) => StoreFile): string[] {
  const sources: string[] = [];
  for (const { original, units } of documentsOf(category.units, category.slug, category.articles)) {
    const entries = entriesOf(original);
    for (const unit of units as readonly Unit[]) {
      const source = toTagged(unit.segments);
      const entry = Object.hasOwn(entries, unit.id) ? entries[unit.id] : undefined;
      if (!entry || entry.state === 'outdated' || entry.source !== source) sources.push(source);
    }
  }
  return sources;
}
