// Text runs of the PDF writer: styled spans of a paragraph → pieces (one face, one style, one bidi
// level each) → lines filled greedily at break opportunities → drawn in visual order. Mixed
// direction follows the Unicode bidirectional algorithm (bidi-js); Arabic and Hebrew pieces are
// handed to fontkit in logical order, which shapes them and lays their glyphs out right to left.
import * as bidiJs from 'bidi-js';
import { isInvisible, type Face, type FontBook, type FontStyle } from './fonts.ts';
import { MissingGlyphError } from './missing-glyph.ts';
import { unitWidth } from './shaping.ts';
import type { Recorder } from './display-list.ts';
import { showText } from './show-text.ts';

// bidi-js is CommonJS: its module object is the factory.
const bidi = (bidiJs as unknown as { default: () => bidiJs.Bidi }).default();

export interface TextStyle {
  readonly font: FontStyle;
  readonly size: number;
  readonly color: string;
  /** An absolute URL, or `#id` for a place in the document. */
  readonly link?: string;
  readonly underline?: boolean;
  readonly strike?: boolean;
  /** A fill behind the text (inline code). */
  readonly background?: string;
  /** An icon's box (`fa-fw`), in em: at least this wide, its glyph centred. */
  readonly box?: number;
  /** Clockwise degrees an icon is turned about its centre (`fa-rotate-270`). */
  readonly rotate?: number;
}

export interface Span {
  readonly text: string;
  readonly style: TextStyle;
}

export interface Piece {
  readonly text: string;
  readonly face: Face;
  readonly style: TextStyle;
  readonly level: number;
  readonly width: number;
  /** A line may end after this piece. */
  readonly breakAfter: boolean;
  readonly space: boolean;
  readonly hardBreak: boolean;
}

export interface Line {
  /** In logical order. */
  readonly pieces: readonly Piece[];
  readonly width: number;
  readonly ascent: number;
  readonly height: number;
}

export interface TextContext {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontBook;
  /** The article being laid out, named in errors. */
  readonly article: string;
  /**
   * Tagged PDF: opens a Link structure element for a link's run inside the marked content being
   * drawn (undefined outside the structure: page furniture, repeated table headers)…
   */
  openLink?(): PDFKit.PDFStructureElement | undefined;
  /** …and closes it once its text and its annotation (the element's OBJR) are in. */
  closeLink?(link: PDFKit.PDFStructureElement): void;
  /** Logs the text drawn while an article's display list is recorded (display-list.ts). */
  readonly recorder?: Recorder | undefined;
}

export type Direction = 'ltr' | 'rtl';

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG_RTL = /[\u05d0-\u05ea\u05f0-\u05f2\u0620-\u064a\u066e-\u06d3\u06d5\u06e5\u06e6\u06ee-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb1d-\ufdff\ufe70-\ufefc]/;

function isCjk(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}
/** CJK punctuation no line may start with. */
const NO_BREAK_BEFORE = new Set([...'、。，．・：；？！）」』】〕〉》ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ…'].map((c) => c.codePointAt(0)!));
const NO_BREAK_AFTER = new Set([...'（「『【〔〈《'].map((c) => c.codePointAt(0)!));

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000;
}

/** Spans with white space collapsed as HTML does outside `pre`. */
export function collapseSpaces(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let lastSpace = true;
  for (const s of spans) {
    if (s.text === '\n') {
      out.push(s);
      lastSpace = true;
      continue;
    }
    let t = s.text.replace(/[ \t\r\n\f]+/g, ' ');
    if (lastSpace && t.startsWith(' ')) t = t.slice(1);
    if (t === '') continue;
    lastSpace = t.endsWith(' ');
    out.push({ text: t, style: s.style });
  }
  // No trailing space before a hard break or at the end.
  for (let i = 0; i < out.length; i++) {
    const next = out[i + 1];
    if ((next === undefined || next.text === '\n') && out[i]!.text !== '\n' && out[i]!.text.endsWith(' ')) {
      out[i] = { text: out[i]!.text.replace(/ +$/, ''), style: out[i]!.style };
    }
  }
  return out.filter((s) => s.text !== '');
}

function measure(ctx: TextContext, face: Face, style: TextStyle, text: string): number {
  const width = unitWidth(face.path, text, () => ctx.doc.font(face.name).fontSize(1).widthOfString(text)) * style.size;
  return style.box ? Math.max(width, style.box * style.size) : width;
}

/** Cuts a paragraph's spans into pieces: one face, style and bidi level each, cut at break opportunities. */
export function piecesOf(ctx: TextContext, spans: readonly Span[], direction: Direction, pre = false): Piece[] {
  const full = spans.map((s) => s.text).join('');
  const levels = direction === 'ltr' && !RTL_CHAR.test(full) ? undefined : bidi.getEmbeddingLevels(full, direction).levels;
  const pieces: Piece[] = [];
  let offset = 0;
  let lastFace: Face | undefined;
  for (const span of spans) {
    if (span.text === '\n') {
      pieces.push({ text: '', face: lastFace ?? ctx.fonts.faceFor(0x20, span.style.font)!, style: span.style, level: 0, width: 0, breakAfter: true, space: false, hardBreak: true });
      offset += 1;
      continue;
    }
    let text = '';
    let face: Face | undefined;
    let level = 0;
    let space = false;
    let prevCp = -1;
    const flush = (breakAfter: boolean): void => {
      if (text !== '' && face) {
        pieces.push({ text, face, style: span.style, level, width: measure(ctx, face, span.style, text), breakAfter, space, hardBreak: false });
      }
      text = '';
    };
    for (const ch of span.text) {
      const cp = ch.codePointAt(0)!;
      const lvl = levels ? levels[offset]! : 0;
      offset += ch.length;
      if (isInvisible(cp) && cp !== 0x200c && cp !== 0x200d) continue;
      const sp = isSpace(cp) && !pre;
      let f: Face | undefined;
      if ((cp === 0x200c || cp === 0x200d || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x64b && cp <= 0x65f) || cp === 0x670) && face) {
        f = face; // joiners and combining marks stay with their base character
      } else {
        f = ctx.fonts.faceFor(cp, span.style.font);
        if (!f) throw new MissingGlyphError(ctx.article, ch);
      }
      // A break opportunity before this character?
      const breakBefore =
        text !== '' &&
        (space
          ? !sp
          : sp || ((isCjk(cp) || isCjk(prevCp)) && !NO_BREAK_BEFORE.has(cp) && !NO_BREAK_AFTER.has(prevCp)) || (pre && prevCp !== -1 && isSpace(prevCp) && !isSpace(cp)));
      if (breakBefore) flush(true);
      else if (text !== '' && (f !== face || lvl !== level)) flush(false);
      if (text === '') {
        face = f;
        level = lvl;
        space = sp;
      }
      text += ch;
      prevCp = cp;
    }
    flush(false);
  }
  // A span boundary between two spaces or after a space is a break opportunity too.
  for (let i = 0; i < pieces.length - 1; i++) {
    const p = pieces[i]!;
    const n = pieces[i + 1]!;
    if (!p.breakAfter && (p.space || n.space) && !n.hardBreak) pieces[i] = { ...p, breakAfter: true };
  }
  return pieces;
}

/** Splits a piece too wide for any line into pieces of whole characters that fit. */
function splitWide(ctx: TextContext, p: Piece, width: number): Piece[] {
  const out: Piece[] = [];
  let text = '';
  let w = 0;
  for (const ch of p.text) {
    const cw = measure(ctx, p.face, p.style, ch);
    if (text !== '' && w + cw > width) {
      out.push({ ...p, text, width: w, breakAfter: true });
      text = '';
      w = 0;
    }
    text += ch;
    w += cw;
  }
  if (text !== '') out.push({ ...p, text, width: w });
  return out;
}

function lineOf(pieces: Piece[]): Line {
  // Spaces at the end of a line take no room.
  while (pieces.length > 1 && pieces[pieces.length - 1]!.space) pieces.pop();
  let width = 0;
  let size = 0;
  for (const p of pieces) {
    width += p.space && pieces.length === 1 ? 0 : p.width;
    // An icon takes 3/4 of its size in height, as Font Awesome's line-height: an `fa-lg` icon leaves the line as it is.
    size = Math.max(size, p.style.font === 'icon' ? p.style.size * 0.75 : p.style.size);
  }
  return { pieces, width, ascent: size * 1.05, height: size * 1.45 };
}

/** Fills lines of at most `width` points, breaking at opportunities (words, CJK characters, hard breaks). */
export function breakLines(ctx: TextContext, pieces: readonly Piece[], width: number): Line[] {
  const lines: Line[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let word: Piece[] = [];
  let wordWidth = 0;
  const endLine = (): void => {
    if (line.length) lines.push(lineOf(line));
    line = [];
    lineWidth = 0;
  };
  const placeWord = (): void => {
    if (!word.length) return;
    const leadingSpace = line.length === 0 && word.every((p) => p.space);
    if (leadingSpace) {
      word = [];
      wordWidth = 0;
      return;
    }
    const trailingSpaces = word.filter((p) => p.space).reduce((a, p) => a + p.width, 0);
    if (line.length && lineWidth + wordWidth - trailingSpaces > width) endLine();
    if (line.length === 0 && wordWidth - trailingSpaces > width) {
      // A word longer than the line: cut it at characters.
      for (const p of word) {
        for (const part of p.width > width ? splitWide(ctx, p, width) : [p]) {
          if (line.length && lineWidth + part.width > width) endLine();
          if (line.length === 0 && part.space) continue;
          line.push(part);
          lineWidth += part.width;
        }
      }
    } else {
      for (const p of word) {
        if (line.length === 0 && p.space) continue;
        line.push(p);
        lineWidth += p.width;
      }
    }
    word = [];
    wordWidth = 0;
  };
  for (const p of pieces) {
    if (p.hardBreak) {
      placeWord();
      if (line.length === 0) lines.push({ pieces: [], width: 0, ascent: p.style.size * 1.05, height: p.style.size * 1.45 });
      else endLine();
      continue;
    }
    word.push(p);
    wordWidth += p.width;
    if (p.breakAfter) placeWord();
  }
  placeWord();
  endLine();
  return lines;
}

/** The pieces of a line in the order they are drawn, left to right (rule L2 of the bidi algorithm). */
export function visualOrder(pieces: readonly Piece[]): Piece[] {
  const out = [...pieces];
  if (!out.some((p) => p.level > 0)) return out;
  const max = Math.max(...out.map((p) => p.level));
  const min = Math.min(...out.map((p) => p.level));
  // From the highest level down to the lowest odd level of the line.
  for (let level = max; level >= (min % 2 === 1 ? min : min + 1); level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level >= level) {
        let j = i;
        while (j < out.length && out[j]!.level >= level) j++;
        const rev = out.slice(i, j).reverse();
        out.splice(i, j - i, ...rev);
        i = j;
      } else i++;
    }
  }
  return out;
}

/** The string handed to pdfkit for a piece: right-to-left text without Arabic or Hebrew letters is reversed (and mirrored) here; fontkit reverses the rest. */
export function drawnText(p: Piece): string {
  if (p.level % 2 === 0 || STRONG_RTL.test(p.text)) return p.text;
  return [...p.text].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
}

export type Align = 'start' | 'end' | 'center';

interface Run {
  text: string;
  readonly piece: Piece;
  width: number;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.font === b.font && a.size === b.size && a.color === b.color && a.link === b.link && a.underline === b.underline && a.strike === b.strike && a.background === b.background);
}

/**
 * Neighbouring left-to-right pieces of one face and style, drawn with one call. Right-to-left pieces
 * stay apart: pdfkit shapes each word of a string separately and would put them left to right.
 */
function runsOf(pieces: readonly Piece[]): Run[] {
  const runs: Run[] = [];
  for (const p of visualOrder(pieces)) {
    const last = runs[runs.length - 1];
    if (last && p.level % 2 === 0 && last.piece.level % 2 === 0 && last.piece.face === p.face && sameStyle(last.piece.style, p.style) && !p.style.box && !p.style.rotate) {
      last.text += p.text;
      last.width += p.width;
    } else runs.push({ text: drawnText(p), piece: p, width: p.width });
  }
  return runs;
}

const fillColors = new WeakMap<object, string>();

/** Sets the fill colour of text, unless text on this page is already drawn in it (drawings restore their own). */
export function textColor(doc: PDFKit.PDFDocument, color: string): void {
  if (fillColors.get(doc.page) !== color) {
    doc.fillColor(color);
    fillColors.set(doc.page, color);
  }
}

/** Shows `text` in the face registered as `face` at `size`, its baseline starting at (x, y). */
export function showFaceText(doc: PDFKit.PDFDocument, face: string, size: number, text: string, x: number, y: number): void {
  doc.font(face).fontSize(size);
  showText(doc, text, x, y);
}

/** What drawLine calls to show a run: on the real document, logged when the article is being recorded. */
function show(ctx: TextContext, face: string, size: number, text: string, x: number, y: number): void {
  const recorder = ctx.recorder;
  if (recorder) {
    recorder.text(face, size, text, x, y);
    showFaceText(recorder.real, face, size, text, x, y);
  } else showFaceText(ctx.doc, face, size, text, x, y);
}

/** An icon centred in its box, turned about its centre. */
function drawIcon(ctx: TextContext, run: Run, x: number, baseline: number): void {
  const { doc } = ctx;
  const s = run.piece.style;
  const glyph = doc.font(run.piece.face.name).fontSize(s.size).widthOfString(run.text);
  if (s.rotate) doc.save().rotate(s.rotate, { origin: [x + run.width / 2, baseline - s.size * 0.36] });
  show(ctx, run.piece.face.name, s.size, run.text, x + (run.width - glyph) / 2, baseline);
  if (s.rotate) doc.restore();
}

/** Draws a line whose box starts at `top`, within [left, left + width]. Links become annotations. */
export function drawLine(ctx: TextContext, line: Line, left: number, top: number, width: number, direction: Direction, align: Align = 'start'): void {
  const { doc } = ctx;
  const free = width - line.width;
  const start = align === 'center' ? free / 2 : (align === 'start') === (direction === 'ltr') ? 0 : free;
  let x = left + start;
  const baseline = top + line.ascent + (line.height - line.ascent * 1.38) / 2;
  for (const run of runsOf(line.pieces)) {
    const s = run.piece.style;
    if (s.background) {
      doc.save().rect(x - 1, top + 1, run.width + 2, line.height - 2).fill(s.background).restore();
    }
    // The fill colour is set again only when it changes on the page (drawings restore their own).
    if (ctx.recorder) {
      ctx.recorder.color(s.color);
      textColor(ctx.recorder.real, s.color);
    } else textColor(doc, s.color);
    const tag = s.link ? ctx.openLink?.() : undefined;
    if (s.box || s.rotate) drawIcon(ctx, run, x, baseline);
    else show(ctx, run.piece.face.name, s.size, run.text, x, baseline);
    if (s.underline || s.strike) {
      const y = s.underline ? baseline + s.size * 0.12 : baseline - s.size * 0.3;
      doc.save().moveTo(x, y).lineTo(x + run.width, y).lineWidth(Math.max(0.4, s.size / 18)).strokeColor(s.color).stroke().restore();
    }
    if (s.link) {
      const options = tag ? ({ structParent: tag } as PDFKit.Mixins.AnnotationOption) : undefined;
      if (s.link.startsWith('#')) doc.goTo(x, top, run.width, line.height, s.link.slice(1), options);
      else doc.link(x, top, run.width, line.height, s.link, options);
    }
    if (tag) ctx.closeLink!(tag);
    x += run.width;
  }
}

/** Lays a paragraph out in lines of `width` points. */
export function layoutText(ctx: TextContext, spans: readonly Span[], width: number, direction: Direction, pre = false): Line[] {
  const pieces = piecesOf(ctx, pre ? spans : collapseSpaces(spans), direction, pre);
  return breakLines(ctx, pieces, width);
}
