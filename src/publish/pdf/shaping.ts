// Shaping shared by every document of a run, and kept between runs. pdfkit shapes text with fontkit
// word by word and keeps the results per document (per embedded font); a run of many handbooks would
// shape the same words again in each, and every run again. Here one `FontShaping` per fontkit font
// serves every document drawing with it: a shaped word (glyph ids, advances, positions, the code
// points of each glyph) depends on the font and the text only, not on the document, which picks its
// own subset ids from the glyph ids when the text is drawn. Its words can be filled from the shaping
// cache (shaping-file.ts), so a word shaped in an earlier run is not shaped again: fontkit's
// GSUB/GPOS tables are then never read. Widths are memoized per face file and text.
//
// The code points of a glyph are the ones this word maps to it, never those fontkit's glyph object
// was first made with in the process (a glyph met first as U+00A0 would read as that in every later
// word): so a word's run, and a document's text layer, are the same whichever words came before,
// in this process or in the run that cached them.
import type * as fontkit from 'fontkit';
import type {} from 'pdfkit';
import { runAt, StoredRun, TableBuilder, type ShapedGlyph, type ShapedPosition, type ShapedRun, type ShapingTable } from './shaping-table.ts';

/** What this module uses of fontkit's glyph objects (not in its public types). */
interface FontkitGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
  _metrics?: unknown;
}

type GetGlyph = (id: number, codePoints?: number[]) => FontkitGlyph | null;

/** The words of one fontkit font, shaped here or read from the shaping cache. */
export class FontShaping {
  private readonly runs = new Map<string, ShapedRun | StoredRun>();
  /** pdfkit's scale: its positions are in a 1000-unit em. */
  readonly scale: number;
  /** The words fontkit shaped in this process, in order (the shaping cache files take them from here). */
  readonly shapedHere: string[] = [];

  constructor(private readonly font: fontkit.Font) {
    this.scale = 1000 / font.unitsPerEm;
  }

  /** The shaped run of `text`, as pdfkit's `layoutRun(text)` gives it, from the words known when there. */
  run(text: string): ShapedRun {
    const known = this.runs.get(text);
    if (known instanceof StoredRun) {
      const run = runAt(known.table, known.index, this.scale);
      this.runs.set(text, run);
      return run;
    }
    if (known) return known;
    const run = this.shape(text);
    this.runs.set(text, run);
    this.shapedHere.push(text);
    return run;
  }

  /** Takes the table's words this font does not know yet (read from the shaping cache). */
  adopt(table: ShapingTable): void {
    table.texts.forEach((text, i) => {
      if (!this.runs.has(text)) this.runs.set(text, new StoredRun(table, i));
    });
  }

  /** The run of a word this font shaped (in `shapedHere`). */
  shapedRun(text: string): ShapedRun {
    const run = this.runs.get(text);
    if (!run || run instanceof StoredRun) throw new Error(`shaping: "${text}" was not shaped here`);
    return run;
  }

  /**
   * Every known word as a table, unless there are more than `limit`: then only the words used in
   * this process (shaped, or read and drawn).
   */
  table(limit: number): ShapingTable {
    const table = new TableBuilder();
    const all = this.runs.size <= limit;
    for (const [text, run] of this.runs) if (all || !(run instanceof StoredRun)) table.add(text, run);
    return table.build();
  }

  /** Shapes `text` with fontkit as pdfkit does (default features, positions scaled), each glyph with this text's code points. */
  private shape(text: string): ShapedRun {
    const font = this.font as unknown as { getGlyph: GetGlyph; glyphForCodePoint(cp: number): unknown };
    const shared: GetGlyph = font.getGlyph;
    // fontkit's glyph objects are one per glyph id and font, with the code points they were first made with:
    // while this text is laid out, each glyph it asks for is a copy with the code points it gives.
    font.getGlyph = function (this: unknown, id: number, codePoints: number[] = []) {
      const glyph = shared.call(this, id, codePoints);
      if (!glyph) return glyph;
      void glyph.advanceWidth; // metrics read once, on fontkit's own object
      const Glyph = glyph.constructor as new (id: number, codePoints: number[], font: unknown) => FontkitGlyph;
      const own = new Glyph(glyph.id, codePoints, this);
      own._metrics = glyph._metrics;
      return own;
    };
    let laid: { glyphs: FontkitGlyph[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
    try {
      laid = this.font.layout(text) as typeof laid;
    } finally {
      delete (font as { getGlyph?: GetGlyph }).getGlyph;
    }
    const glyphs: ShapedGlyph[] = [];
    const positions: ShapedPosition[] = [];
    let advanceWidth = 0;
    laid.glyphs.forEach((glyph, i) => {
      const p = laid.positions[i]!;
      const advance = glyph.advanceWidth;
      glyphs.push({ id: glyph.id, advanceWidth: advance, codePoints: [...glyph.codePoints] });
      const xAdvance = p.xAdvance * this.scale;
      positions.push({ xAdvance, yAdvance: p.yAdvance * this.scale, xOffset: p.xOffset * this.scale, yOffset: p.yOffset * this.scale, advanceWidth: advance * this.scale });
      advanceWidth += xAdvance;
    });
    return { glyphs, positions, advanceWidth };
  }
}

const shapings = new WeakMap<object, FontShaping>();

/** The run's shaping of a fontkit font (one per font object and process). */
export function shapingOf(font: fontkit.Font): FontShaping {
  let s = shapings.get(font);
  if (!s) shapings.set(font, (s = new FontShaping(font)));
  return s;
}

interface PdfkitFonts {
  _font: { layoutCache?: unknown; layoutCached?: (text: string) => ShapedRun } | null;
  _fontSource: unknown;
  _fontFamily: unknown;
}

/**
 * Opens the font registered as `name` in `doc` and has it take its shaped words from `shaping`
 * (the run's shaping of the fontkit font it was registered with). The document's current font is
 * left as it was.
 */
export function shareShaping(doc: PDFKit.PDFDocument, name: string, shaping: FontShaping): void {
  const fonts = doc as unknown as PdfkitFonts;
  const { _font: current, _fontSource: source, _fontFamily: family } = fonts;
  doc.font(name);
  const opened = fonts._font;
  fonts._font = current;
  fonts._fontSource = source;
  fonts._fontFamily = family;
  // pdfkit without a layout cache (the `fontLayoutCache: false` option) keeps none: neither do we.
  if (!opened?.layoutCache) return;
  opened.layoutCached = (text) => shaping.run(text);
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
