// The cases, one by one: translator text that would become markup, and spaces inside pairs.
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Segment } from '../../src/model/types.ts';
import { publishLiquid } from '../../src/handbook/publish-liquid.ts';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, parse } from '../helpers.ts';
import { structureOf } from './structure.ts';

const text = (value: string): Segment => ({ type: 'text', value });

/** The localized article when every unit's text is replaced by `fill(text, index)`, codes kept. */
function translated(source: string, fill: (segments: readonly Segment[]) => Segment[]) {
  const a = parse(source);
  return { article: a, out: localizeArticle(a, (u) => fill(u.segments)).text };
}

const sameTree = (a: string, b: string) => isDeepStrictEqual(structureOf(a), structureOf(b));

const PUBLISH = { calloutLabel: (type: string) => type, hasIcon: () => true };

test('text after a line break starts a line: headings, rules, quotes and lists stay text', (t) => {
  for (const source of ['First line<br>\nsecond line\n', 'First line  \nsecond line\n', '> First line\\\n> second line\n', '- First line  \n  second line\n']) {
    for (const start of ['# Böse Überschrift', '---', '===', '> Zitat', '- Liste', '1. Liste', '+ x', ': Definition']) {
      const { out } = translated(source, (segments) => segments.map((s, k) => (s.type === 'text' ? text(k === 0 ? 'Erste Zeile' : start) : s)));
      t.true(sameTree(out, source), `${JSON.stringify(source)} with ${JSON.stringify(start)}: ${JSON.stringify(out)}`);
    }
  }
});

test('a line break keeps the next line\'s indentation and quote markers', (t) => {
  const { out } = translated('> One\\\n> two\n\n- One  \n  two\n', (segments) => segments.map((s) => (s.type === 'text' ? text(`${s.value}!`) : s)));
  t.is(out, '> One!\\\n> two!\n\n- One!  \n  two!\n');
});

test('a paragraph in a quote: # x stays text', (t) => {
  const { out } = translated('> Quoted text\n', () => [text('# x')]);
  t.is(out, '> \\# x\n');
});

test('a { right before a Liquid code becomes an entity, and Liquid still runs', (t) => {
  const source = 'Select {% icon fa-cog %} now.\n';
  const { out } = translated(source, (segments) => [text('Wählen {'), segments[1]!, text('} jetzt.')]);
  t.is(out, 'Wählen &#123;{% icon fa-cog %}} jetzt.\n');
  t.notThrows(() => publishLiquid(out, 0, PUBLISH));
  const oneLine = translated('{% callout info %}Note{% endcallout %}\n', () => [text('Hinweis {')]).out;
  t.is(oneLine, '{% callout info %}Hinweis &#123;{% endcallout %}\n');
  t.notThrows(() => publishLiquid(oneLine, 0, PUBLISH));
});

test('! before a link, ^ after [, {#id} and {: typed by a translator stay text', (t) => {
  const source = 'Open [the guide](https://a.example/) now.\n';
  const { out } = translated(source, (segments) => [text('Los!'), segments[1]!, text('^1 Anleitung {#x} {:.y}'), segments[3]!]);
  t.is(out, 'Los\\![\\^1 Anleitung \\{#x} \\{:.y}](https://a.example/)\n');
  t.true(sameTree(out, source));
});

test('spaces inside a pair move outside it, so the pair still reads as one', (t) => {
  const cases: [string, (s: readonly Segment[]) => Segment[], string][] = [
    ['Open **Settings** now.\n', (s) => [text('Öffnen Sie '), s[1]!, text('Einstellungen '), s[3]!, text('jetzt.')], 'Öffnen Sie **Einstellungen** jetzt.\n'],
    ['**A: *x* y**\n', (s) => [s[0]!, text('Å: '), s[2]!, text(' x '), s[4]!, text(' '), s[6]!], '**Å:  *x***\n'],
    ['| A | B |\n|---|---|\n| **Bold** | x |\n', (s) => (s.length > 1 ? [s[0]!, text(' Fett '), s[2]!] : [text('Y')]), '| Y | Y |\n|---|---|\n| **Fett** | Y |\n'],
    ['<p>Select <b>Families</b> now</p>\n', (s) => [text('Wählen '), s[1]!, text(' Familien '), s[3]!, text('jetzt')], '<p>Wählen  <b>Familien</b> jetzt</p>\n'],
  ];
  for (const [source, fill, expected] of cases) {
    const { out } = translated(source, fill);
    t.is(out, expected);
    t.true(sameTree(out, source), out);
  }
});

test('punctuation just inside a pair next to a word outside: a word joiner keeps the pair', (t) => {
  const source = 'Select **Settings** now.\n';
  const { out } = translated(source, (s) => [text('Wählen'), s[1]!, text('„Einstellungen“'), s[3]!, text('jetzt.')]);
  t.is(out, 'Wählen**\u2060„Einstellungen“\u2060**jetzt.\n');
  t.true(sameTree(out, source));
  const underscores = translated('Use __this__ one.\n', (s) => [text('Nimm'), s[1]!, text('das'), s[3]!, text('hier.')]).out;
  t.is(underscores, 'Nimm**das**hier.\n');
});

if (HAS_SHARED) {
  test('corpus: a hostile translation (spaces inside every pair, markup characters) keeps every tree', (t) => {
    const dir = join(CORPUS, '_articles');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    const hostile = (segments: readonly Segment[]): Segment[] =>
      segments.map((s, k) => {
        if (s.type !== 'text') return s;
        const before = segments[k - 1];
        const after = segments[k + 1];
        const open = before?.type === 'code' && before.kind === 'open' ? ' ' : '';
        const close = after?.type === 'code' && after.kind === 'close' ? ' ' : '';
        return text(`${open}# ${s.value} | * _ {${close}`);
      });
    const broken = files.filter((file) => {
      const a = parse(readFileSync(join(dir, file), 'utf8'), file);
      return !sameTree(localizeArticle(a, (u) => hostile(u.segments)).text, a.source);
    });
    t.log(`${files.length - broken.length} of ${files.length} articles keep their tree`);
    t.deepEqual(broken, []);
  });
} else {
  test.skip(`corpus hostile round trip: ${NO_SHARED}`, () => {});
}
