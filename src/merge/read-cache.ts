// Delivered XLIFF files as read, kept between merges: a pipeline that merges the same returned files
// again (after an edit elsewhere) reads each one's parsed units instead of parsing its XML again.
// An entry is `.handbook-cache/xliff/<key>.v8`, the key a fingerprint of the reader's code (the
// tool's version) and the file's bytes; what it holds is what `readXliff` returned for those bytes.
// A file the reader refuses is not kept (it is refused again, with the same message). At most
// KEPT entries stay, the oldest removed first. Like every cache here, a missing or damaged entry
// only means "parse again"; without a cache folder (`--no-cache`) nothing is read or written.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fingerprint } from '../cache/fingerprint.ts';
import { toolVersion } from '../cache/outputs.ts';
import { decodeUtf8 } from '../parse/article.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { readXliff, readXliffBytes, XmlError, type ReadXliff } from '../xliff/read.ts';
import { warn } from '../util/warn.ts';

const FORMAT = 'read-xliff/1';
/** Entries kept: the delivered files of a few merges. */
const KEPT = 32;

interface Entry {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly xliff: ReadXliff;
}

/**
 * The text of an XLIFF file in either encoding every XML reader must read: UTF-8 (with or without
 * its byte order mark) or UTF-16 with its byte order mark (as some Windows tools save it).
 */
export function decodeXliff(bytes: Uint8Array, path: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16) return decodeUtf8(bytes, path).text;
  try {
    return new TextDecoder(utf16, { fatal: true }).decode(bytes);
  } catch {
    throw new XmlError(1, `the file starts as ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}: save it as UTF-8`);
  }
}

function parse(bytes: Uint8Array, path: string): ReadXliff {
  return readXliff(decodeXliff(bytes, path));
}

/** The XLIFF file at `path` as read, from the cache folder `cache` when it was read before. */
export function readXliffFileCached(path: string, cache: string | undefined): ReadXliff {
  const bytes = readXliffBytes(path);
  if (cache === undefined) return parse(bytes, path);
  const key = fingerprint(FORMAT, toolVersion(), bytes);
  const folder = join(cache, 'xliff');
  const file = join(folder, `${key.slice(0, 32)}.v8`);
  try {
    const entry = deserialize(readFileSync(file)) as Partial<Entry> | null;
    if (entry?.format === FORMAT && entry.key === key && entry.xliff) return entry.xliff;
  } catch {
    // missing or damaged: parse again
  }
  const xliff = parse(bytes, path);
  try {
    writeFileAtomic(file, serialize({ format: FORMAT, key, xliff } satisfies Entry));
    prune(folder);
  } catch (error) {
    warn(folder, `parsed XLIFF not kept: ${(error as Error).message}`);
  }
  return xliff;
}

/** Removes the oldest entries past KEPT. */
function prune(folder: string): void {
  const names = readdirSync(folder).filter((n) => n.endsWith('.v8'));
  if (names.length <= KEPT) return;
  const byAge = names.map((n) => ({ path: join(folder, n), time: statSync(join(folder, n)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { path } of byAge.slice(0, names.length - KEPT)) rmSync(path, { force: true });
}
