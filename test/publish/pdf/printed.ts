// What a reader must find printed for an article of a handbook document: the text of each heading,
// paragraph, list item, table cell, caption, callout label, tab title and code block, one string per
// run of inline content (as the PDF writer lays them out), and how to compare them with extracted text.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { iconGlyph } from '../../../src/handbook/icons.ts';

const INLINE = new Set(['strong', 'b', 'em', 'i', 'del', 's', 'code', 'a', 'br', 'span', 'bdi', 'img', 'sub', 'sup', 'u', 'small', 'mark', 'kbd', 'abbr']);

/** Stands for a line break (`br`) while a run's text is gathered. */
const BREAK = '\u0001';

const isInline = (n: ElementContent) => n.type === 'text' || (n.type === 'element' && INLINE.has(n.tagName));

const classes = (el: Element): string[] => {
  const c = el.properties?.['className'];
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? String(c).split(/\s+/) : [];
};

/** The text an inline node prints: an inline picture as its `[alt]`, an icon as its glyph (dropped by `comparable`) or, unknown, its `[label]`. */
function inlineText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'img') {
    const alt = String(node.properties?.['alt'] ?? '').trim();
    return alt ? `[${alt}]` : '';
  }
  const icon = classes(node).includes('icon') ? String(node.properties?.['dataIcon'] ?? '') : undefined;
  if (icon !== undefined) return iconGlyph(icon) ? '' : `[${String(node.properties?.['ariaLabel'] ?? '')}]`;
  if (node.tagName === 'br') return BREAK;
  return node.children.map(inlineText).join('');
}

/** A paragraph holding nothing but a picture is a figure without caption: nothing printed. */
function pictureOnly(el: Element): boolean {
  return el.tagName === 'p' && toString(el).trim() === '';
}

/** A text a reader must find printed; a table cell's may be read in pieces (see `isPrinted`). */
export interface PrintedText {
  readonly text: string;
  readonly cell: boolean;
}

function flowTexts(nodes: readonly ElementContent[], out: PrintedText[], cell = false): void {
  let run = '';
  const flush = () => {
    // A line break ends a piece: pdftotext may read a table cell's lines apart, between its neighbours'.
    for (const piece of run.split(BREAK)) if (piece.trim()) out.push({ text: piece, cell });
    run = '';
  };
  for (const n of nodes) {
    if (isInline(n)) run += inlineText(n);
    else if (n.type === 'element') {
      flush();
      blockTexts(n, out, cell);
    }
  }
  flush();
}

function blockTexts(el: Element, out: PrintedText[], cell: boolean): void {
  if (el.tagName === 'pre') {
    out.push({ text: toString(el), cell });
    return;
  }
  if (el.tagName === 'figure') {
    for (const c of el.children) if (c.type === 'element' && c.tagName === 'figcaption') flowTexts(c.children, out, cell);
    return;
  }
  if (pictureOnly(el)) return;
  flowTexts(el.children, out, cell || el.tagName === 'td' || el.tagName === 'th');
}

/** Every text a reader must find printed for an article's body, in document order. */
export function printedTexts(body: Root): PrintedText[] {
  const out: PrintedText[] = [];
  flowTexts(body.children.filter((c): c is ElementContent => c.type !== 'doctype'), out);
  return out;
}

/**
 * Text reduced to what survives extraction in any layout: no white space (line breaks fall
 * anywhere, CJK lines break between characters), no bidi controls, joiners or other characters
 * that draw nothing, no icon glyphs (private use), and no hyphens (pdftotext joins a line ending
 * in "-" with the next one and drops the hyphen).
 */
export function comparable(text: string): string {
  return text.replace(/[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ue000-\uf8ff\u002d\u2010]/g, '');
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Whether `text` is in the comparable `printed` text. pdftotext puts the marks of right-to-left
 * letters before their base letter and punctuation at the far end of a right-to-left line, so text
 * with Arabic or Hebrew letters is compared without marks and punctuation. pdftotext joins the
 * lines of neighbouring table cells into one line ("globalSettings__organizationInviteExpirationH
 * Specify the number…"), so a cell's text may be found in pieces, in order, 4 characters long on average.
 */
export function isPrinted(printed: string, text: string, cell = false): boolean {
  const loose = RIGHT_TO_LEFT.test(text) ? (s: string) => comparable(s).replace(/[\p{M}\p{P}]/gu, '') : comparable;
  const [where, want] = [loose(printed), loose(text)];
  if (where.includes(want)) return true;
  if (!cell) return false;
  let at = 0;
  let from = 0;
  let pieces = 0;
  while (at < want.length) {
    // The longest piece found from `from` on (a piece found means each of its prefixes is too).
    let [low, high] = [0, want.length - at];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (where.indexOf(want.slice(at, at + mid), from) >= 0) low = mid;
      else high = mid - 1;
    }
    if (low === 0) return false;
    from = where.indexOf(want.slice(at, at + low), from) + low;
    at += low;
    pieces++;
  }
  return pieces <= Math.max(2, want.length / 4);
}
