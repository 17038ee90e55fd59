// The shaping cache: shaped words kept between runs give the same PDF bytes as shaping again, and a
// run whose words are all cached never reads a font's GSUB or GPOS table. A damaged or foreign
// cache file is ignored and written anew. Each run is a process of its own (shaping-run.ts).
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { temporaryDir } from '../../helpers.ts';
import { TableBuilder, appendRuns, asTable, runAt } from '../../../src/publish/pdf/shaping-table.ts';
import { NO_PDF_TOOLS, PDF_TOOLS, readingTexts } from './support.ts';

const RUN = new URL('./shaping-run.ts', import.meta.url).pathname;
const LANGUAGES = ['en', 'ja', 'ar'];

interface Run {
  readonly pdfs: Map<string, Buffer>;
  readonly tables: string[];
  readonly out: string;
}

function run(cache: string): Run {
  const out = temporaryDir('handbook-shaping-');
  const r = spawnSync(process.execPath, ['--import', 'tsx', RUN, out, cache], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shaping-run.ts failed: ${r.stderr}`);
  const { tables } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { tables: string[] };
  return { pdfs: new Map(LANGUAGES.map((l) => [l, readFileSync(join(out, `${l}.pdf`))])), tables, out };
}

let runs: { none: Run; cold: Run; warm: Run; cache: string; files: string[] } | undefined;

/** No cache, a cold cache, then the same cache warm: each a process of its own, made once for the tests below. */
function threeRuns(): NonNullable<typeof runs> {
  if (!runs) {
    const cache = temporaryDir('handbook-shaping-cache-');
    const none = run('-');
    const cold = run(cache);
    const files = readdirSync(cache).sort();
    runs = { none, cold, warm: run(cache), cache, files };
  }
  return runs;
}

function sameBytes(t: { true(v: boolean, m: string): void }, a: Run, b: Run, what: string): void {
  for (const l of LANGUAGES) t.true(a.pdfs.get(l)!.equals(b.pdfs.get(l)!), `${l}: ${what}`);
}

test('shaped words read from the cache give the same PDF bytes as shaping again, without reading GSUB or GPOS', (t) => {
  const { none, cold, warm, cache, files } = threeRuns();
  t.true(none.tables.includes('GSUB') && none.tables.includes('GPOS'), 'without a cache, words are shaped with the layout tables');
  t.true(files.includes('DejaVuSans.v8') && files.includes('NotoNaskhArabic-Regular.v8') && files.includes('NotoSansJP-Regular.v8'), files.join(' '));
  t.true(files.every((f) => f.endsWith('.v8')), 'one file per font, no temporary file left');
  sameBytes(t, none, cold, 'same bytes with a cold cache as with none');
  sameBytes(t, none, warm, 'same bytes with a warm cache as with none');
  t.deepEqual(
    warm.tables.filter((tag) => tag === 'GSUB' || tag === 'GPOS'),
    [],
    'a warm run reads no layout table',
  );
  // A warm run shaped nothing new: the files were not written again.
  t.deepEqual(readdirSync(cache).sort(), files);
});

test('a damaged, foreign or cut-short cache file is ignored and written anew', (t) => {
  const { none, cache: warmCache } = threeRuns();
  const cache = temporaryDir('handbook-shaping-cache-');
  cpSync(warmCache, cache, { recursive: true });
  const good = readFileSync(join(cache, 'DejaVuSans.v8'));
  writeFileSync(join(cache, 'DejaVuSans.v8'), 'not a cache file');
  writeFileSync(join(cache, 'NotoSansJP-Regular.v8'), serialize({ format: 'handbook-shaping-cache/1', key: 'another font', table: {} }));
  writeFileSync(join(cache, 'NotoNaskhArabic-Regular.v8'), readFileSync(join(cache, 'NotoNaskhArabic-Regular.v8')).subarray(0, 100));
  sameBytes(t, none, run(cache), 'same bytes with damaged files');
  t.true(readFileSync(join(cache, 'DejaVuSans.v8')).equals(good), 'the damaged file was written anew, as it was');
  const again = run(cache);
  sameBytes(t, none, again, 'same bytes from the rewritten files');
  t.false(again.tables.includes('GSUB'), 'the rewritten files hold every word');
});

const withTools = PDF_TOOLS.length ? test.skip : test;
if (PDF_TOOLS.length) test.skip(NO_PDF_TOOLS, () => {});

withTools('ligatures drawn from the cache read back as their letters (fi, ffi, lam-alef)', (t) => {
  const { warm } = threeRuns();
  const text = (l: string) => readingTexts(join(warm.out, `${l}.pdf`)).join('\n');
  t.regex(text('en'), /A fine office, filled\./);
  t.regex(text('ar'), /لا سلام الآن/);
});

test('a table entry reads back as the run it was made from; anything else is not a table', (t) => {
  const run = {
    glyphs: [
      { id: 5042, advanceWidth: 1300, codePoints: [0x66, 0x69] },
      { id: 3, advanceWidth: 651, codePoints: [0x20] },
    ],
    positions: [
      { xAdvance: 1300 * 0.48828125, yAdvance: 0, xOffset: 0, yOffset: -0, advanceWidth: 1300 * 0.48828125 },
      { xAdvance: 651 * 0.48828125, yAdvance: 0, xOffset: 1.5, yOffset: 0, advanceWidth: 651 * 0.48828125 },
    ],
    advanceWidth: 1300 * 0.48828125 + 651 * 0.48828125,
  };
  const builder = new TableBuilder();
  builder.add('fi ', run);
  const table = builder.build();
  t.deepEqual(runAt(table, 0, 0.48828125), run);
  t.is(asTable(table, 6000), table);
  t.is(asTable(table, 5000), undefined, 'a glyph id the font does not have');
  t.is(asTable({ ...table, texts: ['fi ', 'more'] }, 6000), undefined, 'offsets that do not match the texts');
  t.is(asTable({ ...table, positions: new Float64Array(8).fill(Number.NaN) }, 6000), undefined);
  t.is(asTable('a string', 6000), undefined);
  t.is(asTable({ ...table, ids: Array.from(table.ids) }, 6000), undefined);
  // Appending runs to a table gives the table a builder makes of all of them.
  const more = { ...run, glyphs: [{ id: 9, advanceWidth: 10, codePoints: [0x644, 0x627] }], positions: [run.positions[0]!], advanceWidth: run.positions[0]!.xAdvance };
  builder.add('لا', more);
  t.deepEqual(appendRuns(table, ['لا'], () => more), builder.build());
  t.deepEqual(appendRuns(undefined, ['fi '], () => run), table);
});
