import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { temporaryDir } from '../helpers.ts';

function helpCenter(files: Record<string, string | Uint8Array>) {
  const root = temporaryDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

test('categories: titles and order from _categories, articles sorted by order, hidden kept', (t) => {
  const root = helpCenter({
    'handbook.config.json': JSON.stringify({ articles: '_articles' }),
    '_categories/b.md': '---\ntitle: Bee\norder: "01"\n---\n',
    '_categories/a.md': '---\ntitle: Ay\norder: 02\n---\n',
    '_articles/x/two.md': '---\ntitle: Two\ncategories: [b]\norder: "02"\n---\nText two.\n',
    '_articles/x/one.md': '---\ntitle: One\ncategories: [b]\norder: 1\nhidden: true\n---\nText one.\n',
    '_articles/a/three.md': '---\ntitle: Three\n---\nText three.\n',
  });
  const center = readHelpCenter(loadConfig(root));
  t.deepEqual(center.categories.map((c) => [c.slug, c.title]), [['b', 'Bee'], ['a', 'Ay']]);
  t.deepEqual(center.categories[0]!.articles.map((a) => [a.title, a.hidden]), [['One', true], ['Two', false]]);
  t.is(center.categories[0]!.units[0]!.kind, 'category-title');
  t.is(center.categories[0]!.units[0]!.context.file, 'category:b');
});

test('broken articles are reported with file and line, the others are still read', (t) => {
  const root = helpCenter({
    'articles/good.md': '---\ntitle: Good\n---\nFine.\n',
    'articles/yaml.md': '---\ntitle: Bad\ntags: [a, b\norder: 1\n---\nText.\n',
    'articles/callout.md': '---\ntitle: C\n---\n\nIntro.\n\n{% callout info %}\nNever closed.\n',
    'articles/latin1.md': new Uint8Array([...new TextEncoder().encode('---\ntitle: L\n---\nline two\ncaf'), 0xe9, 0x0a]),
  });
  const center = readHelpCenter(loadConfig(root));
  const byFile = Object.fromEntries(center.problems.map((p) => [p.file, p]));
  t.deepEqual(Object.keys(byFile).sort(), ['callout.md', 'latin1.md', 'yaml.md']);
  t.is(byFile['callout.md']!.line, 7);
  t.regex(byFile['callout.md']!.message, /endcallout/);
  t.is(byFile['latin1.md']!.line, 5);
  t.regex(byFile['latin1.md']!.message, /UTF-8/);
  t.true(byFile['yaml.md']!.line >= 3 && byFile['yaml.md']!.line <= 5, `line ${byFile['yaml.md']!.line}`);
  t.regex(byFile['yaml.md']!.message, /YAML/);
  t.deepEqual(center.categories.flatMap((c) => c.articles.map((a) => a.path)), ['good.md']);
});

test('a broken category file is reported at its own path (relative to the articles folder, as every problem is) and line; a category file\'s YAML warning too', (t) => {
  const root = helpCenter({
    'handbook.config.json': JSON.stringify({ articles: '_articles' }),
    '_categories/broken.md': '---\ntitle: "Unclosed\n---\n',
    '_categories/tagged.md': '---\ntitle: !custom Tagged\n---\n',
    '_articles/x/one.md': '---\ntitle: One\ncategories: [broken]\n---\nText.\n',
  });
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  t.deepEqual(center.problems.map((p) => [join(config.articles, p.file), p.line]), [[join(root, '_categories/broken.md'), 2]]);
  t.deepEqual((center.warnings ?? []).map((w) => join(config.articles, w.file)), [join(root, '_categories/tagged.md')]);
  t.deepEqual(center.categories.find((c) => c.slug === 'broken')?.articles.map((a) => a.path), ['x/one.md'], 'its articles are still read');
});
