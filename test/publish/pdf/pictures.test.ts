// The picture cache of the PDF writer, and writePdfFile: the same bytes as writePdf, through a
// temporary file that never stays behind.
import test from 'ava';
import { copyFileSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writePdf, writePdfFile } from '../../../src/publish/pdf/write.ts';
import { temporaryDir } from '../../helpers.ts';
import { fixtureDocument, fixtureImages } from './fixture.ts';

/** The fixture's pictures copied to a new folder: new paths, so this process has converted none of them yet. */
function copied(files: ReadonlyMap<string, string>): Map<string, string> {
  const dir = temporaryDir('pdf-pictures-');
  return new Map([...files].map(([src, path]) => [src, (copyFileSync(path, join(dir, src)), join(dir, src))]));
}

test('converted pictures are kept in the picture cache and read from it by later runs; a file cut short is converted again', async (t) => {
  const files = await fixtureImages();
  const cache = join(temporaryDir('pdf-cache-'), 'pictures');
  const first = await writePdf(fixtureDocument('en', copied(files)), { pictureCache: cache });
  // The PNG with transparency and the GIF are converted; the JPEG goes in as it is.
  const kept = readdirSync(cache).sort();
  t.is(kept.length, 2, kept.join(' '));
  t.true(kept.every((f) => /^[0-9a-f]{64}\.png$/.test(f)));

  const old = new Date('2020-01-01T00:00:00Z');
  for (const f of kept) utimesSync(join(cache, f), old, old);
  truncateSync(join(cache, kept[0]!), 100);
  const second = await writePdf(fixtureDocument('en', copied(files)), { pictureCache: cache });
  t.true(second.bytes.equals(first.bytes), 'pictures from the cache give the same PDF');
  t.not(statSync(join(cache, kept[0]!)).mtimeMs, old.getTime(), 'the damaged file was converted and written again');
  t.is(statSync(join(cache, kept[1]!)).mtimeMs, old.getTime(), 'the whole file was read, not written');
  t.deepEqual(readdirSync(cache).sort(), kept);
});

test('writePdfFile writes the bytes writePdf returns, and leaves no temporary file', async (t) => {
  const files = await fixtureImages();
  const document = fixtureDocument('ar', files);
  const dir = temporaryDir('pdf-file-');
  const file = join(dir, 'handbook.pdf');
  const written = await writePdfFile(document, file);
  const { bytes, pages } = await writePdf(document);
  t.is(written.pages, pages);
  t.true(readFileSync(file).equals(bytes));
  t.deepEqual(readdirSync(dir), ['handbook.pdf']);
});
