// Text shown straight into the page's content stream. pdfkit's `text()` wraps, measures again,
// parses options and writes a dozen small chunks per call; the writer has laid its lines out itself,
// so it needs only the last step: the font's glyphs for the string (pdfkit's own `encode`, which adds
// them to the subset and the text layer's ToUnicode map) written as one BT…ET block, the same
// operators pdfkit writes for a line without options.
import type {} from 'pdfkit';

interface Position {
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly advanceWidth: number;
}

/** What this module uses of pdfkit's document and embedded font (not in its public types). */
interface PdfkitText {
  readonly _font: { readonly id: string; ref(): unknown; encode(text: string): [string[], Position[]] };
  readonly _fontSize: number;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

type EmbeddedFont = PdfkitText['_font'];

interface Encoded {
  readonly glyphs: readonly string[];
  readonly positions: readonly Position[];
}

/** Each word a document's font encoded, with its positions: a word's subset ids do not change once its glyphs are in the subset. */
const encodedWords = new WeakMap<EmbeddedFont, Map<string, Encoded>>();

/**
 * pdfkit's `font.encode(text)`, word by word as pdfkit lays text out (each word with the space or
 * tab after it), each word encoded by pdfkit the first time the document draws it and reused after:
 * the same glyph ids, positions, subset, widths and text layer, without encoding every glyph again.
 */
function encode(font: EmbeddedFont, text: string): [string[], Position[]] {
  let words = encodedWords.get(font);
  if (!words) encodedWords.set(font, (words = new Map()));
  const glyphs: string[] = [];
  const positions: Position[] = [];
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    const c = text.charCodeAt(index);
    if (index === text.length ? last < index : c === 0x20 || c === 0x09) {
      const word = text.slice(last, index + 1);
      let known = words.get(word);
      if (!known) {
        const [g, p] = font.encode(word);
        words.set(word, (known = { glyphs: g, positions: p }));
      }
      for (let i = 0; i < known.glyphs.length; i++) {
        glyphs.push(known.glyphs[i]!);
        positions.push(known.positions[i]!);
      }
      last = index + 1;
    }
  }
  return [glyphs, positions];
}

/** A number as pdfkit writes it into content streams. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Shows `text` in the document's current font and size with its baseline starting at (x, y), in pdfkit's top-down coordinates. */
export function showText(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  const d = doc as unknown as PdfkitText;
  const font = d._font;
  const page = d.page;
  const string = text.replace(/\n/g, '');
  if (string === '') return;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const [encoded, positions] = encode(font, string);
  const scale = d._fontSize / 1000;
  // pdfkit draws with y downwards (its page starts with a flip); text is set in the PDF's own space.
  const top = page.height - y;
  const out = [`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(d._fontSize)} Tf`];
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number): void => {
    if (last < end) {
      const p = positions[end - 1]!;
      commands.push(`<${encoded.slice(last, end).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = end;
  };
  const flush = (end: number): void => {
    segment(end);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let cx = x;
  let offset = false;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      // A glyph moved off the pen position (a mark above or below its letter): placed on its own.
      flush(i);
      out.push(`1 0 0 1 ${num(cx + p.xOffset * scale)} ${num(top + p.yOffset * scale)} Tm`);
      flush(i + 1);
      offset = true;
    } else {
      if (offset) {
        out.push(`1 0 0 1 ${num(cx)} ${num(top)} Tm`);
        offset = false;
      }
      if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
    }
    cx += p.xAdvance * scale;
  }
  flush(positions.length);
  out.push('ET\nQ');
  d.addContent(out.join('\n'));
}
