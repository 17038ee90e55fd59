// What a reader must find printed for an article of a handbook document: the text of each heading,
// paragraph, list item, table cell, caption, callout label, tab title and code block, one string per
// run of inline content (as the PDF writer lays them out), and how to compare them with extracted text.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { iconGlyph } from '../../../src/handbook/icons.ts';

const INLINE = new Set(['strong', 'b', 'em', 'i', 'del', 's', 'code', 'a', 'br', 'span', 'bdi', 'img', 'sub', 'sup', 'u', 'small', 'mark', 'kbd', 'abbr']);

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
  return node.children.map(inlineText).join('');
}

/** A paragraph holding nothing but a picture is a figure without caption: nothing printed. */
function pictureOnly(el: Element): boolean {
  return el.tagName === 'p' && toString(el).trim() === '';
}

function flowTexts(nodes: readonly ElementContent[], out: string[]): void {
  let run = '';
  const flush = () => {
    if (run.trim()) out.push(run);
    run = '';
  };
  for (const n of nodes) {
    if (isInline(n)) run += inlineText(n);
    else if (n.type === 'element') {
      flush();
      blockTexts(n, out);
    }
  }
  flush();
}

function blockTexts(el: Element, out: string[]): void {
  if (el.tagName === 'pre') {
    out.push(toString(el));
    return;
  }
  if (el.tagName === 'figure') {
    for (const c of el.children) if (c.type === 'element' && c.tagName === 'figcaption') flowTexts(c.children, out);
    return;
  }
  if (pictureOnly(el)) return;
  flowTexts(el.children, out);
}

/** Every text a reader must find printed for an article's body, in document order. */
export function printedTexts(body: Root): string[] {
  const out: string[] = [];
  flowTexts(body.children.filter((c): c is ElementContent => c.type !== 'doctype'), out);
  return out;
}

/**
 * Text reduced to what survives extraction in any layout: no white space (line breaks fall
 * anywhere, CJK lines break between characters), no bidi controls, joiners or other characters
 * that draw nothing, no icon glyphs (private use).
 */
export function comparable(text: string): string {
  return text.replace(/[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ue000-\uf8ff]/g, '');
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Whether `text` is in the comparable `printed` text. pdftotext puts the marks of right-to-left
 * letters before their base letter and punctuation at the far end of a right-to-left line, so text
 * with Arabic or Hebrew letters is compared without marks and punctuation.
 */
export function isPrinted(printed: string, text: string): boolean {
  if (!RIGHT_TO_LEFT.test(text)) return printed.includes(comparable(text));
  const loose = (s: string) => comparable(s).replace(/[\p{M}\p{P}]/gu, '');
  return loose(printed).includes(loose(text));
}
