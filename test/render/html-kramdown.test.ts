// The HTML of an article reads Markdown as kramdown does where GFM differs: tables without a header
// row are tables, bare addresses are text (only `[x](url)` and `<url>` are links).
import test from 'ava';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { articleHast } from '../../src/handbook/article.ts';
import { articleContext } from '../support/article-context.ts';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import { parse } from '../helpers.ts';

const warnings: string[] = [];
const context = articleContext((line, _kind, message) => warnings.push(`${line}: ${message}`));
const html = (markdown: string) => unified().use(rehypeStringify).stringify(articleHast(markdown, 0, context));

test('a table without header row is a table of body rows, each cell read as Markdown', (t) => {
  const out = html('Options:\n\n- Item\n\n  |**Text**|Type [here](https://a.example/){:target="_blank"} \\| `a|b`|\n  |**File**|# Not a heading|\n');
  t.regex(out, /<table><tbody><tr><td><strong>Text<\/strong><\/td><td>Type <a href="https:\/\/a\.example\/" target="_blank" rel="noopener">here<\/a> \| <code>a\|b<\/code><\/td><\/tr><tr><td><strong>File<\/strong><\/td><td># Not a heading<\/td><\/tr><\/tbody><\/table>/);
  t.notRegex(out, /<thead>|<th>/);
});

test('GFM tables keep their header', (t) => {
  t.regex(html('|A|B|\n|--|--|\n|1|2|\n'), /<thead>\s*<tr>\s*<th>A<\/th>/);
});

test('bare addresses stay text, in the source and in a translation; written links stay links', (t) => {
  const a = parse('See [the guide](https://guide.example/) or <https://auto.example/>, not https://bare.example/ or www.bare.example.\n');
  const [unit] = a.units;
  const codes = unit!.segments.filter((s) => s.type === 'code');
  const target = [
    { type: 'text' as const, value: 'Siehe https://evil.example/login, www.evil.example, phish@evil.example ' },
    codes[0]!,
    { type: 'text' as const, value: 'Anleitung' },
    codes[1]!,
    { type: 'text' as const, value: ' oder ' },
    codes[2]!,
  ];
  for (const markdown of [a.source, localizeArticle(a, () => target).text]) {
    const hrefs = [...html(markdown).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    t.deepEqual(hrefs, ['https://guide.example/', 'https://auto.example/']);
  }
});

test('a bare address in running text reads left to right on its own, and is still no link', (t) => {
  const out = html('Open https://vault.example/#/login, or write to help@example.com.\n');
  t.regex(out, /<span dir="ltr">https:\/\/vault\.example\/#\/login<\/span>, or write to <span dir="ltr">help@example\.com<\/span>\./);
  t.notRegex(out, /<a /);
});

test('a heading id a translator typed, escaped as \\{#x}, is text, not the heading id', (t) => {
  const pinned = html('## Manual sync {#manual-sync}\n');
  t.regex(pinned, /<h2 id="a-manual-sync">Manual sync<\/h2>|<h2 id="[^"]*manual-sync">Manual sync<\/h2>/);
  const typed = html('## Synchronisation \\{#evil}\n');
  t.notRegex(typed, /id="a--evil"/, 'not pinned to the typed id');
  t.regex(typed, /id="a--synchronisation-evil"/, 'the id kramdown makes of the heading text');
  t.regex(typed, /Synchronisation \{#evil\}<\/h2>/);
});
