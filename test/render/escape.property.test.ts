// Property: whatever text a translator types, wherever around the codes (markup characters, line
// starts, spaces at the edges of code pairs, bare addresses), the localized article keeps the
// source's tree (text aside) and its HTML handbook page has exactly the source's links.
import test from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Root as HastRoot, Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { Article, Segment } from '../../src/model/types.ts';
import { bodyStartOf } from '../../src/parse/front-matter.ts';
import { articleHast } from '../../src/handbook/article.ts';
import { articleContext } from '../support/article-context.ts';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, SEED, parse } from '../helpers.ts';
import { structureOf } from './structure.ts';

/** Everything that could become markup somewhere, and plain words. */
const PIECES = [
  '#', '# ', '## ', '>', '> ', '- ', '+ ', '* ', '1. ', '2) ', '---', '===', ': ', '^', '*', '**', '_', '__', '~~', '`', '```',
  '[', ']', '(', ')', '![', '!', '[^1]', '{', '}', '{%', '%}', '{{', '}}', '{:', '{#x}', '{::', '%', '|', '<', '>', '<b>', '</p>',
  '&', '&amp;', '&#123;', ';', '$$', '$', '\\', '.', '„', '“', '。', ' ', '  ', '\n', '\n\n', '\t', '\u00a0',
  'https://evil.example/login', 'www.evil.example', 'phish@evil.example', 'Wort', 'ß', 'é', '12',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((parts) => parts.join(''));

/** A target for every unit: its codes in order, generated text before, between and after them. */
function targetsArb(article: Article): fc.Arbitrary<Segment[][]> {
  return fc.tuple(
    ...article.units.map((unit) => {
      const codes = unit.segments.filter((s) => s.type === 'code');
      return fc.tuple(fc.array(textArb, { minLength: codes.length + 1, maxLength: codes.length + 1 }), fc.nat()).map(([texts, at]) => {
        // Every unit keeps a word somewhere (an empty translation is not stored).
        if (!/\p{L}/u.test(texts.join(''))) texts[at % texts.length] += 'Wort';
        // A line break needs text on both sides: at a paragraph's edge no reader keeps it.
        codes.forEach((code, k) => {
          if (code.role !== 'break') return;
          if (!texts[k]!.trim()) texts[k] += 'vor';
          if (!texts[k + 1]!.trim()) texts[k + 1] = `nach${texts[k + 1]}`;
        });
        return texts.flatMap((value, k): Segment[] => [...(value ? [{ type: 'text' as const, value }] : []), ...(codes[k] ? [codes[k]!] : [])]);
      });
    }),
  );
}

const context = articleContext();

function linksOf(markdown: string): string[] {
  const hrefs: string[] = [];
  visit(articleHast(markdown, bodyStartOf(markdown), context) as HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'a' && node.properties.href !== undefined) hrefs.push(String(node.properties.href));
  });
  return hrefs.sort();
}

/** Constructs the corpus has few of: breaks in quotes and lists, underscores, one-line callouts. */
const HOSTILE_SAMPLE = [
  '---',
  'title: Sample',
  'description: "A sample"',
  '---',
  '',
  '## Heading with `code` and {% icon fa-cog %}',
  '',
  '> Quote line with **bold**\\',
  '> next line after a break',
  '',
  '- Item with __strong__ and _emphasis_  ',
  '  continued after a break with [a link](https://example.com){:target="\\_blank"}',
  '- Item with ~~struck~~ text<br>',
  '  and an html break',
  '',
  '{% callout info %}One-line callout with *emphasis*{% endcallout %}',
  '',
  'Select {% icon fa-cog %} **Settings** &rarr; [Options]({{site.baseurl}}/article/x/#y) then ![pic](../../images/x.png).',
  '',
  '| Name | Value |',
  '|---|---|',
  '| **Cell** | A <br> B `c` |',
  '',
  '<p>Raw <b>HTML</b> text</p>',
  '',
].join('\n');

const articles: [string, string][] = [['hostile sample', HOSTILE_SAMPLE]];
if (HAS_SHARED) {
  for (const path of ['plans-and-pricing/enterprise-feature-list.md', 'features/uri-match-detection.md', 'send/create-send.md', 'send/send-hosting.md']) {
    articles.push([path, readFileSync(join(CORPUS, '_articles', path), 'utf8')]);
  }
  articles.push(['seed', readFileSync(SEED, 'utf8')]);
}

for (const [name, text] of articles) {
  test(`${name}: generated translations keep the tree and the links`, (t) => {
    const article = parse(text, name);
    const tree = structureOf(article.source);
    const links = linksOf(article.source);
    t.notThrows(() =>
      fc.assert(
        fc.property(targetsArb(article), (targets) => {
          const byUnit = new Map(article.units.map((unit, k) => [unit, targets[k]!]));
          const out = localizeArticle(article, (unit) => byUnit.get(unit)).text;
          return isDeepStrictEqual(structureOf(out), tree) && isDeepStrictEqual(linksOf(out), links);
        }),
        { numRuns: name === 'hostile sample' ? 40 : 8, seed: 4242, endOnFailure: true },
      ),
    );
  });
}

if (!HAS_SHARED) test.skip(`corpus articles: ${NO_SHARED}`, () => {});
