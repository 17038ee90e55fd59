import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import type { Segment } from '../../src/model/types.ts';
import { CORPUS, SEED, SHARED_NEED, parse, testIf } from '../helpers.ts';
import { pseudoSegments } from './pseudo.ts';
import { structureOf, visibleTexts } from './structure.ts';

const text = (value: string): Segment => ({ type: 'text', value });

function corpusFiles(): string[] {
  const dir = join(CORPUS, '_articles');
  return [...readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)), SEED];
}

test('translated text replaces the source text; everything around it stays byte for byte', (t) => {
  const a = parse('---\ntitle: Hello\norder: 04\n---\n\n|A|B|\n|--|--|\n|One **x**|Two|\n');
  const out = localizeArticle(a, (u) => (u.context.element.includes('row 1, column B') ? [text('Zwei')] : undefined));
  t.is(out.text, '---\ntitle: Hello\norder: 04\n---\n\n|A|B|\n|--|--|\n|One **x**|Zwei|\n');
  t.is(out.fallbacks, a.units.length - 1);
});

test('codes keep their bytes and may move; markup typed by a translator stays text', (t) => {
  const a = parse('Open [the guide]({{site.baseurl}}/a/) **now**.\n');
  const [unit] = a.units;
  const [, open, , close, , strongOpen, , strongClose] = unit!.segments;
  const target = [strongOpen!, text('Jetzt'), strongClose!, text(' | [x](y) <script> {{ x }} *a* '), open!, text('Anleitung'), close!];
  t.is(localizeArticle(a, () => target).text, '**Jetzt** \\| \\[x\\](y) &lt;script&gt; &#123;{ x }} \\*a\\* [Anleitung]({{site.baseurl}}/a/)\n');
});

test('a translated heading keeps its source anchor; an identity translation adds nothing', (t) => {
  const a = parse('## Manual Sync\n\nText.\n');
  t.is(localizeArticle(a, (u) => (u.kind === 'heading' ? [text('Manuelle Synchronisierung')] : undefined)).text, '## Manuelle Synchronisierung {#manual-sync}\n\nText.\n');
  t.is(localizeArticle(a, (u) => u.segments).text, a.source);
});

test('the pinned id goes at the end of the heading line, after a code the unit left out', (t) => {
  const a = parse('##### Concatenate with `query`\n\nText.\n');
  const out = localizeArticle(a, (u) => (u.kind === 'heading' ? [text('Verketten mit')] : undefined));
  t.is(out.text, '##### Verketten mit `query` {#concatenate-with-query}\n\nText.\n');
});

test('repeated headings: ids are counted in document order in the output, as kramdown does', (t) => {
  const a = parse('## Setup\n\n## Setup\n');
  const first = a.units[0]!;
  const out = localizeArticle(a, (u) => (u === first ? [text('Einrichtung')] : undefined));
  t.is(out.text, '## Einrichtung {#setup}\n\n## Setup {#setup-1}\n');
});

test('front matter values keep their quoting style; plain values are quoted when they must be', (t) => {
  const a = parse('---\ntitle: Plain\ndescription: "Quoted"\norder: 04\n---\nx\n');
  const out = localizeArticle(a, (u) => (u.id === 'fm-title' ? [text('Titel: mit Doppelpunkt')] : u.id === 'fm-description' ? [text('Mit "Anführung"')] : undefined));
  t.is(out.text, '---\ntitle: "Titel: mit Doppelpunkt"\ndescription: "Mit \\"Anführung\\""\norder: 04\n---\nx\n');
});

test('captions, alt text and raw HTML text are escaped for their own syntax', (t) => {
  const a = parse('{% image a.png Old caption %}\n\n<p>Select <b>Families</b> <img src="x.png" alt="Alt"></p>\n');
  const out = localizeArticle(a, (u) => {
    if (u.kind === 'image-caption') return [text('Neu %} {{ x')];
    if (u.kind === 'html-attribute') return [text('Say "hi" & <go>')];
    return undefined;
  });
  t.true(out.text.startsWith('{% image a.png Neu %\u2060} {\u2060{ x %}\n'));
  t.true(out.text.includes('alt="Say &quot;hi&quot; &amp; &lt;go&gt;"'));
});

testIf(SHARED_NEED)('corpus: identity translations give every article back byte for byte', (t) => {
  const files = corpusFiles();
  const differ = files.filter((f) => {
    const a = parse(readFileSync(f, 'utf8'), f);
    return localizeArticle(a, (u) => u.segments.map((s) => ({ ...s }))).text !== a.source;
  });
  t.deepEqual(differ, []);
  t.log(`${files.length} articles identical`);
});

testIf(SHARED_NEED)('corpus: a pseudo-translation keeps every tree and translates every visible text', (t) => {
  const broken: string[] = [];
  let leftover = 0;
  for (const file of corpusFiles()) {
    const a = parse(readFileSync(file, 'utf8'), file);
    const out = localizeArticle(a, (u) => pseudoSegments(u.segments)).text;
    if (!isDeepStrictEqual(structureOf(out), structureOf(a.source))) broken.push(file);
    const source = new Set(visibleTexts(a.source));
    leftover += visibleTexts(out).filter((v) => source.has(v)).length;
  }
  t.deepEqual(broken, []);
  t.is(leftover, 0);
});
