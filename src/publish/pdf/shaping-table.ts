// Shaped words as flat arrays: the form the shaping cache keeps on disk (one table per font file).
// Entry i is the text `texts[i]`; its glyphs are glyphStart[i] … glyphStart[i + 1] - 1; glyph g has
// the id `ids[g]`, the advance `advances[g]` (font units), the code points codePointStart[g] …
// codePointStart[g + 1] - 1 of `codePoints` (what the text layer's ToUnicode map says it reads), and
// the position xAdvance, yAdvance, xOffset, yOffset at positions[4g …] (pdfkit's 1000-unit em).

/** A glyph as pdfkit's embedded font reads it when it encodes text (fontkit's glyph objects have more). */
export interface ShapedGlyph {
  readonly id: number;
  /** Font units, unscaled. */
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** A glyph's place as pdfkit keeps it: fontkit's position scaled to a 1000-unit em, and the glyph's own advance. */
export interface ShapedPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly advanceWidth: number;
}

/** One shaped word (pdfkit's layout cache entry): what its embedded font needs to measure, encode and subset it. */
export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  readonly positions: readonly ShapedPosition[];
  /** The sum of the positions' xAdvance, in order (as fontkit's GlyphRun computes it). */
  readonly advanceWidth: number;
}

export interface ShapingTable {
  readonly texts: readonly string[];
  readonly glyphStart: Uint32Array;
  readonly ids: Uint32Array;
  readonly advances: Float64Array;
  readonly codePointStart: Uint32Array;
  readonly codePoints: Uint32Array;
  readonly positions: Float64Array;
}

/** The run of entry `i`, as shaping the text again would give it (`scale` = 1000 / units per em). */
export function runAt(table: ShapingTable, i: number, scale: number): ShapedRun {
  const { glyphStart, ids, advances, codePointStart, codePoints, positions } = table;
  const glyphs: ShapedGlyph[] = [];
  const placed: ShapedPosition[] = [];
  let advanceWidth = 0;
  for (let g = glyphStart[i]!; g < glyphStart[i + 1]!; g++) {
    const advance = advances[g]!;
    glyphs.push({ id: ids[g]!, advanceWidth: advance, codePoints: Array.from(codePoints.subarray(codePointStart[g]!, codePointStart[g + 1]!)) });
    const p = 4 * g;
    const xAdvance = positions[p]!;
    placed.push({ xAdvance, yAdvance: positions[p + 1]!, xOffset: positions[p + 2]!, yOffset: positions[p + 3]!, advanceWidth: advance * scale });
    advanceWidth += xAdvance;
  }
  return { glyphs, positions: placed, advanceWidth };
}

/** An entry of a table, kept as it is until a document uses it. */
export class StoredRun {
  constructor(
    readonly table: ShapingTable,
    readonly index: number,
  ) {}
}

/** `table` (none: an empty one) with the runs of `texts` after its own entries, copied into new arrays at once. */
export function appendRuns(table: ShapingTable | undefined, texts: readonly string[], runOf: (text: string) => ShapedRun): ShapingTable {
  const runs = texts.map(runOf);
  const oldGlyphs = table?.ids.length ?? 0;
  const oldCodePoints = table?.codePoints.length ?? 0;
  let glyphCount = oldGlyphs;
  let codePointCount = oldCodePoints;
  for (const run of runs) {
    glyphCount += run.glyphs.length;
    for (const glyph of run.glyphs) codePointCount += glyph.codePoints.length;
  }
  const n = (table?.texts.length ?? 0) + texts.length;
  const glyphStart = new Uint32Array(n + 1);
  const ids = new Uint32Array(glyphCount);
  const advances = new Float64Array(glyphCount);
  const codePointStart = new Uint32Array(glyphCount + 1);
  const codePoints = new Uint32Array(codePointCount);
  const positions = new Float64Array(4 * glyphCount);
  if (table) {
    glyphStart.set(table.glyphStart);
    ids.set(table.ids);
    advances.set(table.advances);
    codePointStart.set(table.codePointStart);
    codePoints.set(table.codePoints);
    positions.set(table.positions);
  }
  let entry = table?.texts.length ?? 0;
  let g = oldGlyphs;
  let c = oldCodePoints;
  for (const run of runs) {
    const { glyphs, positions: placed } = run;
    for (let i = 0; i < glyphs.length; i++, g++) {
      const glyph = glyphs[i]!;
      const p = placed[i]!;
      ids[g] = glyph.id;
      advances[g] = glyph.advanceWidth;
      for (const cp of glyph.codePoints) codePoints[c++] = cp;
      codePointStart[g + 1] = c;
      positions[4 * g] = p.xAdvance;
      positions[4 * g + 1] = p.yAdvance;
      positions[4 * g + 2] = p.xOffset;
      positions[4 * g + 3] = p.yOffset;
    }
    glyphStart[++entry] = g;
  }
  return { texts: table ? table.texts.concat(texts) : texts.slice(), glyphStart, ids, advances, codePointStart, codePoints, positions };
}

/** Builds a table entry by entry, from runs or from another table's entries (copied as they are). */
export class TableBuilder {
  private readonly texts: string[] = [];
  private readonly glyphStart: number[] = [0];
  private readonly ids: number[] = [];
  private readonly advances: number[] = [];
  private readonly codePointStart: number[] = [0];
  private readonly codePoints: number[] = [];
  private readonly positions: number[] = [];

  get size(): number {
    return this.texts.length;
  }

  add(text: string, run: ShapedRun | StoredRun): void {
    this.texts.push(text);
    if (run instanceof StoredRun) {
      const t = run.table;
      for (let g = t.glyphStart[run.index]!; g < t.glyphStart[run.index + 1]!; g++) {
        this.ids.push(t.ids[g]!);
        this.advances.push(t.advances[g]!);
        for (let c = t.codePointStart[g]!; c < t.codePointStart[g + 1]!; c++) this.codePoints.push(t.codePoints[c]!);
        this.codePointStart.push(this.codePoints.length);
        this.positions.push(t.positions[4 * g]!, t.positions[4 * g + 1]!, t.positions[4 * g + 2]!, t.positions[4 * g + 3]!);
      }
    } else {
      run.glyphs.forEach((glyph, i) => {
        const p = run.positions[i]!;
        this.ids.push(glyph.id);
        this.advances.push(glyph.advanceWidth);
        for (const cp of glyph.codePoints) this.codePoints.push(cp);
        this.codePointStart.push(this.codePoints.length);
        this.positions.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
      });
    }
    this.glyphStart.push(this.ids.length);
  }

  build(): ShapingTable {
    return {
      texts: [...this.texts],
      glyphStart: Uint32Array.from(this.glyphStart),
      ids: Uint32Array.from(this.ids),
      advances: Float64Array.from(this.advances),
      codePointStart: Uint32Array.from(this.codePointStart),
      codePoints: Uint32Array.from(this.codePoints),
      positions: Float64Array.from(this.positions),
    };
  }
}

/** Offsets that start at 0, never go back, and end at `end`. */
function offsets(a: unknown, length: number, end: number): a is Uint32Array {
  if (!(a instanceof Uint32Array) || a.length !== length || a[0] !== 0 || a[length - 1] !== end) return false;
  for (let i = 1; i < length; i++) if (a[i]! < a[i - 1]!) return false;
  return true;
}

function finite(a: unknown, length: number): a is Float64Array {
  if (!(a instanceof Float64Array) || a.length !== length) return false;
  for (let i = 0; i < length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** `value` as a table whose glyph ids are below `glyphCount`, or undefined when it is anything else. */
export function asTable(value: unknown, glyphCount: number): ShapingTable | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = value as Partial<Record<keyof ShapingTable, unknown>>;
  const { texts, ids, codePoints } = t;
  if (!Array.isArray(texts) || !texts.every((s) => typeof s === 'string')) return undefined;
  if (!(ids instanceof Uint32Array) || !(codePoints instanceof Uint32Array)) return undefined;
  if (!offsets(t.glyphStart, texts.length + 1, ids.length) || !offsets(t.codePointStart, ids.length + 1, codePoints.length)) return undefined;
  if (!finite(t.advances, ids.length) || !finite(t.positions, 4 * ids.length)) return undefined;
  for (let g = 0; g < ids.length; g++) if (ids[g]! >= glyphCount) return undefined;
  for (let c = 0; c < codePoints.length; c++) if (codePoints[c]! > 0x10ffff) return undefined;
  return t as ShapingTable;
}
