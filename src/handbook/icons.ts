// Font Awesome 4.7, read from the npm package at build time: the `fa-*` names (aliases included)
// from its stylesheet, each glyph's outline from its SVG font. HTML draws an icon as inline SVG,
// Markdown as an SVG file beside the handbook, PDF with the glyph's code point in the package's
// TrueType font (`ICON_FONT`) or its outline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface IconGlyph {
  /** The Font Awesome name, as `{% icon %}` writes it: `fa-cog`. */
  readonly name: string;
  /** The code point in the Font Awesome font (`ICON_FONT`). */
  readonly codePoint: number;
  /** The glyph's outline in font units (y up, baseline at 0), as the SVG font gives it. */
  readonly path: string;
  /** Advance width in font units. */
  readonly width: number;
  /** Font units per em (1792): the outline spans `ascent` above and `descent` below the baseline. */
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
}

/** The npm package the icons come from. */
export const ICON_PACKAGE = 'font-awesome';
const PACKAGE = dirname(createRequire(import.meta.url).resolve(`${ICON_PACKAGE}/package.json`));
/** The TrueType font of the same icons, for writers that draw text (PDF). */
export const ICON_FONT = join(PACKAGE, 'fonts/fontawesome-webfont.ttf');

interface IconSet {
  readonly names: ReadonlyMap<string, number>;
  readonly glyphs: ReadonlyMap<number, { path: string; width: number }>;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
}

let loaded: IconSet | undefined;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function codePointOf(value: string): number | undefined {
  const entity = /^&#x([0-9a-f]+);$/i.exec(value);
  return entity ? parseInt(entity[1]!, 16) : value.length > 0 ? value.codePointAt(0) : undefined;
}

function load(): IconSet {
  if (loaded) return loaded;
  const css = readFileSync(join(PACKAGE, 'css/font-awesome.css'), 'utf8');
  const names = new Map<string, number>();
  // `.fa-warning:before, .fa-exclamation-triangle:before { content: "\f071"; }`
  for (const [, selectors, hex] of css.matchAll(/((?:\.fa-[\w-]+:before\s*,?\s*)+)\{\s*content:\s*"\\([0-9a-f]+)";?\s*\}/gi)) {
    for (const [, name] of selectors!.matchAll(/\.(fa-[\w-]+):before/g)) names.set(name!, parseInt(hex!, 16));
  }
  const svg = readFileSync(join(PACKAGE, 'fonts/fontawesome-webfont.svg'), 'utf8');
  const face = /<font-face[^>]*>/.exec(svg)?.[0] ?? '';
  const defaultWidth = Number(attribute(/<font\s[^>]*>/.exec(svg)?.[0] ?? '', 'horiz-adv-x') ?? 1536);
  const glyphs = new Map<number, { path: string; width: number }>();
  for (const [tag] of svg.matchAll(/<glyph\s[^>]*>/g)) {
    const unicode = attribute(tag, 'unicode');
    const path = attribute(tag, 'd');
    const codePoint = unicode === undefined ? undefined : codePointOf(unicode);
    if (codePoint === undefined || !path) continue;
    glyphs.set(codePoint, { path: path.replace(/\s+/g, ' ').trim(), width: Number(attribute(tag, 'horiz-adv-x') ?? defaultWidth) });
  }
  loaded = {
    names,
    glyphs,
    unitsPerEm: Number(attribute(face, 'units-per-em') ?? 1792),
    ascent: Number(attribute(face, 'ascent') ?? 1536),
    descent: Number(attribute(face, 'descent') ?? -256),
  };
  return loaded;
}

/** The icon of a Font Awesome 4.7 name (`fa-warning`, `fa-key`…), or undefined for a name it does not have. */
export function iconGlyph(name: string): IconGlyph | undefined {
  const set = load();
  const codePoint = set.names.get(name);
  const glyph = codePoint === undefined ? undefined : set.glyphs.get(codePoint);
  if (codePoint === undefined || !glyph) return undefined;
  return { name, codePoint, path: glyph.path, width: glyph.width, unitsPerEm: set.unitsPerEm, ascent: set.ascent, descent: set.descent };
}

/** How an icon is drawn, from Font Awesome's size, width and rotation classes (`fa-lg fa-fw`, `fa-rotate-270`). */
export interface IconLook {
  /** Times the text size: `fa-lg` 4/3, `fa-2x`…`fa-5x`. */
  readonly scale: number;
  /** `fa-fw`: every icon in a box of the same width (9/7 em), centred. */
  readonly fixedWidth: boolean;
  /** Clockwise degrees: `fa-rotate-90`, `-180`, `-270`. */
  readonly rotate: 0 | 90 | 180 | 270;
}

/** The classes `{% icon name … %}` and `<i class="fa …">` may carry, as Font Awesome 4.7's stylesheet names them. */
export const ICON_CLASS = /^fa-(?:lg|[2-5]x|fw|rotate-(?:90|180|270))$/;

/** The width of an `fa-fw` icon, in em (Font Awesome 4.7: 1.28571429em). */
export const FIXED_ICON_WIDTH = 9 / 7;

export function iconLook(classes: readonly string[]): IconLook {
  const size = classes.map((c) => (c === 'fa-lg' ? 4 / 3 : Number(/^fa-([2-5])x$/.exec(c)?.[1] ?? NaN))).find((n) => !Number.isNaN(n));
  const rotate = Number(classes.map((c) => /^fa-rotate-(90|180|270)$/.exec(c)?.[1]).find((r) => r !== undefined) ?? 0) as IconLook['rotate'];
  return { scale: size ?? 1, fixedWidth: classes.includes('fa-fw'), rotate };
}

/** What an icon shows, in words, for screen readers and alt text: `fa-clock-o` → "clock". */
export function iconMeaning(name: string): string {
  return name.replace(/^fa-/, '').replace(/-(o|alt|square|circle)$/g, '').replace(/-/g, ' ');
}

/** A standalone SVG document of the icon, one em high, in the current text colour. */
export function iconSvg(glyph: IconGlyph, color = 'currentColor'): string {
  const top = glyph.ascent;
  const height = glyph.ascent - glyph.descent;
  // The font's y axis points up: flip it, so the outline's baseline sits at `top` in the view box.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${glyph.width} ${height}" width="${(glyph.width / height).toFixed(3)}em" height="1em"><path fill="${color}" transform="matrix(1 0 0 -1 0 ${top})" d="${glyph.path}"/></svg>`;
}
