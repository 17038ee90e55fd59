// Inline content of the handbook document's hast → styled spans, one handler per element.
import type { Element, ElementContent } from 'hast';
import { directionOf } from '../../handbook/assemble.ts';
import { FIXED_ICON_WIDTH, iconGlyph, iconLook } from '../../handbook/icons.ts';
import type { Layout } from './layout.ts';
import type { FontStyle } from './fonts.ts';
import type { Direction, Span, TextStyle } from './text.ts';

type InlineHandler = (el: Element, style: TextStyle, ctx: Layout, out: Span[]) => void;

const BOLD: Partial<Record<FontStyle, FontStyle>> = { regular: 'bold', italic: 'boldItalic', mono: 'monoBold' };
const ITALIC: Partial<Record<FontStyle, FontStyle>> = { regular: 'italic', bold: 'boldItalic' };

function withFont(style: TextStyle, map: Partial<Record<FontStyle, FontStyle>>): TextStyle {
  const f = map[style.font];
  return f ? { ...style, font: f } : style;
}

function children(el: Element, style: TextStyle, ctx: Layout, out: Span[]): void {
  for (const c of el.children) inlineSpans(c, style, ctx, out);
}

const HANDLERS: ReadonlyMap<string, InlineHandler> = new Map<string, InlineHandler>([
  ['strong', (el, s, ctx, out) => children(el, withFont(s, BOLD), ctx, out)],
  ['b', (el, s, ctx, out) => children(el, withFont(s, BOLD), ctx, out)],
  ['em', (el, s, ctx, out) => children(el, withFont(s, ITALIC), ctx, out)],
  ['del', (el, s, ctx, out) => children(el, { ...s, strike: true }, ctx, out)],
  ['s', (el, s, ctx, out) => children(el, { ...s, strike: true }, ctx, out)],
  ['code', code],
  ['kbd', code],
  [
    'a',
    (el, s, ctx, out) => {
      const href = el.properties?.['href'];
      const link = typeof href === 'string' && /^(#|https?:|mailto:)/.test(href) ? href : undefined;
      inDirection(statedDirection(el), link ? { ...s, link, color: ctx.theme.link, underline: true } : s, out, (style) => children(el, style, ctx, out));
    },
  ],
  ['br', (_el, s, _ctx, out) => void out.push({ text: '\n', style: s })],
  ['span', isolated],
  ['bdi', isolated],
  ['i', (el, s, ctx, out) => (iconName(el) !== undefined ? icon(el, s, ctx, out) : children(el, withFont(s, ITALIC), ctx, out))],
  [
    'img',
    (el, s, _ctx, out) => {
      const alt = el.properties?.['alt'];
      if (typeof alt === 'string' && alt.trim()) out.push({ text: `[${alt.trim()}]`, style: withFont(s, ITALIC) });
    },
  ],
]);

/** The spans `draw` appends, isolated in `dir` (LRI/RLI … PDI) when one is given, as `<bdi dir>` is in HTML. */
function inDirection(dir: Direction | undefined, s: TextStyle, out: Span[], draw: (style: TextStyle) => void): void {
  if (!dir) return draw(s);
  out.push({ text: dir === 'ltr' ? '\u2066' : '\u2067', style: s });
  draw(s);
  out.push({ text: '\u2069', style: s });
}

/** Text in another direction (a fallback to the source language, an address) is isolated. */
function isolated(el: Element, s: TextStyle, ctx: Layout, out: Span[]): void {
  inDirection(statedDirection(el), s, out, (style) => children(el, style, ctx, out));
}

/**
 * Inline code and keys, in the monospaced face, isolated left to right: in a right-to-left
 * paragraph `--format pdf` keeps its dashes and spaces where they are.
 */
function code(el: Element, s: TextStyle, ctx: Layout, out: Span[]): void {
  const style: TextStyle = { ...s, font: s.font === 'bold' || s.font === 'boldItalic' ? 'monoBold' : 'mono', size: s.size * 0.9, background: ctx.theme.codeBackground };
  inDirection('ltr', style, out, (inner) => children(el, inner, ctx, out));
}

/** A title in `language` isolated inside a document in another direction. */
export function isolate(text: string, language: string | undefined, documentLanguage: string): string {
  if (!language || language === documentLanguage) return text;
  return `${directionOf(language) === 'rtl' ? '\u2067' : '\u2066'}${text}\u2069`;
}

/** The direction an element states (`dir`, as fallback text carries), if any. */
export function statedDirection(el: Element | undefined): Direction | undefined {
  const dir = el?.properties?.['dir'];
  return dir === 'ltr' || dir === 'rtl' ? dir : undefined;
}

export function hasClass(el: Element, name: string): boolean {
  const c = el.properties?.['className'];
  return Array.isArray(c) ? c.includes(name) : typeof c === 'string' && String(c).split(' ').includes(name);
}

const classesOf = (el: Element): string[] => {
  const c = el.properties?.['className'];
  return Array.isArray(c) ? c.map(String) : [];
};

/** `i.icon[data-icon]`, or the raw HTML the corpus also writes: `<i class="fa fa-check">`. */
function iconName(el: Element): string | undefined {
  if (hasClass(el, 'icon')) return String(el.properties?.['dataIcon'] ?? '');
  const c = classesOf(el);
  if (!c.includes('fa')) return undefined;
  return c.find((x) => x.startsWith('fa-') && !/^fa-(lg|[2-5]x|fw|spin|pulse|border|inverse|rotate-\d+|flip-\w+|stack(-\dx)?|li|ul)$/.test(x));
}

/** The icon's style: Font Awesome's size (`fa-lg`), width (`fa-fw`) and rotation (`fa-rotate-270`) classes applied. */
function iconStyle(el: Element, s: TextStyle): TextStyle {
  const look = iconLook(classesOf(el));
  return { ...s, font: 'icon', background: undefined, size: s.size * look.scale, ...(look.fixedWidth ? { box: FIXED_ICON_WIDTH } : {}), ...(look.rotate ? { rotate: look.rotate } : {}) };
}

function icon(el: Element, s: TextStyle, ctx: Layout, out: Span[]): void {
  const name = iconName(el) ?? '';
  const cp = iconGlyph(name)?.codePoint;
  if (cp === undefined) {
    const label = el.properties?.['ariaLabel'];
    ctx.warn('unknown-icon', `unknown icon "${name}": shown as its label`);
    if (typeof label === 'string' && label) out.push({ text: `[${label}]`, style: s });
    return;
  }
  out.push({ text: String.fromCodePoint(cp), style: iconStyle(el, s) });
}

/** Appends the spans of an inline node. Unknown elements show their text. */
export function inlineSpans(node: ElementContent, style: TextStyle, ctx: Layout, out: Span[]): void {
  if (node.type === 'text') {
    if (node.value) out.push({ text: node.value, style });
    return;
  }
  if (node.type !== 'element') return;
  const handler = HANDLERS.get(node.tagName);
  if (handler) handler(node, style, ctx, out);
  else children(node, style, ctx, out);
}

export function spansOf(nodes: readonly ElementContent[], style: TextStyle, ctx: Layout): Span[] {
  const out: Span[] = [];
  for (const n of nodes) inlineSpans(n, style, ctx, out);
  return out;
}
