// Shaping shared by every document of a run. pdfkit shapes text with fontkit word by word and keeps the
// results per document (per embedded font); a run of many handbooks shapes the same words again in
// each. Here one cache per fontkit font serves every document drawing with it: a shaped word (glyph
// ids, advances, positions, fontkit's glyph objects) depends on the font and the text only, not on
// the document, which picks its own subset ids from the glyph ids when the text is drawn; a document
// given a fontkit font of its own gets a cache of its own. Widths are memoized per face file and text.
import type {} from 'pdfkit';

/** pdfkit's shaped words of one font, as its embedded fonts keep them (`layoutCache`). */
type LayoutCache = Record<string, unknown>;

const layouts = new WeakMap<object, LayoutCache>();

interface PdfkitFonts {
  _font: { layoutCache?: LayoutCache } | null;
  _fontSource: unknown;
  _fontFamily: unknown;
}

/**
 * Opens the font registered as `name` in `doc` and gives it the run's shared cache of shaped words for
 * `font` (the fontkit font it was registered with). The document's current font is left as it was.
 */
export function shareShaping(doc: PDFKit.PDFDocument, name: string, font: object): void {
  const fonts = doc as unknown as PdfkitFonts;
  const { _font: current, _fontSource: source, _fontFamily: family } = fonts;
  doc.font(name);
  const opened = fonts._font;
  fonts._font = current;
  fonts._fontSource = source;
  fonts._fontFamily = family;
  // pdfkit without a layout cache (the `fontLayoutCache: false` option) keeps none: neither do we.
  if (!opened?.layoutCache) return;
  let shared = layouts.get(font);
  if (!shared) layouts.set(font, (shared = Object.create(null) as LayoutCache));
  opened.layoutCache = shared;
}

const widths = new Map<string, Map<string, number>>();

/** The advance of `text` in the face at `path` at size 1, from `measure` the first time. */
export function unitWidth(path: string, text: string, measure: () => number): number {
  let memo = widths.get(path);
  if (!memo) widths.set(path, (memo = new Map()));
  let w = memo.get(text);
  if (w === undefined) memo.set(text, (w = measure()));
  return w;
}
