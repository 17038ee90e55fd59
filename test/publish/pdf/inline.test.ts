// The PDF writer's inline runs: each paragraph in the base direction it inherits (as HTML's `dir`),
// inline code, keys and addresses isolated left to right, icons as Font Awesome's
// classes size, widen and turn them.
import test from 'ava';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import PDFDocument from 'pdfkit';
import { FontBook } from '../../../src/publish/pdf/fonts.ts';
import { Images } from '../../../src/publish/pdf/images.ts';
import { spansOf } from '../../../src/publish/pdf/inline.ts';
import { Layout } from '../../../src/publish/pdf/layout.ts';
import { layoutText, visualOrder, type Direction } from '../../../src/publish/pdf/text.ts';
import { THEME } from '../../../src/publish/pdf/theme.ts';

function arabicLayout(): Layout {
  const doc = new PDFDocument({ autoFirstPage: true });
  return new Layout(doc, new FontBook(doc, 'ar'), new Images(doc, new Map()), THEME, 'rtl', 'ar', []);
}

/** The paragraph's base direction (one that states none, in an Arabic handbook) and its one line's text in the order it is drawn, left to right. */
function laidOut(nodes: ElementContent[]): { direction: Direction; drawn: string[] } {
  const ctx = arabicLayout();
  const spans = spansOf(nodes, THEME.body, ctx);
  const direction = ctx.inherited;
  const [line] = layoutText(ctx, spans, 2000, direction);
  return { direction, drawn: visualOrder(line!.pieces).map((p) => `${p.style.font === 'mono' ? 'code:' : ''}${p.text}`) };
}

test('a paragraph that states no direction takes the handbook\'s, as the HTML handbook does: an Arabic sentence opening with a Latin name, and a label with Latin letters only', (t) => {
  const opening = laidOut([{ type: 'text', value: 'Bitwarden يحمي بياناتك.' }]);
  t.is(opening.direction, 'rtl', 'an Arabic sentence that opens with a brand name reads right to left, as the HTML handbook shows it');
  t.regex(opening.drawn.join('|'), /Bitwarden$/, 'the name it opens with stands at the right, where an Arabic reader starts');
  const label = laidOut([{ type: 'text', value: '2GB RAM' }]);
  t.is(label.direction, 'rtl', 'no Arabic at all: still the handbook\'s direction (Chromium: dir inherited, no dir="auto")');
  t.deepEqual(label.drawn.join(' ').replace(/\s+/g, ' ').trim(), '2GB RAM', 'its words keep their left-to-right order');
  t.is(laidOut([h('span', { lang: 'en', dir: 'ltr' }, 'What is Send?')]).direction, 'rtl', 'an isolated run: the handbook direction');
});

test('inline code in an Arabic paragraph keeps its dashes and words in order, left to right', (t) => {
  const { direction, drawn } = laidOut([{ type: 'text', value: 'استخدم ' }, h('code', '--format pdf'), { type: 'text', value: ' الآن' }]);
  t.is(direction, 'rtl');
  t.is(
    drawn
      .filter((p) => p.startsWith('code:'))
      .map((p) => p.slice(5))
      .join(''),
    '--format pdf',
  );
  // The Arabic words stand right to left around it: the first word at the right end.
  t.true(drawn.indexOf('استخدم') > drawn.findIndex((p) => p.startsWith('code:')));
});

test('a key and an address link are isolated too', (t) => {
  const { drawn } = laidOut([{ type: 'text', value: 'اضغط ' }, h('kbd', 'Shift + /'), { type: 'text', value: ' أو زر ' }, h('a', { href: 'https://example.com/a/b/', dir: 'ltr' }, 'https://example.com/a/b/'), { type: 'text', value: '.' }]);
  const joined = drawn.join('').replaceAll('code:', '');
  t.true(joined.includes('Shift + /'), joined);
  t.true(joined.includes('https://example.com/a/b/'), joined);
});

test('an icon takes its size, box and rotation from Font Awesome\'s classes; fa-lg leaves the line height as it is', (t) => {
  const ctx = arabicLayout();
  const [lg, turned, plain] = [['fa-lg', 'fa-fw'], ['fa-rotate-270'], []].map((classes) => spansOf([h('i', { className: ['icon', ...classes], dataIcon: 'fa-windows' })], THEME.body, ctx)[0]!.style);
  t.deepEqual([lg!.font, lg!.size.toFixed(3), lg!.box, lg!.rotate], ['icon', ((THEME.body.size * 4) / 3).toFixed(3), 9 / 7, undefined]);
  t.deepEqual([turned!.size, turned!.box, turned!.rotate], [THEME.body.size, undefined, 270]);
  t.deepEqual([plain!.box, plain!.rotate], [undefined, undefined]);
  const [withIcon] = layoutText(ctx, [...spansOf([h('i', { className: ['icon', 'fa-lg', 'fa-fw'], dataIcon: 'fa-windows' })], THEME.body, ctx), { text: ' Windows x64', style: THEME.body }], 500, 'ltr');
  const [without] = layoutText(ctx, [{ text: 'Windows x64', style: THEME.body }], 500, 'ltr');
  t.is(withIcon!.height, without!.height);
  t.true(withIcon!.pieces[0]!.width >= (THEME.body.size * 4 * 9) / 21 - 0.01, 'the fixed-width box');
});
