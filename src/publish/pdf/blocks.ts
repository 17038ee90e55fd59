// Block layout: one handler per element of the handbook document's vocabulary, laying its content
// out from the cursor down, starting new pages as needed, inside the structure element it stands for.
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { figure, pictureParagraph } from './figure.ts';
import { hasClass, spansOf, statedDirection } from './inline.ts';
import type { Frame, Layout, OpenBox } from './layout.ts';
import { table } from './table.ts';
import { drawLine, layoutText, type Align, type Direction, type Span, type TextStyle } from './text.ts';

type BlockHandler = (el: Element, ctx: Layout, frame: Frame) => void;

const INLINE = new Set(['strong', 'b', 'em', 'i', 'del', 's', 'code', 'a', 'br', 'span', 'bdi', 'img', 'sub', 'sup', 'u', 'small', 'mark', 'kbd', 'abbr']);

function isInline(n: ElementContent): boolean {
  return n.type === 'text' || (n.type === 'element' && INLINE.has(n.tagName));
}

/**
 * Lays out the lines of a paragraph, each on the page where it fits, in its base direction: the one
 * its element states, else the one it inherits, as the HTML handbook lays it out (a tab title
 * "Linux" in an Arabic handbook is right to left, at the right edge, whatever its letters).
 */
export function paragraph(ctx: Layout, spans: readonly Span[], frame: Frame, options: { type?: string; align?: Align; gap?: number; pre?: boolean; dir?: Direction } = {}): void {
  const direction = options.dir ?? ctx.inherited;
  const lines = layoutText(ctx, spans, frame.width, direction, options.pre);
  if (!lines.length) return;
  ctx.within(options.type ?? 'P', () => {
    for (const line of lines) {
      ctx.ensure(line.height);
      ctx.mark();
      drawLine(ctx, line, frame.left, ctx.y, frame.width, direction, options.align);
      ctx.y += line.height;
    }
  });
  ctx.y += options.gap ?? ctx.theme.paragraphGap;
}

/** Lays out a mix of block and inline children: runs of inline content become paragraphs. */
export function flow(nodes: readonly ElementContent[], ctx: Layout, frame: Frame, style: TextStyle = ctx.theme.body): void {
  let run: ElementContent[] = [];
  const flush = (): void => {
    if (run.some((n) => n.type !== 'text' || n.value.trim() !== '')) paragraph(ctx, spansOf(run, style, ctx), frame);
    run = [];
  };
  for (const n of nodes) {
    if (isInline(n)) run.push(n);
    else if (n.type === 'element') {
      flush();
      block(n, ctx, frame);
    }
  }
  flush();
}

export function block(el: Element, ctx: Layout, frame: Frame): void {
  const line = el.position?.start.line;
  if (line !== undefined) ctx.articleLine = line;
  const handler = HANDLERS.get(el.tagName);
  // What it holds inherits the direction it states (a fallback list, table or callout: left to right).
  ctx.inDirection(statedDirection(el), () => (handler ? handler(el, ctx, frame) : flow(el.children, ctx, frame)));
}

function heading(el: Element, ctx: Layout, frame: Frame): void {
  const level = Number(el.tagName.slice(1));
  const style = ctx.theme.headings[level] ?? ctx.theme.headings[6]!;
  const spans = spansOf(el.children, style, ctx);
  ctx.y += style.size * 0.5;
  // Keep a heading with the first lines of what follows it.
  ctx.ensure(style.size * 1.45 * 2 + ctx.theme.body.size * 1.45 * 3);
  const id = el.properties?.['id'];
  if (typeof id === 'string' && id) {
    ctx.doc.addNamedDestination(id, 'XYZ', 0, ctx.y, null as unknown as number);
    ctx.place(id);
  }
  const title = toString(el).trim();
  if (title && level <= 3 && ctx.outline.length) {
    const parent = level === 2 ? ctx.outline[0]! : ctx.outline[ctx.outline.length - 1]!;
    const item = parent.addItem(title);
    if (level === 2) ctx.outline = [ctx.outline[0]!, item];
  }
  paragraph(ctx, spans, frame, { type: `H${Math.min(level, 6)}`, gap: style.size * 0.35, dir: statedDirection(el) });
}

const BULLETS = ['•', '◦', '▪'];

/** The direction a list item states, or that its first block states (a loose item's paragraph). */
function itemDirection(item: Element): Direction | undefined {
  const first = item.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  return statedDirection(item) ?? (first?.type === 'element' && !INLINE.has(first.tagName) ? statedDirection(first) : undefined);
}

function list(el: Element, ctx: Layout, frame: Frame): void {
  const ordered = el.tagName === 'ol';
  const start = Number(el.properties?.['start'] ?? 1) || 1;
  const depth = Number((el.data as { depth?: number } | undefined)?.depth ?? 0);
  const indent = ctx.theme.listIndent;
  let n = start;
  ctx.within('L', () => {
    for (const item of el.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue;
      // The marker stands at the start of the item's own direction (a fallback item in an Arabic handbook: on the left).
      const rtl = (itemDirection(item) ?? ctx.inherited) === 'rtl';
      const body: Frame = { left: rtl ? frame.left : frame.left + indent, width: frame.width - indent };
      for (const c of item.children) {
        if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) c.data = { ...(c.data ?? {}), depth: depth + 1 } as typeof c.data;
      }
      ctx.within('LI', () => {
        ctx.ensure(ctx.theme.body.size * 1.45);
        const marker = ordered ? `${n}.` : BULLETS[depth % BULLETS.length]!;
        const lines = layoutText(ctx, [{ text: marker, style: ctx.theme.body }], indent * 2, 'ltr');
        ctx.within('Lbl', () => {
          ctx.mark();
          const markerFrame: Frame = rtl ? { left: frame.left + frame.width - indent + 4, width: indent - 4 } : { left: frame.left, width: indent - 4 };
          for (const l of lines) drawLine(ctx, l, markerFrame.left, ctx.y, markerFrame.width, 'ltr', rtl ? 'start' : 'end');
        });
        ctx.within('LBody', () => ctx.inDirection(statedDirection(item), () => flow(item.children, ctx, body, ctx.theme.body)));
      });
      n++;
    }
  });
}

function codeBlock(el: Element, ctx: Layout, frame: Frame): void {
  const text = toString(el).replace(/\t/g, '    ').replace(/\n$/, '');
  const pad = 6;
  const inner = frame.width - 2 * pad;
  let style = ctx.theme.code;
  // A block a little too wide is set smaller; a much wider one wraps.
  const mono = ctx.fonts.faceFor(0x41, 'mono')!;
  const widest = Math.max(...text.split('\n').map((l) => ctx.doc.font(mono.name).fontSize(style.size).widthOfString(l)));
  if (widest > inner && widest <= inner * 1.25) style = { ...style, size: (style.size * inner) / widest };
  const spans: Span[] = [];
  text.split('\n').forEach((l, i) => {
    if (i) spans.push({ text: '\n', style });
    if (l) spans.push({ text: l, style });
  });
  const lines = layoutText(ctx, spans, inner, 'ltr', true);
  ctx.y += 2;
  ctx.within('Code', () => {
    lines.forEach((line, i) => {
      ctx.ensure(line.height + (i === 0 ? pad : 0));
      const first = i === 0 || ctx.y === ctx.top;
      const h = line.height + (first ? pad : 0) + (i === lines.length - 1 ? pad : 0);
      ctx.artifact(() => ctx.doc.save().rect(frame.left, ctx.y, frame.width, h).fill(ctx.theme.codeBackground).restore());
      if (first) ctx.y += pad;
      ctx.mark();
      drawLine(ctx, line, frame.left + pad, ctx.y, inner, 'ltr');
      ctx.y += line.height;
    });
  });
  ctx.y += pad + ctx.theme.paragraphGap;
}

/** A box drawn around content that may continue on the next pages. */
function boxed(ctx: Layout, frame: Frame, color: string, pad: number, content: (inner: Frame) => void): void {
  // The bar stands at the start of the box's own direction, as the HTML's border-inline-start.
  const rtl = ctx.inherited === 'rtl';
  const bar = 3;
  const box: OpenBox = {
    top: ctx.y,
    drawPart: (top, bottom) =>
      ctx.artifact(() => {
        const d = ctx.doc;
        d.save().fillOpacity(0.07).rect(frame.left, top, frame.width, bottom - top).fill(color).restore();
        d.save().rect(rtl ? frame.left + frame.width - bar : frame.left, top, bar, bottom - top).fill(color).restore();
      }),
  };
  ctx.ensure(ctx.theme.body.size * 1.45 * 3);
  box.top = ctx.y;
  ctx.boxes.push(box);
  ctx.y += pad;
  content({ left: frame.left + (rtl ? pad : pad + bar), width: frame.width - 2 * pad - bar });
  ctx.y += pad - ctx.theme.paragraphGap;
  ctx.boxes.pop();
  box.drawPart(box.top, ctx.y, true);
  ctx.y += ctx.theme.paragraphGap * 1.5;
}

function callout(el: Element, ctx: Layout, frame: Frame): void {
  const kind = String(el.properties?.['dataCallout'] ?? 'info');
  const color = ctx.theme.callouts.get(kind)?.color ?? ctx.theme.callouts.get('info')!.color;
  ctx.within('Div', () =>
    boxed(ctx, frame, color, 8, (inner) => {
      for (const c of el.children) {
        if (c.type === 'element' && c.tagName === 'p' && hasClass(c, 'callout-label')) {
          paragraph(ctx, spansOf(c.children, { ...ctx.theme.body, font: 'bold', color }, ctx), inner, { gap: 3 });
        } else if (c.type === 'element') block(c, ctx, inner);
        else if (c.type === 'text' && c.value.trim()) paragraph(ctx, spansOf([c], ctx.theme.body, ctx), inner);
      }
    }),
  );
}

function tabs(el: Element, ctx: Layout, frame: Frame): void {
  ctx.within('Div', () => {
    for (const tab of el.children) {
      if (tab.type !== 'element') continue;
      ctx.within('Div', () => {
        for (const c of tab.children) {
          if (c.type === 'element' && c.tagName === 'p' && hasClass(c, 'tab-title')) {
            ctx.ensure(ctx.theme.body.size * 1.45 * 4);
            const y = ctx.y;
            paragraph(ctx, spansOf(c.children, { ...ctx.theme.body, font: 'bold', color: ctx.theme.headings[2]!.color }, ctx), frame, { gap: 2 });
            ctx.artifact(() =>
              ctx.doc.save().moveTo(frame.left, ctx.y).lineTo(frame.left + frame.width, ctx.y).lineWidth(1.2).strokeColor(ctx.theme.headings[2]!.color).stroke().restore(),
            );
            if (ctx.y < y) ctx.y = ctx.top;
            ctx.y += 5;
          } else if (c.type === 'element') block(c, ctx, frame);
          else if (c.type === 'text' && c.value.trim()) paragraph(ctx, spansOf([c], ctx.theme.body, ctx), frame);
        }
      });
    }
  });
}

function rule(_el: Element, ctx: Layout, frame: Frame): void {
  ctx.ensure(12);
  ctx.y += 6;
  ctx.artifact(() => ctx.doc.save().moveTo(frame.left, ctx.y).lineTo(frame.left + frame.width, ctx.y).lineWidth(0.6).strokeColor(ctx.theme.rule).stroke().restore());
  ctx.y += 6;
}

function quote(el: Element, ctx: Layout, frame: Frame): void {
  ctx.within('BlockQuote', () => boxed(ctx, frame, ctx.theme.rule, 4, (inner) => flow(el.children, ctx, inner)));
}

function para(el: Element, ctx: Layout, frame: Frame): void {
  if (pictureParagraph(el)) return figure(el, ctx, frame);
  if (hasClass(el, 'notice')) {
    return ctx.within('Div', () =>
      boxed(ctx, frame, ctx.theme.callouts.get('warning')!.color, 6, (inner) => paragraph(ctx, spansOf(el.children, { ...ctx.theme.body, font: 'italic' }, ctx), inner)),
    );
  }
  paragraph(ctx, spansOf(el.children, ctx.theme.body, ctx), frame, { dir: statedDirection(el) });
}

function aside(el: Element, ctx: Layout, frame: Frame): void {
  if (hasClass(el, 'callout')) callout(el, ctx, frame);
  else ctx.within('Div', () => flow(el.children, ctx, frame));
}

function section(el: Element, ctx: Layout, frame: Frame): void {
  if (hasClass(el, 'tabs')) tabs(el, ctx, frame);
  else ctx.within('Div', () => flow(el.children, ctx, frame));
}

const HANDLERS: ReadonlyMap<string, BlockHandler> = new Map<string, BlockHandler>([
  ['h1', heading],
  ['h2', heading],
  ['h3', heading],
  ['h4', heading],
  ['h5', heading],
  ['h6', heading],
  ['p', para],
  ['ul', list],
  ['ol', list],
  ['pre', codeBlock],
  ['blockquote', quote],
  ['hr', rule],
  ['table', table],
  ['figure', figure],
  ['aside', aside],
  ['section', section],
]);
