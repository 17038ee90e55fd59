// fontkit (pdfkit's font engine) ships no types; this covers what the PDF writer uses: the coverage
// check, and what its shaping reads (shaping.ts types the glyph run it gets from `layout`).
declare module 'fontkit' {
  export interface Font {
    readonly unitsPerEm: number;
    readonly numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Shapes `text` with the font's default features: glyphs and positions in font units. */
    layout(text: string): unknown;
  }
  export function create(buffer: Buffer): Font;
}
