// Figures: a picture scaled to the column (never past its size at 96 dpi, never taller than most of a
// page) with its caption; a picture that is missing or unreadable becomes a captioned placeholder.
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { spansOf, statedDirection } from './inline.ts';
import type { Frame, Layout } from './layout.ts';
import { drawLine, layoutText } from './text.ts';
import { hasClass } from './inline.ts';

function imgOf(el: Element): Element | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'img') return c;
    const inner = c.tagName === 'a' ? imgOf(c) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** A paragraph that holds nothing but a picture (a raw `<img>` on its own line) is shown as a figure. */
export function pictureParagraph(el: Element): boolean {
  return imgOf(el) !== undefined && toString(el).trim() === '';
}

function captionOf(el: Element): Element | undefined {
  return el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
}

export function figure(el: Element, ctx: Layout, frame: Frame): void {
  const img = imgOf(el);
  const captionElement = captionOf(el);
  const caption = captionElement?.children ?? [];
  const alt = String(img?.properties?.['alt'] ?? '').trim() || toString({ type: 'element', tagName: 'span', properties: {}, children: caption }).trim();
  const src = img ? String(img.properties?.['src'] ?? '') : '';
  const picture = img && !hasClass(el, 'missing') ? ctx.openPicture(src) : undefined;
  if (picture instanceof Error) ctx.warn('missing-image', `${picture.message}: a placeholder is printed instead`);
  const capStyle = { ...ctx.theme.small, font: 'italic' as const };
  const capSpans = spansOf(caption, capStyle, ctx);
  // The caption's direction: the one it states (a caption in the source language), else the one it inherits.
  const capDirection = statedDirection(captionElement) ?? ctx.inherited;
  const capLines = caption.length ? layoutText(ctx, capSpans, frame.width, capDirection) : [];
  const capHeight = capLines.reduce((a, l) => a + l.height, 0);
  const maxHeight = (ctx.bottom - ctx.top) * 0.62;
  let width = frame.width;
  let height = 48;
  if (picture && !(picture instanceof Error)) {
    const natural = picture.width * 0.75;
    width = Math.min(frame.width, natural);
    height = (width * picture.height) / picture.width;
    if (height > maxHeight) {
      width = (width * maxHeight) / height;
      height = maxHeight;
    }
  }
  ctx.y += 4;
  ctx.ensure(height + capHeight + 6);
  const x = frame.left + (frame.width - width) / 2;
  ctx.within(
    'Figure',
    () => {
      if (picture && !(picture instanceof Error)) {
        ctx.mark();
        ctx.doc.image(picture.image as unknown as PDFKit.Mixins.ImageSrc, x, ctx.y, { width, height });
      } else {
        ctx.artifact(() => ctx.doc.save().dash(3, { space: 3 }).rect(x + 0.5, ctx.y + 0.5, width - 1, height - 1).lineWidth(0.8).strokeColor('#8c959f').stroke().undash().restore());
      }
      ctx.y += height + 3;
      if (capLines.length) {
        ctx.within('Caption', () => {
          for (const l of capLines) {
            ctx.ensure(l.height);
            ctx.mark();
            drawLine(ctx, l, frame.left, ctx.y, frame.width, capDirection, 'center');
            ctx.y += l.height;
          }
        });
      }
    },
    { alt: alt || src },
  );
  ctx.y += ctx.theme.paragraphGap + 2;
}
