// The shaping cache: the shaped words of each font file kept between runs, one file per font in
// `<cache>/shaping/<face>.v8` (a v8-serialized table, see shaping-table.ts), read once per process
// the first time a document uses the font, and written again whole (temporary file, then rename)
// when words it did not hold were shaped: after a document once the new words are as many as the
// file's (so a run that fills a file writes it a few times, not after every handbook), and for the
// rest when the process ends (a worker thread, whose end is not seen, writes after each document).
// A file is only used when its key is the font's: a fingerprint of the font file's bytes, the
// fontkit and pdfkit versions, the features asked for and this format; a missing, damaged or
// foreign file is read as empty and written anew. When another process wrote the file since it was
// read (a worker thread, a second build), its words are merged before writing. A file holds at most
// MAX_WORDS words, or the words of its last run if more.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import type * as fontkit from 'fontkit';
import { fingerprint } from '../../cache/fingerprint.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { appendRuns, asTable, type ShapingTable } from './shaping-table.ts';
import type { FontShaping } from './shaping.ts';
import { warn } from '../../util/warn.ts';

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
  readonly folder: string;
  readonly shaping: FontShaping;
  readonly key: string;
  readonly glyphCount: number;
  /** The file as last read or written by this process: its stamp and its words. */
  stamp: Stamp | undefined;
  table: ShapingTable | undefined;
  /** How many of `shaping.shapedHere` the file holds (0 at first: words shaped before it was read may be missing from it). */
  saved: number;
}

const files = new Map<string, CacheFile>();
let savedAtExit = false;
/** Cache folders a write failed in (warned about once, not tried again). */
const unwritable = new Set<string>();

/**
 * The shaping cache file of the font `name` in `folder`, read into `shaping` the first time
 * (`key` is computed then). Returns the file's path, for `saveShapingFile`.
 */
export function openShapingFile(folder: string, name: string, font: fontkit.Font, shaping: FontShaping, key: () => string): string {
  const file = join(folder, `${name}.v8`);
  if (!files.has(file)) {
    const entry: CacheFile = { folder, shaping, key: key(), glyphCount: font.numGlyphs, stamp: stampOf(file), table: undefined, saved: 0 };
    entry.table = readTable(file, entry.key, entry.glyphCount);
    if (entry.table) shaping.adopt(entry.table);
    files.set(file, entry);
    if (isMainThread && !savedAtExit) {
      savedAtExit = true;
      process.once('exit', () => {
        for (const f of files.keys()) saveShapingFile(f, { atExit: true });
      });
    }
  }
  return file;
}

/**
 * After a document: writes the file again when its font shaped new words since it was read or
 * written, once they are as many as the words it holds (`atExit`: whatever their number). A failed
 * write is one warning, never an error.
 */
export function saveShapingFile(file: string, when: { atExit?: boolean } = {}): void {
  const entry = files.get(file);
  if (!entry || unwritable.has(entry.folder)) return;
  const { shaping } = entry;
  const unsaved = shaping.shapedHere.length - entry.saved;
  if (unsaved === 0 || (!when.atExit && isMainThread && unsaved < (entry.table?.texts.length ?? 0))) return;
  try {
    const now = stampOf(file);
    let table: ShapingTable;
    // Another writer since: its words are kept too.
    const theirs = same(now, entry.stamp) ? undefined : readTable(file, entry.key, entry.glyphCount);
    if (theirs) shaping.adopt(theirs);
    if (theirs || (entry.table?.texts.length ?? 0) + unsaved > MAX_WORDS) table = shaping.table(MAX_WORDS);
    else table = appendRuns(entry.table, shaping.shapedHere.slice(entry.saved), (text) => shaping.shapedRun(text));
    writeFileAtomic(file, serialize({ format: FORMAT, key: entry.key, table }));
    entry.stamp = stampOf(file);
    entry.table = table;
    entry.saved = shaping.shapedHere.length;
  } catch (error) {
    // A cache that cannot be written (read-only folder, full disk) only costs time next run: said once.
    unwritable.add(entry.folder);
    warn(entry.folder, `shaping cache not saved: ${(error as Error).message}`);
  }
}
