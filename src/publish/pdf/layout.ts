// The layout context of one PDF: the pdfkit document, the cursor on the current page, the structure
// tree being built (tagged PDF) and the boxes open across page breaks.
import type { DocumentWarning, Direction } from '../../handbook/document.ts';
import { replay, Recorder, type DisplayList, type DisplayTarget } from './display-list.ts';
import type { FontBook } from './fonts.ts';
import type { Images, PlacedImage } from './images.ts';
import { showFaceText, textColor, type TextContext } from './text.ts';
import type { Theme } from './theme.ts';

/** A horizontal slice of the page that a block lays out in. */
export interface Frame {
  readonly left: number;
  readonly width: number;
}

/** Something drawn around content that may cross pages (a callout's box): told where each page's part ends. */
export interface OpenBox {
  /** Draws the part of the box on the current page, from `top` to `bottom`. */
  drawPart(top: number, bottom: number, last: boolean): void;
  top: number;
}

type StructElement = PDFKit.PDFStructureElement;

/** A structure element's type (`P`, `TD`…), which its marked content is tagged with. */
const typeOf = (el: StructElement): string => (el as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S;

export class Layout implements TextContext, DisplayTarget {
  article = '';
  articleLine = 0;
  y: number;
  readonly boxes: OpenBox[] = [];
  private readonly structs: StructElement[] = [];
  private marking: StructElement | undefined;
  /** The element a Link being drawn stands in. */
  private linkParent: StructElement | undefined;
  /** The outline (bookmark) items new headings go under: the article's, then its last h2's. */
  outline: PDFKit.PDFOutline[] = [];
  /** The page (1-based) each article and heading id starts on. */
  readonly pages = new Map<string, number>();
  /** While an article's display list is recorded: the recorder, whose stand-in is `doc`. */
  recorder: Recorder | undefined;
  /** The document drawn on: pdfkit's, or the recorder's stand-in for it. */
  doc: PDFKit.PDFDocument;

  /**
   * The base direction of the block being laid out, as HTML's `dir` is inherited: the nearest one an
   * enclosing element states, else the handbook's (see `inDirection`).
   */
  inherited: Direction;

  constructor(
    doc: PDFKit.PDFDocument,
    readonly fonts: FontBook,
    readonly images: Images,
    readonly theme: Theme,
    readonly direction: Direction,
    readonly language: string,
    readonly warnings: DocumentWarning[],
  ) {
    this.doc = doc;
    this.inherited = direction;
    this.y = theme.margin.top;
  }

  /** Lays out `content` in the direction an element states (`dir`), if it states one. */
  inDirection(stated: Direction | undefined, content: () => void): void {
    const outer = this.inherited;
    this.inherited = stated ?? outer;
    try {
      content();
    } finally {
      this.inherited = outer;
    }
  }

  /**
   * Lays an article out with `draw`, recording its display list under the layout's `stamp`;
   * undefined when a call could not be recorded (the article is drawn all the same).
   */
  record(draw: () => void, stamp: string): DisplayList | undefined {
    const real = this.doc;
    const recorder = new Recorder(real);
    this.recorder = recorder;
    this.doc = recorder.doc;
    this.fonts.onUse = (name) => recorder.face(name);
    try {
      draw();
    } finally {
      this.doc = real;
      this.recorder = undefined;
      this.fonts.onUse = undefined;
    }
    return recorder.list(stamp);
  }

  /** Draws an article from the display list an earlier build recorded; false, having drawn nothing, when the list is damaged. */
  replay(list: DisplayList): boolean {
    return replay(this, list);
  }

  knowsFace(name: string): boolean {
    return this.fonts.knows(name);
  }

  hasFace(name: string): boolean {
    return this.fonts.has(name);
  }

  useFace(name: string): void {
    this.fonts.useNamed(name);
  }

  /** The picture at `src` (logged when recording). */
  openPicture(src: string): PlacedImage | Error {
    const picture = this.images.get(src);
    this.recorder?.picture(src, picture);
    return picture;
  }

  textColor(doc: PDFKit.PDFDocument, color: string): void {
    textColor(doc, color);
  }

  showText(doc: PDFKit.PDFDocument, face: string, size: number, text: string, x: number, y: number): void {
    showFaceText(doc, face, size, text, x, y);
  }

  /** Notes that `id` (an article, a heading) starts on the current page. */
  place(id: string): void {
    this.pages.set(id, this.pageNumber);
    this.recorder?.place(id);
  }

  get top(): number {
    return this.theme.margin.top;
  }
  get bottom(): number {
    return this.doc.page.height - this.theme.margin.bottom;
  }
  get page(): Frame {
    const m = this.theme.margin;
    return { left: m.left, width: this.doc.page.width - m.left - m.right };
  }
  /** The page number (1-based) the cursor is on. */
  get pageNumber(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count;
  }

  warn(kind: string, message: string): void {
    this.warnings.push({ file: this.article, line: this.articleLine, kind, message });
    this.recorder?.warn(kind, message, this.articleLine);
  }

  newPage(): void {
    this.closeMarking();
    for (const b of this.boxes) b.drawPart(b.top, this.bottom, false);
    this.doc.addPage();
    this.y = this.top;
    for (const b of this.boxes) b.top = this.y;
  }

  /** Starts a new page unless `height` points still fit on this one (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top + 0.5) this.newPage();
  }

  // Structure tree ---------------------------------------------------------------------------

  /** Opens a structure element as the last child of the current one (or of the root). */
  open(type: string, options: PDFKit.Mixins.StructureElementOptions = {}): StructElement {
    this.closeMarking();
    const el = this.doc.struct(type, options);
    const parent = this.structs[this.structs.length - 1];
    if (parent) parent.add(el);
    else this.doc.addStructure(el);
    this.structs.push(el);
    return el;
  }

  close(el: StructElement): void {
    this.closeMarking();
    const top = this.structs.pop();
    if (top !== el) throw new Error('PDF structure closed out of order');
    el.end();
  }

  /** Runs `draw` inside a structure element made earlier (the contents, filled in last). */
  reenter(el: StructElement, draw: () => void): void {
    this.closeMarking();
    this.structs.push(el);
    try {
      draw();
    } finally {
      this.closeMarking();
      this.structs.pop();
    }
  }

  /** Runs `draw` inside a structure element of `type`. */
  within<T>(type: string, draw: () => T, options: PDFKit.Mixins.StructureElementOptions = {}): T {
    const el = this.open(type, options);
    try {
      return draw();
    } finally {
      this.close(el);
    }
  }

  /** Makes sure what is drawn next is marked content of the current structure element. */
  mark(): void {
    const el = this.structs[this.structs.length - 1];
    if (!el || this.marking === el) return;
    this.closeMarking();
    el.add(this.doc.markStructureContent(typeOf(el)));
    this.marking = el;
  }

  openLink(): StructElement | undefined {
    const parent = this.marking;
    if (!parent) return undefined;
    this.closeMarking();
    const link = this.doc.struct('Link');
    parent.add(link);
    link.add(this.doc.markStructureContent('Link'));
    this.linkParent = parent;
    return link;
  }

  closeLink(link: StructElement): void {
    this.doc.endMarkedContent();
    link.end();
    // The rest of the line is the enclosing element's content again.
    const parent = this.linkParent!;
    parent.add(this.doc.markStructureContent(typeOf(parent)));
    this.marking = parent;
    this.linkParent = undefined;
  }

  closeMarking(): void {
    if (this.marking) {
      this.doc.endMarkedContent();
      this.marking = undefined;
    }
  }

  /** Draws decoration (rules, boxes, page furniture) outside the structure tree. */
  artifact(draw: () => void, type = 'Layout'): void {
    this.closeMarking();
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.doc.endMarkedContent();
  }
}
