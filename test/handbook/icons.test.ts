// Font Awesome 4.7 icons, read from the npm package: names (aliases too), code points, outlines.
import test from 'ava';
import { existsSync } from 'node:fs';
import { ICON_FONT, iconGlyph, iconMeaning, iconSvg } from '../../src/handbook/icons.ts';

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
