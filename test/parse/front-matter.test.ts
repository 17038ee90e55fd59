// HTML entities in front matter and category titles: decoded for translators and readers, written
// back the way the source wrote them.
import test from 'ava';
import { join } from 'node:path';
import { categoryPackage } from '../../src/extract/extract.ts';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import { plainText } from '../../src/model/unit.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, parse } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const text = (value: string) => [{ type: 'text' as const, value }];

test('a title written with entities is decoded, and its translation is written with entities', (t) => {
  const a = parse('---\ntitle: Import &amp; Export &#8211; &lt;CSV&gt;\ndescription: "Tom &amp; Jerry"\n---\nBody.\n');
  t.is(a.title, 'Import & Export – <CSV>');
  const title = a.units.find((u) => u.id === 'fm-title')!;
  t.is(plainText(title.segments), 'Import & Export – <CSV>');
  const out = localizeArticle(a, (u) => (u.id === 'fm-title' ? text('Import & Export <CSV>') : u.id === 'fm-description' ? text('Tom & Jerry "Film"') : undefined)).text;
  t.true(out.includes('title: Import &amp; Export &lt;CSV&gt;\n'), out);
  t.true(out.includes('description: "Tom &amp; Jerry \\"Film\\""\n'), out);
  // Identity translations keep the source bytes.
  t.is(localizeArticle(a, (u) => u.segments).text, a.source);
});

test('a title written with a bare & stays bare; unknown entity names stay as written', (t) => {
  const a = parse('---\ntitle: Cards & Identities &nosuch;\n---\nBody.\n');
  t.is(a.title, 'Cards & Identities &nosuch;');
  const out = localizeArticle(a, (u) => (u.id === 'fm-title' ? text('Karten & Identitäten') : undefined)).text;
  t.true(out.startsWith('---\ntitle: Karten & Identitäten\n'), out);
});

if (HAS_SHARED) {
  test('corpus: the "Import &amp; Export" category reads "Import & Export" in the help center and in XLIFF', (t) => {
    const ws = workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'));
    const category = ws.center.categories.find((c) => c.slug === 'import-export')!;
    t.is(category.title, 'Import & Export');
    t.is(plainText(category.units[0]!.segments), 'Import & Export');
    const xliff = writeXliff(categoryPackage(ws.config, category, 'de', true), '1.2');
    t.regex(xliff, /<source[^>]*>Import &amp; Export<\/source>/);
    t.notRegex(xliff, /Import &amp;amp;/);
  });
} else {
  test.skip(`corpus category titles: ${NO_SHARED}`, () => {});
}

test('invalid YAML is reported at its line of the file only, without the yaml package\'s own line and column within the block', (t) => {
  const error = t.throws(() => parse('---\nlayout: article\ntitle: "Unclosed\n---\nText\n'));
  t.is((error as { line?: number }).line, 3);
  t.is(error?.message, 'test/article.md:3: front matter is not valid YAML (Missing closing "quote): fix the YAML between the --- lines');
});
