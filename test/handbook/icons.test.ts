// Font Awesome 4.7 icons, read from the npm package: names (aliases too), code points, outlines.
import test from 'ava';
import { existsSync } from 'node:fs';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { articleHast } from '../../src/handbook/article.ts';
import { ICON_FONT, iconGlyph, iconLook, iconMeaning, iconSvg } from '../../src/handbook/icons.ts';
import { renderHtmlHandbook } from '../../src/publish/html.ts';
import { articleContext } from '../support/article-context.ts';
import { fixtureDocument } from '../publish/pdf/fixture.ts';

test('the icons readers saw as ■ or an empty box have their Font Awesome 4.7 glyph', (t) => {
  const expected = new Map([
    ['fa-warning', 0xf071],
    ['fa-exclamation-triangle', 0xf071],
    ['fa-clock-o', 0xf017],
    ['fa-ban', 0xf05e],
    ['fa-save', 0xf0c7],
    ['fa-search', 0xf002],
    ['fa-eye', 0xf06e],
    ['fa-key', 0xf084],
  ]);
  for (const [name, codePoint] of expected) {
    const glyph = iconGlyph(name);
    t.is(glyph?.codePoint, codePoint, name);
    t.regex(glyph!.path, /^M[\d\s.-]/, `${name} has an outline`);
    t.true(glyph!.width > 0 && glyph!.unitsPerEm === 1792);
  }
  t.is(iconGlyph('fa-no-such-icon'), undefined);
  t.is(iconGlyph('__proto__'), undefined, 'names are data, not object keys');
  t.true(existsSync(ICON_FONT), 'the TrueType font for PDF');
});

test('an icon as SVG and in words', (t) => {
  t.is(iconMeaning('fa-clock-o'), 'clock');
  t.is(iconMeaning('fa-share-square'), 'share');
  const svg = iconSvg(iconGlyph('fa-key')!);
  t.regex(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1792 1792"[^>]*><path fill="currentColor" transform="matrix\(1 0 0 -1 0 1536\)" d="M832 1024/);
});

test('Font Awesome size, width and rotation classes: kept in the article tree, drawn by the HTML handbook', (t) => {
  t.deepEqual(iconLook([]), { scale: 1, fixedWidth: false, rotate: 0 });
  t.deepEqual(iconLook(['fa-lg', 'fa-fw']), { scale: 4 / 3, fixedWidth: true, rotate: 0 });
  t.deepEqual(iconLook(['fa-rotate-270']), { scale: 1, fixedWidth: false, rotate: 270 });
  t.is(iconLook(['fa-3x']).scale, 3);
  // The corpus writes `{% icon fa-windows fa-lg fa-fw %}` (cli.md) and `{% icon fa-external-link fa-rotate-270 %}` (create-send.md).
  const tree = articleHast('---\ntitle: T\n---\n- {% icon fa-windows fa-lg fa-fw %} Windows\n- popout ({% icon fa-external-link fa-rotate-270 %}) {% icon fa-cog fa-spin %}\n', 16, articleContext());
  const icons: string[][] = [];
  visit(tree, 'element', (node: Element) => void (node.tagName === 'i' && icons.push([String(node.properties.dataIcon), ...(node.properties.className as string[])])));
  t.deepEqual(icons, [
    ['fa-windows', 'icon', 'fa-lg', 'fa-fw'],
    ['fa-external-link', 'icon', 'fa-rotate-270'],
    ['fa-cog', 'icon'],
  ]);
  // HTML: a bigger, wider box for the glyph, the rotation as a class the style sheet turns.
  const html = renderHtmlHandbook({ ...fixtureDocument('en', new Map(), 1), articles: [{ id: 'a', path: 'a.md', title: 'A', titleLanguage: 'en', body: tree }] });
  t.regex(html, /<svg class="icon fa-lg fa-fw" viewBox="0 0 1664 1792" width="1\.714em" height="1\.333em"/);
  t.regex(html, /<svg class="icon fa-rotate-270" [^>]*height="1em"/);
  t.regex(html, /svg\.icon\.fa-rotate-270 \{ transform: rotate\(270deg\); \}/);
});
