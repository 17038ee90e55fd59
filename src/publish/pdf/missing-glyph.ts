// The error a PDF handbook stops on when no font can draw a character: the article's text must
// change, so the command reports it as refused input (exit 1). Kept apart from fonts.ts so that the
// command line can name it without loading fontkit.
/** The character no configured font can draw, with where it stands. */
export class MissingGlyphError extends Error {
  constructor(
    readonly article: string,
    readonly character: string,
  ) {
    const cp = character.codePointAt(0) ?? 0;
    super(
      `${article}: no configured font can draw the character "${character}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}): ` +
        'replace it in the article or its translation',
    );
    this.name = 'MissingGlyphError';
  }
}
