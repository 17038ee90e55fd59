// fontkit (pdfkit's font engine) ships no types; this covers the coverage check the PDF writer makes.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
