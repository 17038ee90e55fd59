// One run of the shaping cache test (shaping-cache.test.ts runs it in a process of its own, so its
// fonts start unread): writes the fixture handbooks in en, ja and ar, plus a page of ligatures, into
// OUT_DIR with the shaping cache in CACHE ('-': none), and prints which fontkit tables it read.
// node --import tsx test/publish/pdf/shaping-run.ts OUT_DIR CACHE
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { h } from 'hastscript';
import { packageDir } from '../../../src/publish/pdf/fonts.ts';
import { writePdf } from '../../../src/publish/pdf/write.ts';
import { fixtureDocument, fixtureImages } from './fixture.ts';

const [outDir, cache] = process.argv.slice(2);
if (!outDir || !cache) throw new Error('usage: shaping-run.ts OUT_DIR CACHE');

// Every table fontkit decodes, by tag: fontkit reads a table the first time it is asked for.
const read = new Set<string>();
for (const file of ['ttf/DejaVuSans.ttf']) {
  const proto = Object.getPrototypeOf(fontkit.create(readFileSync(join(packageDir('dejavu-fonts-ttf'), file)))) as { _getTable(table: { tag: string }): unknown };
  const getTable = proto._getTable;
  proto._getTable = function (this: unknown, table: { tag: string }) {
    read.add(table.tag);
    return getTable.call(this, table);
  };
}

/** Words drawn with ligatures: fi, ffi, lam-alef. */
const LIGATURES = { latin: 'A fine office, filled.', arabic: 'لا سلام الآن' };

const files = await fixtureImages();
const options = cache === '-' ? {} : { shapingCache: cache };
for (const language of ['en', 'ja', 'ar'] as const) {
  const document = fixtureDocument(language, files, 2);
  if (language === 'ar') document.articles[0]!.body.children.unshift(h('p', LIGATURES.arabic));
  else document.articles[0]!.body.children.unshift(h('p', LIGATURES.latin));
  writeFileSync(join(outDir, `${language}.pdf`), (await writePdf(document, options)).bytes);
}
console.log(JSON.stringify({ tables: [...read].sort() }));
