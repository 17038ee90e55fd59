// The shaping cache: the shaped words of each font file kept between runs, one file per font in
// `<cache>/shaping/<face>.v8` (a v8-serialized table, see shaping-table.ts), read once per process
// the first time a document uses the font, and written again (temporary file, then rename) after a
// document that shaped words it did not hold. A file is only used when its key is the font's: a
// fingerprint of the font file's bytes, the fontkit and pdfkit versions, the features asked for and
// this format; a missing, damaged or foreign file is read as empty and written anew. When another
// process wrote the file since it was read (a worker thread, a second build), its words are merged
// before writing. A file holds at most MAX_WORDS words, or the words of its last run if more.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type * as fontkit from 'fontkit';
import { fingerprint } from '../../cache/fingerprint.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { asTable, type ShapingTable } from './shaping-table.ts';
import type { FontShaping } from './shaping.ts';

const FORMAT = 'handbook-shaping-cache/1';
/** pdfkit lays words out with fontkit's default features (no `features` option is ever given). */
const FEATURES = 'default features';
/** Words kept per font file. */
const MAX_WORDS = 60_000;

/** What the key of a font's file is made of besides the font's bytes: the shaping code's versions. */
export interface ShapingVersions {
  readonly fontkit: string;
  readonly pdfkit: string;
}

export function shapingKey(fontBytes: Uint8Array, versions: ShapingVersions): string {
  return fingerprint(FORMAT, `fontkit ${versions.fontkit}`, `pdfkit ${versions.pdfkit}`, FEATURES, fontBytes);
}

interface Stamp {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

function stampOf(file: string): Stamp | undefined {
  try {
    const { ino, size, mtimeMs } = statSync(file);
    return { ino, size, mtimeMs };
  } catch {
    return undefined;
  }
}

const same = (a: Stamp | undefined, b: Stamp | undefined): boolean => a?.ino === b?.ino && a?.size === b?.size && a?.mtimeMs === b?.mtimeMs;

function readTable(file: string, key: string, glyphCount: number): ShapingTable | undefined {
  try {
    const stored = deserialize(readFileSync(file)) as unknown;
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { format, key: storedKey, table } = stored as { format?: unknown; key?: unknown; table?: unknown };
    return format === FORMAT && storedKey === key ? asTable(table, glyphCount) : undefined;
  } catch {
    // missing or damaged: shaped again, written anew
    return undefined;
  }
}

interface CacheFile {
  readonly shaping: FontShaping;
  readonly key: string;
  readonly glyphCount: number;
  /** The file as last read or written by this process. */
  stamp: Stamp | undefined;
  /** `shaping.shapedHere` when the file was last written (0: words shaped before it was read may be missing from it). */
  savedAt: number;
}

const files = new Map<string, CacheFile>();
/** Cache folders a write failed in (warned about once, not tried again). */
const unwritable = new Set<string>();

/**
 * The shaping cache file of the font `name` in `folder`, read into `shaping` the first time
 * (`key` is computed then). Returns the file's path, for `saveShapingFile`.
 */
export function openShapingFile(folder: string, name: string, font: fontkit.Font, shaping: FontShaping, key: () => string): string {
  const file = join(folder, `${name}.v8`);
  if (!files.has(file)) {
    const entry: CacheFile = { shaping, key: key(), glyphCount: font.numGlyphs, stamp: stampOf(file), savedAt: 0 };
    const table = readTable(file, entry.key, entry.glyphCount);
    if (table) shaping.adopt(table);
    files.set(file, entry);
  }
  return file;
}

/** Writes the file again when its font shaped new words since it was read or written; a failed write is one warning, never an error. */
export function saveShapingFile(file: string, folder: string): void {
  const entry = files.get(file);
  if (!entry || entry.shaping.shapedHere === entry.savedAt || unwritable.has(folder)) return;
  // Another writer since: its words are kept too.
  const now = stampOf(file);
  if (!same(now, entry.stamp)) {
    const theirs = readTable(file, entry.key, entry.glyphCount);
    if (theirs) entry.shaping.adopt(theirs);
  }
  try {
    writeFileAtomic(file, serialize({ format: FORMAT, key: entry.key, table: entry.shaping.table(MAX_WORDS) }));
    entry.stamp = stampOf(file);
    entry.savedAt = entry.shaping.shapedHere;
  } catch (error) {
    // A cache that cannot be written (read-only folder, full disk) only costs time next run: said once.
    unwritable.add(folder);
    process.emitWarning(`handbook: shaping cache not saved in ${folder}: ${(error as Error).message}`);
  }
}
